// The planning files of `npm run data` (data/planning/*, data/contract.json) against independent figures: the
// raw README §8–§11 (computed there with shapely/pyproj, or transcribed from the ANCT tables) and Turf.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data.ts';
import type { MultiPolygonGeometry, PolygonGeometry } from '../../src/domain/data-types.ts';
import {
  checkAccessCollection,
  checkContractFacts,
  checkFranceServicesCollection,
  checkIrisCollection,
  checkParkCollection,
  checkPlanningIndicators,
} from '../../src/domain/planning/guards.ts';
import { distanceToOutlineM } from '../../src/domain/planning/lambert93.ts';
import type {
  AccessCollection,
  ContractFacts,
  FranceServicesCollection,
  IrisCollection,
  ParkCollection,
  PlanningIndicators,
} from '../../src/domain/planning/types.ts';

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const parks = json<ParkCollection>('data/planning/parks.geojson');
const access = json<AccessCollection>('data/planning/access.geojson');
const iris = json<IrisCollection>('data/planning/iris.geojson');
const services = json<FranceServicesCollection>('data/planning/france-services.geojson');
const indicators = json<PlanningIndicators>('data/planning/indicators.json');
const contract = json<ContractFacts>('data/contract.json');
const qpv = json<{
  features: { properties: { code: string; mel: boolean }; geometry: MultiPolygonGeometry }[];
}>('data/qpv-2024.geojson');
const focus = qpv.features.find((f) => f.properties.code === 'QN05980M')!.geometry;
const territory = (id: string) => indicators.territories.find((t) => t.id === id)!;
const within = (value: number, expected: number, tolerance = 0.01): void =>
  expect(Math.abs(value / expected - 1), `${value} vs ${expected}`).toBeLessThan(tolerance);

