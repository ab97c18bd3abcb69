// Point in polygon by the even-odd rule over every ring (exterior rings and holes, every part of a MultiPolygon):
// a ray cast towards +x crosses the boundary an odd number of times iff the point is inside. Holes and disjoint
// parts need no special case. Points exactly on an edge may go either way: callers that care about the boundary
// use a distance band (see ../verdict.ts), never this test alone. W. R. Franklin, « PNPOLY »,
// https://wrfranklin.org/Research/Short_Notes/pnpoly.html.

import type { Position } from '../data-types.ts';

/** Flips `inside` for every edge of `ring` crossed by the ray from (x, y) towards +x. */
function crossings(ring: readonly Position[], x: number, y: number, inside: boolean): boolean {
  let odd = inside;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/**
 * Whether `point` falls inside the polygon (rings of a Polygon) or multipolygon (polygons of rings).
 *
 * @example
 * pointInPolygon([0.5, 0.5], [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]); // → true
 */
export function pointInPolygon(
  point: readonly [number, number],
  rings: readonly (readonly Position[])[] | readonly (readonly (readonly Position[])[])[],
): boolean {
  let inside = false;
  for (const item of rings) {
    const first = item[0];
    if (first === undefined) continue;
    if (typeof first[0] === 'number')
      inside = crossings(item as readonly Position[], point[0], point[1], inside);
    else
      for (const ring of item as readonly (readonly Position[])[])
        inside = crossings(ring, point[0], point[1], inside);
  }
  return inside;
}
