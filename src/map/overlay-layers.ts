/**
 * Overlay layers drawn over the basemap: the 2024 QPV perimeters (QN05980M emphasised, the selected one
 * outlined), the optional 300 m band of the TVA 5,5 % rule, and the extended Saint-Pierre streets with their
 * names. Styles differ by width, dash pattern and hatching, never by colour alone (the legend mirrors them).
 * Declared by src/features/map/overlay-layers.tsx (visibility from the layer toggles, filters from the selection).
 */
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { LayerKey } from '../domain/permalink.ts';
import { MAP_COLOR } from './colors.ts';
import {
  FOCUS_QPV_CODE,
  FONT,
  HATCH_IMAGE,
  OVERLAY_LAYER,
  SLOT,
  type SlotId,
  SOURCE,
  TILE_LAYER,
} from './ids.ts';
import { dashPerFeature } from './line-dash.ts';
import { ATTRIBUTION, emptyGeoJsonSource, QPV_TILES } from './sources.ts';

/**
 * The QPV tiles (QPV and commune outlines, label points) from the app's own origin (`base` = origin + base path, no trailing slash). Exact outline
 * (tolerance 0) from z12, where a boundary is examined (domain.md §3.3); overzoomed above z14.
 */
export function qpvTileSource(base: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${base}/${QPV_TILES.path}/{z}/{x}/{y}.pbf`],
    minzoom: QPV_TILES.minzoom,
    maxzoom: QPV_TILES.maxzoom,
    // The tiles also carry the commune outlines (basemap layers `fond-communes-*`).
    attribution: `${ATTRIBUTION.anct} | ${ATTRIBUTION.ign}`,
  };
}

/** The 300 m band, computed in the browser; tolerance 0: the drawn outline is the computed one at every zoom. */
export const VAT_BAND_SOURCE: GeoJSONSourceSpecification = emptyGeoJsonSource(undefined, 0);
/** The extended Saint-Pierre streets (GeoJSON from `data/`), exact at every zoom (domain.md §3.3). */
export const STREETS_SOURCE: GeoJSONSourceSpecification = emptyGeoJsonSource(ATTRIBUTION.osm, 0);

/** The slot of each overlay layer (src/map/ids.ts `SLOT`). */
export const OVERLAY_SLOTS: Record<string, SlotId> = {
  [OVERLAY_LAYER.vatBandFill]: SLOT.vatBand,
  [OVERLAY_LAYER.vatBandLine]: SLOT.vatBand,
  [OVERLAY_LAYER.qpvFill]: SLOT.qpvFill,
  [OVERLAY_LAYER.qpvLine]: SLOT.qpvLines,
  [OVERLAY_LAYER.qpvFocusLine]: SLOT.qpvLines,
  [OVERLAY_LAYER.qpvSelectedLine]: SLOT.qpvLines,
  [OVERLAY_LAYER.streetCasing]: SLOT.streets,
  [OVERLAY_LAYER.streetSelected]: SLOT.streets,
  [OVERLAY_LAYER.street]: SLOT.streets,
  [OVERLAY_LAYER.streetLabel]: SLOT.streets,
  [OVERLAY_LAYER.qpvLabel]: SLOT.qpvLabel,
};

/** Source and source-layers of the tiled QPV outlines and label points. */
const QPV = { source: SOURCE.qpv, 'source-layer': TILE_LAYER.qpv } as const;
const QPV_LABELS = { source: SOURCE.qpv, 'source-layer': TILE_LAYER.qpvLabels } as const;

const isFocus: ExpressionSpecification = ['==', ['get', 'code'], FOCUS_QPV_CODE];

/** Filter of the "selected QPV" outline; `null` selects nothing. */
export function selectedQpvFilter(code: string | null): ExpressionSpecification {
  return ['==', ['get', 'code'], code ?? ''];
}

/** Filter of the "selected street" highlight; `null` selects nothing. */
export function selectedStreetFilter(id: string | null): ExpressionSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

/** Dash pattern per street status: plain inside, long dashes on the limit, dots when partly outside. */
const streetDash: ExpressionSpecification = [
  'match',
  ['get', 'statut'],
  'limite',
  ['literal', [2, 1]],
  'partiel',
  ['literal', [1, 1]],
  ['literal', [1, 0]],
];

export function overlayLayers(): LayerSpecification[] {
  return [
    {
      id: OVERLAY_LAYER.vatBandFill,
      type: 'fill',
      source: SOURCE.vatBand,
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.7 },
    },
    {
      id: OVERLAY_LAYER.vatBandLine,
      type: 'line',
      source: SOURCE.vatBand,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': MAP_COLOR.vatBand, 'line-width': 2, 'line-dasharray': dashPerFeature([3, 2]) },
    },
    {
      id: OVERLAY_LAYER.qpvFill,
      type: 'fill',
      ...QPV,
      paint: { 'fill-color': MAP_COLOR.qpv, 'fill-opacity': ['case', isFocus, 0.2, 0.12] },
    },
    {
      id: OVERLAY_LAYER.qpvLine,
      type: 'line',
      ...QPV,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOR.qpv,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 15, 2],
      },
    },
    {
      id: OVERLAY_LAYER.qpvFocusLine,
      type: 'line',
      ...QPV,
      filter: isFocus,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOR.qpvFocus,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 15, 4, 18, 5],
      },
    },
    {
      id: OVERLAY_LAYER.qpvSelectedLine,
      type: 'line',
      ...QPV,
      filter: selectedQpvFilter(null),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOR.qpvSelected,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 3, 15, 5],
        'line-dasharray': dashPerFeature([2, 1]),
      },
    },
    {
      id: OVERLAY_LAYER.streetCasing,
      type: 'line',
      source: SOURCE.streets,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOR.halo,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, 4, 18, 12],
      },
    },
    {
      id: OVERLAY_LAYER.streetSelected,
      type: 'line',
      source: SOURCE.streets,
      filter: selectedStreetFilter(null),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOR.streetSelected,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, 10, 18, 22],
      },
    },
    {
      id: OVERLAY_LAYER.street,
      type: 'line',
      source: SOURCE.streets,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOR.street,
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 18, 7],
        'line-dasharray': streetDash,
      },
    },
    {
      id: OVERLAY_LAYER.streetLabel,
      type: 'symbol',
      source: SOURCE.streets,
      minzoom: 14,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 220,
        'text-field': ['get', 'nom'],
        'text-font': [FONT.medium],
        'text-size': ['interpolate', ['linear'], ['zoom'], 14, 12, 18, 16],
        'text-offset': [0, -1.1],
        'text-max-angle': 30,
      },
      paint: { 'text-color': MAP_COLOR.streetLabel, 'text-halo-color': MAP_COLOR.halo, 'text-halo-width': 2 },
    },
    {
      id: OVERLAY_LAYER.qpvLabel,
      type: 'symbol',
      ...QPV_LABELS,
      minzoom: 11,
      layout: {
        'text-field': ['concat', ['get', 'nom'], '\n', ['get', 'code']],
        'text-font': [FONT.italic],
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 13],
        'text-max-width': 12,
        'text-padding': 6,
        'symbol-sort-key': ['case', isFocus, 0, 1],
      },
      paint: { 'text-color': MAP_COLOR.qpvFocus, 'text-halo-color': MAP_COLOR.halo, 'text-halo-width': 2 },
    },
  ];
}

/** Which map layers each user-facing layer toggle shows or hides. */
export const LAYER_GROUPS: Record<LayerKey, readonly string[]> = {
  qpv: [
    OVERLAY_LAYER.qpvFill,
    OVERLAY_LAYER.qpvLine,
    OVERLAY_LAYER.qpvFocusLine,
    OVERLAY_LAYER.qpvSelectedLine,
    OVERLAY_LAYER.qpvLabel,
  ],
  rues: [
    OVERLAY_LAYER.streetCasing,
    OVERLAY_LAYER.streetSelected,
    OVERLAY_LAYER.street,
    OVERLAY_LAYER.streetLabel,
  ],
  bande300: [OVERLAY_LAYER.vatBandFill, OVERLAY_LAYER.vatBandLine],
};
