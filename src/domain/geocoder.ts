// Offline geocoder of the covered area, built from data/ only: nothing leaves the device.
// - Street level: every named street of `roads.geojson`, grouped by (nom, insee); communes and postcodes from
//   `communes.geojson`. A street result is placed at the middle of its longest piece (precision `voie`).
// - House-number level when BAN address points were imported (`addresses.json`): precision `adresse`.
// Matching works on normalised words (./normalize.ts), in any order, with abbreviations, prefixes (while typing) and
// small typos. The postcode or the commune may come anywhere, the house number before or after the street. A query
// can be read several ways (« rue de Roubaix » is a street, « … Roubaix » a commune): every reading is scored and
// the best kept.

import type { AddressTable, BBox, CommuneCollection, Position, RoadCollection } from './data-types';
import {
  allowedTypos,
  boundedEditDistance,
  isHouseNumber,
  isPostcode,
  NUMBER_SUFFIXES,
  normalizeText,
  type QueryToken,
  STOP_WORDS,
  STREET_TYPES,
  tokenize,
  tokenizeQuery,
} from './normalize';

/** How precisely a result is placed. */
export type Precision = 'adresse' | 'voie' | 'point placé';

/** INSEE code of Croix: the app's own commune comes first among equally good answers. */
export const FOCUS_INSEE = '59163';

/** A street of the index. */
export interface Street {
  id: number;
  nom: string;
  insee: string;
  commune: string;
  codes_postaux: readonly string[];
  /** Centre-line pieces (empty for a street known only from BAN points). */
  lines: readonly (readonly Position[])[];
  /** Where a street-level result is placed: middle of the longest piece. */
  center: Position;
  bbox: BBox;
}

/** A commune of the covered area. */
export interface Commune {
  insee: string;
  nom: string;
  codes_postaux: readonly string[];
}

/** One answer of the geocoder. */
export interface GeocodeMatch {
  /** « 12 bis Rue du Tonkin, 59170 Croix » */
  label: string;
  precision: 'adresse' | 'voie';
  lon: number;
  lat: number;
  street: Street;
  /** House number as typed and normalised (« 12 bis »), or null. */
  numero: string | null;
  /** Postcode shown in the label (the commune's only one, or the one typed), or null. */
  code_postal: string | null;
  /** Relevance in [0, 1]. */
  score: number;
  /** French note on the precision (« numéro absent de la BAN »…), or null. */
  note: string | null;
}

/** Result of {@link Geocoder.geocode}. */
export type GeocodeResult =
  | { status: 'trouve'; match: GeocodeMatch; alternatives: GeocodeMatch[] }
  | { status: 'ambigu'; motif: string; candidates: GeocodeMatch[] }
  | { status: 'introuvable'; motif: string; candidates: GeocodeMatch[] };

/** A structured address, as in a beneficiaries' file. */
export interface StructuredAddress {
  numero?: string | number | null;
  voie: string;
  code_postal?: string | null;
  commune?: string | null;
}

export interface GeocoderInput {
  roads: RoadCollection;
  communes: CommuneCollection;
  addresses?: AddressTable | null;
  /**
   * Reuse the street-level work of an earlier query that differs only by its house number (default true). The
   * answers are identical either way; `false` keeps the general path alone (equivalence tests).
   */
  fastPath?: boolean;
}

