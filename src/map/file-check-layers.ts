/**
 * Map source and layers of the file check: one circle per checked row, coloured by status and, so that the
 * colour is not the only cue, with a stroke width per status (thick ring = « en limite », to confirm). The table
 * of the page is the text equivalent.
 */
import type { CircleLayerSpecification } from 'maplibre-gl';
import { MAP_COLOR } from './colors.ts';

export const FILE_CHECK_SOURCE = 'fichier-lignes';
export const FILE_CHECK_LAYER = 'fichier-lignes-points';
export const FILE_CHECK_SELECTED_LAYER = 'fichier-lignes-selection';

/** Same hues as the text badges of the page (src/app/styles.css `--color-inside`, `--color-outside`, `--color-limit`). */
export const FILE_CHECK_STATUS_COLOR = {
  dans: '#0f6b3c',
  hors: '#4a4f57',
  limite: '#8a4b00',
} as const;

export const fileCheckPointsLayer: CircleLayerSpecification = {
  id: FILE_CHECK_LAYER,
  type: 'circle',
  source: FILE_CHECK_SOURCE,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 7],
    'circle-color': [
      'match',
      ['get', 'statut'],
      'dans',
      FILE_CHECK_STATUS_COLOR.dans,
      'limite',
      FILE_CHECK_STATUS_COLOR.limite,
      FILE_CHECK_STATUS_COLOR.hors,
    ],
    'circle-stroke-color': MAP_COLOR.halo,
    'circle-stroke-width': ['match', ['get', 'statut'], 'limite', 3, 1],
  },
};

export const fileCheckSelectedLayer: CircleLayerSpecification = {
  id: FILE_CHECK_SELECTED_LAYER,
  type: 'circle',
  source: FILE_CHECK_SOURCE,
  filter: ['==', ['get', 'selection'], true],
  paint: {
    'circle-radius': 11,
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': MAP_COLOR.qpvSelected,
    'circle-stroke-width': 3,
  },
};
