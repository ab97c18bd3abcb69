// scripts/lib/tiles.ts: the static vector tiles of the offline basemap (public/tiles/basemap/), decoded with
// @mapbox/vector-tile; the committed tiles are those a rebuild from data/ gives; --check compares them.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data';
import { defaultRawDir } from '../../scripts/lib/raw-dir';
import { basemapTiles, tileFiles, tileRange } from '../../scripts/lib/tiles';
import { TILE_LAYER } from '../../src/map/ids';
import { BASEMAP_TILES } from '../../src/map/sources';

const REPO = join(import.meta.dirname, '..', '..');
const TILES_DIR = join(REPO, 'public', 'tiles', 'basemap');
const RAW = defaultRawDir();

interface Line {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { nom: string | null; classe: string; insee: string | null };
}
interface Area {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
  properties: Record<string, never>;
}
const readCollection = <F>(name: string): F[] =>
  (JSON.parse(readFileSync(join(REPO, 'data', name), 'utf8')) as { features: F[] }).features;
const roads = readCollection<Line>('roads.geojson');
const water = readCollection<Area>('water.geojson');

/** The z14 tile containing a point (the same formula MapLibre uses). */
function tileAt([lon, lat]: [number, number], z: number): string {
  const { minX, minY } = tileRange([lon, lat, lon, lat], z);
  return `${z}/${minX}/${minY}.pbf`;
}

function decode(bytes: Uint8Array): VectorTile {
  return new VectorTile(new PbfReader(bytes));
}

function layerFeatures(tile: VectorTile, name: string, xyz: string) {
  const layer = tile.layers[name];
  if (!layer) return [];
  const [z, x, y] = xyz.replace('.pbf', '').split('/').map(Number) as [number, number, number];
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z));
}

describe('basemap tiles', () => {
  const tiles = basemapTiles({ roads, water });
  const lafargue = roads.find(
    (road) => road.properties.nom === 'Rue Paul Lafargue' && road.properties.insee === '59163',
  )!;

  it('covers every tile MapLibre requests inside the bounds, z 10–14, most of them non-empty', () => {
    const expected: string[] = [];
    for (let z = BASEMAP_TILES.minzoom; z <= BASEMAP_TILES.maxzoom; z++) {
      const r = tileRange(BASEMAP_TILES.bounds, z);
      for (let x = r.minX; x <= r.maxX; x++)
        for (let y = r.minY; y <= r.maxY; y++) expected.push(`${z}/${x}/${y}`);
    }
    expect([...tiles.keys()].map((key) => key.replace('.pbf', '')).sort()).toEqual(expected.sort());
    const nonEmpty = [...tiles.values()].filter((bytes) => bytes.length > 0);
    expect(nonEmpty.length).toBeGreaterThan(100);
    expect(nonEmpty.length).toBeGreaterThan(tiles.size * 0.8);
    // Kept small enough to precache: under 3 MB in all (1.8 MB when written).
    expect([...tiles.values()].reduce((sum, bytes) => sum + bytes.length, 0)).toBeLessThan(3_000_000);
  });

  it('has all the roads and water inside its bounds (else MapLibre would never request them)', () => {
    const [w, s, e, n] = BASEMAP_TILES.bounds;
    const outside = [...roads, ...water].filter((feature) =>
      feature.geometry.coordinates.flat(feature.geometry.type === 'Polygon' ? 1 : 0).some((p) => {
        const [lon, lat] = p as unknown as [number, number];
        return lon < w || lon > e || lat < s || lat > n;
      }),
    );
    expect(outside).toHaveLength(0);
  });

  it('decodes the z14 tile of Rue Paul Lafargue (Croix): a named `routes` line at the right place', () => {
    const first = lafargue.geometry.coordinates[0]!;
    const key = tileAt(first, 14);
    const tile = decode(tiles.get(key)!);
    expect(Object.keys(tile.layers).sort()).toEqual([TILE_LAYER.water, TILE_LAYER.roads].sort());
    expect(tile.layers[TILE_LAYER.roads]!.extent).toBe(8192);
    const named = layerFeatures(tile, TILE_LAYER.roads, key).filter(
      (feature) => feature.properties?.nom === 'Rue Paul Lafargue',
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named[0]!.properties).toEqual({
      classe: lafargue.properties.classe,
      insee: '59163',
      nom: 'Rue Paul Lafargue',
    });
    expect(named[0]!.geometry.type).toMatch(/LineString/);
    // Decoded vertices lie within a metre or so of the source line's (8192 units per z14 tile ≈ 0.2 m).
    const decoded = named.flatMap((feature) =>
      (feature.geometry.type === 'LineString'
        ? [feature.geometry.coordinates]
        : (feature.geometry as { coordinates: number[][][] }).coordinates
      ).flat(),
    );
    const nearest = Math.min(...decoded.map(([lon, lat]) => Math.hypot(lon! - first[0], lat! - first[1])));
    expect(nearest).toBeLessThan(2e-5);
  });

  it('keeps names and communes from z12 (searched street, labels) and minor roads only from z12', () => {
    const first = lafargue.geometry.coordinates[0]!;
    for (const z of [10, 11, 12, 13, 14]) {
      const key = tileAt(first, z);
      const features = layerFeatures(decode(tiles.get(key)!), TILE_LAYER.roads, key);
      expect(features.length, key).toBeGreaterThan(0);
      const named = features.filter((feature) => feature.properties?.nom === 'Rue Paul Lafargue');
      if (z < 12) {
        expect(features.every((feature) => Object.keys(feature.properties ?? {}).join() === 'classe')).toBe(
          true,
        );
      } else {
        // The verdict layer filters on nom + insee (src/map/verdict-layers.ts): both must be there.
        expect(named.length, key).toBeGreaterThan(0);
        expect(
          named.every((feature) => feature.properties?.insee === '59163'),
          key,
        ).toBe(true);
      }
      expect(features.some((feature) => feature.properties?.classe === 'minor')).toBe(z >= 12);
    }
  });

  it('is deterministic, and the committed tiles are those a rebuild from data/ gives', () => {
    const again = basemapTiles({ roads, water });
    expect([...again.keys()]).toEqual([...tiles.keys()]);
    for (const [key, bytes] of tiles)
      expect(Buffer.from(again.get(key)!).equals(Buffer.from(bytes)), key).toBe(true);
    expect(tileFiles(TILES_DIR)).toEqual([...tiles.keys()].sort());
    for (const [key, bytes] of tiles) {
      expect(Buffer.from(bytes).equals(readFileSync(join(TILES_DIR, key))), key).toBe(true);
    }
  });
});

