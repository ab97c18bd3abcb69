/**
 * MapLibre source and layers of the address verdict: the matched street (street-level answers), drawn above the
 * QPV outlines. The point itself is a draggable HTML marker (src/features/search/verdict-layers.tsx). The street line
 * is dashed *and* coloured by verdict, and the card says the same in words (not colour only).
 */
import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { dashPerFeature } from './line-dash.ts';

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
      paint: {
        'line-color': VERDICT_COLOR[status],
        'line-width': 5,
        'line-dasharray': dashPerFeature([2, 1]),
      },
    },
  ];
}

/** Accuracy circle of a device position (a polygon built by the component). */
export const VERDICT_ACCURACY_SOURCE_ID = 'verdict-precision';
export const VERDICT_ACCURACY_FILL_LAYER_ID = 'verdict-precision-fond';
export const VERDICT_ACCURACY_LINE_LAYER_ID = 'verdict-precision-bord';

export function makeAccuracyLayers(): (FillLayerSpecification | LineLayerSpecification)[] {
  return [
    {
      id: VERDICT_ACCURACY_FILL_LAYER_ID,
      type: 'fill',
      source: VERDICT_ACCURACY_SOURCE_ID,
      paint: { 'fill-color': '#1d4e89', 'fill-opacity': 0.12 },
    },
    {
      id: VERDICT_ACCURACY_LINE_LAYER_ID,
      type: 'line',
      source: VERDICT_ACCURACY_SOURCE_ID,
      paint: { 'line-color': '#1d4e89', 'line-width': 2 },
    },
  ];
}

/**
 * The two sides of a boundary street: a line a few metres each side of the axis, coloured by its state (`etat`:
 * dans / hors / mixte) and labelled in words (`texte`: « Dans le QPV », « Hors QPV »…), so colour is never alone.
 */
export const STREET_SIDES_SOURCE_ID = 'verdict-cotes';
export const STREET_SIDES_LINE_LAYER_ID = 'verdict-cotes-trait';
export const STREET_SIDES_LABEL_LAYER_ID = 'verdict-cotes-texte';

export function makeStreetSidesLayers(font: string): (LineLayerSpecification | SymbolLayerSpecification)[] {
  return [
    {
      id: STREET_SIDES_LINE_LAYER_ID,
      type: 'line',
      source: STREET_SIDES_SOURCE_ID,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'etat'],
          'dans',
          VERDICT_COLOR.dans,
          'hors',
          VERDICT_COLOR.hors,
          VERDICT_COLOR.limite,
        ],
        'line-width': ['case', ['get', 'choisi'], 7, 4],
        'line-opacity': 0.9,
      },
    },
    {
      id: STREET_SIDES_LABEL_LAYER_ID,
      type: 'symbol',
      source: STREET_SIDES_SOURCE_ID,
      layout: {
        'symbol-placement': 'line-center',
        'text-field': ['get', 'texte'],
        'text-font': [font],
        'text-size': 13,
        'text-offset': [0, 0],
      },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
