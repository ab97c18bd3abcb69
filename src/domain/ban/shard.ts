// The JSON form of a BAN table, one file per commune: `data/ban/<insee>.json`, written by `npm run data -- --ban FILE`
// and loaded by the deployed app. Same columns as the binary form (./table.ts), as integer arrays: deterministic text,
// small once gzipped by the web server, checked by a guard before use.

import * as v from 'valibot';
import type { GuardResult } from '../data-types.ts';
import type { BanTable } from './table.ts';

/** Shard text: sorted keys, one column per line, `\n` at the end. */
export function banShardText(table: BanTable): string {
  const columns: [string, unknown][] = [
    ['communes', table.communes],
    ['date', table.date],
    ['lat', Array.from(table.lat)],
    ['lon', Array.from(table.lon)],
    ['numero', Array.from(table.numero)],
    ['position', Array.from(table.position)],
    ['positions', table.positions],
    ['source', table.source],
    ['streetStart', Array.from(table.streetStart)],
    ['streets', table.streets.map((s) => [s.nom, s.insee, s.code_postal])],
    ['suffix', Array.from(table.suffix)],
    ['suffixes', table.suffixes],
  ];
  return `{\n${columns.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n')}\n}\n`;
}

interface ShardJson {
  communes: string[];
  date: string;
  lat: number[];
  lon: number[];
  numero: number[];
  position: number[];
  positions: string[];
  source: string;
  streetStart: number[];
  streets: [string, string, string][];
  suffix: number[];
  suffixes: string[];
}

const isInts = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((x) => Number.isInteger(x));
/** An integer column (one value per row or per street): checked by a loop, a shard has thousands of rows. */
const ints = v.custom<number[]>(isInts, 'liste d’entiers attendue');
const texts = v.array(v.string(), 'liste de textes attendue');

const ShardSchema = v.pipe(
  v.object(
    {
      communes: texts,
      date: v.string('texte attendu'),
      source: v.string('texte attendu'),
      positions: texts,
      suffixes: texts,
      streets: v.array(
        v.strictTuple([v.string(), v.string(), v.string()]),
        '[nom, insee, code postal] attendu',
      ),
      lat: ints,
      lon: ints,
      numero: ints,
      position: ints,
      suffix: ints,
      streetStart: ints,
    },
    'objet attendu',
  ),
  v.check((s) => {
    const n = s.numero.length;
    return (
      [s.lat, s.lon, s.position, s.suffix].every((column) => column.length === n) &&
      s.streetStart.length === s.streets.length + 1 &&
      s.streetStart[s.streets.length] === n
    );
  }, 'les colonnes n’ont pas la même longueur'),
);

/** Guard of a shard (`data/ban/<insee>.json`). */
export function checkBanShard(value: unknown): GuardResult {
  if (v.is(ShardSchema, value)) return { ok: true };
  const [issue] = v.safeParse(ShardSchema, value, { abortEarly: true }).issues!;
  const key = issue!.path?.map((item) => String(item.key)).join('.');
  return { ok: false, error: `fichier BAN : ${key ? `${key} : ` : ''}${issue!.message}` };
}

/**
 * The table of a shard checked by {@link checkBanShard}.
 *
 * @example
 * banTableFromShard(JSON.parse(banShardText(table))).numero.length === table.numero.length; // → true
 */
export function banTableFromShard(value: unknown): BanTable {
  const r = checkBanShard(value);
  if (!r.ok) throw new TypeError(r.error);
  const s = value as ShardJson;
  return {
    date: s.date,
    source: s.source,
    communes: s.communes,
    streets: s.streets.map(([nom, insee, code_postal]) => ({ nom, insee, code_postal })),
    streetStart: Uint32Array.from(s.streetStart),
    numero: Uint32Array.from(s.numero),
    suffix: Uint8Array.from(s.suffix),
    suffixes: s.suffixes,
    lon: Int32Array.from(s.lon),
    lat: Int32Array.from(s.lat),
    position: Uint8Array.from(s.position),
    positions: s.positions,
  };
}
