// How a street relates to the QPVs: the ONE function behind the search's street-level answers, the street index
// written by `npm run data` (data/streets.json) and the Saint-Pierre street list (data/saint-pierre-streets.geojson).
//
// Method. Built on the QPV spatial index (./qpv-index.ts) and the point verdict (./verdict.ts):
// 1. each centre-line segment is cut into pieces of at most STREET_STEP_M (2 m); each piece is represented by its
//    midpoint, which gets a point verdict with uncertainty = the street set-back (STREET_SETBACK_M, 15 m: the houses
//    stand up to ~15 m from the axis). Band of a QPV = its `precision_m` (0.1 m for QN05980M at 6 decimals, 5.6 m
//    for the 4-decimal outlines) + the set-back: 15.1 m or 20.6 m.
// 2. Each piece counts as « inside » (in a QPV, farther than the band from every boundary), « boundary » (within the
//    band of some boundary, either side) or « outside » (in no QPV, beyond every band), and separately as
//    geometrically inside a QPV or not (band 0: the raw README §4.4 « strictly inside » figure).
// 3. The answer: `dans` (or `hors`) only when every piece is inside one QPV (or outside), except within 1.5 bands of
//    a dead end — a street that *ends* on a boundary street (T-junction) keeps its own houses on its side; anything
//    else (crossing, following a boundary, two QPVs) is `limite`.
// Error: a piece is classified by its midpoint, so each change of class along the street is placed within ± 1 m
// (half a step) and each figure in metres is exact to ± 1 m per change of class; the boundary distances are exact
// (planar, local frame) at the sampled midpoints, and the true smallest distance of the axis is at most 1 m below
// the sampled one (half a step along the axis). A crossing of the band is ≥ 2 × band ≥ 30 m long, so none is missed.

import type { Position } from './data-types';
import { localScale } from './geometry/projection.ts';
import type { QpvRef } from './qpv-index';
import { pointVerdict, type QpvIndex, type VerdictStatus } from './verdict';

/**
 * Distance (m) from a street's centre-line within which its houses stand: half a roadway + pavement (≈ 5–8 m in
 * Croix's terraced streets) plus front gardens and the OpenStreetMap axis' own error (≈ 2–3 m). A street-level
 * match only knows the address is *somewhere along the street, on either side*: the whole axis must be farther
 * than precision + 15 m from every boundary to answer « dans » or « hors ».
 */
export const STREET_SETBACK_M = 15;

/** Sampling step along the centre-line (m); see the file header for the resulting error. */
export const STREET_STEP_M = 2;

/** Along-line tolerance at a street's dead ends, in bands: a street ending on a boundary street (T-junction). */
const END_TOLERANCE_BANDS = 1.5;

/** How a street relates to the QPVs. All lengths and distances in metres. */
export interface StreetRelation {
  status: VerdictStatus;
  /** `dans`: the QPV containing the street; `limite`: the first QPV met (by code); `hors`: the nearest QPV. */
  qpv: QpvRef | null;
  /** Every QPV the street enters or runs along (within the band), by code. */
  qpvs: QpvRef[];
  /**
   * `dans`: smallest distance of the axis to the boundary, dead-end zones excepted; `hors`: smallest distance to the
   * nearest QPV; `limite`: null.
   */
  distance_m: number | null;
  /** Band used: precision of the outline + set-back. */
  band_m: number;
  length_m: number;
  /** Inside a QPV, beyond the band. */
  inside_m: number;
  /** Within the band of a boundary (either side). */
  boundary_m: number;
  /** In no QPV, beyond the band. */
  outside_m: number;
  /** Geometrically inside a QPV, whatever the distance to its boundary (band 0). */
  geometric_inside_m: number;
  /** QPV whose boundary comes nearest to the axis (anywhere, dead ends included), and that distance. */
  nearest: QpvRef | null;
  nearest_m: number | null;
}

export interface StreetRelationOptions {
  /** Distance from the axis to the houses (default {@link STREET_SETBACK_M}). */
  setback_m?: number;
}

/**
 * Relation of a street, given its centre-line pieces, to every QPV of the index (see the file header).
 *
 * @param lines centre-line pieces (`[lon, lat]` arrays), e.g. the `roads.geojson` features of one (nom, insee)
 * @example
 * const r = streetRelation(index, street.lines); // Rue Paul Lafargue, Croix → { status: 'dans', qpv: { code: 'QN05980M', … } }
 */
export function streetRelation(
  index: QpvIndex,
  lines: readonly (readonly Position[])[],
  options: StreetRelationOptions = {},
): StreetRelation {
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
  let geometricInside = 0;
  let decisiveBoundary = 0;
  let minInside = Infinity;
  let minOutside = Infinity;
  let nearestOutside: QpvRef | null = null;
  let nearest: QpvRef | null = null;
  let nearestM = Infinity;
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
      const n = Math.max(1, Math.ceil(segment / STREET_STEP_M));
      const piece = segment / n;
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        const point: [number, number] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        const along = cumulative[i - 1]! + t * segment;
        const v = pointVerdict(index, point, { uncertainty_m: setback });
        length += piece;
        if (v.inside) geometricInside += piece;
        // Nearest boundary of this sample: the nearest within the band, else the verdict's own QPV.
        const near = v.nearby[0];
        const sampleDistance = near ? near.distance_m : v.distance_m;
        if (sampleDistance !== null && sampleDistance < nearestM) {
          nearestM = sampleDistance;
          nearest = near ? { code: near.code, nom: near.nom } : v.qpv;
        }
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
    geometric_inside_m: geometricInside,
    nearest,
    nearest_m: nearestM === Infinity ? null : nearestM,
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
