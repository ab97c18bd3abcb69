// Scoring of streets against the street words of a query: exact words, prefixes while typing, small typos for
// words the index does not know, and a greedy one-to-one assignment of typed words to street words.

import { allowedTypos, boundedEditDistance, type QueryToken, STOP_WORDS, STREET_TYPES } from '../normalize';
import type { StreetIndex } from './street-index';
import type { IndexedStreet } from './types';

export interface StreetScorer {
  /** Vocabulary words a typed token may stand for, with a quality in (0, 1]. */
  wordMatches(token: QueryToken, prefix: boolean): Map<string, number>;
  /** Scores streets for the street part of a reading; returns [street, score] pairs. */
  scoreStreets(
    tokens: QueryToken[],
    prefixLast: boolean,
    allowed: Set<string> | null,
  ): [IndexedStreet, number][];
}

export function createStreetScorer(index: StreetIndex): StreetScorer {
  const { postings, vocabulary, streets } = index;
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
  return { wordMatches, scoreStreets };
}
