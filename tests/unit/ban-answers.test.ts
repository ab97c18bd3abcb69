// Answers with BAN points (issue 13 item 3): a house number found in the BAN answers by its point with the outline's
// precision as the only margin; a missing number is interpolated between its neighbours of the same parity; the pin
// names the nearest address. Every address row built here is a TEST VALUE (made-up numbers at computed positions),
// never BAN data; expected positions are hand computations and Turf.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { interpolateNumber } from '../../src/domain/ban/numbers.ts';
import { type BanRecord, type BanTable, BanTableBuilder } from '../../src/domain/ban/table.ts';
import { checkAddress, checkPoint } from '../../src/domain/check-address.ts';
import { type CheckContext, createCheckContext } from '../../src/domain/check-context.ts';
import type { QpvCollection } from '../../src/domain/data-types.ts';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const qpv = read('data/qpv-2024.geojson') as QpvCollection;
const roads = read('data/roads.geojson');
const communes = read('data/communes.geojson');
const qn = qpv.features.find((f) => f.properties.code === 'QN05980M')! as unknown as Feature<MultiPolygon>;

const record = (numero: number, lon: number, lat: number, extra: Partial<BanRecord> = {}): BanRecord => ({
  numero,
  rep: '',
  nom_voie: 'Boulevard de Metz',
  code_postal: '59100',
  code_insee: '59512',
  lon,
  lat,
  type_position: 'entrée',
  ...extra,
});

function table(records: BanRecord[]): BanTable {
  const builder = new BanTableBuilder();
  for (const r of records) builder.add(r);
  return builder.build('2026-11-30', 'valeurs de test');
}

/** Points 7 m either side of the middle of QN05980M's longest edge (local metric frame), computed here. */
function pointsAcrossLongestEdge(): { inside: [number, number]; outside: [number, number] } {
  const ring = qn.geometry.coordinates[0]![0]!;
  const lat0 = 50.69;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  let best = { length: 0, a: ring[0]!, b: ring[1]! };
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1]!;
    const b = ring[i]!;
    const length = Math.hypot((b[0]! - a[0]!) * kx, (b[1]! - a[1]!) * ky);
    if (length > best.length) best = { length, a, b };
  }
  const mx = (best.a[0]! + best.b[0]!) / 2;
  const my = (best.a[1]! + best.b[1]!) / 2;
  // Unit normal in metres, back to degrees.
  const ex = ((best.b[0]! - best.a[0]!) * kx) / best.length;
  const ey = ((best.b[1]! - best.a[1]!) * ky) / best.length;
  const p = (side: number): [number, number] => [mx + (side * 7 * -ey) / kx, my + (side * 7 * ex) / ky];
  const left = p(1);
  const right = p(-1);
  return booleanPointInPolygon(left, qn)
    ? { inside: left, outside: right }
    : { inside: right, outside: left };
}

describe('a BAN point answers with the outline precision only', () => {
  const { inside, outside } = pointsAcrossLongestEdge();
  let ctx: CheckContext;
  beforeAll(() => {
    ctx = createCheckContext({
      qpv,
      roads,
      communes,
      ban: table([record(9001, inside[0], inside[1]), record(9003, outside[0], outside[1])]),
    });
  });

  it('the test points are 7 m from the boundary, one each side (Turf)', () => {
    const line = polygonToLine(qn);
    const lines = line.type === 'FeatureCollection' ? line.features : [line];
    for (const point of [inside, outside]) {
      const d = Math.min(...lines.map((l) => pointToLineDistance(point, l as never, { units: 'meters' })));
      expect(d).toBeGreaterThan(6.9);
      expect(d).toBeLessThan(7.1);
    }
    expect(booleanPointInPolygon(inside, qn)).toBe(true);
    expect(booleanPointInPolygon(outside, qn)).toBe(false);
  });

  it('7 m inside QN05980M → « dans », margin 0.1 m', () => {
    const r = checkAddress(ctx, '9001 boulevard de Metz Roubaix');
    expect(r.precision).toBe('adresse');
    expect(r.status).toBe('dans');
    expect(r.qpv?.code).toBe('QN05980M');
    expect(r.band_m).toBeCloseTo(0.1, 5);
    expect([r.lon, r.lat]).toEqual([Math.round(inside[0] * 1e7) / 1e7, Math.round(inside[1] * 1e7) / 1e7]);
  });

  it('7 m outside QN05980M → « hors »', () => {
    const r = checkAddress(ctx, '9003 boulevard de Metz 59100');
    expect(r.precision).toBe('adresse');
    expect(r.status).toBe('hors');
  });

  it('the same point placed by hand keeps the 10 m uncertainty (« limite »)', () => {
    expect(checkPoint(ctx, inside, { uncertainty_m: 10 }).status).toBe('limite');
  });
});

describe('interpolation between numbers of the same parity', () => {
  // Test values: even numbers 10, 20 and 24 bis, odd 11 and 31, at made-up positions.
  const rows = [
    record(10, 3.18, 50.7),
    record(20, 3.181, 50.701),
    record(24, 3.5, 50.5, { rep: 'bis' }),
    record(11, 3.19, 50.71),
    record(31, 3.192, 50.708),
  ];
  const t = table(rows);

  it('places 14 at 40 % from 10 to 20 and 21 at half-way from 11 to 31 (hand computation)', () => {
    expect(interpolateNumber(t, 0, 14)).toEqual({ position: [3.1804, 50.7004], below: 10, above: 20 });
    expect(interpolateNumber(t, 0, 21)).toEqual({ position: [3.191, 50.709], below: 11, above: 31 });
  });

  it('24 bis stands for 24 when no plain 24 exists (22 → half-way from 20); never extrapolates', () => {
    expect(interpolateNumber(t, 0, 22)).toEqual({ position: [3.3405, 50.6005], below: 20, above: 24 });
    expect(interpolateNumber(t, 0, 8)).toBeNull();
    expect(interpolateNumber(t, 0, 26)).toBeNull();
    expect(interpolateNumber(t, 0, 33)).toBeNull();
  });

  it('the search answers « adresse interpolée » with the position of 14, and the street when it cannot', () => {
    const ctx = createCheckContext({ qpv, roads, communes, ban: t });
    const r = checkAddress(ctx, '14 boulevard de Metz Roubaix');
    expect(r.precision).toBe('adresse interpolée');
    expect([r.lon, r.lat]).toEqual([3.1804, 50.7004]);
    expect(r.motif).toMatch(/interpolée entre le 10 et le 20/);
    expect(r.band_m).toBeCloseTo(10.1, 5);
    expect(checkAddress(ctx, '26 boulevard de Metz Roubaix').precision).toBe('voie');
    expect(checkAddress(ctx, '20 boulevard de Metz Roubaix').precision).toBe('adresse');
  });

  it('the pin names the nearest BAN address within 20 m', () => {
    const ctx = createCheckContext({ qpv, roads, communes, ban: t });
    // 0.0001° of latitude ≈ 11 m north of number 10.
    expect(checkPoint(ctx, [3.18, 50.7001]).label).toBe(
      'Point placé près du 10 Boulevard de Metz, 59100 Roubaix (à 11 m)',
    );
    expect(checkPoint(ctx, [3.18, 50.7003]).label).toMatch(/^Point placé \(/);
  });
});
