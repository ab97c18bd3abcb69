// How a street centre-line relates to a polygon boundary: metres strictly inside, within ± band of the boundary,
// outside. Pure TypeScript, no Turf, so that the browser and the build script give the same figures.
//
// Method.
// 1. Local metric projection: equirectangular around the mean latitude φ0 of the polygon's bbox,
//    x = R·Δλ·cos φ0, y = R·Δφ (R = 6 371 008.8 m, IUGG mean radius). Over a few kilometres at 50.7° N the scale
//    error is < 0.1 %, well below the 4-6 dp coordinate precision of the QPV outlines; the raw README measured the same
//    streets in Lambert-93 and we agree to ~1 m.
// 2. Each line segment is cut into pieces of at most `stepM` metres (default 0.25 m); each piece is classified by its
//    midpoint: distance to the nearest boundary edge (exterior rings and holes) ≤ band → `limite`; otherwise
//    point-in-polygon (even-odd over all rings) → `dedans` or `dehors`. The three totals add up to the length; each
//    transition is located to within stepM/2, i.e. ≤ 0.125 m error per crossing of the band edge.
// A sampled classification is used rather than exact segment/buffer intersection because it is short, obviously
// correct and fast enough (≈ 5 000 samples × 760 edges for the seven streets, a few ms).

import type { Position } from './data-types';

/** Polygon or MultiPolygon geometry (GeoJSON shape, WGS 84). */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
/** LineString or MultiLineString geometry (GeoJSON shape, WGS 84). */
export type PathGeometry =
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

/** Metres of a line in each relation to a polygon; `inside_m + boundary_m + outside_m === length_m` (± rounding). */
export interface LineRelation {
  length_m: number;
  /** Inside the polygon and farther than the band from its boundary. */
  inside_m: number;
  /** Within ± band of the boundary (either side). */
  boundary_m: number;
  /** Outside the polygon and farther than the band from its boundary. */
  outside_m: number;
}

export interface LineRelationOptions {
  /** Half-width of the boundary band in metres. */
  bandM: number;
  /** Maximum sampling step in metres (default 0.25). */
  stepM?: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

type XY = [number, number];

/** Equirectangular projection around a reference point; returns metres. */
export function makeLocalProjection(lon0: number, lat0: number): (p: Position) => XY {
  const kx = EARTH_RADIUS_M * DEG * Math.cos(lat0 * DEG);
  const ky = EARTH_RADIUS_M * DEG;
  return (p) => [(p[0] - lon0) * kx, (p[1] - lat0) * ky];
}

function polygonsOf(area: AreaGeometry): Position[][][] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}
function linesOf(path: PathGeometry): Position[][] {
  return path.type === 'LineString' ? [path.coordinates] : path.coordinates;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/**
 * Measures how a (Multi)LineString relates to a (Multi)Polygon: metres strictly inside, within ± `bandM` of the
 * boundary, and outside. See the file header for the method and its accuracy.
 */
export function measureLineRelation(
  path: PathGeometry,
  area: AreaGeometry,
  options: LineRelationOptions,
): LineRelation {
  const band = options.bandM;
  const step = options.stepM ?? 0.25;
  const polygons = polygonsOf(area);
  let minLon = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const [x, y] of ring) {
        minLon = Math.min(minLon, x);
        maxLon = Math.max(maxLon, x);
        minLat = Math.min(minLat, y);
        maxLat = Math.max(maxLat, y);
      }
    }
  }
  const project = makeLocalProjection((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  // Flatten every ring edge once: [ax, ay, bx, by] in metres.
  const edges: number[] = [];
  for (const poly of polygons) {
    for (const ring of poly) {
      const pts = ring.map(project);
      for (let i = 0; i + 1 < pts.length; i++) {
        edges.push(pts[i]![0], pts[i]![1], pts[i + 1]![0], pts[i + 1]![1]);
      }
    }
  }
  const nearBoundary = (x: number, y: number): boolean => {
    for (let i = 0; i < edges.length; i += 4) {
      if (distToSegment(x, y, edges[i]!, edges[i + 1]!, edges[i + 2]!, edges[i + 3]!) <= band) return true;
    }
    return false;
  };
  // Even-odd rule over all rings of all polygons: correct for holes and for disjoint parts.
  const inside = (x: number, y: number): boolean => {
    let odd = false;
    for (let i = 0; i < edges.length; i += 4) {
      const ax = edges[i]!;
      const ay = edges[i + 1]!;
      const bx = edges[i + 2]!;
      const by = edges[i + 3]!;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) odd = !odd;
    }
    return odd;
  };

  let length = 0;
  let inM = 0;
  let edgeM = 0;
  let outM = 0;
  for (const line of linesOf(path)) {
    const pts = line.map(project);
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i]!;
      const [bx, by] = pts[i + 1]!;
      const segLen = Math.hypot(bx - ax, by - ay);
      if (segLen === 0) continue;
      length += segLen;
      const n = Math.max(1, Math.ceil(segLen / step));
      const piece = segLen / n;
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        const x = ax + t * (bx - ax);
        const y = ay + t * (by - ay);
        if (nearBoundary(x, y)) edgeM += piece;
        else if (inside(x, y)) inM += piece;
        else outM += piece;
      }
    }
  }
  return { length_m: length, inside_m: inM, boundary_m: edgeM, outside_m: outM };
}

/** Share of a street that must be strictly inside for the street to read « dedans ». */
export const INSIDE_SHARE = 0.95;
/** Metres outside beyond the band below which a street is still « limite » (absorbs sampling noise). */
export const OUTSIDE_TOLERANCE_M = 1;

/**
 * Reads a {@link LineRelation} as a street status: `dedans` when ≥ 95 % is strictly inside; `partiel` when more than
 * 1 m lies outside beyond the band; otherwise `limite` (part of the street is the boundary itself, so the answer
 * depends on the side of the street and the house number).
 */
export function streetStatus(r: LineRelation): 'dedans' | 'limite' | 'partiel' {
  if (r.length_m > 0 && r.inside_m >= INSIDE_SHARE * r.length_m) return 'dedans';
  if (r.outside_m > OUTSIDE_TOLERANCE_M) return 'partiel';
  return 'limite';
}
