/**
 * MapLibre sources and layers of the contract's actions, by objective. Each objective has a colour *and* a
 * letter (its `symbole` in data/objectives.json) drawn on the action's marker, so the map is not read by
 * colour only; illustrative actions (`exemple: true`) get dashed lines and a grey marker ring.
 *
 * Two sources: the actions themselves (zones and lines) and one anchor point per action (marker + letter,
 * see src/domain/actions/label-points.ts). Layer specs are built from the objectives file by a pure factory.
 */

import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { FONT } from './ids.ts';

export const ACTIONS_SOURCE_ID = 'actions';
export const ACTIONS_ANCHOR_SOURCE_ID = 'actions-ancres';

export const ACTIONS_FILL_LAYER_ID = 'actions-zones';
export const ACTIONS_OUTLINE_LAYER_ID = 'actions-contours';
export const ACTIONS_LINE_LAYER_ID = 'actions-lignes';
export const ACTIONS_MARKER_LAYER_ID = 'actions-marqueurs';
export const ACTIONS_LETTER_LAYER_ID = 'actions-lettres';
export const ACTIONS_SELECTED_MARKER_LAYER_ID = 'actions-selection-marqueur';
export const ACTIONS_SELECTED_SHAPE_LAYER_ID = 'actions-selection-forme';

/** Layers a click or a tap selects an action on. */
export const ACTIONS_INTERACTIVE_LAYER_IDS = [
  ACTIONS_MARKER_LAYER_ID,
  ACTIONS_LETTER_LAYER_ID,
  ACTIONS_LINE_LAYER_ID,
  ACTIONS_FILL_LAYER_ID,
] as const;

/** Prefix of terra-draw's own layers while an association draws an action. */
export const ACTIONS_DRAW_PREFIX = 'actions-dessin';

/** The selection colour: the focus colour of the app (`--color-focus`), ≥ 3:1 on the basemap. */
export const SELECTION_COLOR = '#c2410c';
const EXAMPLE_RING_COLOR = '#4a4f57';
const FALLBACK_COLOR = '#4a4f57';

/** The glyphs shipped in public/fonts (no font is fetched from the web). */
export const ACTIONS_TEXT_FONT = [FONT.medium];

export interface ObjectiveStyle {
  id: string;
  couleur: string;
  symbole: string;
}

export interface ActionsLayerSpecs {
  fill: FillLayerSpecification;
  outline: LineLayerSpecification;
  line: LineLayerSpecification;
  marker: CircleLayerSpecification;
  letter: SymbolLayerSpecification;
  selectedMarker: CircleLayerSpecification;
  selectedShape: LineLayerSpecification;
}

function byObjective(
  objectives: readonly ObjectiveStyle[],
  pick: (o: ObjectiveStyle) => string,
  fallback: string,
) {
  if (objectives.length === 0) return fallback;
  return [
    'match',
    ['get', 'objectif'],
    ...objectives.flatMap((objective) => [objective.id, pick(objective)]),
    fallback,
  ] as unknown as ExpressionSpecification;
}

const isExample: ExpressionSpecification = ['==', ['get', 'exemple'], true];

/** Filter that matches the selected action only (an id that no action has when nothing is selected). */
export function selectedFilter(selectedId: string | null): ExpressionSpecification {
  return ['==', ['get', 'id'], selectedId ?? '\u0000'];
}

/**
 * Layer specs of the actions overlay, coloured and lettered by objective.
 *
 * @example makeActionsLayers(objectives.objectifs, null).marker.paint['circle-color']
 */
export function makeActionsLayers(
  objectives: readonly ObjectiveStyle[],
  selectedId: string | null,
): ActionsLayerSpecs {
  const color = byObjective(objectives, (o) => o.couleur, FALLBACK_COLOR);
  const letter = byObjective(objectives, (o) => o.symbole, '?');
  const polygons: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
  const lines: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
  return {
    fill: {
      id: ACTIONS_FILL_LAYER_ID,
      type: 'fill',
      source: ACTIONS_SOURCE_ID,
      filter: polygons,
      paint: { 'fill-color': color, 'fill-opacity': 0.3 },
    },
    outline: {
      id: ACTIONS_OUTLINE_LAYER_ID,
      type: 'line',
      source: ACTIONS_SOURCE_ID,
      filter: polygons,
      paint: {
        'line-color': color,
        'line-width': 2.5,
        'line-dasharray': ['case', isExample, ['literal', [3, 2]], ['literal', [1, 0]]],
      },
    },
    line: {
      id: ACTIONS_LINE_LAYER_ID,
      type: 'line',
      source: ACTIONS_SOURCE_ID,
      filter: lines,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: {
        'line-color': color,
        'line-width': 6,
        'line-dasharray': ['case', isExample, ['literal', [2, 1]], ['literal', [1, 0]]],
      },
    },
    marker: {
      id: ACTIONS_MARKER_LAYER_ID,
      type: 'circle',
      source: ACTIONS_ANCHOR_SOURCE_ID,
      paint: {
        'circle-color': color,
        'circle-radius': 11,
        'circle-stroke-color': ['case', isExample, EXAMPLE_RING_COLOR, '#ffffff'],
        'circle-stroke-width': ['case', isExample, 3, 2],
      },
    },
    letter: {
      id: ACTIONS_LETTER_LAYER_ID,
      type: 'symbol',
      source: ACTIONS_ANCHOR_SOURCE_ID,
      layout: {
        'text-field': letter,
        'text-font': ACTIONS_TEXT_FONT,
        'text-size': 13,
        // Every action must stay visible and countable: no collision culling of markers.
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    selectedMarker: {
      id: ACTIONS_SELECTED_MARKER_LAYER_ID,
      type: 'circle',
      source: ACTIONS_ANCHOR_SOURCE_ID,
      filter: selectedFilter(selectedId),
      paint: {
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-radius': 16,
        'circle-stroke-color': SELECTION_COLOR,
        'circle-stroke-width': 3,
      },
    },
    selectedShape: {
      id: ACTIONS_SELECTED_SHAPE_LAYER_ID,
      type: 'line',
      source: ACTIONS_SOURCE_ID,
      filter: ['all', ['!=', ['geometry-type'], 'Point'], selectedFilter(selectedId)],
      paint: { 'line-color': SELECTION_COLOR, 'line-width': 4 },
    },
  };
}
