// The street index of the geocoder: streets grouped by (name, commune) from the road centre-lines, house numbers
// from the optional BAN table, the commune aliases people type, and the inverted word index used by the scoring.

import { TERRITORY } from '../../territory/territory';
import type { BBox, Position } from '../data-types';
import { NUMBER_SUFFIXES, normalizeText, STOP_WORDS, STREET_TYPES, tokenize } from '../normalize';
import { decodeStreets } from '../street-index-file';
import type { Commune, GeocoderInput, IndexedCommune, IndexedStreet } from './types';

/** Splits a street name into its type (first word, when it is one), its significant words and its key. */
export function streetWords(name: string): { type: string | null; words: string[]; key: string } {
  const tokens = tokenize(name);
  let type: string | null = null;
  if (tokens.length > 1 && STREET_TYPES.has(tokens[0]!)) type = tokens[0]!;
  const words = tokens.slice(type ? 1 : 0).filter((t) => !STOP_WORDS.has(t));
  return { type, words, key: tokens.join(' ') };
}

function communeAliases(insee: string, nom: string): string[][] {
  const full = tokenize(nom);
  const aliases = [full];
  // « Marcq-en-Barœul » → « marcq », « Saint-André-lez-Lille » → « saint andre »: the part before the connector.
  const connector = full.findIndex(
    (t, i) => i > 0 && ['en', 'lez', 'les', 'sur', 'd', 'de', 'sous'].includes(t),
  );
  if (connector > 0) aliases.push(full.slice(0, connector));
  for (const extra of (TERRITORY.communeAliases as Readonly<Record<string, readonly string[]>>)[insee] ?? [])
    aliases.push(tokenize(extra));
  return aliases;
}

function longestPieceMiddle(lines: readonly (readonly Position[])[]): Position {
  let best: readonly Position[] | null = null;
  let bestLength = -1;
  const lengthOf = (line: readonly Position[]) => {
    let sum = 0;
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      sum += Math.hypot((b[0] - a[0]) * 0.63, b[1] - a[1]);
    }
    return sum;
  };
  for (const line of lines) {
    const length = lengthOf(line);
    if (length > bestLength) {
      bestLength = length;
      best = line;
    }
  }
  if (!best || best.length === 0) return [0, 0];
  let half = bestLength / 2;
  for (let i = 1; i < best.length; i++) {
    const a = best[i - 1]!;
    const b = best[i]!;
    const step = Math.hypot((b[0] - a[0]) * 0.63, b[1] - a[1]);
    if (step >= half && step > 0) {
      const t = half / step;
      return [round7(a[0] + t * (b[0] - a[0])), round7(a[1] + t * (b[1] - a[1]))];
    }
    half -= step;
  }
  return best[0]!;
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

