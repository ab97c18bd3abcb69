/**
 * MapLibre source and layers of the address verdict: the matched street (street-level answers), drawn above the
 * QPV outlines. The point itself is a draggable HTML marker (src/components/verdict-layers.tsx). The street line
 * is dashed *and* coloured by verdict, and the card says the same in words (not colour only).
 */
import type { LineLayerSpecification } from 'maplibre-gl';

export const VERDICT_STREET_SOURCE_ID = 'verdict-rue';
export const VERDICT_STREET_CASING_LAYER_ID = 'verdict-rue-bord';
export const VERDICT_STREET_LAYER_ID = 'verdict-rue-trait';

/** Verdict colours, the same as the CSS tokens --color-inside / --color-outside / --color-limit (≥ 4.5:1 on white). */
export const VERDICT_COLOR = { dans: '#0f6b3c', hors: '#4a4f57', limite: '#8a4b00' } as const;

export function makeVerdictStreetLayers(status: keyof typeof VERDICT_COLOR): LineLayerSpecification[] {
  return [
    {
      id: VERDICT_STREET_CASING_LAYER_ID,
      type: 'line',
      source: VERDICT_STREET_SOURCE_ID,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 9, 'line-opacity': 0.9 },
    },
    {
      id: VERDICT_STREET_LAYER_ID,
      type: 'line',
      source: VERDICT_STREET_SOURCE_ID,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': VERDICT_COLOR[status], 'line-width': 5, 'line-dasharray': [2, 1] },
    },
  ];
}
