// « Mon adresse est-elle en QPV ? » — the one function behind the search box, the file check and the CLI:
// geocode (./geocoder.ts), then the three-state verdict (./verdict.ts) of the address point, of the whole street
// when only the street is known, or of a point placed by hand. Every answer carries its precision and a French
// reason; an uncertain match never yields « dans ».

import { TERRITORY } from '../territory/territory';
import { nearestAddress } from './ban/numbers';
import type { BanTable } from './ban/table';
import type {
  AddressTable,
  BBox,
  CommuneCollection,
  Position,
  QpvCollection,
  RoadCollection,
} from './data-types';
import {
  createGeocoder,
  type GeocodeMatch,
  type Geocoder,
  type GeocoderInput,
  type Precision,
  type Street,
  type StructuredAddress,
} from './geocoder';
import { localScale } from './geometry/projection';
import { candidateQpvs, type QpvCatalogue, qpvCollection } from './qpv-shards';
import { decodeStreetRelation, type StreetIndexFile } from './street-index-file';
import { decodeStreetLines, type StreetLinesFile } from './street-lines-file';
import {
  createQpvIndex,
  DEFAULT_UNCERTAINTY_M,
  type PointVerdict,
  pointVerdict,
  type QpvIndex,
  type QpvRef,
  STREET_SETBACK_M,
  type StreetVerdict,
  streetVerdict,
} from './verdict';

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
}

/** Everything a check needs, built once: QPV index, geocoder, covered area, memoised street verdicts. */
export interface CheckContext {
  /** Index of the QPV outlines loaded so far (rebuilt by {@link addQpvFeatures}). */
  index: QpvIndex;
  /**
   * The QPV outlines the context was created with; with `partial`, shards added later are in `loaded` only: read an
   * outline with {@link loadedOutline}.
   */
  qpv: QpvCollection;
  /** BAN points (house numbers), when imported: the pin names the nearest address. */
  ban: BanTable | null;
  geocoder: Geocoder;
  /** Extent of the covered communes. */
  area: BBox;
  /** Street verdicts known so far (precomputed in data/streets.json, or computed), by street id. */
  streetVerdicts: Map<number, StreetVerdict>;
  /** Only some outlines are loaded (the browser): answer a point only when those that matter there are. */
  partial: boolean;
  /** Every QPV without outline (with `partial`; may come later, {@link setQpvCatalogue}). */
  catalogue: QpvCatalogue | null;
  /** QPVs that answer the covered area (from data/streets.json), with `partial`. */
  coverage: StreetIndexFile['coverage'] | null;
  /** Outlines loaded so far, by code. */
  loaded: Map<string, QpvCollection['features'][number]>;
  /**
   * Streets starting on each side of a boundary street, precomputed (data/street-sides.json), by street id; null
   * until those centre-lines are attached ({@link addStreetLines}).
   */
  facing: Map<number, [string[], string[]]> | null;
  /** Streets of data/streets.json when the context was built from it (its ids), else null. */
  streetIndexSize: number | null;
}

export interface CheckContextInput {
  /** QPV outlines: all of them (Node), or the shards loaded so far (the browser, with `catalogue`). */
  qpv: QpvCollection;
  /** Road centre-lines and communes (Node), or `streetIndex` (the browser). */
  roads?: RoadCollection;
  communes?: CommuneCollection;
  /** data/streets.json: the streets with their relation to the QPVs precomputed. */
  streetIndex?: StreetIndexFile;
  /**
   * True when `qpv` holds only some outlines (the browser): a point is then answered only once every QPV that can
   * matter there is loaded — known from `streetIndex.coverage` in the covered area, from `catalogue` elsewhere.
   */
  partial?: boolean;
  /** data/qpv/catalogue.json (with `partial`; or later, {@link setQpvCatalogue}). */
  catalogue?: QpvCatalogue | null;
  /** With `streetIndex`: data/street-sides.json, the centre-lines the side-of-the-street answers need. */
  streetLines?: StreetLinesFile;
  addresses?: AddressTable | null;
  /** BAN points in the compact form (browser import, `data/ban/`, CLI `--ban`). */
  ban?: BanTable | null;
  /** See {@link GeocoderInput.fastPath} (default true; the answers are the same). */
  fastPath?: boolean;
}