export interface Geocoder {
  /** Autocomplete: up to `limit` streets or addresses for what is being typed (last word may be unfinished). */
  suggest(query: string, limit?: number): GeocodeMatch[];
  /** Resolves a full query or a structured address. */
  geocode(query: string | StructuredAddress): GeocodeResult;
  /** Every street of the index. */
  readonly streets: readonly Street[];
  /** Communes of the covered area. */
  readonly communes: readonly Commune[];
  /** True when BAN address points were imported (house-number precision available). */
  readonly hasAddresses: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Index building

interface IndexedStreet extends Street {
  type: string | null;
  words: string[];
  key: string;
  numbers: Map<string, Position> | null;
}

interface IndexedCommune extends Commune {
  aliases: string[][];
}

/** Splits a street name into its type (first word, when it is one), its significant words and its key. */
function streetWords(name: string): { type: string | null; words: string[]; key: string } {
  const tokens = tokenize(name);
  let type: string | null = null;
  if (tokens.length > 1 && STREET_TYPES.has(tokens[0]!)) type = tokens[0]!;
  const words = tokens.slice(type ? 1 : 0).filter((t) => !STOP_WORDS.has(t));
  return { type, words, key: tokens.join(' ') };
}

/** Extra names people use for some communes of the area. */
const COMMUNE_ALIASES: Readonly<Record<string, string[]>> = {
  '59009': ['vda', 'villeneuve dascq'],
  '59368': ['la madeleine'],
  '59350': ['lille hellemmes', 'hellemmes', 'lomme'],
};

function communeAliases(insee: string, nom: string): string[][] {
  const full = tokenize(nom);
  const aliases = [full];
  // « Marcq-en-Barœul » → « marcq », « Saint-André-lez-Lille » → « saint andre »: the part before the connector.
  const connector = full.findIndex(
    (t, i) => i > 0 && ['en', 'lez', 'les', 'sur', 'd', 'de', 'sous'].includes(t),
  );
  if (connector > 0) aliases.push(full.slice(0, connector));
  for (const extra of COMMUNE_ALIASES[insee] ?? []) aliases.push(tokenize(extra));
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

function numberKey(numero: number, suffix: string | null): string {
  return suffix ? `${numero} ${suffix}` : String(numero);
}

// ---------------------------------------------------------------------------------------------------------------
// Query parsing

/** One way of reading a query. */
interface Reading {
  numero: number | null;
  suffix: string | null;
  /** Communes the query names (empty: the query names no commune, every commune matches). */
  communes: IndexedCommune[];
  /** True when the commune was read from an unfinished last word (autocomplete). */
  communeByPrefix: boolean;
  streetTokens: QueryToken[];
}

interface ParsedQuery {
  postcode: string | null;
  readings: Reading[];
}

function isSuffixToken(raw: string): boolean {
  return Object.hasOwn(NUMBER_SUFFIXES, raw) || /^[a-h]$/.test(raw);
}

function matchesAlias(tokens: QueryToken[], start: number, alias: string[], prefixLast: boolean): boolean {
  if (start + alias.length > tokens.length) return false;
  for (let k = 0; k < alias.length; k++) {
    const token = tokens[start + k]!;
    const word = alias[k]!;
    const last = start + k === tokens.length - 1 && k === alias.length - 1;
    if (token.words.includes(word) || token.raw === word) continue;
    if (prefixLast && last && token.raw.length >= 2 && word.startsWith(token.raw)) continue;
    if (alias.length === 1 && word.length >= 5 && boundedEditDistance(token.raw, word, 1) <= 1) continue;
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Builds the offline geocoder once (≈ 50 ms for the ~4 800 streets of the area).
 *
 * @example
 * const geocoder = createGeocoder({ roads, communes, addresses: null });
 * geocoder.suggest('r. st pierre', 5).map((m) => m.label);
 * // → ['Rue Saint-Pierre, 59170 Croix', 'Rue Saint-Pierre, 59110 Madeleine', …]
 * const result = geocoder.geocode('12 bis rue du Tonkin Croix');
 * if (result.status === 'trouve') result.match.precision; // → 'voie' (no BAN imported)
 */
export function createGeocoder(input: GeocoderInput): Geocoder {
  const communes: IndexedCommune[] = input.communes.features.map((f) => ({
    insee: f.properties.insee,
    nom: f.properties.nom,
    codes_postaux: f.properties.codes_postaux,
    aliases: communeAliases(f.properties.insee, f.properties.nom),
  }));
  const communeByInsee = new Map(communes.map((c) => [c.insee, c]));
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

  /** Vocabulary words a typed token may stand for, with a quality in (0, 1]; memoised (queries repeat words). */
  const matchCache = new Map<string, Map<string, number>>();
  const wordMatches = (token: QueryToken, prefix: boolean): Map<string, number> => {
    const cacheKey = `${prefix ? '>' : '='}${token.raw}`;
    const cached = matchCache.get(cacheKey);
    if (cached) return cached;
    const out = new Map<string, number>();
    const consider = (word: string, quality: number) => {
      if ((out.get(word) ?? 0) < quality) out.set(word, quality);
    };
    for (const word of token.words) if (postings.has(word)) consider(word, 1);
    const forms = new Set([token.raw, ...token.words]);
    for (const form of forms) {
      if (prefix) {
        let lo = 0;
        let hi = vocabulary.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (vocabulary[mid]! < form) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < vocabulary.length && vocabulary[i]!.startsWith(form); i++) {
          if (vocabulary[i] !== form) consider(vocabulary[i]!, 0.9);
        }
      }
    }
    // Typos only for words the index does not know (a known word is taken as typed).
    if (out.size === 0) {
      for (const form of forms) {
        const typos = allowedTypos(form.length);
        if (typos === 0) continue;
        for (const word of vocabulary) {
          if (Math.abs(word.length - form.length) > typos) continue;
          if (boundedEditDistance(form, word, typos) <= typos) consider(word, 0.8);
        }
      }
    }
    if (matchCache.size > 5_000) matchCache.clear();
    matchCache.set(cacheKey, out);
    return out;
  };

  /** Scores streets for the street part of a reading; returns [street, score] pairs. */
  const scoreStreets = (
    tokens: QueryToken[],
    prefixLast: boolean,
    allowed: Set<string> | null,
  ): [IndexedStreet, number][] => {
    const last = tokens[tokens.length - 1];
    // While typing, a trailing « de » may be the start of « Delory »: try it as a word first.
    if (prefixLast && last && STOP_WORDS.has(last.raw)) {
      const withLast = scoreStreetWords(tokens, true, allowed, last);
      if (withLast.length > 0) return withLast;
    }
    return scoreStreetWords(tokens, prefixLast, allowed, null);
  };

  const scoreStreetWords = (
    tokens: QueryToken[],
    prefixLast: boolean,
    allowed: Set<string> | null,
    keep: QueryToken | null,
  ): [IndexedStreet, number][] => {
    const significant = tokens.filter((t) => t === keep || !t.words.every((w) => STOP_WORDS.has(w)));
    let queryType: string | null = null;
    let nameTokens = significant;
    if (
      significant.length > 1 &&
      significant[0]!.words.length === 1 &&
      STREET_TYPES.has(significant[0]!.words[0]!)
    ) {
      queryType = significant[0]!.words[0]!;
      nameTokens = significant.slice(1);
    }
    if (nameTokens.length === 0) return [];
    const matches = nameTokens.map((t, i) =>
      wordMatches(t, prefixLast && i === nameTokens.length - 1 && t === tokens[tokens.length - 1]),
    );
    // Candidate streets: those having a match for every word (start from the rarest word).
    let candidates: Set<number> | null = null;
    for (const m of [...matches].sort((a, b) => a.size - b.size)) {
      const ids = new Set<number>();
      for (const word of m.keys())
        for (const id of postings.get(word) ?? []) if (!candidates || candidates.has(id)) ids.add(id);
      candidates = ids;
      if (ids.size === 0) break;
    }
    const results: [IndexedStreet, number][] = [];
    for (const id of candidates ?? []) {
      const street = streets[id]!;
      if (allowed && !allowed.has(street.insee)) continue;
      // Greedy one-to-one assignment of typed words to street words, best quality first.
      const used = new Set<number>();
      let total = 0;
      let ok = true;
      for (const m of matches) {
        let best = 0;
        let bestIndex = -1;
        street.words.forEach((w, i) => {
          const q = m.get(w) ?? 0;
          if (!used.has(i) && q > best) {
            best = q;
            bestIndex = i;
          }
        });
        if (bestIndex < 0) {
          ok = false;
          break;
        }
        used.add(bestIndex);
        total += best;
      }
      if (!ok) continue;
      const missing = street.words.length - used.size;
      let score = total / (nameTokens.length + 0.3 * missing);
      if (queryType && street.type !== queryType) score *= 0.85;
      results.push([street, score]);
    }
    return results;
  };

  // Commune aliases by word count, in commune order (a commune's aliases of one length are adjacent).
  const aliasesByLength = new Map<number, { commune: IndexedCommune; alias: string[] }[]>();
  for (const commune of communes) {
    for (const alias of commune.aliases) {
      let list = aliasesByLength.get(alias.length);
      if (!list) {
        list = [];
        aliasesByLength.set(alias.length, list);
      }
      list.push({ commune, alias });
    }
  }
  // One-word commune names, by typed word: every query compares its first and last words with all of them (with
  // one typo allowed), and the same words come back row after row in a file.
  const singleWordCache = new Map<string, IndexedCommune[]>();
  const communesNamedBy = (token: QueryToken, prefix: boolean): IndexedCommune[] => {
    const key = `${prefix ? '>' : '='}${token.raw}\u0000${token.words.join(' ')}`;
    let out = singleWordCache.get(key);
    if (!out) {
      out = [];
      const alone = [token];
      for (const { commune, alias } of aliasesByLength.get(1) ?? []) {
        if (out[out.length - 1] === commune) continue;
        if (matchesAlias(alone, 0, alias, prefix)) out.push(commune);
      }
      if (singleWordCache.size >= 20_000) singleWordCache.clear();
      singleWordCache.set(key, out);
    }
    return out;
  };
  /** Communes (in index order) with an alias of `length` words matching the tokens from `start`. */
  const communesNamedAt = (
    tokens: QueryToken[],
    start: number,
    length: number,
    prefixLast: boolean,
  ): IndexedCommune[] => {
    if (length === 1)
      return communesNamedBy(tokens[start]!, prefixLast && start === tokens.length - 1).slice();
    const out: IndexedCommune[] = [];
    for (const { commune, alias } of aliasesByLength.get(length) ?? []) {
      if (out[out.length - 1] === commune) continue;
      if (matchesAlias(tokens, start, alias, prefixLast)) out.push(commune);
    }
    return out;
  };

  const parse = (query: string, prefixLast: boolean): ParsedQuery => {
    let tokens = tokenizeQuery(query);
    let postcode: string | null = null;
    tokens = tokens.filter((t) => {
      if (isPostcode(t.raw)) {
        postcode ??= t.raw;
        return false;
      }
      return true;
    });
    // Commune spans at the end or at the start of the query, or none.
    const spans: { communes: IndexedCommune[]; rest: QueryToken[]; byPrefix: boolean }[] = [
      { communes: [], rest: tokens, byPrefix: false },
    ];
    for (let length = 1; length <= Math.min(5, tokens.length); length++) {
      const atEnd = tokens.length - length;
      const endMatches = communesNamedAt(tokens, atEnd, length, prefixLast);
      if (endMatches.length > 0) {
        const exact = prefixLast ? communesNamedAt(tokens, atEnd, length, false) : endMatches;
        spans.push({
          communes: exact.length > 0 ? exact : endMatches,
          rest: tokens.slice(0, atEnd),
          byPrefix: exact.length === 0,
        });
      }
      if (length < tokens.length) {
        const startMatches = communesNamedAt(tokens, 0, length, false);
        if (startMatches.length > 0)
          spans.push({ communes: startMatches, rest: tokens.slice(length), byPrefix: false });
      }
    }
    const readings: Reading[] = [];
    for (const span of spans) {
      const rest = span.rest;
      const base = { communes: span.communes, communeByPrefix: span.byPrefix };
      readings.push({ ...base, numero: null, suffix: null, streetTokens: rest });
      // House number first (« 12 bis rue … »)…
      if (rest.length > 0 && isHouseNumber(rest[0]!.raw)) {
        const hasSuffix = rest.length > 2 && isSuffixToken(rest[1]!.raw);
        readings.push({
          ...base,
          numero: Number(rest[0]!.raw),
          suffix: hasSuffix ? normalizeSuffix(rest[1]!.raw) : null,
          streetTokens: rest.slice(hasSuffix ? 2 : 1),
        });
      }
      // … or last (« rue Blanche 12 », « rue Blanche 12 bis »).
      const n = rest.length;
      if (n >= 2 && isHouseNumber(rest[n - 1]!.raw)) {
        readings.push({
          ...base,
          numero: Number(rest[n - 1]!.raw),
          suffix: null,
          streetTokens: rest.slice(0, n - 1),
        });
      } else if (n >= 3 && isHouseNumber(rest[n - 2]!.raw) && isSuffixToken(rest[n - 1]!.raw)) {
        readings.push({
          ...base,
          numero: Number(rest[n - 2]!.raw),
          suffix: normalizeSuffix(rest[n - 1]!.raw),
          streetTokens: rest.slice(0, n - 2),
        });
      }
    }
    return { postcode, readings };
  };

  const postcodeFor = (street: Street, typed: string | null): string | null => {
    if (typed && street.codes_postaux.includes(typed)) return typed;
    return street.codes_postaux.length === 1 ? street.codes_postaux[0]! : null;
  };

  const makeMatch = (
    street: IndexedStreet,
    score: number,
    reading: Reading,
    postcode: string | null,
  ): GeocodeMatch => {
    const cp = postcodeFor(street, postcode);
    const numero =
      reading.numero === null ? null : `${reading.numero}${reading.suffix ? ` ${reading.suffix}` : ''}`;
    const place = `${cp ? `${cp} ` : ''}${street.commune}`;
    const label = `${numero ? `${numero} ` : ''}${street.nom}, ${place}`;
    let precision: 'adresse' | 'voie' = 'voie';
    let position = street.center;
    let note: string | null = null;
    if (reading.numero !== null && street.numbers) {
      const exact = street.numbers.get(numberKey(reading.numero, reading.suffix));
      const alternative =
        reading.suffix === 'b' || reading.suffix === 'bis'
          ? street.numbers.get(numberKey(reading.numero, reading.suffix === 'b' ? 'bis' : 'b'))
          : undefined;
      const plain = street.numbers.get(numberKey(reading.numero, null));
      const found = exact ?? alternative ?? plain;
      if (found) {
        precision = 'adresse';
        position = found;
        if (!exact && !alternative)
          note = `Le ${numero} n’est pas dans la Base Adresse Nationale : position du n° ${reading.numero}.`;
      } else {
        note = `Le n° ${numero} n’a pas été trouvé dans la Base Adresse Nationale : la rue entière est prise en compte.`;
      }
    } else if (reading.numero !== null) {
      note =
        'Sans base d’adresses importée, le numéro n’est pas localisé : la rue entière est prise en compte.';
    }
    return {
      label,
      precision,
      lon: position[0],
      lat: position[1],
      street,
      numero,
      code_postal: cp,
      score,
      note,
    };
  };

  const compareMatches = (a: GeocodeMatch, b: GeocodeMatch) =>
    b.score - a.score ||
    Number(b.street.insee === FOCUS_INSEE) - Number(a.street.insee === FOCUS_INSEE) ||
    a.street.nom.localeCompare(b.street.nom, 'fr') ||
    a.street.commune.localeCompare(b.street.commune, 'fr');

  /** Each reading with the communes (INSEE codes) its commune and the postcode allow, null for any. */
  const readingsWithCommunes = (parsed: ParsedQuery): { reading: Reading; allowed: Set<string> | null }[] => {
    let allowedByPostcode: Set<string> | null = null;
    if (parsed.postcode) {
      allowedByPostcode = new Set(
        communes.filter((c) => c.codes_postaux.includes(parsed.postcode!)).map((c) => c.insee),
      );
    }
    return parsed.readings.map((reading) => {
      let allowed = allowedByPostcode;
      if (reading.communes.length > 0) {
        const names = new Set(reading.communes.map((c) => c.insee));
        allowed = allowed ? new Set([...allowed].filter((i) => names.has(i))) : names;
      }
      return { reading, allowed };
    });
  };

  /** All matches of all readings, best first, one per street. */
  const search = (query: string, prefixLast: boolean): { parsed: ParsedQuery; matches: GeocodeMatch[] } => {
    const parsed = parse(query, prefixLast);
    const best = new Map<number, GeocodeMatch>();
    for (const { reading, allowed } of readingsWithCommunes(parsed)) {
      for (const [street, raw] of scoreStreets(reading.streetTokens, prefixLast, allowed)) {
        // A reading that names a commune or a number explains more of the query: a tiny bonus breaks ties.
        const score =
          Math.min(1, raw) - (reading.communes.length > 0 ? 0 : 0.01) - (reading.communeByPrefix ? 0.002 : 0);
        const match = makeMatch(street, score, reading, parsed.postcode);
        const previous = best.get(street.id);
        if (
          !previous ||
          score > previous.score ||
          (score === previous.score && match.numero && !previous.numero)
        ) {
          best.set(street.id, match);
        }
      }
    }
    return { parsed, matches: [...best.values()].sort(compareMatches) };
  };

  const capitalise = (words: string) =>
    words.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());

  const AREA = 'Croix et les communes voisines de la Métropole européenne de Lille';

  /** The commune named by the whole query (« Croix », « 59170 Croix »), if that is all it says. */
  const communeOnly = (query: string): IndexedCommune | null => {
    const tokens = tokenizeQuery(query).filter((t) => !isPostcode(t.raw));
    if (tokens.length === 0) return null;
    for (const { commune, alias } of aliasesByLength.get(tokens.length) ?? [])
      if (matchesAlias(tokens, 0, alias, false)) return commune;
    return null;
  };

  /** Why nothing matched, in plain French; may offer streets of the same name in other communes. */
  const explainFailure = (query: string): { motif: string; candidates: GeocodeMatch[] } => {
    const tokens = tokenizeQuery(query);
    const none: GeocodeMatch[] = [];
    if (tokens.length === 0) {
      return {
        motif: 'Saisissez une adresse : numéro, rue et commune (par exemple « 12 rue Chevreul Croix »).',
        candidates: none,
      };
    }
    const postcode = tokens.find((t) => isPostcode(t.raw))?.raw;
    if (postcode && !coveredPostcodes.has(postcode)) {
      return {
        motif: `Le code postal ${postcode} n’est pas dans la zone couverte par la carte (${AREA}). Pour une adresse ailleurs, consultez sig.ville.gouv.fr.`,
        candidates: none,
      };
    }
    const words = tokens.filter((t) => !isPostcode(t.raw) && !isHouseNumber(t.raw));
    if (words.length === 0) {
      return {
        motif: 'Il manque le nom de la rue : saisissez par exemple « 12 rue Chevreul Croix ».',
        candidates: none,
      };
    }
    // The street exists, but not in the commune (or postcode) given: offer it where it exists.
    const parsed = parse(query, false);
    for (const reading of parsed.readings) {
      if (reading.communes.length === 0 && !parsed.postcode) continue;
      const elsewhere = scoreStreets(reading.streetTokens, false, null).filter(([, score]) => score >= 0.9);
      if (elsewhere.length > 0) {
        const where =
          reading.communes.length > 0
            ? `à ${reading.communes.map((c) => c.nom).join(' ou ')}`
            : `au code postal ${parsed.postcode}`;
        const matches = elsewhere
          .map(([street, score]) => makeMatch(street, score, reading, null))
          .sort(compareMatches);
        const places = [...new Set(matches.map((m) => m.street.commune))].slice(0, 6).join(', ');
        const shown = reading.streetTokens.map((t) => t.raw).join(' ');
        return {
          motif: `Pas de « ${shown} » ${where} dans nos données. Une rue de ce nom existe à : ${places}.`,
          candidates: matches.slice(0, 10),
        };
      }
    }
    // A covered commune was named: the street is what is missing.
    const named = parsed.readings.find((r) => r.communes.length > 0 && r.streetTokens.length > 0);
    if (named) {
      const shown = named.streetTokens
        .filter((t) => !isHouseNumber(t.raw))
        .map((t) => t.raw)
        .join(' ');
      return {
        motif: `Aucune rue « ${shown} » n’a été trouvée à ${named.communes.map((c) => c.nom).join(' ou ')}. Vérifiez l’orthographe.`,
        candidates: none,
      };
    }
    // Words at the end (or the start) that are no commune of the area, after which a street is recognised — or
    // that the index does not know at all after a street word: most likely a commune outside the area.
    const unknownWord = (t: QueryToken) =>
      t.raw.length >= 3 && !STOP_WORDS.has(t.raw) && wordMatches(t, false).size === 0;
    for (const fromEnd of [true, false]) {
      const rest = tokens.filter((t) => !isPostcode(t.raw));
      const dropped: QueryToken[] = [];
      for (let k = 0; k < 3 && rest.length > 1; k++) {
        const t = fromEnd ? rest.pop()! : rest.shift()!;
        if (isHouseNumber(t.raw) || t.words.some((w) => STREET_TYPES.has(w))) break;
        dropped.push(t);
        const restQuery = rest.map((r) => r.raw).join(' ');
        const found = search(restQuery, false).matches.some((m) => m.score >= 0.9);
        const looksLikeStreet = rest.some((r) => r.words.some((w) => STREET_TYPES.has(w)));
        if (found || (looksLikeStreet && dropped.every(unknownWord))) {
          const place = capitalise((fromEnd ? [...dropped].reverse() : dropped).map((d) => d.raw).join(' '));
          return {
            motif: `Cette commune n’est pas couverte : « ${place} » ne fait pas partie de la zone de la carte (${AREA})${found ? '' : ', et aucune rue de ce nom n’y a été trouvée'}. Pour une adresse ailleurs en France, consultez sig.ville.gouv.fr.`,
            candidates: none,
          };
        }
      }
    }
    const shown = words.map((t) => t.raw).join(' ');
    return {
      motif: `Aucune rue ne correspond à « ${shown} » dans la zone couverte (${AREA}). Vérifiez l’orthographe.`,
      candidates: none,
    };
  };

  /** Candidates within a hair of the best are equally good: the user must choose. */
  const TIE = 0.005;

  // House-number templates. Files list many numbers of the same street (« 12 rue X Croix », « 14 rue X Croix »): a
  // query whose tokens differ from an earlier one only by its single house number has the same readings, scores,
  // ties and order, provided that
  // - the number takes no part in commune detection: true while no commune name has a digit (checked here);
  // - the readings that keep the number as a street word (« Square du 11 Novembre ») find no street, for the
  //   recorded number and for the new one (checked per query, see `numberFindsNoStreet`).
  // Only the number itself then changes in the matches (label, BAN point, note): they are rebuilt with `makeMatch`.
  // Restricted to `trouve` answers: the other motifs quote the query as typed.
  const digitInCommuneName = communes.some((c) => c.aliases.some((a) => a.some((w) => /\d/.test(w))));
  const fastPath = (input.fastPath ?? true) && !digitInCommuneName;
  interface TemplateHit {
    street: IndexedStreet;
    score: number;
    numbered: boolean;
    suffix: string | null;
  }
  interface Template {
    postcode: string | null;
    hits: TemplateHit[];
    /** Readings that keep the number as a street word (« rue du 8 … »): they must find nothing for a new number. */
    numberAsWord: { tokens: QueryToken[]; at: number; allowed: Set<string> | null }[];
  }
  const templates = new Map<string, Template>();
  const TEMPLATE_LIMIT = 20_000;
  /** Key of the query with its only house number blanked, and that number; null when the shortcut cannot apply. */
  const templateOf = (
    tokens: QueryToken[],
  ): { key: string; numero: number; token: QueryToken; postcode: string | null } | null => {
    let index = -1;
    let postcode: string | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const raw = tokens[i]!.raw;
      if (isHouseNumber(raw)) {
        if (index >= 0) return null;
        index = i;
      } else if (postcode === null && isPostcode(raw)) postcode = raw;
    }
    if (index < 0) return null;
    let key = '';
    for (let i = 0; i < tokens.length; i++) key += i === index ? '# ' : `${tokens[i]!.raw} `;
    return { key, numero: Number(tokens[index]!.raw), token: tokens[index]!, postcode };
  };
  /** True when no reading that keeps `token` (a house number) as a street word finds a street. */
  const numberFindsNoStreet = (template: Template, token: QueryToken): boolean => {
    // A number the index does not know as a word matches nothing: such readings then find nothing.
    if (wordMatches(token, false).size === 0) return true;
    for (const { tokens, at, allowed } of template.numberAsWord) {
      const substituted = tokens.slice();
      substituted[at] = token;
      if (scoreStreets(substituted, false, allowed).length > 0) return false;
    }
    return true;
  };
  const fromTemplate = (template: Template, numero: number): GeocodeResult => {
    const matches = template.hits.map((hit) =>
      makeMatch(
        hit.street,
        hit.score,
        {
          numero: hit.numbered ? numero : null,
          suffix: hit.suffix,
          communes: [],
          communeByPrefix: false,
          streetTokens: [],
        },
        template.postcode,
      ),
    );
    return { status: 'trouve', match: matches[0]!, alternatives: matches.slice(1) };
  };
  const geocodeText = (query: string): GeocodeResult => {
    if (!fastPath) return geocodeTextGeneral(query);
    const shape = templateOf(tokenizeQuery(query));
    if (!shape) return geocodeTextGeneral(query);
    const known = templates.get(shape.key);
    if (known && numberFindsNoStreet(known, shape.token)) return fromTemplate(known, shape.numero);
    const result = geocodeTextGeneral(query);
    if (result.status === 'trouve' && !known) {
      const numberAsWord: Template['numberAsWord'] = [];
      for (const { reading, allowed } of readingsWithCommunes(parse(query, false))) {
        const at = reading.streetTokens.findIndex((t) => isHouseNumber(t.raw));
        if (at >= 0) numberAsWord.push({ tokens: reading.streetTokens, at, allowed });
      }
      const template: Template = { postcode: shape.postcode, hits: [], numberAsWord };
      // This query's own number must have found no street as a word, or its answer is not the template's.
      if (!numberFindsNoStreet(template, shape.token)) return result;
      const hits = [result.match, ...result.alternatives].map((m): TemplateHit => {
        const numbered = m.numero !== null;
        const plain = String(shape.numero);
        return {
          street: streets[m.street.id]!,
          score: m.score,
          numbered,
          suffix: numbered && m.numero!.length > plain.length ? m.numero!.slice(plain.length + 1) : null,
        };
      });
      template.hits = hits;
      if (templates.size >= TEMPLATE_LIMIT) templates.clear();
      templates.set(shape.key, template);
    }
    return result;
  };

  const geocodeTextGeneral = (query: string): GeocodeResult => {
    const only = communeOnly(query);
    if (only) {
      return {
        status: 'introuvable',
        motif: `Précisez la rue à ${only.nom} : par exemple « 12 rue … ${only.nom} ».`,
        candidates: [],
      };
    }
    const { matches } = search(query, false);
    if (matches.length === 0) return { status: 'introuvable', ...explainFailure(query) };
    const top = matches[0]!;
    // Weak matches (half the words) are offered, never taken.
    if (top.score < 0.6) {
      return {
        status: 'introuvable',
        motif: `Aucune rue ne correspond exactement à « ${query.trim()} ». Vouliez-vous dire : ${matches
          .slice(0, 3)
          .map((m) => m.label)
          .join(' ; ')} ?`,
        candidates: matches.slice(0, 5),
      };
    }
    const tied = matches.filter((m) => top.score - m.score <= TIE);
    const sameStreetName = tied.filter((m) => m.street.nom === top.street.nom);
    if (tied.length > 1) {
      const communesList = [...new Set(tied.map((m) => m.street.commune))].join(', ');
      const motif =
        sameStreetName.length === tied.length
          ? `« ${top.street.nom} » existe dans plusieurs communes (${communesList}) : précisez la commune ou le code postal.`
          : `Plusieurs rues correspondent à « ${query.trim()} » : choisissez dans la liste.`;
      return { status: 'ambigu', motif, candidates: tied.slice(0, 10) };
    }
    return { status: 'trouve', match: top, alternatives: matches.slice(1, 5) };
  };

  const geocodeStructured = (address: StructuredAddress): GeocodeResult => {
    const numero = address.numero === null || address.numero === undefined ? '' : String(address.numero);
    const parts = [numero, address.voie, address.code_postal ?? '', address.commune ?? ''].map((p) =>
      p.trim(),
    );
    if (!address.voie || address.voie.trim() === '') {
      return { status: 'introuvable', motif: 'Le nom de la rue est vide.', candidates: [] };
    }
    return geocodeText(parts.filter(Boolean).join(' '));
  };

  return {
    streets,
    communes,
    hasAddresses: addresses !== null && addresses.rows.length > 0,
    suggest(query: string, limit = 8): GeocodeMatch[] {
      if (normalizeText(query) === '') return [];
      return search(query, true).matches.slice(0, Math.max(0, limit));
    },
    geocode(query: string | StructuredAddress): GeocodeResult {
      return typeof query === 'string' ? geocodeText(query) : geocodeStructured(query);
    },
  };
}
