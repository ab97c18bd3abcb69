// Three-state verdict of points and streets (src/domain/verdict.ts, src/domain/qpv-index.ts).
// Turf-style fixtures: tests/fixtures/verdict/in/*.geojson → out/*.geojson (REGEN=1 rewrites the outputs).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Position, QpvCollection, RoadCollection } from '../../src/domain/data-types.ts';
import { createQpvIndex, pointVerdict, type QpvIndex, streetVerdict } from '../../src/domain/verdict.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const FIXTURES = 'tests/fixtures/verdict';
const COLORS = { dans: '#0f6b3c', hors: '#4a4f57', limite: '#8a4b00' } as const;

interface FixtureFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function runFixture(input: { features: FixtureFeature[]; properties?: unknown }) {
  const qpvs = input.features.filter((f) => f.geometry.type === 'MultiPolygon');
  const collection = { type: 'FeatureCollection', features: qpvs } as unknown as QpvCollection;
  const index = createQpvIndex(collection);
  const features = input.features.map((f) => {
    if (f.geometry.type !== 'Point')
      return { ...f, properties: { ...f.properties, fill: '#0f6b3c', 'fill-opacity': 0.2 } };
    const point = f.geometry.coordinates as [number, number];
    const v = pointVerdict(index, point, { uncertainty_m: f.properties.uncertainty_m as number });
    return {
      ...f,
      properties: {
        ...f.properties,
        status: v.status,
        qpv: v.qpv?.code ?? null,
        inside: v.inside,
        distance_m: v.distance_m === null ? null : Math.round(v.distance_m * 10) / 10,
        band_m: Math.round(v.band_m * 10) / 10,
        nearby: v.nearby.map((n) => n.code),
        'marker-color': COLORS[v.status],
      },
    };
  });
  return { type: 'FeatureCollection', properties: input.properties, features };
}

describe('fixtures in → out', () => {
  it.each(readdirSync(`${FIXTURES}/in`).filter((f) => f.endsWith('.geojson')))('%s', (name) => {
    const output = runFixture(read(`${FIXTURES}/in/${name}`));
    if (process.env.REGEN) writeFileSync(`${FIXTURES}/out/${name}`, `${JSON.stringify(output, null, 1)}\n`);
    expect(output).toEqual(read(`${FIXTURES}/out/${name}`));
  });
});

describe('boundary edge cases (values)', () => {
  const statusOf = (name: string, file: string) => {
    const output = runFixture(read(`${FIXTURES}/in/${file}.geojson`));
    const f = output.features.find((x) => (x.properties as Record<string, unknown>).name === name)!;
    return f.properties as unknown as {
      status: string;
      qpv: string;
      distance_m: number;
      nearby: string[];
      inside: boolean;
    };
  };
  it('a point exactly on an edge or a vertex is « limite », at 0 m', () => {
    expect(statusOf('sur-le-bord', 'on-edge')).toMatchObject({ status: 'limite', distance_m: 0 });
    expect(statusOf('sur-un-sommet', 'on-edge')).toMatchObject({ status: 'limite', distance_m: 0 });
  });
  it('the band is precision + uncertainty, on both sides', () => {
    expect(statusOf('dedans-a-10m', 'on-edge')).toMatchObject({ status: 'limite', inside: true });
    expect(statusOf('dehors-a-10m', 'on-edge')).toMatchObject({ status: 'limite', inside: false });
    expect(statusOf('dedans-a-15m', 'on-edge').status).toBe('limite');
    expect(statusOf('dedans-a-16m', 'on-edge').status).toBe('dans');
    expect(statusOf('dedans-a-16m-gps-40m', 'on-edge').status).toBe('limite');
    expect(statusOf('dehors-a-300m', 'on-edge')).toMatchObject({
      status: 'hors',
      qpv: 'QN99901M',
      distance_m: 300,
    });
  });
  it('handles multipolygons and holes', () => {
    expect(statusOf('partie-2', 'multipolygon').status).toBe('dans');
    expect(statusOf('entre-les-parties', 'multipolygon')).toMatchObject({ status: 'hors', distance_m: 200 });
    expect(statusOf('centre-du-trou', 'hole')).toMatchObject({ status: 'hors', distance_m: 100 });
    expect(statusOf('trou-pres-du-bord', 'hole')).toMatchObject({ status: 'limite', inside: false });
    expect(statusOf('anneau-pres-du-trou', 'hole')).toMatchObject({ status: 'limite', inside: true });
  });
  it('names both QPVs when a point is between two close ones', () => {
    expect(statusOf('dans-la-rue', 'two-qpvs-close')).toMatchObject({
      status: 'limite',
      nearby: ['QN99904M', 'QN99905M'],
    });
    expect(statusOf('dans-le-second', 'two-qpvs-close')).toMatchObject({ status: 'dans', qpv: 'QN99905M' });
  });
  it('uses each outline’s own precision', () => {
    expect(statusOf('6-decimales-12m', 'precision').status).toBe('dans');
    expect(statusOf('4-decimales-12m', 'precision').status).toBe('limite');
  });
  it('rejects invalid positions', () => {
    const index = createQpvIndex({ type: 'FeatureCollection', features: [] });
    expect(() => pointVerdict(index, [Number.NaN, 50])).toThrow(RangeError);
    expect(() => pointVerdict(index, [3, 95])).toThrow(RangeError);
    expect(pointVerdict(index, [3, 50])).toMatchObject({ status: 'hors', qpv: null, distance_m: null });
  });
});

