/**
 * MapLibre layers of the address verdict: the matched street (street-level answers), drawn above the QPV
 * outlines from the basemap tiles' road layer (filtered on the street's `nom` and `insee`, which the tiles carry
 * from z12: scripts/lib/tiles.ts), so no road file is downloaded to draw it. The point itself is a draggable HTML
 * marker (src/components/verdict-layers.tsx). The street line is dashed *and* coloured by verdict, and the card
 * says the same in words (not colour only).
 */
import type { ExpressionSpecification, LineLayerSpecification } from 'maplibre-gl';
import { SOURCE, TILE_LAYER } from './ids.ts';

export const VERDICT_STREET_CASING_LAYER_ID = 'verdict-rue-bord';
export const VERDICT_STREET_LAYER_ID = 'verdict-rue-trait';

/** Verdict colours, the same as the CSS tokens --color-inside / --color-outside / --color-limit (≥ 4.5:1 on white). */
export const VERDICT_COLOR = { dans: '#0f6b3c', hors: '#4a4f57', limite: '#8a4b00' } as const;

/** First zoom whose basemap tiles carry road names and communes (ROAD_NAMES_FROM_ZOOM of scripts/lib/tiles.ts). */
export const VERDICT_STREET_MIN_ZOOM = 12;

/** The road pieces of one street: same name, same commune (a name repeats across communes). */
export function verdictStreetFilter(street: { nom: string; insee: string }): ExpressionSpecification {
  return ['all', ['==', ['get', 'nom'], street.nom], ['==', ['get', 'insee'], street.insee]];
}

export function makeVerdictStreetLayers(
  status: keyof typeof VERDICT_COLOR,
  street: { nom: string; insee: string },
): LineLayerSpecification[] {
  const common = {
    type: 'line',
    source: SOURCE.basemapTiles,
    'source-layer': TILE_LAYER.roads,
    minzoom: VERDICT_STREET_MIN_ZOOM,
    filter: verdictStreetFilter(street),
  } as const;
  return [
    {
      id: VERDICT_STREET_CASING_LAYER_ID,
      ...common,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 9, 'line-opacity': 0.9 },
    },
    {
      id: VERDICT_STREET_LAYER_ID,
      ...common,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': VERDICT_COLOR[status], 'line-width': 5, 'line-dasharray': [2, 1] },
    },
  ];
}
