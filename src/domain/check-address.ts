// « Mon adresse est-elle en QPV ? » — the one function behind the search box, the file check and the CLI:
// geocode (./geocoder.ts), then the three-state verdict (./verdict.ts) of the address point, of the whole street
// when only the street is known, or of a point placed by hand. Every answer carries its precision and a French
// reason (./check-motifs.ts); an uncertain match never yields « dans ». The context every check needs (QPV index,
// geocoder, outlines loaded so far) is built by ./check-context.ts.

import { TERRITORY } from '../territory/territory';
import { nearestAddress } from './ban/numbers';
import { type CheckContext, pointReach, qpvLoadedFor } from './check-context';
import { FR_FIVE_DECIMALS, fromPointVerdict, metres, notLoaded, streetMotif } from './check-motifs';
import type { BBox } from './data-types';
import type { GeocodeMatch, Precision, Street, StructuredAddress } from './geocoder';
import { localScale } from './geometry/projection';
import { DEFAULT_UNCERTAINTY_M, pointVerdict, type QpvRef, STREET_SETBACK_M, streetVerdict } from './verdict';

export type { GeocodeMatch, Precision, StructuredAddress } from './geocoder';
export type { QpvRef } from './verdict';

/** The geography every answer is stamped with (domain.md §1). */
export const GEOGRAPHY = {
  nom: 'QP 2024',
  decret: 'décret n° 2023-1314 du 28 décembre 2023 (rectifié par le décret n° 2024-806)',
} as const;

/** Mandatory caveat of every answer. */
export const DISCLAIMER = 'Test géométrique indicatif — seule la réponse de sig.ville.gouv.fr fait foi.';

/** The legal reference (single-address form). */
export const SIG_VILLE_URL = 'https://sig.ville.gouv.fr/adresses/recherche';

/** Geocoding scores below this are typo-corrected or partial readings: never a firm « dans » or « hors ». */
export const CERTAIN_SCORE = 0.95;

/**
 * Uncertainty (m) added to the outline's precision for a house number found in the Base Adresse Nationale: none.
 * sig.ville.gouv.fr geocodes with the BAN and tests that very point against the official outline, so the only
 * honest margin is the outline's own rounding (≈ 0.1 m for QN05980M at 6 decimals, 5.6 m for 4-decimal outlines).
 */
export const BAN_POINT_UNCERTAINTY_M = 0;

/** Beyond this distance (m) from every QPV, a point is taken as outside the data's reach (sea, abroad, 0,0…). */
export const FAR_LIMIT_M = 50_000;

export type CheckStatus = 'dans' | 'hors' | 'limite' | 'introuvable';

/** Answer of {@link checkAddress} / {@link checkPoint} / {@link checkMatch}. */
export interface AddressCheck {
  status: CheckStatus;
  /** The QPV concerned: containing (`dans`), nearest boundary (`limite`), nearest (`hors`). */
  qpv?: QpvRef;
  /** `adresse` (BAN point), `voie` (street), `point placé`; null when not found. */
  precision: Precision | null;
  /** What was understood (« 12 bis Rue du Tonkin, 59170 Croix »), or the query as typed when not found. */
  label: string;
  lon: number | null;
  lat: number | null;
  /** Distance (m) to the boundary of `qpv` (point) or smallest distance of the street axis (street). */
  distance_m?: number;
  /** Width of the boundary band used (m). */
  band_m?: number;
  /** Plain-French reason of the answer. */
  motif: string;
  /** Choices to offer (street in several communes, near misses). */
  candidates?: GeocodeMatch[];
  /** Partly covered commune: why the answer cannot be firm (../geocoder/coverage.ts). */
  partie?: string;
  /** Not found in a partly covered commune: offer to place the home on the map. */
  offrePoint?: boolean;
  /** Street matched (for street-level answers: draw it on the map). */
  street?: Pick<Street, 'id' | 'nom' | 'insee' | 'commune'>;
  /** The geocoder's reading was typo-corrected or partial (score < {@link CERTAIN_SCORE}). */
  approximate?: boolean;
}

function streetCheck(ctx: CheckContext, match: GeocodeMatch): AddressCheck {
  const street = match.street;
  let verdict = ctx.streetVerdicts.get(street.id);
  if (!verdict) {
    // Only a street known from BAN points alone has no precomputed relation.
    if (!qpvLoadedFor(ctx, street.bbox, STREET_SETBACK_M + Math.max(ctx.index.maxPrecision, 6))) {
      const { label, lon, lat } = match;
      const summary = { id: street.id, nom: street.nom, insee: street.insee, commune: street.commune };
      return notLoaded({ precision: 'voie', label, lon, lat, street: summary });
    }
    verdict = streetVerdict(
      ctx.index,
      street.lines.length > 0 ? street.lines : [[street.center, street.center]],
    );
    ctx.streetVerdicts.set(street.id, verdict);
  }
  const motif = streetMotif(street, verdict);
  const status = verdict.status;
  // One object literal per case (no spreads): this runs for most rows of a file.
  const summary = { id: street.id, nom: street.nom, insee: street.insee, commune: street.commune };
  const distance = status === 'limite' ? undefined : (verdict.distance_m ?? undefined);
  const reason = status === 'limite' && match.note ? `${motif} ${match.note}` : motif;
  const { label, lon, lat } = match;
  const band_m = verdict.band_m;
  const qpv = verdict.qpv;
  if (status === 'limite') {
    return qpv
      ? { precision: 'voie', label, lon, lat, street: summary, band_m, qpv, status, motif: reason }
      : { precision: 'voie', label, lon, lat, street: summary, band_m, status, motif: reason };
  }
  return qpv
    ? {
        precision: 'voie',
        label,
        lon,
        lat,
        street: summary,
        band_m,
        qpv,
        status,
        distance_m: distance,
        motif,
      }
    : { precision: 'voie', label, lon, lat, street: summary, band_m, status, distance_m: distance, motif };
}

