// Scale bar of the PNG export. Expected values by hand: the equator is 40 075 016.686 m long and one 512-px tile
// covers it at zoom 0; at 60° N the parallel is half as long (cos 60° = 0.5); each zoom level halves the metres.
import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from '../../src/domain/scale-bar.ts';

describe('metresPerPixel', () => {
  it.each([
    [0, 0, 40_075_016.686 / 512],
    [60, 1, 40_075_016.686 / 512 / 2 / 2],
    [0, 16, 40_075_016.686 / 512 / 65_536],
  ])('lat %d, zoom %d → %f m', (lat, zoom, expected) => {
    expect(metresPerPixel(lat, zoom)).toBeCloseTo(expected, 6);
  });

  it('at Croix Saint-Pierre (50.6858° N, zoom 15.5) is ≈ 1,07 m per CSS pixel', () => {
    // 78 271.517 × cos(50.6858°) = 49 602.6 m; / 2^15.5 = 46 341.0 → 1.0704 m.
    expect(metresPerPixel(50.6858, 15.5)).toBeCloseTo(1.0704, 3);
  });
});

describe('scaleBar', () => {
  it.each([
    [1, 150, 100, 100, '100 m'],
    [1, 99, 50, 50, '50 m'],
    [2.5, 120, 200, 80, '200 m'],
    [20, 150, 2000, 100, '2 km'],
    [0.5, 150, 50, 100, '50 m'],
  ])('%f m/px, at most %d px → %d m on %d px', (mpp, maxPx, metres, px, label) => {
    expect(scaleBar(mpp, maxPx)).toEqual({ metres, px, label });
  });
});
