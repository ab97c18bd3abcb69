// The actions layer specs, validated against the MapLibre style spec (catches paint / expression typos).
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS_ANCHOR_SOURCE_ID,
  ACTIONS_INTERACTIVE_LAYER_IDS,
  ACTIONS_SOURCE_ID,
  makeActionsLayers,
  selectedFilter,
} from '../../src/map/actions-layers.ts';

const objectives = JSON.parse(readFileSync('data/objectives.json', 'utf8')).objectifs;

function styleWith(selected: string | null) {
  const layers = Object.values(makeActionsLayers(objectives, selected));
  return {
    version: 8 as const,
    glyphs: 'http://localhost/fonts/{fontstack}/{range}.pbf',
    sources: {
      [ACTIONS_SOURCE_ID]: { type: 'geojson' as const, data: { type: 'FeatureCollection', features: [] } },
      [ACTIONS_ANCHOR_SOURCE_ID]: {
        type: 'geojson' as const,
        data: { type: 'FeatureCollection', features: [] },
      },
    },
    layers,
  };
}

describe('makeActionsLayers', () => {
  it.each([null, 'exemple-plantation-tonkin'])('is a valid style (selected %s)', (selected) => {
    expect(validateStyleMin(styleWith(selected) as never)).toEqual([]);
  });

  it('colours and letters every objective of objectives.json', () => {
    const { marker, letter } = makeActionsLayers(objectives, null);
    const colors = JSON.stringify(marker.paint?.['circle-color']);
    const letters = JSON.stringify(letter.layout?.['text-field']);
    for (const objective of objectives) {
      expect(colors).toContain(`"${objective.id}","${objective.couleur}"`);
      expect(letters).toContain(`"${objective.id}","${objective.symbole}"`);
    }
    expect(letter.layout?.['text-font']).toEqual(['Noto Sans Medium']);
  });

  it('has unique ids and interactive layers among them', () => {
    const ids = Object.values(makeActionsLayers(objectives, null)).map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ACTIONS_INTERACTIVE_LAYER_IDS) expect(ids).toContain(id);
  });

  it('selects nothing when no id is selected', () => {
    expect(selectedFilter(null)).toEqual(['==', ['get', 'id'], '\u0000']);
  });
});