/** Distance (m) from the edge of the roads' rectangle within which a street may continue outside the data. */
const DATA_EDGE_M = 50;

function hasAssociatedCommunes(insee: string): boolean {
  return Object.hasOwn(TERRITORY.associatedCommunes, insee);
}

/** True when the street's extent comes within {@link DATA_EDGE_M} of the edge of the roads' rectangle. */
function reachesDataEdge(box: BBox): boolean {
  const [w, s, e, n] = TERRITORY.roadsBox;
  const { kx, ky } = localScale((box[1] + box[3]) / 2);
  const dx = DATA_EDGE_M / kx;
  const dy = DATA_EDGE_M / ky;
  return box[0] - w < dx || e - box[2] < dx || box[1] - s < dy || n - box[3] < dy;
}

/**
 * Verdict of a match the user chose or the geocoder found (no re-geocoding). A match picked from the suggestions
 * should be passed with `score: 1` (the user confirmed the reading).
 *
 * @example
 * const [first] = ctx.geocoder.suggest('rue blanche croix', 1);
 * checkMatch(ctx, { ...first, score: 1 }).status; // → 'limite'
 */
export function checkMatch(ctx: CheckContext, match: GeocodeMatch): AddressCheck {
  let result: AddressCheck;
  if (match.precision === 'adresse' || match.precision === 'adresse interpolée') {
    // A BAN point is the position the official check uses: the only margin left is the outline's own precision.
    // An interpolated number keeps the usual uncertainty of a position.
    const uncertainty = match.precision === 'adresse' ? BAN_POINT_UNCERTAINTY_M : DEFAULT_UNCERTAINTY_M;
    const street = match.street;
    const box: BBox = [match.lon, match.lat, match.lon, match.lat];
    if (!qpvLoadedFor(ctx, box, pointReach(ctx, DEFAULT_UNCERTAINTY_M))) {
      return notLoaded({
        precision: 'adresse',
        label: match.label,
        lon: match.lon,
        lat: match.lat,
        street: { id: street.id, nom: street.nom, insee: street.insee, commune: street.commune },
      });
    }
    const v = pointVerdict(ctx.index, [match.lon, match.lat], { uncertainty_m: uncertainty });
    result = fromPointVerdict(
      v,
      {
        precision: match.precision,
        label: match.label,
        lon: match.lon,
        lat: match.lat,
        street: { id: street.id, nom: street.nom, insee: street.insee, commune: street.commune },
      },
      uncertainty,
      'L’adresse est',
    );
    if (match.note) result.motif += ` ${match.note}`;
  } else {
    result = streetCheck(ctx, match);
  }
  // A typo-corrected or partial reading is a guess: it may inform, never decide.
  if (match.score < CERTAIN_SCORE) result = { ...result, approximate: true };
  if (match.score < CERTAIN_SCORE && (result.status === 'dans' || result.status === 'hors')) {
    const was = result.status === 'dans' ? 'dans' : 'hors';
    result = {
      ...result,
      status: 'limite',
      motif: `Adresse reconnue approximativement (« ${match.label} ») : d’après cette lecture elle serait ${was} QPV, mais confirmez l’adresse. ${result.motif}`,
    };
  }
  // A street of a partly covered commune (Wattrelos, Linselles…) that reaches the edge of the data's rectangle may go
  // on in the part the map does not have: its answer cannot be firm; a street wholly inside the rectangle is known.
  // In a commune with communes associées (Lille: Hellemmes, Lomme) one name may be two streets (« place de la
  // République » in Lille-centre and in Hellemmes): the one meant may be in the part the map does not have.
  if (match.partie && (hasAssociatedCommunes(match.street.insee) || reachesDataEdge(match.street.bbox))) {
    const was =
      result.status === 'dans'
        ? ' D’après cette voie, l’adresse serait dans le QPV.'
        : result.status === 'hors'
          ? ' D’après cette voie, l’adresse serait hors QPV.'
          : '';
    result = {
      ...result,
      status: result.status === 'introuvable' ? result.status : 'limite',
      partie: match.partie,
      motif: `${match.partie}${was} ${result.motif}`,
    };
  }
  return result;
}

