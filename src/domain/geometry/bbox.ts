/**
 * Bounding boxes `[west, south, east, north]` of plain coordinate arrays, without Turf: used to pick the QPVs of
 * an area and to frame a street, on the main thread and at startup, where every millisecond counts.
 */

import type { BBox } from '../data-types.ts';
import { localScale } from './projection.ts';

type Coordinates = number | Coordinates[];

/**
 * Smallest box holding every position of nested coordinate arrays (any geometry's `coordinates`).
 * An empty input gives `[Infinity, Infinity, -Infinity, -Infinity]`, which intersects nothing.
 *
 * @example
 * coordinatesBbox([[3.15, 50.68], [3.16, 50.69]]); // [3.15, 50.68, 3.16, 50.69]
 */
export function coordinatesBbox(coordinates: unknown, into?: BBox): BBox {
  const box: BBox = into ?? [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: Coordinates): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [lon, lat] = value as [number, number];
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
      return;
    }
    for (const child of value) visit(child);
  };
  visit(coordinates as Coordinates);
  return box;
}

/**
 * Box of every feature of a collection.
 *
 * @example
 * collectionBbox(communes); // the covered area
 */
export function collectionBbox(collection: {
  features: ReadonlyArray<{ geometry: { coordinates: unknown } }>;
}): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of collection.features) coordinatesBbox(feature.geometry.coordinates, box);
  return box;
}

/**
 * True when the boxes overlap or touch.
 *
 * @example
 * bboxIntersects([0, 0, 1, 1], [1, 1, 2, 2]); // true
 */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** True when the point lies in the box (edges included). */
export function pointInBbox(point: readonly [number, number], box: BBox): boolean {
  return point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3];
}

/** The box grown by `metres` on every side (local scale at its middle latitude). */
export function widenBbox(box: BBox, metres: number): BBox {
  const { kx, ky } = localScale((box[1] + box[3]) / 2);
  const dLon = metres / kx;
  const dLat = metres / ky;
  return [box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat];
}
