/** Attributions and the empty GeoJSON source shared by the basemap and the overlays. */
import type { GeoJSONSourceSpecification } from 'maplibre-gl';

export const ATTRIBUTION = {
  anct: 'Source : ANCT, quartiers prioritaires 2024 — Licence Ouverte',
  osm: '© les contributeurs d’OpenStreetMap — ODbL',
  ign: 'IGN Admin Express 2018',
  osmFrance: 'Fond de carte © OpenStreetMap France',
} as const;

const EMPTY: GeoJSONSourceSpecification['data'] = { type: 'FeatureCollection', features: [] };

/** An empty GeoJSON source; `tolerance` 0 keeps outlines honest (domain.md §3.3), they are small anyway. */
export function emptyGeoJsonSource(attribution?: string, tolerance = 0.375): GeoJSONSourceSpecification {
  return { type: 'geojson', data: EMPTY, tolerance, ...(attribution ? { attribution } : {}) };
}

/**
 * The static vector tiles of the offline basemap (roads, water), written by `npm run data` into
 * `public/tiles/basemap/{z}/{x}/{y}.pbf` (uncompressed MVT, plain files so the service worker can precache them).
 * `bounds` is the covered area (the 11 communes' box, clipped to the roads extract): MapLibre requests no tile
 * outside it, and the build writes every tile that intersects it, so no request ever hits a missing file.
 * tests/unit/basemap-tiles.test.ts checks that the data lie inside these bounds.
 */
export const BASEMAP_TILES = {
  path: 'tiles/basemap',
  minzoom: 10,
  maxzoom: 14,
  bounds: [3.04, 50.59, 3.22, 50.76] as [number, number, number, number],
} as const;

/**
 * The QPV outlines as static vector tiles (`public/tiles/qpv/{z}/{x}/{y}.pbf`, scripts/data/qpv-tiles.ts): all of
 * France from z9 (the map's minimum zoom), simplified below `exactFromZoom`, the exact outline (tolerance 0) from
 * there up to `maxzoom` (overzoomed beyond). No `bounds`: outside the written tiles the server answers 404, which
 * MapLibre reads as an empty tile; around the covered area (`fillBounds`) every tile exists (0 bytes when empty).
 */
export const QPV_TILES = {
  path: 'tiles/qpv',
  minzoom: 9,
  maxzoom: 14,
  exactFromZoom: 12,
  /** Simplification of the z9–11 outlines, in tile units (8192 per tile: 2 units ≈ 0.1 px at the tile's zoom). */
  lowZoomTolerance: 2,
  fillBounds: {
    /** z9–11: what a phone sees around the covered area when zoomed out. */
    low: [2.44, 50.19, 3.82, 51.16] as [number, number, number, number],
    /** z12–14: the basemap's area and a margin. */
    exact: [2.99, 50.56, 3.27, 50.79] as [number, number, number, number],
  },
} as const;
