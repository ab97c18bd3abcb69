// Why nothing matched, in plain French: an empty query, a postcode or commune outside the area, a street that
// exists in another commune (offered as candidates), or a spelling to check.

import { COVERED_AREA_LABEL, TERRITORY } from '../../territory/territory';
import {
  isHouseNumber,
  isPostcode,
  type QueryToken,
  STOP_WORDS,
  STREET_TYPES,
  tokenizeQuery,
} from '../normalize';
import { coverageSentence } from './coverage';
import { compareMatches, makeMatch } from './matches';
import type { QueryReader } from './readings';
import type { StreetScorer } from './scoring';
import type { StreetIndex } from './street-index';
import type { GeocodeMatch, IndexedCommune, ParsedQuery } from './types';

export interface ExplainDeps {
  index: StreetIndex;
  reader: QueryReader;
  scorer: StreetScorer;
  /** All matches of all readings of a query, best first. */
  search(query: string, prefixLast: boolean): { parsed: ParsedQuery; matches: GeocodeMatch[] };
}

export function createExplainer(
  deps: ExplainDeps,
): (query: string) => { motif: string; candidates: GeocodeMatch[]; offrePoint?: boolean } {
  const { coveredPostcodes } = deps.index;
  const { parse } = deps.reader;
  const { scoreStreets, wordMatches } = deps.scorer;
  const { search } = deps;
  const capitalise = (words: string) =>
    words.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());

  const AREA = COVERED_AREA_LABEL;

  /** Why nothing matched, in plain French; may offer streets of the same name in other communes. */
  const associated = TERRITORY.associatedCommunes as Readonly<
    Record<string, readonly { nom: string; codePostal: string; inRoadsBox: boolean }[]>
  >;
  /** « Seule la partie est de Lille … » for the named communes the data do not fully cover, or ''. */
  const notCovered = (communes: readonly IndexedCommune[]): string =>
    communes
      .filter((c) => c.couverture !== 'entiere')
      .map((c) => coverageSentence(c.nom, c.couverture, c.cote_couvert, associated[c.insee] ?? []))
      .join(' ; ');

  const explainFailure = (
    query: string,
  ): { motif: string; candidates: GeocodeMatch[]; offrePoint?: boolean } => {
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
        const partly = notCovered(reading.communes);
        if (partly !== '')
          return {
            motif: `Pas de « ${shown} » ${where} dans les données de la carte. ${partly} : cette rue est peut-être dans le reste de la commune. Placez votre logement sur la carte, ou vérifiez sur sig.ville.gouv.fr. Une rue de ce nom existe aussi à : ${places}.`,
            candidates: matches.slice(0, 10),
            offrePoint: true,
          };
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
      const partly = notCovered(named.communes);
      if (partly !== '')
        return {
          motif: `« ${shown} » n’est pas dans les données de la carte. ${partly} : cette rue est sans doute dans la partie de la commune que la carte n’a pas. Placez votre logement sur la carte, ou vérifiez sur sig.ville.gouv.fr.`,
          candidates: none,
          offrePoint: true,
        };
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

  return explainFailure;
}
