// The ways of reading a query: postcode anywhere, a commune at the end or the start (or none), the house number
// before or after the street, with its repetition suffix (« 12 bis »).

import {
  boundedEditDistance,
  isHouseNumber,
  isPostcode,
  NUMBER_SUFFIXES,
  type QueryToken,
  tokenizeQuery,
} from '../normalize';
import { normalizeSuffix, type StreetIndex } from './street-index';
import type { IndexedCommune, ParsedQuery, Reading } from './types';

/** Words that announce a house number (« n° 12 », « no 12 », « numéro 12 »): dropped before the number. */
const NUMBER_WORDS = new Set(['n', 'no', 'num', 'numero']);
/** Words between the two numbers of a range (« 3 à 5 », « 3 au 5 », « 3 et 5 »). */
const RANGE_WORDS = new Set(['a', 'au', 'et']);

/**
 * The house-number forms people write, reduced to one number: « n° 12 » → « 12 »; a range « 3-5 », « 3/5 »,
 * « 3 à 5 », « 3 et 5 » (normalised to « 3 5 », « 3 a 5 »…) → its first number, wherever it is.
 * Repetition suffixes (« 3 bis ») are read by the readings themselves.
 *
 * @example
 * simplifyNumberForms(tokenizeQuery('3-5 rue Paul Lafargue')).map((t) => t.raw) // → ['3', 'rue', 'paul', 'lafargue']
 */
export function simplifyNumberForms(tokens: QueryToken[]): QueryToken[] {
  let out = tokens.filter(
    (t, i) => !(NUMBER_WORDS.has(t.raw) && i + 1 < tokens.length && isHouseNumber(tokens[i + 1]!.raw)),
  );
  const rangeAt = (i: number): number => {
    // Length of the range's tail after the number at i: « 5 » or « a 5 », 0 when none.
    const next = out[i + 1];
    if (!next) return 0;
    if (isHouseNumber(next.raw) && Number(next.raw) > Number(out[i]!.raw)) return 1;
    const after = out[i + 2];
    if (
      RANGE_WORDS.has(next.raw) &&
      after &&
      isHouseNumber(after.raw) &&
      Number(after.raw) > Number(out[i]!.raw)
    )
      return 2;
    return 0;
  };
  // Wherever it is: « 3-5 rue … », « rue … 3-5 », « rue … 3 à 5 Croix ». A number followed by a *greater* number
  // only: « rue du 8 Mai 1945 » has a word between them.
  for (let i = 0; i < out.length; i++) {
    if (!isHouseNumber(out[i]!.raw)) continue;
    const tail = rangeAt(i);
    if (tail > 0 && out.length > tail + 1) out = [...out.slice(0, i + 1), ...out.slice(i + 1 + tail)];
  }
  return out;
}

export function isSuffixToken(raw: string): boolean {
  return Object.hasOwn(NUMBER_SUFFIXES, raw) || /^[a-h]$/.test(raw);
}

export function matchesAlias(
  tokens: QueryToken[],
  start: number,
  alias: string[],
  prefixLast: boolean,
): boolean {
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

export interface QueryReader {
  parse(query: string, prefixLast: boolean): ParsedQuery;
  /** The commune named by the whole query (« Croix », « 59170 Croix »), if that is all it says. */
  communeOnly(query: string): IndexedCommune | null;
}

export function createQueryReader(index: StreetIndex): QueryReader {
  const { communes } = index;
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
    tokens = simplifyNumberForms(
      tokens.filter((t) => {
        if (isPostcode(t.raw)) {
          postcode ??= t.raw;
          return false;
        }
        return true;
      }),
    );
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

  /** The commune named by the whole query (« Croix », « 59170 Croix »), if that is all it says. */
  const communeOnly = (query: string): IndexedCommune | null => {
    const tokens = tokenizeQuery(query).filter((t) => !isPostcode(t.raw));
    if (tokens.length === 0) return null;
    for (const { commune, alias } of aliasesByLength.get(tokens.length) ?? [])
      if (matchesAlias(tokens, 0, alias, false)) return commune;
    return null;
  };

  return { parse, communeOnly };
}
