// The three-state QPV verdict of a point and of a street (domain.md §3). One implementation serves the address
// search, the file check, the CLI and the bench.
//
// Why three states: the legal answer (sig.ville.gouv.fr) works on streets and house numbers; ours is a geometric
// test on outlines rounded to 4 or 6 decimals and on positions that are never exact. So a point closer to a
// boundary than the *band* is « en limite — à confirmer », never « dans » or « hors ». The band of a QPV is
//   precision_m (half a unit of the outline's last decimal: 5.6 m at 4 dp, 0.1 m at 6 dp)
// + the position's uncertainty (DEFAULT_UNCERTAINTY_M = 10 m for an address point or a pin; see below),
// i.e. 15.6 m for the 4-decimal outlines and 10.1 m for QN05980M at 6 decimals, inside the 10–15 m bracket
// suggested by domain.md §3.1 (plus the outline's own rounding).

import type { QpvCollection } from './data-types';
import { type FeatureHit, GRID_BAND_M, type QpvRef, QpvSpatialIndex } from './qpv-index';
import type { StreetRelation } from './street-relation';

export type { QpvRef } from './qpv-index';

/** The spatial index of the QPV outlines (opaque; build it once with {@link createQpvIndex}). */
export type QpvIndex = QpvSpatialIndex;

/** The three answers. `limite` reads « En limite — à confirmer sur sig.ville.gouv.fr ». */
export type VerdictStatus = 'dans' | 'hors' | 'limite';

/**
 * Uncertainty (m) of a house-number position or of a pin placed on the map at street zoom. BAN « entrée » /
 * « délivrance postale » positions sit at the door, « segment » / « parcelle » ones up to ~10 m away (domain.md
 * §4.5); a click at zoom 17 is within ~2 px ≈ 1.5 m. 10 m covers the common cases without turning whole streets
 * into « limite ». Callers with a better or worse figure (GPS accuracy) pass their own.
 */
export const DEFAULT_UNCERTAINTY_M = 10;

/** A QPV whose boundary is within the band of the point. */
export interface NearbyQpv extends QpvRef {
  /** Distance (m) from the point to this QPV's boundary. */
  distance_m: number;
  /** Whether the point falls geometrically inside this QPV. */
  inside: boolean;
}

/** Verdict of a point. */
export interface PointVerdict {
  status: VerdictStatus;
  /**
   * `dans`: the QPV containing the point; `limite`: the QPV containing the point, else the one whose boundary is
   * nearest; `hors`: the nearest QPV. `null` only for an empty index.
   */
  qpv: QpvRef | null;
  /** The point falls geometrically inside `qpv` (true for `dans`, either for `limite`, false for `hors`). */
  inside: boolean;
  /** Distance (m) from the point to the boundary of `qpv` (planar, local frame); `null` for an empty index. */
  distance_m: number | null;
  /** Width (m) of the band used for `qpv`: its `precision_m` + the position's uncertainty. */
  band_m: number;
  /** Every QPV whose boundary is within its band of the point, nearest first (empty unless `limite`). */
  nearby: readonly NearbyQpv[];
}

export interface PointVerdictOptions {
  /** Uncertainty of the position in metres (default {@link DEFAULT_UNCERTAINTY_M}). */
  uncertainty_m?: number;
}

/**
 * Builds the spatial index of the QPV outlines: flatbush over the feature bboxes now, per-feature structures on
 * first use. Build it once and share it (a few ms for the 1 584 QPVs).
 *
 * @example
 * const index = createQpvIndex(JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8')));
 * pointVerdict(index, [3.1652, 50.6949]).status; // → 'dans' (QN05980M, avenue Jean Lebas, Roubaix)
 */
export function createQpvIndex(qpv: QpvCollection): QpvIndex {
  return new QpvSpatialIndex(qpv);
}

const NO_NEARBY: readonly NearbyQpv[] = Object.freeze([]);
const hitsScratch: FeatureHit[] = [];
const NO_HITS: readonly FeatureHit[] = Object.freeze([]);