/**
 * Builds the shared context once (QPV index + geocoder, ≈ 0.2 s for the whole area).
 *
 * @example
 * const ctx = createCheckContext({ qpv, roads, communes, addresses: null });
 * checkAddress(ctx, '12 rue Paul Lafargue Croix').status; // → 'dans'
 */
export function createCheckContext(input: CheckContextInput): CheckContext {
  const area: BBox = input.streetIndex
    ? [...input.streetIndex.area]
    : [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (ring: Position[]) => {
    for (const [x, y] of ring) {
      area[0] = Math.min(area[0], x);
      area[1] = Math.min(area[1], y);
      area[2] = Math.max(area[2], x);
      area[3] = Math.max(area[3], y);
    }
  };
  if (!input.streetIndex) {
    for (const f of input.communes?.features ?? []) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) for (const ring of polygon) visit(ring);
    }
  }
  const streetVerdicts = new Map<number, StreetVerdict>();
  const file = input.streetIndex;
  if (file)
    for (let id = 0; id < file.nom.length; id++) streetVerdicts.set(id, decodeStreetRelation(file, id));
  const geocoder = createGeocoder({
    ...(file ? { streetIndex: file } : { roads: input.roads, communes: input.communes }),
    addresses: input.addresses ?? null,
    ban: input.ban ?? null,
    fastPath: input.fastPath ?? true,
  });
  const ctx: CheckContext = {
    index: createQpvIndex(input.qpv),
    qpv: input.qpv,
    ban: input.ban ?? null,
    geocoder,
    area,
    streetVerdicts,
    partial: input.partial ?? false,
    catalogue: input.catalogue ?? null,
    coverage: file?.coverage ?? null,
    loaded: new Map(input.qpv.features.map((f) => [f.properties.code, f])),
    facing: null,
    streetIndexSize: file ? file.nom.length : null,
  };
  if (input.streetLines) addStreetLines(ctx, input.streetLines);
  return ctx;
}

/**
 * Whether the side-of-the-street answers still lack their centre-lines: a context built from the compact street
 * index before data/street-sides.json was attached (a context built from the roads has every centre-line).
 */
export function needsStreetLines(ctx: CheckContext): boolean {
  return ctx.streetIndexSize !== null && ctx.facing === null;
}

/**
 * Gives the compact index's streets their centre-lines from data/street-sides.json, and the streets starting on
 * each side of the boundary streets: from then on, side questions and pins are answered as with every road.
 */
export function addStreetLines(ctx: CheckContext, lines: StreetLinesFile): void {
  if (ctx.streetIndexSize === null || ctx.facing !== null) return;
  if (lines.rues !== ctx.streetIndexSize)
    throw new Error(
      'Les lignes des rues ne correspondent pas à l’index des rues (données de versions différentes) : rechargez la page.',
    );
  const facing = new Map<number, [string[], string[]]>();
  for (const entry of lines.streets) {
    const street = ctx.geocoder.streets[entry.rue];
    if (!street) continue;
    street.lines = decodeStreetLines(lines, entry);
    if (entry.cotes) facing.set(entry.rue, entry.cotes);
  }
  ctx.facing = facing;
}

/** The outline of a loaded QPV (the shards loaded so far in the browser), or undefined. */
export function loadedOutline(
  ctx: CheckContext,
  code: string,
): QpvCollection['features'][number] | undefined {
  return ctx.loaded.get(code);
}

/** Adds QPV outlines (e.g. a shard just loaded) and rebuilds the index; returns whether anything was new. */
export function addQpvFeatures(ctx: CheckContext, features: QpvCollection['features']): boolean {
  let added = false;
  for (const f of features) {
    if (ctx.loaded.has(f.properties.code)) continue;
    ctx.loaded.set(f.properties.code, f);
    added = true;
  }
  if (added) ctx.index = createQpvIndex(qpvCollection([...ctx.loaded.values()]));
  return added;
}

