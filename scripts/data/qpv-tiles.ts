// QPV and commune outlines as static vector tiles, so the browser draws the 1 584 QPV and the covered communes
// without downloading the 4 MB data/qpv-2024.geojson nor the 691 kB data/communes.geojson (issue 10).
//
// Reads: the QPV and commune features built by `npm run data` (scripts/build-data.ts passes them; same as
//   data/qpv-2024.geojson and data/communes.geojson).
// Writes (through build-data.ts): public/tiles/qpv/{z}/{x}/{y}.pbf for z 9–14 (QPV_TILES in src/map/sources.ts),
//   four layers: `qpv` (outlines, `{ code, nom }`), `qpv-etiquettes` (one label point per QPV, `{ code, nom }`),
//   `communes` (surfaces, `{ insee, nom }`) and `communes-etiquettes` (one label point per commune, `{ insee, nom }`).
//   - z 9–11 (all of France, the map's lowest zooms): outlines simplified by QPV_TILES.lowZoomTolerance tile units;
//   - z 12–14: the exact outline (tolerance 0, no simplification; one unit = 0.19 m at z14 in Croix, finer than the
//     source's 4 decimal places and than QN05980M's 6). MapLibre overzooms the z14 tiles up to z19.
//   Only tiles holding a QPV are written (≈ 6 000 of them, sparse over France: elsewhere the server answers 404,
//   which MapLibre treats as an empty tile); around the covered area (QPV_TILES.fillBounds) every tile is written,
//   an empty one as a 0-byte file, like the basemap, so the usual views never request a missing file.
// Deterministic: features in the (sorted) order of the input, property keys sorted, no timestamp.

import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { MultiPolygonGeometry, PolygonGeometry } from '../../src/domain/data-types.ts';
import { labelPoints } from '../../src/domain/label-points.ts';
import { TILE_LAYER } from '../../src/map/ids.ts';
import { QPV_TILES } from '../../src/map/sources.ts';
import { tileRange } from '../lib/tiles.ts';

/** MapLibre's internal tile precision. */
const EXTENT = 8192;
/** 64 units (4 px at the tile's zoom) past each edge: outlines are not cut visibly at seams. */
const BUFFER = 64;

export interface QpvTileInput {
  bbox: readonly [number, number, number, number];
  geometry: MultiPolygonGeometry;
  properties: { code: string; nom: string };
}

/** A commune of data/communes.geojson (its other properties are not carried into the tiles). */
export interface CommuneTileInput {
  bbox: readonly [number, number, number, number];
  geometry: PolygonGeometry | MultiPolygonGeometry;
  properties: { insee: string; nom: string };
}

type BBox = readonly [number, number, number, number];
type Outlines = { low: GeoJSONVT; exact: GeoJSONVT };
const COMMON = { indexMaxZoom: 0, indexMaxPoints: 0, extent: EXTENT, buffer: BUFFER };

/** Two indexes of the same outlines: simplified (read below z12) and exact (tolerance 0, read from z12). */
function outlineIndexes(outlines: GeoJSON.FeatureCollection): Outlines {
  // Read up to z11 only: geojson-vt never simplifies at its own maxZoom, hence maxZoom 12 here.
  const low = new GeoJSONVT(outlines, {
    ...COMMON,
    maxZoom: QPV_TILES.exactFromZoom,
    tolerance: QPV_TILES.lowZoomTolerance,
  });
  // tolerance 0: no simplification at any zoom of this index (geojson-vt scales the tolerance by zoom).
  const exact = new GeoJSONVT(outlines, { ...COMMON, maxZoom: QPV_TILES.maxzoom, tolerance: 0 });
  return { low, exact };
}

/** Label points as a tile index (no buffer: each point is written in exactly one tile). */
function pointIndex(points: GeoJSON.FeatureCollection): GeoJSONVT {
  return new GeoJSONVT(points, { ...COMMON, buffer: 0, maxZoom: QPV_TILES.maxzoom, tolerance: 0 });
}

