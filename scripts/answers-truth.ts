// answers-truth.ts — records the answers of the verdict code of the time, as the truth of the « answers unchanged »
// test (issue 10: tests/unit/answers-unchanged.test.ts compares every later version with it).
//
// Reads: data/qpv-2024.geojson, data/roads.geojson, data/communes.geojson, data/manifest.json.
// Writes: tests/fixtures/answers/truth.json.gz (gzip JSON, deterministic), with
//   - every street of the geocoder index (street-level answer: status, QPV code, distance, metres inside / in the
//     band / outside the band), and
//   - 100 000 seeded random points over the communes' extent + 0.01° (point verdict, uncertainty 10 m): status,
//     QPV code, distance — all distances rounded to 0.1 m.
// Run ONCE, before changing the answer code (`npx tsx scripts/answers-truth.ts`); the test never writes it. It was
// run on commit 1259a7a (before the one street-relation function and the sharded verdict geometry), then run again
// with that same code (commit c119592) on the data of the cadastre communes (issue 12), which moved 225 roads to
// another commune — the streets of the index change, not the answer code.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCheckContext } from '../src/domain/check-context';
import type { BBox, CommuneCollection, QpvCollection, RoadCollection } from '../src/domain/data-types';
import { pointVerdict, streetVerdict } from '../src/domain/verdict';
import {
  type AnswersTruth,
  AREA_MARGIN_DEG,
  POINT_COUNT,
  POINT_SEED,
  POINT_UNCERTAINTY_M,
  STATUS_LETTER,
  samplePoints,
  TRUTH_PATH,
} from './lib/answers-sample';

const REPO = join(import.meta.dirname, '..');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(REPO, 'data', name), 'utf8')) as T;

const qpv = read<QpvCollection>('qpv-2024.geojson');
const roads = read<RoadCollection>('roads.geojson');
const communes = read<CommuneCollection>('communes.geojson');
const manifest = read<{ outputs: { path: string; sha256: string }[] }>('manifest.json');
const ctx = createCheckContext({ qpv, roads, communes, addresses: null });

const codes: string[] = [];
const codeIndex = new Map<string, number>();
const codeOf = (code: string | undefined): number => {
  if (code === undefined) return -1;
  let i = codeIndex.get(code);
  if (i === undefined) {
    i = codes.length;
    codes.push(code);
    codeIndex.set(code, i);
  }
  return i;
};
const dm = (m: number | null | undefined): number =>
  m === null || m === undefined ? -1 : Math.round(m * 10);

// 1. Streets: the street-level answer (what checkMatch shows for « rue X, commune » without a house number).
const streets: AnswersTruth['streets'] = {
  keys: [],
  status: '',
  code: [],
  distance_dm: [],
  inside_dm: [],
  boundary_dm: [],
  outside_dm: [],
};
for (const street of ctx.geocoder.streets) {
  const v = streetVerdict(
    ctx.index,
    street.lines.length > 0 ? street.lines : [[street.center, street.center]],
  );
  streets.keys.push(`${street.insee}|${street.nom}`);
  streets.status += STATUS_LETTER[v.status];
  streets.code.push(codeOf(v.qpv?.code));
  streets.distance_dm.push(v.status === 'limite' ? -1 : dm(v.distance_m));
  streets.inside_dm.push(dm(v.inside_m));
  streets.boundary_dm.push(dm(v.boundary_m));
  streets.outside_dm.push(dm(v.outside_m));
}

// 2. Points.
const [w, s, e, n] = ctx.area;
const bbox: BBox = [
  Math.round((w - AREA_MARGIN_DEG) * 1e4) / 1e4,
  Math.round((s - AREA_MARGIN_DEG) * 1e4) / 1e4,
  Math.round((e + AREA_MARGIN_DEG) * 1e4) / 1e4,
  Math.round((n + AREA_MARGIN_DEG) * 1e4) / 1e4,
];
const points = samplePoints(bbox, POINT_COUNT, POINT_SEED);
let status = '';
const code: number[] = [];
const delta: number[] = [];
let previous = 0;
for (const p of points) {
  const v = pointVerdict(ctx.index, p, { uncertainty_m: POINT_UNCERTAINTY_M });
  status += STATUS_LETTER[v.status];
  code.push(codeOf(v.qpv?.code));
  const d = dm(v.distance_m);
  delta.push(d - previous);
  previous = d;
}

const data: Record<string, string> = {};
for (const o of manifest.outputs) {
  if (['data/qpv-2024.geojson', 'data/roads.geojson', 'data/communes.geojson'].includes(o.path))
    data[o.path] = o.sha256;
}
const truth: AnswersTruth = {
  written_by: 'scripts/answers-truth.ts',
  data,
  codes,
  streets,
  points: {
    bbox,
    count: POINT_COUNT,
    seed: POINT_SEED,
    uncertainty_m: POINT_UNCERTAINTY_M,
    first: points[0]!,
    status,
    code,
    distance_delta_dm: delta,
  },
};
const bytes = gzipSync(`${JSON.stringify(truth)}\n`, { level: 9 });
writeFileSync(join(REPO, TRUTH_PATH), bytes);
const count = (text: string, c: string) => text.split(c).length - 1;
console.log(
  `${TRUTH_PATH}: ${bytes.length} B gzip; ${streets.keys.length} streets (dans ${count(streets.status, 'd')}, hors ${count(streets.status, 'h')}, limite ${count(streets.status, 'l')}); ${points.length} points (dans ${count(status, 'd')}, hors ${count(status, 'h')}, limite ${count(status, 'l')})`,
);
