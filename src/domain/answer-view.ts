// What the map shows with an answer: the point and the nearest stretch of the QPV boundary it was measured against,
// so that the resident sees on which side of the line the home falls. Pure geometry in a local metric frame
// (./geo-math.ts); the UI turns the box into a camera move.

import type { BBox, Position } from './data-types';
import { localScale } from './geometry/projection.ts';

/** Nearest point of a (multi)polygon's boundary to a point, and its distance (m). */
export interface NearestBoundary {
  point: Position;
  distance_m: number;
}

/**
 * Nearest point of the boundary (outer rings and holes) of a MultiPolygon to `p`, in the local frame at `p`.
 *
 * @example
 * // a 0.01° square around the origin, point 0.001° east of its west edge
 * nearestBoundaryPoint([[[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]]], [0.001, 0.005]).point; // → [0, 0.005]
 */
export function nearestBoundaryPoint(
  polygons: readonly (readonly (readonly Position[])[])[],
  p: readonly [number, number],
): NearestBoundary | null {
  const { kx, ky } = localScale(p[1]);
  let best: NearestBoundary | null = null;
  let best2 = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        const ax = (a[0] - p[0]) * kx;
        const ay = (a[1] - p[1]) * ky;
        const dx = (b[0] - a[0]) * kx;
        const dy = (b[1] - a[1]) * ky;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
        t = Math.min(1, Math.max(0, t));
        const qx = ax + t * dx;
        const qy = ay + t * dy;
        const d2 = qx * qx + qy * qy;
        if (d2 < best2) {
          best2 = d2;
          best = { point: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], distance_m: Math.sqrt(d2) };
        }
      }
    }
  }
  return best;
}

/** Beyond this distance (m) the boundary is not brought into the view: the map would show a whole city. */
export const ANSWER_VIEW_MAX_M = 2_000;

/**
 * Box to show for an answer: the point and, when it is within {@link ANSWER_VIEW_MAX_M}, the nearest boundary point,
 * mirrored around the point so that the point stays in the middle of the view (both sides of the line visible).
 * Returns null when only the point should be shown (no boundary, or too far).
 *
 * @example
 * answerViewBox([3, 50], { point: [3.001, 50], distance_m: 71 }); // → [2.999, 50, 3.001, 50]
 */
export function answerViewBox(
  point: readonly [number, number],
  nearest: NearestBoundary | null,
): BBox | null {
  if (!nearest || nearest.distance_m > ANSWER_VIEW_MAX_M) return null;
  const dx = Math.abs(nearest.point[0] - point[0]);
  const dy = Math.abs(nearest.point[1] - point[1]);
  return [point[0] - dx, point[1] - dy, point[0] + dx, point[1] + dy];
}
