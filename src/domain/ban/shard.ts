// The JSON form of a BAN table, one file per commune: `data/ban/<insee>.json`, written by `npm run data -- --ban FILE`
// and loaded by the deployed app. Same columns as the binary form (./table.ts), as integer arrays: deterministic text,
// small once gzipped by the web server, checked by a guard before use.

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

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isInts = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x));

/** Guard of a shard (`data/ban/<insee>.json`). */
export function checkBanShard(v: unknown): GuardResult {
  if (typeof v !== 'object' || v === null) return { ok: false, error: 'ban shard: expected an object' };
  const s = v as Partial<ShardJson>;
  if (!isStrings(s.communes) || typeof s.date !== 'string' || typeof s.source !== 'string')
    return { ok: false, error: 'ban shard: communes/date/source' };
  if (!isStrings(s.positions) || !isStrings(s.suffixes))
    return { ok: false, error: 'ban shard: dictionaries' };
  if (
    !Array.isArray(s.streets) ||
    !s.streets.every((t) => Array.isArray(t) && t.length === 3 && isStrings(t))
  )
    return { ok: false, error: 'ban shard: streets' };
  for (const key of ['lat', 'lon', 'numero', 'position', 'suffix', 'streetStart'] as const)
    if (!isInts(s[key])) return { ok: false, error: `ban shard: ${key} must be integers` };
  const n = s.numero!.length;
  if (
    s.lat!.length !== n ||
    s.lon!.length !== n ||
    s.position!.length !== n ||
    s.suffix!.length !== n ||
    s.streetStart!.length !== s.streets.length + 1 ||
    s.streetStart![s.streets.length] !== n
  )
    return { ok: false, error: 'ban shard: column lengths differ' };
  return { ok: true };
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
