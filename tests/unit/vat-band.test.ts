import { booleanPointInPolygon, destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { BBox, Position, QpvCollection } from '../../src/domain/data-types.ts';
import { vatBand } from '../../src/domain/vat-band.ts';

/** A square QPV of `sizeM` metres whose south-west corner is at `origin`. */
function squareQpv(code: string, origin: Position, sizeM: number) {
  const east = destination(origin, sizeM, 90, { units: 'meters' }).geometry.coordinates as Position;
  const north = destination(origin, sizeM, 0, { units: 'meters' }).geometry.coordinates as Position;
  const [w, s, e, n] = [origin[0], origin[1], east[0], north[1]];
  const ring: Position[] = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return {
    type: 'Feature' as const,
    bbox: [w, s, e, n] as BBox,
    geometry: { type: 'MultiPolygon' as const, coordinates: [[ring]] },
    properties: { code, nom: code, insee: ['59163'], communes: ['Croix'], precision_m: 5.6, source: 'test' },
  };
}

const CROIX: Position = [3.15, 50.68];
const WIDE_AREA: BBox = [3.0, 50.6, 3.3, 50.8];
const collection = (...features: ReturnType<typeof squareQpv>[]): QpvCollection => ({
  type: 'FeatureCollection',
  features: Object.freeze(features) as ReturnType<typeof squareQpv>[],
});

/** A point `metres` east of the east edge of a square that starts at `origin` with side `sizeM`. */
function eastOf(origin: Position, sizeM: number, metres: number, northM = sizeM / 2) {
  const mid = destination(origin, northM, 0, { units: 'meters' });
  return destination(mid, sizeM + metres, 90, { units: 'meters' });
}

describe('vatBand (TVA 5,5 %, CGI art. 278 sexies)', () => {
  const qpv = squareQpv('QN05980M', CROIX, 200);

  it('covers the QPV and everything within 300 m of its limit, not beyond', () => {
    const [band] = vatBand(collection(qpv), { area: WIDE_AREA });
    expect(band).toBeDefined();
    expect(band!.properties).toEqual({ codes: ['QN05980M'], distance_m: 300 });
    expect(booleanPointInPolygon(eastOf(CROIX, 200, -100), band!)).toBe(true); // inside the QPV
    expect(booleanPointInPolygon(eastOf(CROIX, 200, 290), band!)).toBe(true);
    expect(booleanPointInPolygon(eastOf(CROIX, 200, 310), band!)).toBe(false);
  });

  it('follows the distance option (500 m for renewal sites)', () => {
    const [band] = vatBand(collection(qpv), { area: WIDE_AREA, distanceM: 500 });
    expect(booleanPointInPolygon(eastOf(CROIX, 200, 480), band!)).toBe(true);
    expect(booleanPointInPolygon(eastOf(CROIX, 200, 520), band!)).toBe(false);
  });

  it('merges the bands of QPVs closer than twice the distance, keeps distant ones apart', () => {
    const near = squareQpv(
      'QN05981M',
      destination(CROIX, 700, 90, { units: 'meters' }).geometry.coordinates as Position,
      200,
    );
    const far = squareQpv(
      'QN05982M',
      destination(CROIX, 3000, 90, { units: 'meters' }).geometry.coordinates as Position,
      200,
    );
    const bands = vatBand(collection(qpv, near, far), { area: WIDE_AREA });
    expect(bands.map((band) => band.properties.codes)).toEqual([['QN05980M', 'QN05981M'], ['QN05982M']]);
    // The gap between the two near squares (500 m) is within 300 m of one of them: covered.
    expect(booleanPointInPolygon(eastOf(CROIX, 200, 250), bands[0]!)).toBe(true);
  });

  it('skips QPVs far from the area', () => {
    const lyon = squareQpv('QN06901M', [4.83, 45.76], 200);
    const bands = vatBand(collection(qpv, lyon), { area: [3.1, 50.65, 3.2, 50.7] });
    expect(bands.flatMap((band) => band.properties.codes)).toEqual(['QN05980M']);
  });

  it('keeps a QPV just outside the area whose band reaches into it', () => {
    // 200 m east of the area's east edge: its 300 m band enters the area.
    const edge = squareQpv(
      'QN05983M',
      destination([3.2, 50.68], 200, 90, { units: 'meters' }).geometry.coordinates as Position,
      100,
    );
    expect(vatBand(collection(edge), { area: [3.1, 50.65, 3.2, 50.7] })).toHaveLength(1);
  });

  it('refuses a non-positive distance', () => {
    expect(() => vatBand(collection(qpv), { area: WIDE_AREA, distanceM: 0 })).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const frozen = collection(qpv);
    const before = JSON.stringify(frozen);
    vatBand(frozen, { area: WIDE_AREA });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});
