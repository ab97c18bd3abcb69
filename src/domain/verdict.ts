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

import type { Position, QpvCollection } from './data-types';
import { localScale } from './geo-math';
import { type FeatureHit, GRID_BAND_M, type QpvRef, QpvSpatialIndex } from './qpv-index';

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

/**
 * Distance (m) from a street's centre-line within which its houses stand: half a roadway + pavement (≈ 5–8 m in
 * Croix's terraced streets) plus front gardens and the OpenStreetMap axis' own error (≈ 2–3 m). A street-level
 * match only knows the address is *somewhere along the street, on either side*: the whole axis must be farther
 * than precision + 15 m from every boundary to answer « dans » or « hors ».
 */
export const STREET_SETBACK_M = 15;

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

/** Verdict of a whole street (a street-level geocode: the house could be anywhere along it, on either side). */
export interface StreetVerdict {
  status: VerdictStatus;
  /** `dans`: the QPV containing the street; `limite`: the first QPV met; `hors`: the nearest QPV. */
  qpv: QpvRef | null;
  /** Every QPV the street enters or runs along (within the band). */
  qpvs: QpvRef[];
  /** `dans`: smallest distance of the axis to the boundary; `hors`: smallest distance to the nearest QPV. */
  distance_m: number | null;
  /** Band used (m): precision of the outline + {@link STREET_SETBACK_M} + extra uncertainty. */
  band_m: number;
  /** Metres of centre-line inside (beyond the band), in the band, outside (beyond the band). */
  length_m: number;
  inside_m: number;
  boundary_m: number;
  outside_m: number;
}

export interface StreetVerdictOptions {
  /** Distance from the axis to the houses (default {@link STREET_SETBACK_M}). */
  setback_m?: number;
}

/** Along-line tolerance at a street's dead ends, in bands: a street ending on a boundary street (T-junction). */
const END_TOLERANCE_BANDS = 1.5;

/**
 * Three-state verdict of a street given its centre-line pieces. The axis is sampled every ≤ 2 m (a crossing of the
 * band is ≥ 2 × band ≥ 20 m long, so none is missed) and each sample gets a point verdict with
 * uncertainty = setback. The street is `dans` (or `hors`) only when every sample is, except within 1.5 bands of a
 * dead end — the usual street that *ends* on the boundary street: its own houses are on its side. Anything else —
 * a street that crosses or follows a boundary, or touches two QPVs — is `limite`.
 *
 * @param lines centre-line pieces (`[lon, lat]` arrays), e.g. the `roads.geojson` features of one (nom, insee)
 * @example
 * const v = streetVerdict(index, street.lines); // Rue Paul Lafargue, Croix → { status: 'dans', qpv: { code: 'QN05980M', … } }
 */
export function streetVerdict(
  index: QpvIndex,
  lines: readonly (readonly Position[])[],
  options: StreetVerdictOptions = {},
): StreetVerdict {
  const setback = options.setback_m ?? STREET_SETBACK_M;
  // Dead ends: endpoints that belong to one piece only (pieces of an OSM street meet end to end).
  const endCount = new Map<string, number>();
  for (const line of lines) {
    if (line.length < 2) continue;
    for (const p of [line[0]!, line[line.length - 1]!]) {
      const key = `${p[0]},${p[1]}`;
      endCount.set(key, (endCount.get(key) ?? 0) + 1);
    }
  }
  const isDeadEnd = (p: Position) => endCount.get(`${p[0]},${p[1]}`) === 1;

  let length = 0;
  let inside = 0;
  let boundary = 0;
  let outside = 0;
  let decisiveBoundary = 0;
  let minInside = Infinity;
  let minOutside = Infinity;
  let nearestOutside: QpvRef | null = null;
  let band = index.maxPrecision + setback;
  const insideCodes = new Map<string, QpvRef>();
  const touched = new Map<string, QpvRef>();

  for (const line of lines) {
    if (line.length < 2) continue;
    const { kx, ky } = localScale(line[0]![1]);
    const cumulative = [0];
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      cumulative.push(cumulative[i - 1]! + Math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * ky));
    }
    const total = cumulative[line.length - 1]!;
    const startIsEnd = isDeadEnd(line[0]!);
    const stopIsEnd = isDeadEnd(line[line.length - 1]!);
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      const segment = cumulative[i]! - cumulative[i - 1]!;
      if (segment === 0) continue;
      const n = Math.max(1, Math.ceil(segment / 2));
      const piece = segment / n;
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        const point: [number, number] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        const along = cumulative[i - 1]! + t * segment;
        const v = pointVerdict(index, point, { uncertainty_m: setback });
        length += piece;
        if (v.status === 'limite') {
          boundary += piece;
          band = v.band_m;
          for (const q of v.nearby) touched.set(q.code, { code: q.code, nom: q.nom });
          const tolerance = END_TOLERANCE_BANDS * v.band_m;
          const nearDeadEnd = (startIsEnd && along <= tolerance) || (stopIsEnd && total - along <= tolerance);
          if (!nearDeadEnd) decisiveBoundary += piece;
        } else if (v.status === 'dans' && v.qpv) {
          inside += piece;
          insideCodes.set(v.qpv.code, v.qpv);
          touched.set(v.qpv.code, v.qpv);
          minInside = Math.min(minInside, v.distance_m ?? Infinity);
          band = v.band_m;
        } else {
          outside += piece;
          if (v.distance_m !== null && v.distance_m < minOutside) {
            minOutside = v.distance_m;
            nearestOutside = v.qpv;
          }
        }
      }
    }
  }
  const qpvs = [...touched.values()].sort((a, b) => a.code.localeCompare(b.code));
  const base = {
    qpvs,
    band_m: band,
    length_m: length,
    inside_m: inside,
    boundary_m: boundary,
    outside_m: outside,
  };
  if (decisiveBoundary === 0 && inside > 0 && outside === 0 && insideCodes.size === 1) {
    const qpv = [...insideCodes.values()][0]!;
    return { status: 'dans', qpv, distance_m: minInside, ...base };
  }
  if (decisiveBoundary === 0 && inside === 0 && outside > 0) {
    // A dead end touching a QPV boundary still reads « hors »: report the smallest distance actually measured.
    return { status: 'hors', qpv: nearestOutside, distance_m: minOutside, ...base };
  }
  return { status: 'limite', qpv: qpvs[0] ?? nearestOutside, distance_m: null, ...base };
}
