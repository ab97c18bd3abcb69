// Mutation-killing checks of the verdict against independent truths (issue 15): the nearest QPV of « hors »
// answers against an exhaustive loop over every QPV edge (and Turf for the distance), a short street grazing a QPV
// corner that a coarse sampling would miss (distance checked with Turf), and the QPV data guard's sort order.
import { readFileSync } from 'node:fs';
import { lineString, point, pointToLineDistance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkQpvCollection } from '../../src/domain/data-guards.ts';
import type { Position, QpvCollection } from '../../src/domain/data-types.ts';
import { createQpvIndex, pointVerdict, type QpvIndex, streetVerdict } from '../../src/domain/verdict.ts';

const qpv = JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8')) as QpvCollection;

/** Seeded linear congruential generator: the same points on every run, so a failure replays. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Spherical equirectangular metres per degree at a latitude (independent of src/domain/geo-math.ts). */
function sphereScale(lat: number): [number, number] {
  const perDegree = (6_371_008.8 * Math.PI) / 180;
  return [perDegree * Math.cos((lat * Math.PI) / 180), perDegree];
}

/** Every QPV's boundary distance from a point, by brute force over all edges (bbox lower bound only to skip). */
function oracleNearest(p: [number, number]): { code: string; distance: number; second: number } {
  const [kx, ky] = sphereScale(p[1]);
  const results: { code: string; distance: number }[] = [];
  for (const f of qpv.features) {
    const [w, s, e, n] = f.bbox!;
    const dx = Math.max(w - p[0], 0, p[0] - e) * kx;
    const dy = Math.max(s - p[1], 0, p[1] - n) * ky;
    if (Math.hypot(dx, dy) > 30_000) continue; // > 30 km: cannot be nearest to a MEL point (MEL QPVs are closer)
    let best = Infinity;
    for (const polygon of f.geometry.coordinates) {
      for (const ring of polygon) {
        for (let i = 1; i < ring.length; i++) {
          const ax = (ring[i - 1]![0] - p[0]) * kx;
          const ay = (ring[i - 1]![1] - p[1]) * ky;
          const bx = (ring[i]![0] - p[0]) * kx;
          const by = (ring[i]![1] - p[1]) * ky;
          const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
          const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * (bx - ax) + ay * (by - ay)) / len2));
          best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
        }
      }
    }
    results.push({ code: f.properties.code, distance: best });
  }
  results.sort((a, b) => a.distance - b.distance);
  return { code: results[0]!.code, distance: results[0]!.distance, second: results[1]!.distance };
}

/** Geodesic distance (m) from a point to a QPV's boundary, with Turf. */
function turfBoundaryDistance(p: [number, number], code: string): number {
  const f = qpv.features.find((x) => x.properties.code === code)!;
  let best = Infinity;
  for (const polygon of f.geometry.coordinates) {
    for (const ring of polygon) {
      best = Math.min(best, pointToLineDistance(point(p), lineString(ring), { units: 'meters' }));
    }
  }
  return best;
}

describe('nearest QPV of « hors » answers = exhaustive oracle', () => {
  let index: QpvIndex;
  beforeAll(() => {
    index = createQpvIndex(qpv);
  });

  it('300 seeded random MEL points: same nearest QPV, same distance (Turf)', () => {
    const random = seeded(2024);
    let compared = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 300; i++) {
      // MEL area, Lille–Roubaix–Tourcoing–Armentières–Seclin.
      const p: [number, number] = [2.85 + 0.4 * random(), 50.55 + 0.22 * random()];
      const v = pointVerdict(index, p);
      if (v.status !== 'hors') continue;
      compared++;
      const oracle = oracleNearest(p);
      // Two QPVs at (nearly) the same distance: either is a right answer.
      const tie = oracle.second - oracle.distance < 1 + 0.005 * oracle.distance;
      if (v.qpv?.code !== oracle.code && !tie) {
        wrong.push(`${p.join(',')}: ${v.qpv?.code} at ${v.distance_m?.toFixed(0)} m, oracle ${oracle.code}`);
        continue;
      }
      const turf = turfBoundaryDistance(p, v.qpv!.code);
      expect(Math.abs(v.distance_m! - turf), p.join(',')).toBeLessThan(0.5 + 0.005 * turf);
    }
    expect(wrong).toEqual([]);
    // Most random MEL points are far from any QPV: the comparison must cover a real sample.
    expect(compared).toBeGreaterThan(200);
  });
});