function assertPosition(point: readonly [number, number]): void {
  const lon = point[0];
  const lat = point[1];
  // One comparison each, NaN-safe (NaN fails every comparison): the hot path of the batch and the bench.
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
    throw new RangeError(
      `Position invalide : [${String(lon)}, ${String(lat)}] (attendu [longitude, latitude] WGS 84)`,
    );
  }
}

/**
 * Three-state verdict of a point against every QPV of the index.
 * - `limite` when the point is within `precision_m + uncertainty_m` of some QPV boundary (either side);
 * - otherwise `dans` when it falls inside a QPV, `hors` when it does not (with the nearest QPV and its distance).
 * Throws a `RangeError` for a non-finite or out-of-range position.
 *
 * @param index built by {@link createQpvIndex}
 * @param point `[lon, lat]` WGS 84
 * @example
 * const v = pointVerdict(index, [3.1545, 50.6761], { uncertainty_m: 10 });
 * if (v.status === 'hors') console.log(`à ${Math.round(v.distance_m ?? 0)} m de ${v.qpv?.nom}`);
 */
export function pointVerdict(
  index: QpvIndex,
  point: readonly [number, number],
  options?: PointVerdictOptions,
): PointVerdict {
  assertPosition(point);
  // No default `{}` parameter: it would allocate an object per call on the hot path.
  const uncertainty = options?.uncertainty_m ?? DEFAULT_UNCERTAINTY_M;
  if (!(uncertainty >= 0 && uncertainty < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`Incertitude invalide : ${String(uncertainty)}`);
  }
  const lon = point[0];
  const lat = point[1];
  const cell = index.cellAt(lon, lat);
  const reach = uncertainty + index.maxPrecision;
  // Most points of a city are in no QPV's bbox: skip straight to the nearest boundary.
  const hits =
    cell.hits.length === 0 && reach <= GRID_BAND_M
      ? NO_HITS
      : index.classify(cell, lon, lat, reach, hitsScratch);
  let containing: FeatureHit | null = null;
  let nearby: NearbyQpv[] | null = null;
  for (const hit of hits) {
    const band = index.precision[hit.feature]! + uncertainty;
    if (hit.distance <= band) {
      nearby ??= [];
      nearby.push({ ...index.refs[hit.feature]!, distance_m: hit.distance, inside: hit.inside });
    }
    // QPVs do not overlap; if two outlines ever did, the one the point is deepest in wins.
    if (hit.inside && (!containing || hit.distance > containing.distance)) containing = hit;
  }
  if (nearby) {
    nearby.sort((a, b) => a.distance_m - b.distance_m || a.code.localeCompare(b.code));
    const main = containing ?? null;
    const feature = main ? main.feature : index.refs.findIndex((r) => r.code === nearby[0]!.code);
    const distance = main ? main.distance : nearby[0]!.distance_m;
    return {
      status: 'limite',
      qpv: index.refs[feature]!,
      inside: main !== null,
      distance_m: distance,
      band_m: index.precision[feature]! + uncertainty,
      nearby,
    };
  }
  if (containing) {
    return {
      status: 'dans',
      qpv: index.refs[containing.feature]!,
      inside: true,
      distance_m: containing.distance,
      band_m: index.precision[containing.feature]! + uncertainty,
      nearby: NO_NEARBY,
    };
  }
  if (!index.nearestInto(cell, lon, lat)) {
    return {
      status: 'hors',
      qpv: null,
      inside: false,
      distance_m: null,
      band_m: index.maxPrecision + uncertainty,
      nearby: NO_NEARBY,
    };
  }
  const feature = index.nearestFeature;
  return {
    status: 'hors',
    qpv: index.refs[feature]!,
    inside: false,
    distance_m: index.nearestDistance,
    band_m: index.precision[feature]! + uncertainty,
    nearby: NO_NEARBY,
  };
}

/** Verdict of a whole street: see ./street-relation.ts (the one street-relation function). */
export type StreetVerdict = StreetRelation;
export { STREET_SETBACK_M, streetRelation as streetVerdict } from './street-relation';