describe('data/planning files', () => {
  it('pass their guards', () => {
    expect(checkParkCollection(parks)).toEqual({ ok: true });
    expect(checkAccessCollection(access)).toEqual({ ok: true });
    expect(checkIrisCollection(iris)).toEqual({ ok: true });
    expect(checkFranceServicesCollection(services)).toEqual({ ok: true });
    expect(checkPlanningIndicators(indicators)).toEqual({ ok: true });
    expect(checkContractFacts(contract)).toEqual({ ok: true });
  });

  it('hold the counts of the AUT-MEL crop (raw README §8)', () => {
    expect(parks.features).toHaveLength(416);
    expect(parks.features.filter((f) => f.geometry.type === 'Point')).toHaveLength(19);
    expect(access.features).toHaveLength(409);
    expect(iris.features).toHaveLength(316);
    expect(services.features).toHaveLength(5);
  });

  it('park areas come from the outline, not the surface field (Square Pierre Catteau 14 860 m², raw README)', () => {
    const catteau = parks.features.find((f) => f.properties.nom === 'Square Pierre Catteau')!;
    within(catteau.properties.area_m2!, 14_860);
    const nouveauMonde = parks.features.find((f) => f.properties.nom === 'Parc du Nouveau Monde')!;
    within(nouveauMonde.properties.area_m2!, 25_367);
  });

  it('every park area agrees with Turf’s spherical area within 1 %', () => {
    for (const f of parks.features) {
      if (f.geometry.type === 'Point' || f.properties.area_m2! < 100) continue;
      const turf = turfArea({ type: 'Feature', properties: {}, geometry: f.geometry as PolygonGeometry });
      within(f.properties.area_m2!, turf);
    }
  });

  it('48 park outlines meet QN05980M with 25.5 ha inside; Cimetière Chaptal only touches it (227 m²)', () => {
    const inside = parks.features.filter((f) => f.properties.in_qpv_m2 > 0);
    expect(inside).toHaveLength(48);
    const total = inside.reduce((sum, f) => sum + f.properties.in_qpv_m2, 0);
    expect(Math.abs(total - 255_000)).toBeLessThan(500);
    const chaptal = parks.features.find((f) => f.properties.nom === 'Cimetière Chaptal')!;
    expect(chaptal.properties).toMatchObject({ cimetiere: true, oms: false });
    expect(Math.abs(chaptal.properties.in_qpv_m2 - 227)).toBeLessThan(3);
  });

  it('IRIS shares of QN05980M: Saint-Pierre 2 33 %, Saint-Pierre 4 11.5 %, 591630203 1.7 %; 47 meet it by > 100 m², 10 lie ≥ 99 % inside', () => {
    const share = (code: string) => iris.features.find((f) => f.properties.code === code)!.properties;
    expect(share('591630202').nom).toBe('Saint-Pierre 2');
    expect(Math.abs(share('591630202').qpv_share - 0.33)).toBeLessThan(0.005);
    within(share('591630202').qpv_m2, 44_000, 0.02);
    expect(Math.abs(share('591630204').qpv_share - 0.115)).toBeLessThan(0.001);
    expect(Math.abs(share('591630203').qpv_share - 0.017)).toBeLessThan(0.001);
    expect(iris.features.filter((f) => f.properties.qpv_m2 > 100)).toHaveLength(47);
    expect(iris.features.filter((f) => f.properties.qpv_share >= 0.99)).toHaveLength(10);
    expect(share('595120201').qpv_share).toBeGreaterThanOrEqual(0.99);
  });

  it('France services: two inside QN05980M (170 m and 411 m from its edge), Tourcoing’s 2.0 km away', () => {
    const byId = new Map(services.features.map((f) => [f.properties.id, f]));
    const troisPonts = byId.get('2226')!;
    const epeule = byId.get('2788')!;
    expect(troisPonts.properties).toMatchObject({ inside_qpv: true, distance_qpv_m: 0 });
    expect(epeule.properties).toMatchObject({ inside_qpv: true, distance_qpv_m: 0 });
    expect(Math.abs(distanceToOutlineM(troisPonts.geometry.coordinates, focus) - 170)).toBeLessThan(5);
    expect(Math.abs(distanceToOutlineM(epeule.geometry.coordinates, focus) - 411)).toBeLessThan(5);
    within(byId.get('3025')!.properties.distance_qpv_m, 2_000, 0.03);
    expect(services.features.filter((f) => f.properties.inside_qpv)).toHaveLength(2);
  });

  it('indicators: QN05980M 8.2255 km², its Croix part 62 489 m² (+ 105 m² of slivers), parks inside 25.5 ha', () => {
    within(territory('qpv').area_m2, 8_225_500);
    within(territory('qpv-croix').area_m2, 62_489 + 105);
    expect(Math.abs(territory('qpv').park_area_m2 - 255_000)).toBeLessThan(500);
    within(territory('qpv').park_share, 255_000 / 8_225_500);
    // 48 outlines meet it (one only by 1 m² or less is not counted) + the park points inside.
    expect(territory('qpv').parks).toBeGreaterThanOrEqual(47);
    expect(territory('qpv').parks).toBeLessThanOrEqual(48 + 16);
    expect(territory('croix').parks_oms).toBeLessThanOrEqual(territory('croix').parks);
  });

  it('Croix: 63 % of residents under 3 m² of park each in 2019 (association, 18 154 of 28 655), trend 2015–2019', () => {
    const croix = territory('croix');
    expect(Math.abs(croix.residents_under_3m2_share! - 18_154 / 28_655)).toBeLessThan(0.0001);
    expect(croix.trend.map((t) => t.year)).toEqual([2015, 2017, 2019]);
    for (const t of croix.trend) {
      const sum = Object.values(t.shares).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(0.001);
    }
    expect(territory('qpv').residents_under_3m2_share).toBeNull();
    expect(territory('qpv-croix').trend).toEqual([]);
    expect(indicators.caveats.join(' ')).toContain('28 655');
  });

  it('flags the 26 MEL QPVs (Armentières’ two included)', () => {
    const mel = qpv.features.filter((f) => f.properties.mel).map((f) => f.properties.code);
    expect(mel).toHaveLength(26);
    expect(mel).toContain('QN05967M');
    expect(mel).toContain('QN05968M');
    expect(new Set(mel)).toEqual(new Set(contract.qpv.map((q) => q.qp2024)));
  });
});

