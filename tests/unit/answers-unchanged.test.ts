// Issue 10 « answers unchanged »: today's answers compared with the truth recorded by scripts/answers-truth.ts with
// the code of commit 1259a7a (tests/fixtures/answers/truth.json.gz, never written by this test): every street of
// the geocoder index (street-level answer) and 100 000 seeded random points over the covered area (point verdict,
// uncertainty 10 m). Same status and QPV code; distances and metres within 1 m. Streets whose answer changed on
// purpose are listed below with the reason (reviewed exceptions), never regenerated.
// Answers are taken the way the browser takes them — from the compact artifacts: the street relations precomputed
// in data/streets.json, and point verdicts computed with ONLY the QPV shards the context loads for the point (the
// covered area's shards, or those the catalogue designates elsewhere) — and, for streets, also from the one
// street-relation function run on the road centre-lines (the Node path).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type AnswersTruth, STATUS_LETTER, samplePoints, TRUTH_PATH } from '../../scripts/lib/answers-sample';
import { addQpvFeatures, createCheckContext, pointReach, qpvLoadedFor } from '../../src/domain/check-context';
import type { CommuneCollection, QpvCollection, RoadCollection } from '../../src/domain/data-types';
import {
  type QpvCatalogue,
  type QpvShardFile,
  qpvCollection,
  shardFeatures,
  shardsFor,
} from '../../src/domain/qpv-shards';
import type { StreetIndexFile } from '../../src/domain/street-index-file';
import type { StreetLinesFile } from '../../src/domain/street-lines-file';
import { pointVerdict, streetVerdict } from '../../src/domain/verdict';

const REPO = join(import.meta.dirname, '..', '..');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(REPO, 'data', name), 'utf8')) as T;

/** Streets whose answer changed on purpose: `insee|nom` → the new answer and why. */
const REVIEWED: Record<string, { status: 'dans' | 'hors' | 'limite'; code: string | null; reason: string }> =
  {};

/** Tolerance on distances and metres (m). */
const TOLERANCE_DM = 10;

function loadTruth(): AnswersTruth {
  const path = join(REPO, TRUTH_PATH);
  // A missing truth is a failure, never a reason to write one.
  if (!existsSync(path))
    throw new Error(`${TRUTH_PATH} absent: run scripts/answers-truth.ts on the old code`);
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as AnswersTruth;
}

