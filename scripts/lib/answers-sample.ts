// The sample of the « answers unchanged » check (issue 10): 100 000 seeded random points over the covered area plus
// a margin, and the compact truth file's shape. Shared by scripts/answers-truth.ts (writes the truth once, with the
// code of the time) and tests/unit/answers-unchanged.test.ts (compares today's answers with it).

import type { BBox } from '../../src/domain/data-types';

/** Where the truth lives (gzip JSON, committed). */
export const TRUTH_PATH = 'tests/fixtures/answers/truth.json.gz';
export const POINT_COUNT = 100_000;
export const POINT_SEED = 20_240_101;
/** Degrees added around the communes' extent (≈ 1.1 km N-S, 0.7 km E-W). */
export const AREA_MARGIN_DEG = 0.01;
/** Position uncertainty of the sampled points (m), as a pin or a BAN point. */
export const POINT_UNCERTAINTY_M = 10;

/** mulberry32: a tiny, well-known 32-bit PRNG; the same seed gives the same sequence on every engine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The sampled points, `[lon, lat]` rounded to 7 decimals, sorted by 0.001° rows then longitude (neighbouring
 * points have close answers, so the truth compresses well).
 */
export function samplePoints(bbox: BBox, count = POINT_COUNT, seed = POINT_SEED): [number, number][] {
  const random = mulberry32(seed);
  const [w, s, e, n] = bbox;
  const points: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const lon = Math.round((w + random() * (e - w)) * 1e7) / 1e7;
    const lat = Math.round((s + random() * (n - s)) * 1e7) / 1e7;
    points.push([lon, lat]);
  }
  const row = (p: [number, number]) => Math.floor(p[1] / 0.001);
  return points.sort((a, b) => row(a) - row(b) || a[0] - b[0] || a[1] - b[1]);
}

/** One status letter per answer: d = dans, h = hors, l = limite. */
export const STATUS_LETTER = { dans: 'd', hors: 'h', limite: 'l' } as const;

/**
 * The truth file. Distances and lengths are in decimetres (rounded to 0.1 m), -1 for « none ». `code` indexes
 * `codes` (-1: no QPV).
 */
export interface AnswersTruth {
  written_by: string;
  /** sha256 of the data files the truth was computed from (data/manifest.json outputs). */
  data: Record<string, string>;
  codes: string[];
  streets: {
    /** `insee|nom` of each street of the geocoder index, in index order. */
    keys: string[];
    status: string;
    code: number[];
    distance_dm: number[];
    inside_dm: number[];
    boundary_dm: number[];
    outside_dm: number[];
  };
  points: {
    bbox: BBox;
    count: number;
    seed: number;
    uncertainty_m: number;
    /** First sampled point, to detect a change of the generator. */
    first: [number, number];
    status: string;
    code: number[];
    /** Successive differences of the distances in decimetres (first one absolute). */
    distance_delta_dm: number[];
  };
}