/**
 * Whether every QPV that can contain, be nearest to, or be within `reachM` of some point of `box` is loaded — the
 * condition for an answer identical to the one computed with every QPV of France.
 */
export function qpvLoadedFor(ctx: CheckContext, box: BBox, reachM: number): boolean {
  if (!ctx.partial) return true;
  const c = ctx.coverage;
  if (
    c &&
    reachM <= c.reach_m &&
    box[0] >= c.bbox[0] &&
    box[1] >= c.bbox[1] &&
    box[2] <= c.bbox[2] &&
    box[3] <= c.bbox[3]
  )
    return c.qpv.every((code) => ctx.loaded.has(code));
  const catalogue = ctx.catalogue;
  if (!catalogue) return false;
  return candidateQpvs(catalogue.qpv, box, reachM).every((i) => ctx.loaded.has(catalogue.qpv[i]!.code));
}

/** Gives a partial context the catalogue (loaded after the first answer: points outside the covered area). */
export function setQpvCatalogue(ctx: CheckContext, catalogue: QpvCatalogue): void {
  ctx.catalogue = catalogue;
}

/** Reach (m) a point verdict needs around a position: its uncertainty + the widest outline precision. */
export function pointReach(ctx: CheckContext, uncertainty: number): number {
  return uncertainty + Math.max(ctx.index.maxPrecision, 6);
}

/** The answer when the outlines needed are not loaded yet (never a guess). */
function notLoaded(base: Pick<AddressCheck, 'precision' | 'label' | 'lon' | 'lat' | 'street'>): AddressCheck {
  return {
    ...base,
    status: 'introuvable',
    motif:
      'Les contours des quartiers prioritaires de cette zone ne sont pas encore chargés : réessayez dans un instant.',
  };
}

// One formatter each, built once: `toLocaleString` builds a new Intl.NumberFormat on every call (its result is by
// definition the same as `format` of a formatter with the same locale and options).
const FR_INTEGER = new Intl.NumberFormat('fr-FR');
const FR_ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const FR_FIVE_DECIMALS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 5 });
const metres = (m: number) => `${FR_INTEGER.format(Math.round(m))} m`;
const qpvName = (q: QpvRef) => `${q.nom} (${q.code})`;
const oneDecimal = (m: number) => FR_ONE_DECIMAL.format(m);

function bandExplanation(band: number, uncertainty: number): string {
  if (uncertainty === 0)
    return `marge de ${oneDecimal(band)} m : précision du tracé officiel, le point de la Base Adresse Nationale étant celui du contrôle officiel`;
  return `marge de ${oneDecimal(band)} m : précision du tracé officiel + ${oneDecimal(uncertainty)} m d’incertitude sur la position`;
}

