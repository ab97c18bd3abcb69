// scripts/data/qpv-tiles.ts: the QPV and commune outlines as static vector tiles (public/tiles/qpv/), decoded with
// @mapbox/vector-tile and compared with the outlines of data/qpv-2024.geojson and data/communes.geojson (the
// independent truth: the published vertices). The exact tiles (z ≥ 12) must keep every vertex; the committed tiles
// are a rebuild's.
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

interface Commune {
  bbox: [number, number, number, number];
  geometry:
    | { type: 'Polygon'; coordinates: [number, number][][] }
    | { type: 'MultiPolygon'; coordinates: [number, number][][][] };
  properties: { insee: string; nom: string; codes_postaux: string[]; source: string };
}
const communes = (
  JSON.parse(readFileSync(join(REPO, 'data', 'communes.geojson'), 'utf8')) as { features: Commune[] }
).features;
const byInsee = (insee: string) => communes.find((c) => c.properties.insee === insee)!;
const communeVertices = (c: Commune): [number, number][] =>
  c.geometry.type === 'Polygon' ? c.geometry.coordinates.flat() : c.geometry.coordinates.flat(2);

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

/** Same as {@link worstVertex} for a commune of data/communes.geojson in the `communes` layer. */
function worstCommuneVertex(insee: string, z: number) {
  const commune = byInsee(insee);
  const all = communeVertices(commune);
  const key = tileKey(all[0]!, z);
  const decoded = features(readTile(key), TILE_LAYER.communes, key).filter(
    (f) => f.properties?.insee === insee,
  );
  const got = decoded.flatMap((f) => vertices(f.geometry));
  const inTile = all.filter((p) => tileKey(p, z) === key);
  let worst = 0;
  for (const p of inTile) worst = Math.max(worst, Math.min(...got.map((g) => metres(p, g))));
  return { worst, published: inTile.length, decoded: got.length, properties: decoded[0]?.properties };
}

describe('commune layers of the QPV tiles (the basemap draws no communes.geojson)', () => {
  it('carry { insee, nom } and keep every vertex of data/communes.geojson from z12 (tolerance 0)', () => {
    // Croix (cadastre outline) and Roubaix, its neighbour.
    for (const insee of ['59163', '59512']) {
      for (const z of [12, 13, 14]) {
        const r = worstCommuneVertex(insee, z);
        expect(r.properties).toEqual({ insee, nom: byInsee(insee).properties.nom });
        expect(r.published).toBeGreaterThan(20);
        expect(r.worst, `${insee} z${z}`).toBeLessThan(0.6 * 2 ** (14 - z));
      }
    }
    expect(byInsee('59163').properties.nom).toBe('Croix');
  });

  it('name, at a known tile of Croix (z14), exactly the communes whose outline reaches it', () => {
    // The tile of the Saint-Pierre QPV's label area (Croix / Roubaix boundary).
    const key = tileKey([3.1652, 50.6949], 14);
    const [, x, y] = key.replace('.pbf', '').split('/').map(Number) as [number, number, number];
    const decoded = features(readTile(key), TILE_LAYER.communes, key);
    const names = new Map(decoded.map((f) => [f.properties?.insee as string, f.properties?.nom as string]));
    // Truth: the communes with a vertex in the tile (the tile holds boundary stretches of both).
    const expected = communes.filter((c) =>
      communeVertices(c).some((p) => tileKey(p, 14) === `14/${x}/${y}.pbf`),
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const c of expected)
      expect(names.get(c.properties.insee), c.properties.insee).toBe(c.properties.nom);
    for (const f of decoded) expect(Object.keys(f.properties ?? {}).sort()).toEqual(['insee', 'nom']);
  });

  it('write one label point per commune at z14, inside the commune, named from data/communes.geojson', () => {
    const labels = new Map<string, { nom: string; count: number }>();
    for (const key of tileFiles(TILES_DIR).filter((k) => k.startsWith('14/'))) {
      for (const f of features(readTile(key), TILE_LAYER.communeLabels, key)) {
        const insee = f.properties?.insee as string;
        const seen = labels.get(insee);
        labels.set(insee, { nom: f.properties?.nom as string, count: (seen?.count ?? 0) + 1 });
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
        const box = byInsee(insee).bbox;
        expect(lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3], insee).toBe(true);
      }
    }
    expect([...labels.keys()].sort()).toEqual(communes.map((c) => c.properties.insee).sort());
    for (const c of communes)
      expect(labels.get(c.properties.insee)).toEqual({ nom: c.properties.nom, count: 1 });
  });

  it('cover every commune at the lowest zoom', () => {
    for (const c of communes) {
      const key = tileKey(communeVertices(c)[0]!, QPV_TILES.minzoom);
      const found = features(readTile(key), TILE_LAYER.communes, key).some(
        (f) => f.properties?.insee === c.properties.insee,
      );
      expect(found, `${c.properties.insee} in ${key}`).toBe(true);
    }
  });
});

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
    const tiles = qpvTiles(qpvs, communes);
    expect([...tiles.keys()].sort()).toEqual(tileFiles(TILES_DIR));
    for (const [key, bytes] of tiles) expect(Buffer.from(bytes).equals(readTile(key)), key).toBe(true);
  });
});
