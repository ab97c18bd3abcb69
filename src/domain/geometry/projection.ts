// Small planar geometry helpers in a local metric frame. Distances to QPV boundaries are a few metres to a few
// kilometres: at that scale an equirectangular frame scaled by the WGS 84 ellipsoid's radii of curvature at the
// point's latitude is accurate to < 0.1 % (≈ 1 m per km), far below the 0.1–5.6 m precision of the outlines, and it
// is ~20× faster than a geodesic Turf distance (domain.md §3.1: 73 µs planar vs 1 704 µs geodesic per 500-vertex
// ring, with Turf; here a few hundred nanoseconds).

/** WGS 84 semi-major axis (m) and first eccentricity squared (NIMA TR8350.2). */
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;
const DEG = Math.PI / 180;

/** Metres per degree of longitude and of latitude at a latitude. */
export interface LocalScale {
  /** Metres per degree of longitude (east-west). */
  kx: number;
  /** Metres per degree of latitude (north-south). */
  ky: number;
}

/**
 * Metres per degree of longitude and latitude at `lat` (degrees), from the ellipsoid's prime-vertical (N) and
 * meridional (M) radii of curvature.
 *
 * @example
 * const { kx, ky } = localScale(50.68); // kx ≈ 70 620 m/°, ky ≈ 111 240 m/°
 */
export function localScale(lat: number): LocalScale {
  const s = Math.sin(lat * DEG);
  const w = 1 - WGS84_E2 * s * s;
  const n = WGS84_A / Math.sqrt(w);
  const m = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  return { kx: n * Math.cos(lat * DEG) * DEG, ky: m * DEG };
}

/**
 * Squared distance, in the frame's units, from (px, py) to the segment (ax, ay)–(bx, by), all already scaled.
 *
 * @example
 * segmentDistanceSquared(0, 1, -1, 0, 1, 0) // → 1
 */
export function segmentDistanceSquared(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/**
 * Distance in metres between two WGS 84 positions close to each other (local frame at their mean latitude).
 *
 * @example
 * Math.round(planarDistance([3.15, 50.68], [3.16, 50.68])) // → 706
 */
export function planarDistance(a: readonly [number, number], b: readonly [number, number]): number {
  const { kx, ky } = localScale((a[1] + b[1]) / 2);
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * ky);
}

/**
 * Squared metric distance from a point to an axis-aligned box (0 inside), in degrees scaled by kx/ky.
 *
 * @example
 * boxDistanceSquared(0, 0, 1, 1, 2, 2, 1, 1) // → 2
 */
export function boxDistanceSquared(
  x: number,
  y: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  kx: number,
  ky: number,
): number {
  const dx = x < minX ? minX - x : x > maxX ? x - maxX : 0;
  const dy = y < minY ? minY - y : y > maxY ? y - maxY : 0;
  return dx * dx * kx * kx + dy * dy * ky * ky;
}
