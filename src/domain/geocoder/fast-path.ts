// The batch fast path: a file lists many numbers of the same street; a query that differs from an earlier one only by
// its single house number reuses that query's readings, scores and order (answers identical, proven by the
// equivalence tests), rebuilding only the matches.

import { isHouseNumber, isPostcode, type QueryToken, tokenizeQuery } from '../normalize';
import { makeMatch } from './matches';
import type { QueryReader } from './readings';
import type { StreetScorer } from './scoring';
import type { StreetIndex } from './street-index';
import type { GeocodeMatch, GeocodeResult, IndexedStreet, ParsedQuery, Reading } from './types';

export interface FastPathDeps {
  index: StreetIndex;
  reader: QueryReader;
  scorer: StreetScorer;
  readingsWithCommunes(parsed: ParsedQuery): { reading: Reading; allowed: Set<string> | null }[];
  /** The general path. */
  geocodeTextGeneral(query: string): GeocodeResult;
  enabled: boolean;
}

/** The text geocoder with the house-number templates in front of the general path. */
export function createFastPath(deps: FastPathDeps): (query: string) => GeocodeResult {
  const { streets, communes } = deps.index;
  const { parse } = deps.reader;
  const { scoreStreets, wordMatches } = deps.scorer;
  const { readingsWithCommunes, geocodeTextGeneral } = deps;
  // House-number templates. Files list many numbers of the same street (« 12 rue X Croix », « 14 rue X Croix »): a
  // query whose tokens differ from an earlier one only by its single house number has the same readings, scores,
  // ties and order, provided that
  // - the number takes no part in commune detection: true while no commune name has a digit (checked here);
  // - the readings that keep the number as a street word (« Square du 11 Novembre ») find no street, for the
  //   recorded number and for the new one (checked per query, see `numberFindsNoStreet`).
  // Only the number itself then changes in the matches (label, BAN point, note): they are rebuilt with `makeMatch`.
  // Restricted to `trouve` answers: the other motifs quote the query as typed.
  const digitInCommuneName = communes.some((c) => c.aliases.some((a) => a.some((w) => /\d/.test(w))));
  const fastPath = deps.enabled && !digitInCommuneName;
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
  return geocodeText;
}

export type { GeocodeMatch };