function collection(
  features: readonly { geometry: unknown; properties: object }[],
): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })),
  } as GeoJSON.FeatureCollection;
}

function tilesOf(bbox: BBox, z: number, into: Set<string>): void {
  const r = tileRange(bbox, z);
  for (let x = r.minX; x <= r.maxX; x++) for (let y = r.minY; y <= r.maxY; y++) into.add(`${x}/${y}`);
}

/** The fill box at zoom z: every tile in it is written, even empty. */
export function qpvFillBounds(z: number): BBox {
  return z < QPV_TILES.exactFromZoom ? QPV_TILES.fillBounds.low : QPV_TILES.fillBounds.exact;
}

/**
 * Cuts the QPV and the communes into tiles. Keys are `{z}/{x}/{y}.pbf`, sorted by zoom, x then y (numerically).
 *
 * @example
 * const tiles = qpvTiles(qpv.features, communes.features);
 * tiles.get('14/8335/5474.pbf'); // → Uint8Array (MVT with layers `qpv`, `qpv-etiquettes`, `communes`, …)
 */
export function qpvTiles(
  features: readonly QpvTileInput[],
  communes: readonly CommuneTileInput[] = [],
): Map<string, Uint8Array> {
  const props = features.map((f) => ({ code: f.properties.code, nom: f.properties.nom }));
  const qpv = outlineIndexes(
    collection(features.map((f, i) => ({ geometry: f.geometry, properties: props[i]! }))),
  );
  const qpvLabels = pointIndex(
    collection(
      labelPoints(
        features.map((f, i) => ({ geometry: f.geometry, properties: props[i]! })),
        (p) => ({ code: p.code, nom: p.nom }),
      ).features,
    ),
  );
  const communeProps = communes.map((c) => ({ insee: c.properties.insee, nom: c.properties.nom }));
  const communeShapes = communes.map((c, i) => ({ geometry: c.geometry, properties: communeProps[i]! }));
  const communeOutlines = outlineIndexes(collection(communeShapes));
  const communeLabels = pointIndex(
    collection(labelPoints(communeShapes, (p) => ({ insee: p.insee, nom: p.nom })).features),
  );
  // Layer name → (zoom → index); written in this order.
  const sources: [string, (exact: boolean) => GeoJSONVT][] = [
    [TILE_LAYER.qpv, (exact) => (exact ? qpv.exact : qpv.low)],
    [TILE_LAYER.qpvLabels, () => qpvLabels],
    [TILE_LAYER.communes, (exact) => (exact ? communeOutlines.exact : communeOutlines.low)],
    [TILE_LAYER.communeLabels, () => communeLabels],
  ];

  const tiles = new Map<string, Uint8Array>();
  for (let z = QPV_TILES.minzoom; z <= QPV_TILES.maxzoom; z++) {
    const keys = new Set<string>();
    for (const f of features) tilesOf(f.bbox, z, keys);
    for (const c of communes) tilesOf(c.bbox, z, keys);
    const filled = new Set<string>();
    tilesOf(qpvFillBounds(z), z, filled);
    for (const key of filled) keys.add(key);
    const sorted = [...keys]
      .map((key) => key.split('/').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const exact = z >= QPV_TILES.exactFromZoom;
    for (const [x, y] of sorted) {
      const layers: Record<string, GeoJSONVTTile> = {};
      for (const [name, index] of sources) {
        const tile = index(exact).getTile(z, x, y);
        if (tile && tile.features.length > 0) layers[name] = tile;
      }
      if (Object.keys(layers).length > 0)
        tiles.set(`${z}/${x}/${y}.pbf`, fromGeojsonVt(layers, { version: 2, extent: EXTENT }));
      else if (filled.has(`${x}/${y}`)) tiles.set(`${z}/${x}/${y}.pbf`, new Uint8Array(0));
    }
  }
  return tiles;
}
