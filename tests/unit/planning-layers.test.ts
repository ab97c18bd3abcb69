// The planner view's layer specs, validated against the MapLibre style spec, with unique ids that the toggles
// refer to (catches paint / expression typos and dangling ids).
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  PLANNING_GROUPS,
  PLANNING_LAYER,
  PLANNING_SOURCE,
  PLANNING_TOGGLES,
  planningLayers,
} from '../../src/map/planning-layers.ts';

const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

describe('planningLayers', () => {
  const layers = Object.values(planningLayers());

  it('is a valid style', () => {
    const style = {
      version: 8 as const,
      glyphs: 'http://localhost/fonts/{fontstack}/{range}.pbf',
      sources: Object.fromEntries(Object.values(PLANNING_SOURCE).map((id) => [id, empty])),
      layers,
    };
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('fails validation on a broken paint value (the check can fail)', () => {
    const broken = layers.map((layer) =>
      layer.id === PLANNING_LAYER.parksFill ? { ...layer, paint: { 'fill-opacity': 'beaucoup' } } : layer,
    );
    const style = {
      version: 8 as const,
      glyphs: 'http://localhost/fonts/{fontstack}/{range}.pbf',
      sources: Object.fromEntries(Object.values(PLANNING_SOURCE).map((id) => [id, empty])),
      layers: broken,
    };
    expect(validateStyleMin(style as never).length).toBeGreaterThan(0);
  });

  it('uses each id of PLANNING_LAYER once, and every toggle names existing layers', () => {
    const ids = layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.values(PLANNING_LAYER).sort());
    const grouped = PLANNING_TOGGLES.flatMap((toggle) => PLANNING_GROUPS[toggle]);
    expect([...grouped].sort()).toEqual([...ids].sort());
  });

  it('tells OMS parks from the others by the outline dash, not only by colour', () => {
    const dash = JSON.stringify(planningLayers().parksLine.paint?.['line-dasharray']);
    expect(dash).toContain('oms');
    expect(dash).toContain('[3,2]');
  });
});