describe('data/contract.json', () => {
  it('CN05911M, previously CV192; QN05980M replaces QP059082 (MODIFIE), QN05991N is new', () => {
    expect(contract.contrat).toMatchObject({
      code: 'CN05911M',
      previous_code: 'CV192',
      generation: '2024-2030',
    });
    expect(contract.qpv).toHaveLength(26);
    const focusRow = contract.qpv.find((q) => q.qp2024 === 'QN05980M')!;
    expect(focusRow.statut).toBe('MODIFIE');
    expect(focusRow.replaces).toEqual([
      {
        code: 'QP059082',
        label: 'Quartier Intercommunal Roubaix-Tourcoing- Blanc Seau - Croix Bas Saint Pierre',
      },
    ]);
    expect(contract.qpv.find((q) => q.qp2024 === 'QN05991N')).toMatchObject({
      statut: 'NOUVEAU',
      replaces: [],
    });
    expect(contract.qpv.filter((q) => q.statut === 'MODIFIE')).toHaveLength(25);
  });

  it('posts by year match the raw README §9 table', () => {
    // [year, adulte-relais posts, €, FONJEP posts, €] from the raw README.
    const table: [number, number, number, number, number][] = [
      [2020, 253, 5_028_390, 61, 416_706],
      [2021, 290, 5_820_828, 62, 414_915],
      [2022, 295, 6_269_930, 59, 401_781],
      [2023, 270, 6_090_047, 64, 439_392],
      [2024, 214, 4_881_471, 65, 443_571],
      [2025, 211, 1_511_604, 135, 899_082],
    ];
    expect(contract.posts.map((p) => p.year)).toEqual(table.map((row) => row[0]));
    for (const [year, ar, arEur, fj, fjEur] of table) {
      const p = contract.posts.find((y) => y.year === year)!;
      expect(p.adulte_relais.count).toBe(ar);
      expect(Math.abs(p.adulte_relais.amount_eur - arEur)).toBeLessThanOrEqual(0.5);
      expect(p.fonjep.count).toBe(fj);
      expect(Math.abs(p.fonjep.amount_eur - fjEur)).toBeLessThanOrEqual(0.5);
    }
  });

  it('counts the posts whose employer is named in the 4 communes: 153 name matches minus 18 « Croix-Rouge »', () => {
    const total = contract.posts.reduce(
      (sum, p) => sum + p.employer_in_4_communes.adulte_relais + p.employer_in_4_communes.fonjep,
      0,
    );
    expect(total).toBe(153 - 7 - 6 - 5);
    expect(contract.caveats.join(' ')).toMatch(/contrat de ville de la MEL seulement/);
  });
});

describe('data:check on the planning files (validation only, no raw sources)', () => {
  const checkCopy = (edit: (dir: string) => void) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'perimetre-planning-')), 'data');
    cpSync('data', dir, { recursive: true });
    edit(dir);
    return () =>
      buildData({
        rawDir: '/nonexistent-raw',
        outDir: dir,
        fontsDir: 'public/fonts',
        check: true,
        log: () => {},
      });
  };

  it('accepts the committed files', () => {
    expect(checkCopy(() => {})).not.toThrow();
  });

  it('rejects a park area that disagrees with the parks file', () => {
    const run = checkCopy((dir) => {
      const path = join(dir, 'planning', 'indicators.json');
      const value = JSON.parse(readFileSync(path, 'utf8')) as PlanningIndicators;
      value.territories[0]!.park_area_m2 += 10_000;
      writeFileSync(path, JSON.stringify(value));
    });
    expect(run).toThrow(/indicators\.json.*somme/);
  });

  it('rejects an IRIS share above 1 and a France services point inside with a distance', () => {
    const iris = checkCopy((dir) => {
      const path = join(dir, 'planning', 'iris.geojson');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"qpv_share":0.3324', '"qpv_share":1.3324'));
    });
    expect(iris).toThrow(/iris\.geojson.*share/);
    const fs = checkCopy((dir) => {
      const path = join(dir, 'planning', 'france-services.geojson');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"distance_qpv_m":0', '"distance_qpv_m":12'));
    });
    expect(fs).toThrow(/france-services\.geojson.*inside_qpv/);
  });
});
