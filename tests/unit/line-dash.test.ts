// Every dashed line of the app reads its dash per feature, so MapLibre draws them all with one shader program
// (src/map/line-dash.ts, issue 10). The truth is MapLibre's own style specification: a per-feature (« source »)
// expression, never a constant folded into a uniform.
import { readFileSync } from 'node:fs';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { makeActionsLayers } from '../../src/map/actions-layers.ts';
import { basemapLayers } from '../../src/map/basemap-style.ts';
import { dashPerFeature } from '../../src/map/line-dash.ts';
import { overlayLayers } from '../../src/map/overlay-layers.ts';
import { planningLayers } from '../../src/map/planning-layers.ts';
import { makeStreetSidesLayers, makeVerdictStreetLayers } from '../../src/map/verdict-layers.ts';

const objectives = JSON.parse(readFileSync('data/objectives.json', 'utf8')).objectifs;
/** MapLibre's specification of `line-dasharray` (read when used: the module's export is filled late). */
const dashSpec = () =>
  (latest as unknown as { paint_line: Record<string, unknown> }).paint_line['line-dasharray'] as never;

function kindOf(value: unknown): string {
  const parsed = createPropertyExpression(value, 'line-dasharray', dashSpec());
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.kind;
}

describe('dashed lines', () => {
  it('dashPerFeature is a per-feature expression that evaluates to its pattern', () => {
    expect(kindOf(dashPerFeature([4, 2]))).toBe('source');
    expect(kindOf(['literal', [4, 2]])).toBe('constant');
    const parsed = createPropertyExpression(dashPerFeature([4, 2]), 'line-dasharray', dashSpec());
    if (parsed.result !== 'success') throw new Error('expression refusée');
    const feature = (properties: Record<string, unknown>) => ({ type: 2 as const, properties, geometry: [] });
    for (const properties of [{ nom: 'Croix' }, {}])
      expect(parsed.value.evaluate({ zoom: 15 }, feature(properties) as never)).toEqual([4, 2]);
  });

  it('every line-dasharray of the app is read per feature', () => {
    const layers: LayerSpecification[] = [
      ...basemapLayers(),
      ...overlayLayers(),
      ...Object.values(planningLayers()),
      ...makeVerdictStreetLayers('limite'),
      ...makeStreetSidesLayers('Noto Sans Medium'),
      ...Object.values(makeActionsLayers(objectives, null)),
    ];
    const dashed = layers.filter(
      (layer) => layer.type === 'line' && layer.paint?.['line-dasharray'] !== undefined,
    );
    // The commune limits, the 300 m band, the selected QPV, the streets, the answered street, IRIS, walking access,
    // parks, the actions' outlines and lines at least.
    expect(dashed.length).toBeGreaterThanOrEqual(10);
    for (const layer of dashed)
      expect(kindOf((layer as { paint: Record<string, unknown> }).paint['line-dasharray']), layer.id).toBe(
        'source',
      );
  });
});
