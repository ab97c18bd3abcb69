// Offline geocoder of the covered area, built from data/ only: nothing leaves the device.
// - Street level: every named street of `roads.geojson`, grouped by (nom, insee); communes and postcodes from
//   `communes.geojson`. A street result is placed at the middle of its longest piece (precision `voie`).
// - House-number level when BAN address points were imported (`addresses.json`): precision `adresse`.
// Matching works on normalised words (../normalize.ts), in any order, with abbreviations, prefixes (while typing) and
// small typos. The postcode or the commune may come anywhere, the house number before or after the street. A query
// can be read several ways (« rue de Roubaix » is a street, « … Roubaix » a commune): every reading is scored and
// the best kept.
//
// One concern per file: ./street-index.ts (index), ./scoring.ts, ./readings.ts, ./matches.ts, ./explanations.ts,
// ./fast-path.ts (batch shortcut); this file wires them.

import { normalizeText } from '../normalize';
import { createExplainer } from './explanations';
import { createFastPath } from './fast-path';
import { compareMatches, makeMatch } from './matches';
import { createQueryReader } from './readings';
import { createStreetScorer } from './scoring';
import { buildStreetIndex } from './street-index';
import type {
  GeocodeMatch,
  GeocodeResult,
  Geocoder,
  GeocoderInput,
  ParsedQuery,
  Reading,
  StructuredAddress,
} from './types';

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
  const index = buildStreetIndex(input);
  const { communes, streets } = index;
  const scorer = createStreetScorer(index);
  const { scoreStreets } = scorer;
  const reader = createQueryReader(index);
  const { parse, communeOnly } = reader;

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

  const explainFailure = createExplainer({ index, reader, scorer, search });

  /** Candidates within a hair of the best are equally good: the user must choose. */
  const TIE = 0.005;

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

  const geocodeText = createFastPath({
    index,
    reader,
    scorer,
    readingsWithCommunes,
    geocodeTextGeneral,
    enabled: input.fastPath ?? true,
  });

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
    hasAddresses: index.hasAddresses,
    suggest(query: string, limit = 8): GeocodeMatch[] {
      if (normalizeText(query) === '') return [];
      return search(query, true).matches.slice(0, Math.max(0, limit));
    },
    geocode(query: string | StructuredAddress): GeocodeResult {
      return typeof query === 'string' ? geocodeText(query) : geocodeStructured(query);
    },
  };
}
