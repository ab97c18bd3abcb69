// Static vector tiles of the offline basemap: roads and water cut into Mapbox Vector Tiles (MVT 2.1) for
// z 10–14 over BASEMAP_TILES.bounds (src/map/sources.ts), so the map loads a few small tiles of the current view
// instead of parsing the whole 4.8 MB roads file. MapLibre overzooms the z14 tiles up to z19.
//
// Output: `{z}/{x}/{y}.pbf` → bytes, uncompressed (static servers and `vite preview` serve `.pbf` as is; HTTP
// compression, when the server applies it, works on top). Deterministic: features keep the (sorted) order of
// data/roads.geojson and data/water.geojson, property keys are written sorted, no timestamp anywhere.
// Every tile intersecting the bounds is written, an empty one as a 0-byte file (a valid empty MVT): MapLibre
// requests all of them, and a missing file would get the SPA's index.html (vite preview) or fail offline.

import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { TILE_LAYER } from '../../src/map/ids.ts';
import { BASEMAP_TILES } from '../../src/map/sources.ts';

/** MapLibre's own internal tile precision: at z19 a unit of a z14 tile is 2 px, below any visible error. */
const EXTENT = 8192;
/** Simplification tolerance in tile units (1 unit = 2 px at z19, 0.06 px at z14). */
const TOLERANCE = 1;
/** Features reach 128 units (8 px at the tile's zoom) past each edge, so round line caps are not cut at seams. */
const BUFFER = 128;
/** Below this zoom the map draws no minor road (their layers start at 12): leave them out of the tiles. */
const MINOR_ROADS_FROM_ZOOM = 12;
/**
 * Road names and communes from z12: labels start at z14, and the street of a search answer is drawn from these
 * tiles (filter on `nom` + `insee`, src/map/verdict-layers.ts) from z12. The default view (z15.5) reads z14 tiles.
 */
const ROAD_NAMES_FROM_ZOOM = 12;

interface LineFeature {
  geometry: { type: string; coordinates: unknown };
  properties: { nom: string | null; classe: string; insee: string | null };
}
interface AreaFeature {
  geometry: { type: string; coordinates: unknown };
}

export interface BasemapTileInput {
  roads: readonly LineFeature[];
  water: readonly AreaFeature[];
}

type BBox = readonly [number, number, number, number];

/** Tile x of a longitude at zoom z (fractional). */
function lonToX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

/** Tile y of a latitude at zoom z (fractional, web mercator). */
function latToY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z;
}

/**
 * The tiles MapLibre requests for a source with these bounds at zoom z: same rule as its `TileBounds.contains`
 * (floor of the west/north edge, ceil of the east/south edge, exclusive).
 *
 * @example
 * tileRange([3.04, 50.59, 3.22, 50.76], 10); // → { minX: 520, maxX: 521, minY: 346, maxY: 347 }
 */
export function tileRange(
  bounds: BBox,
  z: number,
): { minX: number; maxX: number; minY: number; maxY: number } {
  const [w, s, e, n] = bounds;
  return {
    minX: Math.floor(lonToX(w, z)),
    maxX: Math.ceil(lonToX(e, z)) - 1,
    minY: Math.floor(latToY(n, z)),
    maxY: Math.ceil(latToY(s, z)) - 1,
  };
}

/** Properties with sorted keys and without null values (MVT has no null; a missing key reads as null). */
function cleanProperties(properties: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function roadTags(tags: Record<string, unknown>, z: number): Record<string, string> {
  const all = cleanProperties(tags);
  return z >= ROAD_NAMES_FROM_ZOOM ? all : cleanProperties({ classe: all.classe });
}

/** A copy of the tile keeping the features (with adjusted tags) the map draws at zoom z. */
function roadsAtZoom(tile: GeoJSONVTTile, z: number): GeoJSONVTTile {
  const features = tile.features
    .filter((feature) => !(z < MINOR_ROADS_FROM_ZOOM && feature.tags?.classe === 'minor'))
    .map((feature) => ({ ...feature, tags: roadTags(feature.tags ?? {}, z) }));
  return { ...tile, features } as GeoJSONVTTile;
}

function featureCollection(features: readonly { geometry: unknown }[], props: (i: number) => object) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((feature, i) => ({
      type: 'Feature' as const,
      geometry: feature.geometry,
      properties: props(i),
    })),
  } as GeoJSON.FeatureCollection;
}

/**
 * Cuts roads and water into the basemap tiles. Keys are `{z}/{x}/{y}.pbf`, sorted by zoom, x then y.
 *
 * @example
 * const tiles = basemapTiles({ roads: roads.features, water: water.features });
 * tiles.get('14/8335/5474.pbf'); // → Uint8Array (MVT with layers `routes` and `eau`)
 */
export function basemapTiles(input: BasemapTileInput): Map<string, Uint8Array> {
  const options = {
    maxZoom: BASEMAP_TILES.maxzoom,
    indexMaxZoom: BASEMAP_TILES.maxzoom,
    indexMaxPoints: 0,
    extent: EXTENT,
    tolerance: TOLERANCE,
    buffer: BUFFER,
  };
  const roads = new GeoJSONVT(
    featureCollection(input.roads, (i) => cleanProperties(input.roads[i]!.properties)),
    options,
  );
  const water = new GeoJSONVT(
    featureCollection(input.water, () => ({})),
    options,
  );
  const tiles = new Map<string, Uint8Array>();
  for (let z = BASEMAP_TILES.minzoom; z <= BASEMAP_TILES.maxzoom; z++) {
    const range = tileRange(BASEMAP_TILES.bounds, z);
    for (let x = range.minX; x <= range.maxX; x++) {
      for (let y = range.minY; y <= range.maxY; y++) {
        const layers: Record<string, GeoJSONVTTile> = {};
        const roadTile = roads.getTile(z, x, y);
        const roadsHere = roadTile ? roadsAtZoom(roadTile, z) : null;
        if (roadsHere && roadsHere.features.length > 0) layers[TILE_LAYER.roads] = roadsHere;
        const waterTile = water.getTile(z, x, y);
        if (waterTile && waterTile.features.length > 0) layers[TILE_LAYER.water] = waterTile;
        const bytes =
          Object.keys(layers).length > 0
            ? fromGeojsonVt(layers, { version: 2, extent: EXTENT })
            : new Uint8Array(0);
        tiles.set(`${z}/${x}/${y}.pbf`, bytes);
      }
    }
  }
  return tiles;
}

/** The `{z}/{x}/{y}.pbf` files under `dir` (sorted; none when the directory does not exist). */
export function tileFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(sep).join('/'))
    .filter((rel) => /^\d+\/\d+\/\d+\.pbf$/.test(rel))
    .sort();
}
