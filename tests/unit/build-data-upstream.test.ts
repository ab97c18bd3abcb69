// scripts/build-data.ts with the official upstream formats a maintainer downloads later: the ANCT GeoJSON (plain and
// zipped as qpv-2024-geojson.zip) via --qpv, and the BAN adresses-59.csv (plain and gzip) via --ban.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data';
import { decimalsOf } from '../../scripts/lib/geo';
import { precisionFromDecimals } from '../../scripts/lib/qpv';
import { defaultRawDir } from '../../scripts/lib/raw-dir';
import { banTableFromShard, checkBanShard } from '../../src/domain/ban/shard';
import { banRecord } from '../../src/domain/ban/table';
import { checkQpvCollection } from '../../src/domain/data-guards';
import type { QpvCollection, StreetCollection } from '../../src/domain/data-types';

const REPO = join(import.meta.dirname, '..', '..');
const RAW = defaultRawDir();
const FIX = join(REPO, 'tests', 'fixtures', 'upstream');
const ANCT = join(FIX, 'QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson');
const quiet = (): void => {};
const expect3 = { qpv: 3, mel: 3 };

describe.skipIf(!existsSync(RAW))('buildData: upstream formats (--qpv, --ban)', () => {
  let root: string;
  const read = (dir: string, name: string): string => readFileSync(join(root, dir, name), 'utf8');

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'build-data-up-'));
    const zip = zipSync({ 'GEOJSON/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson': readFileSync(ANCT) });
    writeFileSync(join(root, 'qpv-2024-geojson.zip'), zip);
    // Run A: plain GeoJSON + plain CSV. Run B: zip + gzip.
    buildData({
      rawDir: RAW,
      outDir: join(root, 'a'),
      qpv: ANCT,
      ban: join(FIX, 'adresses-59.csv'),
      expect: expect3,
      log: quiet,
    });
    buildData({
      rawDir: RAW,
      outDir: join(root, 'b'),
      qpv: join(root, 'qpv-2024-geojson.zip'),
      ban: join(FIX, 'adresses-59.csv.gz'),
      expect: expect3,
      log: quiet,
    });
    // Several real builds: minutes of CPU on a shared machine.
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the official ANCT GeoJSON replaces the gazetteer layer, precision from the decimals', () => {
    const fc = JSON.parse(read('a', 'qpv-2024.geojson')) as QpvCollection;
    expect(checkQpvCollection(fc)).toEqual({ ok: true });
    expect(fc.features.map((f) => [f.properties.code, f.properties.precision_m])).toEqual([
      ['QN05980M', 0.1],
      ['QN05981M', 5.6],
      ['QN05983M', 5.6],
    ]);
    expect(fc.features[0]!.properties.insee).toEqual(['59163', '59512', '59599', '59650']);
    expect(fc.features[0]!.properties.communes).toEqual(['Croix', 'Roubaix', 'Tourcoing', 'Wattrelos']);
    expect(fc.features[0]!.properties.source).toBe('anct-data.gouv.fr');
  });

  it('the zip gives the same layer and the same street figures', () => {
    expect(read('b', 'qpv-2024.geojson')).toBe(read('a', 'qpv-2024.geojson'));
    const streets = JSON.parse(read('b', 'saint-pierre-streets.geojson')) as StreetCollection;
    expect(streets.features).toHaveLength(7);
    expect(read('b', 'saint-pierre-streets.geojson')).toBe(read('a', 'saint-pierre-streets.geojson'));
  });

  it('the BAN CSV (plain or gzip) gives data/ban/<insee>.json shards of the covered communes', () => {
    for (const run of ['a', 'b']) {
      expect(readdirSync(join(root, run, 'ban')).sort()).toEqual(['59163.json', '59512.json']); // no Dunkerque
    }
    const croix = JSON.parse(read('a', 'ban/59163.json')) as unknown;
    expect(checkBanShard(croix)).toEqual({ ok: true });
    const table = banTableFromShard(croix);
    expect(table.numero).toHaveLength(8);
    // Fixture row « 59163_fixture_00005_bis;;5;bis;Rue Chevreul;59170;59163;…;3.1543477;50.6843604;segment »
    const s = table.streets.findIndex((t) => t.nom === 'Rue Chevreul');
    const i = table.streetStart[s]!;
    expect(banRecord(table, s, i)).toEqual({
      numero: 5,
      rep: 'bis',
      nom_voie: 'Rue Chevreul',
      code_postal: '59170',
      code_insee: '59163',
      lon: 3.1543477,
      lat: 50.6843604,
      type_position: 'segment',
    });
    const columns = (text: string) => {
      const { source: _s, date: _d, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return rest;
    };
    expect(columns(read('b', 'ban/59163.json'))).toEqual(columns(read('a', 'ban/59163.json')));
    expect(JSON.parse(read('b', 'ban/59163.json')).source).toBe('adresses-59.csv.gz');
  });

  it('the manifest records the upstream files', () => {
    const m = JSON.parse(read('b', 'manifest.json')) as {
      sources: { path: string }[];
      outputs: { path: string }[];
    };
    expect(
      m.sources.some((s) =>
        s.path.endsWith('qpv-2024-geojson.zip!GEOJSON/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson'),
      ),
    ).toBe(true);
    expect(m.sources.some((s) => s.path.endsWith('adresses-59.csv.gz'))).toBe(true);
    expect(m.outputs.some((o) => o.path === 'data/ban/59512.json')).toBe(true);
  });
});

describe('precision of an upstream layer', () => {
  it('is half a unit of the last decimal, north-south, at least 0.1 m', () => {
    expect([4, 5, 6, 15].map(precisionFromDecimals)).toEqual([5.6, 0.6, 0.1, 0.1]);
    expect([3.1234, 50.713277, 3, 1.5e-7].map(decimalsOf)).toEqual([4, 6, 0, 8]);
  });
});