/**
 * Geocodes a query (free text or structured) and returns the three-state answer — or `introuvable` with the French
 * reason and, when useful, candidates to choose from.
 *
 * @example
 * checkAddress(ctx, '12 bis rue du Tonkin Croix');
 * // → { status: 'dans', qpv: { code: 'QN05980M', nom: '…' }, precision: 'voie', label: '12 bis Rue du Tonkin, 59170 Croix', … }
 * checkAddress(ctx, 'rue de la paix Marseille').motif; // → 'Cette commune n’est pas couverte : …'
 */
export function checkAddress(ctx: CheckContext, query: string | StructuredAddress): AddressCheck {
  const result = ctx.geocoder.geocode(query);
  if (result.status === 'trouve') return checkMatch(ctx, result.match);
  const typed =
    typeof query === 'string'
      ? query.trim()
      : [query.numero, query.voie, query.code_postal, query.commune]
          .filter((p) => p !== null && p !== undefined && String(p).trim() !== '')
          .join(' ');
  return {
    status: 'introuvable',
    precision: null,
    label: typed,
    lon: null,
    lat: null,
    motif: result.motif,
    candidates: result.candidates,
    ...(result.status === 'introuvable' && result.offrePoint ? { offrePoint: true } : {}),
  };
}

/** A pin within this distance (m) of a BAN address is named after it. */
export const PIN_ADDRESS_RADIUS_M = 20;

/** « 12 Rue Paul Lafargue, 59170 Croix (à 3 m) » for the BAN address nearest to a pin, or null. */
function nearestAddressLabel(ctx: CheckContext, lon: number, lat: number): string | null {
  if (!ctx.ban || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const near = nearestAddress(ctx.ban, [lon, lat], PIN_ADDRESS_RADIUS_M);
  if (!near) return null;
  const street = ctx.ban.streets[near.street]!;
  const suffix = ctx.ban.suffix[near.row]!;
  const rep = suffix === 0 ? '' : ` ${ctx.ban.suffixes[suffix - 1]}`;
  const commune = ctx.geocoder.communes.find((c) => c.insee === street.insee)?.nom ?? street.insee;
  return `${ctx.ban.numero[near.row]}${rep} ${street.nom}, ${street.code_postal} ${commune} (à ${metres(near.distance_m)})`;
}

export interface CheckPointOptions {
  /** Uncertainty of the position (m): a pin at street zoom ≈ 10, a GPS fix its `accuracy`. */
  uncertainty_m?: number;
  /** Label to show (default: the coordinates). */
  label?: string;
}

/**
 * Verdict of a point placed by hand or from the device's position (precision `point placé`).
 *
 * @example
 * checkPoint(ctx, [3.1652, 50.6949], { uncertainty_m: 10 }).status; // → 'dans'
 * checkPoint(ctx, [0, 0]).status; // → 'introuvable' (outside the data)
 */
export function checkPoint(
  ctx: CheckContext,
  point: readonly [number, number],
  options: CheckPointOptions = {},
): AddressCheck {
  const [lon, lat] = point;
  const uncertainty = Math.max(0, options.uncertainty_m ?? DEFAULT_UNCERTAINTY_M);
  const coordinates = `${FR_FIVE_DECIMALS.format(lat)} N, ${FR_FIVE_DECIMALS.format(lon)} E`;
  const near = options.label === undefined ? nearestAddressLabel(ctx, lon, lat) : null;
  const label = options.label ?? (near ? `Point placé près du ${near}` : `Point placé (${coordinates})`);
  if (
    !Number.isFinite(lon) ||
    !Number.isFinite(lat) ||
    Math.abs(lon) > 180 ||
    Math.abs(lat) > 90 ||
    !Number.isFinite(uncertainty)
  ) {
    return {
      status: 'introuvable',
      precision: null,
      label,
      lon: null,
      lat: null,
      motif: 'Position invalide.',
    };
  }
  if (!qpvLoadedFor(ctx, [lon, lat, lon, lat], pointReach(ctx, uncertainty)))
    return notLoaded({ precision: 'point placé', label, lon, lat });
  const v = pointVerdict(ctx.index, [lon, lat], { uncertainty_m: uncertainty });
  if (v.status === 'hors' && (v.distance_m === null || v.distance_m > FAR_LIMIT_M)) {
    return {
      status: 'introuvable',
      precision: 'point placé',
      label,
      lon,
      lat,
      motif:
        'Ce point est loin de tout quartier prioritaire et en dehors de la zone couverte par les données (la carte couvre Croix et les communes voisines de la Métropole européenne de Lille).',
    };
  }
  const [x0, y0, x1, y1] = ctx.area;
  const outsideArea = lon < x0 || lon > x1 || lat < y0 || lat > y1;
  const result = fromPointVerdict(
    v,
    { precision: 'point placé', label, lon, lat },
    uncertainty,
    'Le point est',
  );
  if (outsideArea)
    result.motif +=
      ' (Ce point est hors de la zone détaillée de la carte ; le test porte sur tous les quartiers prioritaires de France.)';
  return result;
}
