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
