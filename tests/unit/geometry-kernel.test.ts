import { booleanPointInPolygon, distance, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { localScale, pointInBbox, pointInPolygon, widenBbox } from '../../src/domain/geometry/index.ts';

// Independent truths: hand-drawn rings, Turf's booleanPointInPolygon and geodesic distance.
const square = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
] as [number, number][];
const hole = [
  [4, 4],
  [6, 4],
  [6, 6],
  [4, 6],
  [4, 4],
] as [number, number][];

describe('pointInPolygon (even-odd over every ring)', () => {
  it('is inside a square, outside its hole and outside the square', () => {
    expect(pointInPolygon([1, 1], [square, hole])).toBe(true);
    expect(pointInPolygon([5, 5], [square, hole])).toBe(false);
    expect(pointInPolygon([11, 5], [square, hole])).toBe(false);
  });

  it('handles MultiPolygon parts', () => {
    const far = square.map(([x, y]) => [x + 20, y] as [number, number]);
    expect(pointInPolygon([25, 5], [[square], [far]])).toBe(true);
    expect(pointInPolygon([15, 5], [[square], [far]])).toBe(false);
  });

  it('agrees with Turf on seeded random points around a concave ring', () => {
    const ring = [
      [3.15, 50.68],
      [3.16, 50.68],
      [3.16, 50.69],
      [3.155, 50.685],
      [3.15, 50.69],
      [3.15, 50.68],
    ] as [number, number][];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [3.148 + random() * 0.014, 50.678 + random() * 0.014];
      const expected = booleanPointInPolygon(p, { type: 'Polygon', coordinates: [ring] });
      expect(pointInPolygon(p, [ring])).toBe(expected);
      if (expected) inside += 1;
    }
    expect(inside).toBeGreaterThan(200);
  });
});

describe('bbox helpers', () => {
  it('widens a box by metres in both directions (Turf geodesic distance as oracle)', () => {
    const box: [number, number, number, number] = [3.15, 50.68, 3.16, 50.69];
    const wide = widenBbox(box, 300);
    const dx = distance(point([box[0], 50.685]), point([wide[0], 50.685]), { units: 'meters' });
    const dy = distance(point([3.155, box[3]]), point([3.155, wide[3]]), { units: 'meters' });
    expect(dx).toBeCloseTo(300, -0.5);
    expect(dy).toBeCloseTo(300, -0.5);
    expect(pointInBbox([3.1496, 50.685], wide)).toBe(true);
    expect(pointInBbox([3.1496, 50.685], box)).toBe(false);
  });

  it('local scale matches the WGS 84 table of degree lengths at Croix', () => {
    // « Length of a degree » on the WGS 84 ellipsoid (e.g. Wikipedia, Latitude § Length of a degree): at 50° N a
    // degree of latitude is 111 229 m and of longitude 71 696 m; at 51° N 111 246 m and 70 197 m. Linear
    // interpolation to 50.685° N (error < 10 m per degree over one degree).
    const t = 0.685;
    const { kx, ky } = localScale(50.685);
    expect(Math.abs(ky - (111_229 + t * (111_246 - 111_229))) / ky).toBeLessThan(5e-4);
    expect(Math.abs(kx - (71_696 + t * (70_197 - 71_696))) / kx).toBeLessThan(5e-4);
    // Turf measures on a sphere: within 0.4 % east-west (the ellipsoid's flattening), as expected.
    const east = distance(point([3.155, 50.685]), point([3.155 + 1000 / kx, 50.685]), { units: 'meters' });
    expect(Math.abs(east - 1000)).toBeLessThan(4);
  });
});
