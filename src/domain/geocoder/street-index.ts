// The street index of the geocoder: streets grouped by (name, commune) from the road centre-lines, house numbers
// from the optional BAN table, the commune aliases people type, and the inverted word index used by the scoring.

import { TERRITORY } from '../../territory/territory';
import { banTableFromAddressTable } from '../ban/numbers';
import type { BBox, Position } from '../data-types';
import { NUMBER_SUFFIXES, normalizeText, STOP_WORDS, STREET_TYPES, tokenize } from '../normalize';
import { communeCoverage, partialCoverageWords } from './coverage';
import { type StreetNumbers, streetPoints } from './house-numbers';
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
  // « La Madeleine » is also typed « Madeleine ».
  if (full.length > 1 && ['la', 'le', 'les'].includes(full[0]!)) aliases.push(full.slice(1));
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
  const communes: IndexedCommune[] = input.communes.features.map((f) => {
    const official = (TERRITORY.officialNames as Readonly<Record<string, string>>)[f.properties.insee];
    const nom = official ?? f.properties.nom;
    const coverage = communeCoverage(
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
      [...TERRITORY.roadsBox] as BBox,
    );
    return {
      insee: f.properties.insee,
      nom,
      codes_postaux: f.properties.codes_postaux,
      couverture: coverage.couverture,
      cote_couvert: coverage.cote,
      aliases: communeAliases(f.properties.insee, nom),
    };
  });
  const communeByInsee = new Map(communes.map((c) => [c.insee, c]));
  const associated = TERRITORY.associatedCommunes as Readonly<
    Record<string, readonly { nom: string; codePostal: string; inRoadsBox: boolean }[]>
  >;
  const partialWords = new Map(
    communes.map((c) => [
      c.insee,
      partialCoverageWords(c.nom, c.couverture, c.cote_couvert, associated[c.insee] ?? []),
    ]),
  );
  const coveredPostcodes = new Set(communes.flatMap((c) => c.codes_postaux));

  // Streets from the road centre-lines, grouped by (nom, insee), in a stable order.
  const groups = new Map<string, { nom: string; insee: string; lines: Position[][] }>();
  for (const feature of input.roads.features) {
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
  ) => {
    const commune = communeByInsee.get(insee)!;
    const { type, words, key } = parts;
    const partial = partialWords.get(insee) ?? null;
    const street: IndexedStreet = {
      id: streets.length,
      nom,
      insee,
      commune: commune.nom,
      codes_postaux: commune.codes_postaux,
      lines,
      center: center ?? longestPieceMiddle(lines),
      bbox: bboxOfLines(lines),
      type,
      words,
      key,
      numbers: null,
      zone: partial?.zone ?? null,
      partie: partial?.partie ?? null,
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

  // BAN points: attach each BAN street to the street of the same normalised name in the same commune, or create
  // the street (no centre-line: its numbers in order draw it, the middle number places it).
  const ban = input.ban ?? (input.addresses ? banTableFromAddressTable(input.addresses) : null);
  if (ban) {
    const suffixes = ban.suffixes.map((v) => normalizeSuffix(v));
    const attached = new Map<string, StreetNumbers>();
    ban.streets.forEach((banStreet, id) => {
      if (!communeByInsee.has(banStreet.insee) || ban.streetStart[id] === ban.streetStart[id + 1]) return;
      const key = `${banStreet.insee} ${tokenize(banStreet.nom).join(' ')}`;
      let numbers = attached.get(key);
      if (!numbers) {
        numbers = { table: ban, banStreets: [], suffixes };
        attached.set(key, numbers);
      }
      numbers.banStreets.push(id);
    });
    for (const [key, numbers] of attached) {
      let street = byKey.get(key);
      if (!street) {
        const parts = streetWords(ban.streets[numbers.banStreets[0]!]!.nom);
        if (parts.words.length === 0) continue;
        const first = ban.streets[numbers.banStreets[0]!]!;
        const ordered = streetPoints(numbers);
        street = addStreet(
          first.nom,
          first.insee,
          ordered.length > 1 ? [ordered] : [],
          parts,
          ordered[ordered.length >> 1],
        );
      }
      // Not enumerable: a match (which holds its street) stays small when compared, cloned or posted.
      Object.defineProperty(street, 'numbers', { value: numbers, enumerable: false, writable: true });
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
    hasAddresses: ban !== null && ban.numero.length > 0,
  };
}

export type { Commune };