describe('answers unchanged (issue 10)', () => {
  const truth = loadTruth();
  const ctx = createCheckContext({
    qpv: read<QpvCollection>('qpv-2024.geojson'),
    roads: read<RoadCollection>('roads.geojson'),
    communes: read<CommuneCollection>('communes.geojson'),
    addresses: null,
  });
  const codeOf = (i: number) => (i < 0 ? null : truth.codes[i]!);
  const dm = (m: number | null | undefined) => (m === null || m === undefined ? -1 : Math.round(m * 10));

  it('the truth is whole', () => {
    expect(truth.streets.keys.length).toBeGreaterThan(4000);
    expect(truth.streets.status.length).toBe(truth.streets.keys.length);
    expect(truth.points.count).toBe(100_000);
    expect(truth.points.status.length).toBe(100_000);
    expect(samplePoints(truth.points.bbox, truth.points.count, truth.points.seed)[0]).toEqual(
      truth.points.first,
    );
  });

  // The browser's context: street index + the covered area's shards only; more shards on demand, via the catalogue.
  const streetIndex = read<StreetIndexFile>('streets.json');
  const catalogue = read<QpvCatalogue>('qpv/catalogue.json');
  const shard = (id: string) => shardFeatures(read<QpvShardFile>(`qpv/shards/${id}.json`));
  const light = createCheckContext({
    qpv: qpvCollection(streetIndex.coverage.shards.flatMap(shard)),
    streetIndex,
    // As src/features/search/use-check-context.ts builds it: with the side-of-the-street centre-lines.
    streetLines: read<StreetLinesFile>('street-sides.json'),
    addresses: null,
    partial: true,
    catalogue,
  });
  const lightKeys = light.geocoder.streets.map((s) => `${s.insee}|${s.nom}`);

  it('the compact street index: same streets, same order, answers within 1 m', () => {
    expect(lightKeys).toEqual(truth.streets.keys);
    compareStreets((i) => light.streetVerdicts.get(i)!);
  });

  it('the street-relation function on the centre-lines: same answers', () => {
    const byKey = new Map(ctx.geocoder.streets.map((s) => [`${s.insee}|${s.nom}`, s]));
    compareStreets((i) => {
      const street = byKey.get(truth.streets.keys[i]!);
      if (!street) throw new Error(`${truth.streets.keys[i]} absente de l’index`);
      return streetVerdict(
        ctx.index,
        street.lines.length > 0 ? street.lines : [[street.center, street.center]],
      );
    });
    expect(ctx.geocoder.streets.length).toBe(truth.streets.keys.length);
  });

  function compareStreets(answer: (i: number) => ReturnType<typeof streetVerdict>): void {
    const failures: string[] = [];
    const seen = new Set<string>();
    truth.streets.keys.forEach((key, i) => {
      seen.add(key);
      const v = answer(i);
      const reviewed = REVIEWED[key];
      const status = reviewed?.status ?? truth.streets.status[i];
      const code = reviewed ? reviewed.code : codeOf(truth.streets.code[i]!);
      if (STATUS_LETTER[v.status] !== status && v.status !== status)
        failures.push(`${key}: ${v.status} au lieu de ${status}`);
      if ((v.qpv?.code ?? null) !== code) failures.push(`${key}: ${v.qpv?.code} au lieu de ${code}`);
      if (reviewed) return;
      const pairs: [string, number, number][] = [
        ['distance', v.status === 'limite' ? -1 : dm(v.distance_m), truth.streets.distance_dm[i]!],
        ['dedans', dm(v.inside_m), truth.streets.inside_dm[i]!],
        ['limite', dm(v.boundary_m), truth.streets.boundary_dm[i]!],
        ['dehors', dm(v.outside_m), truth.streets.outside_dm[i]!],
      ];
      for (const [what, got, want] of pairs) {
        if (got < 0 !== want < 0 || Math.abs(got - want) > TOLERANCE_DM)
          failures.push(`${key}: ${what} ${got / 10} m au lieu de ${want / 10} m`);
      }
    });
    for (const key of Object.keys(REVIEWED)) expect(seen.has(key), key).toBe(true);
    expect(failures.slice(0, 20)).toEqual([]);
  }

  it('100 000 random points, with only the shards the context loads: same status and QPV, distance within 1 m', () => {
    const { points: p } = truth;
    const points = samplePoints(p.bbox, p.count, p.seed);
    const failures: string[] = [];
    let distance = 0;
    let outsideCoverage = 0;
    points.forEach((point, i) => {
      distance += p.distance_delta_dm[i]!;
      const box: [number, number, number, number] = [point[0], point[1], point[0], point[1]];
      const reach = pointReach(light, p.uncertainty_m);
      if (!qpvLoadedFor(light, box, reach)) {
        outsideCoverage += 1;
        addQpvFeatures(light, shardsFor(catalogue, box, reach).flatMap(shard));
      }
      const v = pointVerdict(light.index, point, { uncertainty_m: p.uncertainty_m });
      const code = codeOf(p.code[i]!);
      if (STATUS_LETTER[v.status] !== p.status[i] || (v.qpv?.code ?? null) !== code)
        failures.push(`[${point.join(', ')}]: ${v.status} ${v.qpv?.code} au lieu de ${p.status[i]} ${code}`);
      else if (Math.abs(dm(v.distance_m) - distance) > TOLERANCE_DM)
        failures.push(`[${point.join(', ')}]: ${dm(v.distance_m) / 10} m au lieu de ${distance / 10} m`);
    });
    expect(failures.slice(0, 20)).toEqual([]);
    // The covered area's shards answer (nearly) every point of the area + margin by themselves.
    expect(outsideCoverage).toBeLessThan(points.length / 100);
    expect([...light.loaded.keys()].length).toBeLessThan(400);
  });
});