describe('street sampling catches a short brush with a QPV corner', () => {
  // A square QPV of 200 m around (3.15 E, 50.68 N), outline at 6 decimals (precision 0.1 m), and a 190 m straight
  // street passing 14 m from its north-east corner, the closest point 95 m along the street. The street band is
  // 0.1 + 15 = 15.1 m, so only ≈ 11.3 m of the street (2 × √(15.1² − 14²), 89.3–100.7 m along) is within the band
  // of the corner. Samples every 2 m see it; samples every 20 m (ten pieces of 19 m, centres at 85.5 and 104.5 m)
  // step over it.
  const lat0 = 50.68;
  const lon0 = 3.15;
  const [kx, ky] = sphereScale(lat0);
  const at = (x: number, y: number): Position => [
    Number((lon0 + x / kx).toFixed(6)),
    Number((lat0 + y / ky).toFixed(6)),
  ];
  const square = [at(-100, -100), at(100, -100), at(100, 100), at(-100, 100), at(-100, -100)];
  const collection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        bbox: [square[0]![0], square[0]![1], square[2]![0], square[2]![1]],
        properties: {
          code: 'QN99990M',
          nom: 'Carré de test',
          insee: ['59163'],
          communes: ['Croix'],
          precision_m: 0.1,
          source: 'test',
        },
        geometry: { type: 'MultiPolygon', coordinates: [[square]] },
      },
    ],
  } as unknown as QpvCollection;
  // The street runs along the diagonal direction (1, −1), 14 m beyond the corner (100, 100).
  const off = 14 / Math.SQRT2;
  const street = [
    at(100 + off - 95 / Math.SQRT2, 100 + off + 95 / Math.SQRT2),
    at(100 + off + 95 / Math.SQRT2, 100 + off - 95 / Math.SQRT2),
  ];

  it('the expectation, with Turf: the street passes within the 15.1 m band of the corner', () => {
    const d = pointToLineDistance(point(square[2]!), lineString(street), { units: 'meters' });
    expect(d).toBeGreaterThan(13);
    expect(d).toBeLessThan(15);
  });

  it('is « limite » (a 20 m sampling step would call it « hors »)', () => {
    const v = streetVerdict(createQpvIndex(collection), [street]);
    expect(v.status).toBe('limite');
    expect(v.qpvs.map((q) => q.code)).toEqual(['QN99990M']);
    expect(v.boundary_m).toBeGreaterThan(5);
    expect(v.boundary_m).toBeLessThan(15);
  });
});

describe('checkQpvCollection requires the sort order', () => {
  const slice = (codes: string[]) => ({
    type: 'FeatureCollection',
    features: codes.map((code) => qpv.features.find((f) => f.properties.code === code)!),
  });

  it('accepts sorted codes, refuses unsorted or duplicated ones', () => {
    expect(checkQpvCollection(slice(['QN05980M', 'QN05981M', 'QN05983M']))).toEqual({ ok: true });
    const unsorted = checkQpvCollection(slice(['QN05980M', 'QN05983M', 'QN05981M']));
    expect(unsorted.ok).toBe(false);
    expect(unsorted.ok ? '' : unsorted.error).toContain(
      'entité 2 : pas triée par code (QN05981M après QN05983M)',
    );
    const twice = checkQpvCollection(slice(['QN05980M', 'QN05980M']));
    expect(twice.ok ? '' : twice.error).toContain('pas triée par code (QN05980M après QN05980M)');
  });
});