function bboxOfLines(lines: readonly (readonly Position[])[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const line of lines) {
    for (const [x, y] of line) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/**
 * Normalised repetition suffix: « bis », « ter »…, or a single letter (« a », « b »).
 *
 * @example
 * normalizeSuffix('BIS') // → 'bis'; normalizeSuffix('B') → 'b'; normalizeSuffix(null) → null
 */
export function normalizeSuffix(suffix: string | null | undefined): string | null {
  if (!suffix) return null;
  const s = normalizeText(suffix).replace(/\s+/g, '');
  if (s === '') return null;
  // Own keys only: « constructor » is no suffix.
  const known = Object.hasOwn(NUMBER_SUFFIXES, s) ? NUMBER_SUFFIXES[s] : undefined;
  if (known && s.length > 1) return known;
  return s;
}

export function numberKey(numero: number, suffix: string | null): string {
  return suffix ? `${numero} ${suffix}` : String(numero);
}

/** Everything the scoring, the readings and the matches share, built once by {@link buildStreetIndex}. */
export interface StreetIndex {
  communes: IndexedCommune[];
  communeByInsee: Map<string, IndexedCommune>;
  coveredPostcodes: Set<string>;
  streets: IndexedStreet[];
  /** Word → ids of the streets having it. */
  postings: Map<string, number[]>;
  /** Sorted words of `postings` (prefix search by bisection). */
  vocabulary: string[];
  hasAddresses: boolean;
}

/** Builds the index (≈ 50 ms for the ~4 800 streets of the area). */
export function buildStreetIndex(input: GeocoderInput): StreetIndex {
  const file = input.streetIndex;
  if (!file && !(input.roads && input.communes))
    throw new TypeError('createGeocoder: streetIndex, or roads and communes, expected');
  const communeList = file
    ? file.communes.map(([insee, nom, codes_postaux]) => ({ insee, nom, codes_postaux }))
    : input.communes!.features.map((f) => f.properties);
  const communes: IndexedCommune[] = communeList.map((c) => ({
    insee: c.insee,
    nom: c.nom,
    codes_postaux: c.codes_postaux,
    aliases: communeAliases(c.insee, c.nom),
  }));
  const communeByInsee = new Map(communes.map((c) => [c.insee, c]));
  const coveredPostcodes = new Set(communes.flatMap((c) => c.codes_postaux));

  // Streets from the road centre-lines, grouped by (nom, insee), in a stable order.
  const groups = new Map<string, { nom: string; insee: string; lines: Position[][] }>();
  for (const feature of input.roads?.features ?? []) {
    const { nom, insee } = feature.properties;
    if (!nom || !insee || !communeByInsee.has(insee)) continue;
    const key = `${insee}\u0000${nom}`;
    let group = groups.get(key);
    if (!group) {
      group = { nom, insee, lines: [] };
      groups.set(key, group);
    }
    group.lines.push(feature.geometry.coordinates);
  }
  const streets: IndexedStreet[] = [];
  const byKey = new Map<string, IndexedStreet>();
  const addStreet = (
    nom: string,
    insee: string,
    lines: Position[][],
    parts: { type: string | null; words: string[]; key: string },
    center?: Position,
    bbox?: BBox,
  ) => {
    const commune = communeByInsee.get(insee)!;
    const { type, words, key } = parts;
    const street: IndexedStreet = {
      id: streets.length,
      nom,
      insee,
      commune: commune.nom,
      codes_postaux: commune.codes_postaux,
      lines,
      center: center ?? longestPieceMiddle(lines),
      bbox: bbox ?? bboxOfLines(lines),
      type,
      words,
      key,
      numbers: null,
    };
    streets.push(street);
    byKey.set(`${insee} ${street.key}`, street);
    return street;
  };
  for (const group of [...groups.values()].sort(
    (a, b) => a.insee.localeCompare(b.insee) || a.nom.localeCompare(b.nom, 'fr'),
  )) {
    const parts = streetWords(group.nom);
    if (parts.words.length === 0) continue;
    addStreet(group.nom, group.insee, group.lines, parts);
  }
  // The compact index: the same streets in the same order (written from the list above by `npm run data`), with
  // their placement point and bbox but no centre-lines.
  for (const { nom, insee, center, bbox } of file ? decodeStreets(file) : []) {
    if (!communeByInsee.has(insee)) continue;
    addStreet(nom, insee, [], streetWords(nom), center, bbox);
  }

  // BAN points: attach them to the street of the same normalised name in the same commune, or create the street.
  const addresses = input.addresses ?? null;
  if (addresses) {
    const groups = new Map<
      string,
      { nom: string; insee: string; points: [number, string | null, Position][] }
    >();
    for (const [numero, rep, nomVoie, , insee, lon, lat] of addresses.rows) {
      if (!communeByInsee.has(insee)) continue;
      const key = `${insee} ${tokenize(nomVoie).join(' ')}`;
      let group = groups.get(key);
      if (!group) {
        group = { nom: nomVoie, insee, points: [] };
        groups.set(key, group);
      }
      group.points.push([numero, normalizeSuffix(rep), [lon, lat]]);
    }
    for (const [key, group] of groups) {
      let street = byKey.get(key);
      if (!street) {
        const parts = streetWords(group.nom);
        if (parts.words.length === 0) continue;
        // No centre-line: the house numbers in order draw the street, and the middle number places it.
        const ordered = [...group.points].sort((p, q) => p[0] - q[0]).map((p) => p[2]);
        street = addStreet(
          group.nom,
          group.insee,
          ordered.length > 1 ? [ordered] : [],
          parts,
          ordered[ordered.length >> 1],
        );
      }
      street.numbers = new Map(
        group.points.map(([numero, suffix, position]) => [numberKey(numero, suffix), position]),
      );
    }
  }

  // Inverted index: word → streets; sorted vocabulary for prefixes.
  const postings = new Map<string, number[]>();
  for (const street of streets) {
    for (const word of new Set(street.words)) {
      let list = postings.get(word);
      if (!list) {
        list = [];
        postings.set(word, list);
      }
      list.push(street.id);
    }
  }
  const vocabulary = [...postings.keys()].sort();
  return {
    communes,
    communeByInsee,
    coveredPostcodes,
    streets,
    postings,
    vocabulary,
    hasAddresses: addresses !== null && addresses.rows.length > 0,
  };
}

export type { Commune };