describe('real data', () => {
  let qpv: QpvCollection;
  let index: QpvIndex;
  let streets: Map<string, Position[][]>;
  beforeAll(() => {
    qpv = read<QpvCollection>('data/qpv-2024.geojson');
    index = createQpvIndex(qpv);
    streets = new Map();
    for (const f of read<RoadCollection>('data/roads.geojson').features) {
      if (!f.properties.nom) continue;
      const key = `${f.properties.nom}|${f.properties.insee}`;
      streets.set(key, [...(streets.get(key) ?? []), f.geometry.coordinates]);
    }
  });

  it.each([
    ['Rue Paul Lafargue', '59163', 'dans'],
    ['Rue du Tonkin', '59163', 'dans'],
    ['Rue Saint-Jacques', '59163', 'dans'],
    ['Rue Blanche', '59163', 'limite'],
    ['Rue Chevreul', '59163', 'limite'],
    ['Rue Lavoisier', '59163', 'limite'],
    ['Rue Saint-Pierre', '59163', 'limite'],
    ['Rue de la Gare', '59163', 'hors'],
    ['Rue Jean Jaurès', '59163', 'hors'],
    ['Avenue Jean Lebas', '59512', 'dans'],
    ['Rue Pierre de Roubaix', '59512', 'limite'],
  ])('%s (%s) → %s', (nom, insee, expected) => {
    const v = streetVerdict(index, streets.get(`${nom}|${insee}`)!);
    expect(v.status).toBe(expected);
    if (expected !== 'hors') expect(v.qpv?.code).toBe('QN05980M');
    expect(v.inside_m + v.boundary_m + v.outside_m).toBeCloseTo(v.length_m, 6);
  });

  it('matches the derived address points against QN05980M (6 dp, Lambert-93 distances)', () => {
    const { rows } = read<{ rows: Record<string, string>[] }>(`${FIXTURES}/address-points-qn05980m.json`);
    const feature = index.refs.findIndex((r) => r.code === 'QN05980M');
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      const lon = Number(row.lon);
      const lat = Number(row.lat);
      const expected = Number(row.dist_to_QN05980M_boundary_m);
      expect(index.contains(feature, lon, lat), row.address_raw).toBe(row.in_QN05980M_6dp === 'yes');
      // Planar local frame vs Lambert-93: within 0.5 m + 0.3 %.
      expect(Math.abs(index.distanceToFeature(feature, lon, lat) - expected), row.address_raw).toBeLessThan(
        0.5 + expected * 0.003,
      );
      const v = pointVerdict(index, [lon, lat]);
      const band = v.band_m;
      if (expected > band + 0.5)
        expect(v.status, row.address_raw).toBe(row.in_QN05980M_6dp === 'yes' ? 'dans' : 'hors');
      if (expected < band - 0.5) expect(v.status, row.address_raw).toBe('limite');
    }
  });

  it('agrees with Turf booleanPointInPolygon away from boundaries (2 000 random MEL points)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
      return seed / 2 ** 32;
    };
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [3.05 + 0.2 * random(), 50.62 + 0.12 * random()];
      const v = pointVerdict(index, p);
      if (v.status === 'limite') continue;
      compared++;
      const turf = qpv.features.find((f) => booleanPointInPolygon(p, f));
      expect(v.status === 'dans' ? v.qpv?.code : null).toBe(turf?.properties.code ?? null);
    }
    // « limite » points are skipped, so a verdict that never decides would pass vacuously: at most 10 % of
    // random points can be within ≈ 15 m of a boundary (issue 15).
    expect(compared).toBeGreaterThanOrEqual(1800);
  });
});
