import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { bboxIntersects, collectionBbox, coordinatesBbox } from '../../src/domain/geometry/bbox.ts';
import { labelPoints } from '../../src/domain/label-points.ts';

describe('bbox helpers', () => {
  it('bounds nested coordinates of any depth', () => {
    expect(coordinatesBbox([3.15, 50.68])).toEqual([3.15, 50.68, 3.15, 50.68]);
    expect(
      coordinatesBbox([
        [
          [3.16, 50.69],
          [3.15, 50.7],
        ],
        [[3.2, 50.6]],
      ]),
    ).toEqual([3.15, 50.6, 3.2, 50.7]);
  });

  it('gives an empty box that intersects nothing', () => {
    const empty = collectionBbox({ features: [] });
    expect(bboxIntersects(empty, [-180, -90, 180, 90])).toBe(false);
  });

  it('treats touching boxes as intersecting, disjoint ones not', () => {
    expect(bboxIntersects([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false);
    expect(bboxIntersects([0, 0, 1, 1], [0, 1.01, 1, 2])).toBe(false);
  });
});

describe('labelPoints', () => {
  it('puts one point inside the largest polygon, even for a concave shape', () => {
    // A U-shaped polygon: its centroid falls in the notch, outside the shape.
    const u = [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ] as [number, number][][];
    const tiny = [
      [
        [10, 10],
        [10.1, 10],
        [10.1, 10.1],
        [10, 10],
      ],
    ] as [number, number][][];
    const labels = labelPoints(
      [{ geometry: { type: 'MultiPolygon' as const, coordinates: [tiny, u] }, properties: { nom: 'U' } }],
      (p) => ({ nom: p.nom }),
    );
    expect(labels.features).toHaveLength(1);
    const point = labels.features[0]!;
    expect(point.properties).toEqual({ nom: 'U' });
    expect(booleanPointInPolygon(point, { type: 'Polygon', coordinates: u })).toBe(true);
  });
});