function fromPointVerdict(
  v: PointVerdict,
  base: Pick<AddressCheck, 'precision' | 'label' | 'lon' | 'lat' | 'street'>,
  uncertainty: number,
  subject: string,
): AddressCheck {
  const common = { ...base, band_m: v.band_m, ...(v.qpv ? { qpv: v.qpv } : {}) };
  const distance = v.distance_m ?? undefined;
  switch (v.status) {
    case 'dans':
      return {
        ...common,
        status: 'dans',
        distance_m: distance,
        motif: `${subject} à l’intérieur du quartier prioritaire ${qpvName(v.qpv!)}, à ${metres(v.distance_m!)} de sa limite (au-delà de la ${bandExplanation(v.band_m, uncertainty)}).`,
      };
    case 'hors':
      return {
        ...common,
        status: 'hors',
        distance_m: distance,
        motif: v.qpv
          ? `${subject} hors de tout quartier prioritaire : le plus proche, ${qpvName(v.qpv)}, est à ${metres(v.distance_m!)}.`
          : `${subject} hors de tout quartier prioritaire.`,
      };
    case 'limite': {
      const side = v.inside ? 'juste à l’intérieur' : 'juste à l’extérieur';
      const others = v.nearby.filter((n) => n.code !== v.qpv?.code);
      const also = others.length > 0 ? ` Il est aussi près de ${others.map(qpvName).join(', ')}.` : '';
      return {
        ...common,
        status: 'limite',
        distance_m: distance,
        motif: `${subject} ${side} du quartier prioritaire ${qpvName(v.qpv!)}, à ${metres(v.distance_m!)} de sa limite, dans la ${bandExplanation(v.band_m, uncertainty)}. Le tracé ne permet pas de trancher : vérifiez sur sig.ville.gouv.fr.${also}`,
      };
    }
  }
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

/** Street motifs (without the match's note) by verdict: a verdict belongs to one street of one context. */
const streetMotifs = new WeakMap<StreetVerdict, string>();

/** The French reason of a street-level verdict; the same for every house number, so written once per street. */
function streetMotif(street: Street, verdict: StreetVerdict): string {
  const known = streetMotifs.get(verdict);
  if (known !== undefined) return known;
  // « la voie « Rue du Tonkin » (Croix) », never « la rue Rue du Tonkin ».
  const name = `« ${street.nom} » (${street.commune})`;
  let motif: string;
  switch (verdict.status) {
    case 'dans':
      // A street ending on a boundary street (dead end, T-junction) comes nearer at its end: say so.
      motif =
        verdict.nearest_m !== null && verdict.nearest_m < verdict.band_m
          ? `Toute la voie ${name} est à l’intérieur du quartier prioritaire ${qpvName(verdict.qpv!)} : son axe reste à ${metres(verdict.distance_m!)} ou plus de la limite, au-delà de la marge de ${oneDecimal(verdict.band_m)} m (précision du tracé + ${STREET_SETBACK_M} m entre l’axe et les façades), sauf à son extrémité, qui débouche sur la rue qui porte la limite (à ${metres(verdict.nearest_m)}) : les maisons de la voie restent du côté du quartier. Le numéro ne change pas la réponse.`
          : `Toute la voie ${name} est à l’intérieur du quartier prioritaire ${qpvName(verdict.qpv!)} : son axe reste à ${metres(verdict.distance_m!)} ou plus de la limite, au-delà de la marge de ${oneDecimal(verdict.band_m)} m (précision du tracé + ${STREET_SETBACK_M} m entre l’axe et les façades). Le numéro ne change pas la réponse.`;
      break;
    case 'hors':
      motif = verdict.qpv
        ? verdict.nearest_m !== null && verdict.nearest_m < verdict.distance_m!
          ? `Toute la voie ${name} est hors quartier prioritaire : le plus proche, ${qpvName(verdict.qpv)}, est à ${metres(verdict.distance_m!)} de la voie, sauf à son extrémité, qui débouche sur la rue qui porte sa limite (à ${metres(verdict.nearest_m)}) : les maisons de la voie restent hors du quartier. Le numéro ne change pas la réponse.`
          : `Toute la voie ${name} est hors quartier prioritaire : le plus proche, ${qpvName(verdict.qpv)}, est à ${metres(verdict.distance_m!)} de la voie. Le numéro ne change pas la réponse.`
        : `Toute la voie ${name} est hors quartier prioritaire.`;
      break;
    case 'limite': {
      const what =
        verdict.inside_m > 0 && verdict.outside_m > 0
          ? 'entre et sort du'
          : verdict.boundary_m > 0
            ? 'longe la limite du'
            : 'touche le';
      motif = `La voie ${name} ${what} quartier prioritaire ${verdict.qpv ? qpvName(verdict.qpv) : ''} : la réponse dépend du numéro et du côté de la rue. Placez votre logement sur la carte, ou vérifiez sur sig.ville.gouv.fr.`;
      break;
    }
  }
  streetMotifs.set(verdict, motif);
  return motif;
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
