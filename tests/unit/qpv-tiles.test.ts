// scripts/data/qpv-tiles.ts: the QPV outlines as static vector tiles (public/tiles/qpv/), decoded with
// @mapbox/vector-tile and compared with the outlines of data/qpv-2024.geojson (the independent truth: the
// published vertices). The exact tiles (z ≥ 12) must keep every vertex; the committed tiles are a rebuild's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { qpvFillBounds, qpvTiles } from '../../scripts/data/qpv-tiles';
import { tileFiles, tileRange } from '../../scripts/lib/tiles';
import { TILE_LAYER } from '../../src/map/ids';
import { QPV_TILES } from '../../src/map/sources';

const REPO = join(import.meta.dirname, '..', '..');
const TILES_DIR = join(REPO, 'public', 'tiles', 'qpv');

interface Qpv {
  bbox: [number, number, number, number];
  geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
  properties: { code: string; nom: string };
}
const qpvs = (JSON.parse(readFileSync(join(REPO, 'data', 'qpv-2024.geojson'), 'utf8')) as { features: Qpv[] })
  .features;
const byCode = (code: string) => qpvs.find((q) => q.properties.code === code)!;

function tileKey([lon, lat]: [number, number], z: number): string {
  const { minX, minY } = tileRange([lon, lat, lon, lat], z);
  return `${z}/${minX}/${minY}.pbf`;
}

function readTile(key: string): Uint8Array {
  return readFileSync(join(TILES_DIR, key));
}

/** The decoded features of one layer of a tile, in lon/lat. */
function features(bytes: Uint8Array, layerName: string, key: string) {
  const layer = new VectorTile(new PbfReader(bytes)).layers[layerName];
  if (!layer) return [];
  const [z, x, y] = key.replace('.pbf', '').split('/').map(Number) as [number, number, number];
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z));
}

function vertices(geometry: GeoJSON.Geometry): [number, number][] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat() as [number, number][];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2) as [number, number][];
  return [];
}

/** Metres between two nearby lon/lat points (equirectangular, exact enough under 1 km). */
function metres(a: [number, number], b: [number, number]): number {
  const k = Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111_320;
}

/** Largest distance from a published vertex (inside the tile) to the nearest decoded vertex, and the counts. */
function worstVertex(code: string, z: number) {
  const qpv = byCode(code);
  const first = qpv.geometry.coordinates[0]![0]![0]!;
  const key = tileKey(first, z);
  const decoded = features(readTile(key), TILE_LAYER.qpv, key).filter((f) => f.properties?.code === code);
  const got = decoded.flatMap((f) => vertices(f.geometry));
  const [, x, y] = key.replace('.pbf', '').split('/').map(Number) as [number, number, number];
  const inTile = qpv.geometry.coordinates.flat(2).filter((p) => tileKey(p, z) === `${z}/${x}/${y}.pbf`);
  let worst = 0;
  for (const p of inTile) worst = Math.max(worst, Math.min(...got.map((g) => metres(p, g))));
  return { worst, published: inTile.length, decoded: got.length, properties: decoded[0]?.properties };
}

describe('QPV tiles', () => {
  it('carry { code, nom } and keep every published vertex from z12 (tolerance 0)', () => {
    for (const code of ['QN05980M', 'QN05902M']) {
      for (const z of [12, 13, 14]) {
        const r = worstVertex(code, z);
        expect(r.properties).toEqual({ code, nom: byCode(code).properties.nom });
        expect(r.published).toBeGreaterThan(20);
        // One tile unit is 0.19 m at z14 (0.76 m at z12) in Croix: only that rounding is allowed.
        expect(r.worst, `${code} z${z}`).toBeLessThan(0.6 * 2 ** (14 - z));
      }
    }
  });

  it('simplify the outlines only below z12', () => {
    // The whole of QN05980M lies in one z11 tile: simplified, it keeps far fewer vertices than published.
    const low = worstVertex('QN05980M', 11);
    expect(low.decoded).toBeLessThan(low.published * 0.8);
  });

  it('cover all of France at the lowest zoom, overseas included', () => {
    for (const code of qpvs.map((q) => q.properties.code).filter((_, i) => i % 97 === 0)) {
      const qpv = byCode(code);
      const key = tileKey(qpv.geometry.coordinates[0]![0]![0]!, QPV_TILES.minzoom);
      const found = features(readTile(key), TILE_LAYER.qpv, key).some((f) => f.properties?.code === code);
      expect(found, `${code} in ${key}`).toBe(true);
    }
    expect(qpvs.some((q) => q.bbox[0] < -50)).toBe(true);
  });

  it('write one label point per QPV at z14', () => {
    const labels = new Map<string, number>();
    for (const key of tileFiles(TILES_DIR).filter((k) => k.startsWith('14/'))) {
      for (const f of features(readTile(key), TILE_LAYER.qpvLabels, key))
        labels.set(f.properties?.code as string, (labels.get(f.properties?.code as string) ?? 0) + 1);
    }
    expect(labels.size).toBe(qpvs.length);
    expect([...labels.values()].every((count) => count === 1)).toBe(true);
  });

  it('exist around the covered area (0 bytes when empty), sparse elsewhere, and are small', () => {
    const files = new Set(tileFiles(TILES_DIR));
    for (let z = QPV_TILES.minzoom; z <= QPV_TILES.maxzoom; z++) {
      const r = tileRange(qpvFillBounds(z), z);
      for (let x = r.minX; x <= r.maxX; x++)
        for (let y = r.minY; y <= r.maxY; y++) expect(files.has(`${z}/${x}/${y}.pbf`)).toBe(true);
    }
    expect(files.size).toBeLessThan(8000);
    let total = 0;
    for (const key of files) total += readTile(key).length;
    expect(total).toBeLessThan(5_000_000);
  });

  it('are deterministic, and the committed tiles are those a rebuild from data/ gives', () => {
    const tiles = qpvTiles(qpvs);
    expect([...tiles.keys()].sort()).toEqual(tileFiles(TILES_DIR));
    for (const [key, bytes] of tiles) expect(Buffer.from(bytes).equals(readTile(key)), key).toBe(true);
  });
});