describe.skipIf(!existsSync(RAW))('npm run data writes the tiles and --check compares them', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'basemap-tiles-'));
    buildData({ rawDir: RAW, outDir: join(root, 'data'), log: () => {} });

    // A full build: ≈ 5 s alone, far more on a loaded machine; the 10 s default hook timeout made it flaky.
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes public/tiles/basemap/ next to the data and accepts it', () => {
    const dir = join(root, 'public', 'tiles', 'basemap');
    expect(tileFiles(dir)).toEqual(tileFiles(TILES_DIR));
    const messages: string[] = [];
    buildData({ rawDir: RAW, outDir: join(root, 'data'), check: true, log: (m) => messages.push(m) });
    expect(messages.at(-1)).toContain('identical');
    // A full --check rebuild (≈ 5 s alone): minutes when the 2-core machine is shared.
  }, 180_000);

  it('names a changed tile and a stale extra tile', () => {
    const copy = join(root, 'copy');
    cpSync(join(root, 'data'), join(copy, 'data'), { recursive: true });
    cpSync(join(root, 'public'), join(copy, 'public'), { recursive: true });
    const dir = join(copy, 'public', 'tiles', 'basemap');
    const [first] = tileFiles(dir);
    writeFileSync(join(dir, first!), Buffer.concat([readFileSync(join(dir, first!)), Buffer.from([0])]));
    const check = () => buildData({ rawDir: RAW, outDir: join(copy, 'data'), check: true, log: () => {} });
    expect(check).toThrow(new RegExp(`public/tiles/basemap/${first!.replace(/\./g, '\\.')}`));
    writeFileSync(join(dir, first!), readFileSync(join(root, 'public', 'tiles', 'basemap', first!)));
    mkdirSync(join(dir, '14', '1'), { recursive: true });
    writeFileSync(join(dir, '14', '1', '1.pbf'), '');
    expect(check).toThrow(/public\/tiles\/basemap\/14\/1\/1\.pbf/);
  }, 300_000);
});
