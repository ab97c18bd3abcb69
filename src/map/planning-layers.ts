/**
 * Layers of the planner view « Verdir et aérer Saint-Pierre » (issue 12): parks and gardens (counted by the OMS
 * criteria or not: solid outline and denser fill vs dashed outline and light fill, not colour alone), walking-access
 * areas (dotted outline), IRIS shaded by their share inside QN05980M (with a label giving the share), and the
 * France services points (lettered circles). Ids as constants; specs validated by tests/unit/planning-layers.test.ts.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { FONT } from './ids.ts';
import { dashPerFeature } from './line-dash.ts';

export const PLANNING_SOURCE = {
  parks: 'amenagement-parcs',
  access: 'amenagement-acces',
  iris: 'amenagement-iris',
  franceServices: 'amenagement-france-services',
} as const;

export const PLANNING_LAYER = {
  irisFill: 'amenagement-iris-surface',
  irisLine: 'amenagement-iris-limite',
  irisLabel: 'amenagement-iris-noms',
  accessLine: 'amenagement-acces-limite',
  parksFill: 'amenagement-parcs-surface',
  parksLine: 'amenagement-parcs-limite',
  parksPoint: 'amenagement-parcs-points',
  franceServices: 'amenagement-france-services-points',
  franceServicesLabel: 'amenagement-france-services-lettres',
} as const;

/** The planner's layer toggles and the map layers each one shows. */
export const PLANNING_TOGGLES = ['parcs', 'acces', 'iris', 'franceServices'] as const;
export type PlanningToggle = (typeof PLANNING_TOGGLES)[number];
export const PLANNING_GROUPS: Record<PlanningToggle, readonly string[]> = {
  parcs: [PLANNING_LAYER.parksFill, PLANNING_LAYER.parksLine, PLANNING_LAYER.parksPoint],
  acces: [PLANNING_LAYER.accessLine],
  iris: [PLANNING_LAYER.irisFill, PLANNING_LAYER.irisLine, PLANNING_LAYER.irisLabel],
  franceServices: [PLANNING_LAYER.franceServices, PLANNING_LAYER.franceServicesLabel],
};

export const PLANNING_COLOR = {
  parkOms: '#1b7837',
  parkOther: '#5aae61',
  parkLine: '#00441b',
  access: '#6a3d9a',
  iris: '#b35806',
  irisLine: '#7f3b08',
  franceServices: '#0b4f6c',
} as const;

const isOms: ExpressionSpecification = ['==', ['get', 'oms'], true];
const polygons: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];

export function planningLayers(): {
  irisFill: FillLayerSpecification;
  irisLine: LineLayerSpecification;
  irisLabel: SymbolLayerSpecification;
  accessLine: LineLayerSpecification;
  parksFill: FillLayerSpecification;
  parksLine: LineLayerSpecification;
  parksPoint: CircleLayerSpecification;
  franceServices: CircleLayerSpecification;
  franceServicesLabel: SymbolLayerSpecification;
} {
  return {
    irisFill: {
      id: PLANNING_LAYER.irisFill,
      type: 'fill',
      source: PLANNING_SOURCE.iris,
      paint: {
        'fill-color': PLANNING_COLOR.iris,
        'fill-opacity': ['interpolate', ['linear'], ['get', 'qpv_share'], 0, 0, 0.01, 0.06, 1, 0.25],
      },
    },
    irisLine: {
      id: PLANNING_LAYER.irisLine,
      type: 'line',
      source: PLANNING_SOURCE.iris,
      paint: {
        'line-color': PLANNING_COLOR.irisLine,
        'line-width': 1,
        'line-dasharray': dashPerFeature([4, 2]),
      },
    },
    irisLabel: {
      id: PLANNING_LAYER.irisLabel,
      type: 'symbol',
      source: PLANNING_SOURCE.iris,
      minzoom: 13,
      filter: ['>', ['get', 'qpv_share'], 0],
      layout: {
        'text-field': [
          'concat',
          ['get', 'nom'],
          '\n',
          ['to-string', ['round', ['*', 100, ['get', 'qpv_share']]]],
          ' % dans le QPV',
        ],
        'text-font': [FONT.medium],
        'text-size': 11,
        'text-max-width': 10,
        'text-padding': 8,
      },
      paint: { 'text-color': PLANNING_COLOR.irisLine, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    accessLine: {
      id: PLANNING_LAYER.accessLine,
      type: 'line',
      source: PLANNING_SOURCE.access,
      paint: {
        'line-color': PLANNING_COLOR.access,
        'line-width': 1.5,
        'line-opacity': 0.7,
        'line-dasharray': dashPerFeature([1, 2]),
      },
    },
    parksFill: {
      id: PLANNING_LAYER.parksFill,
      type: 'fill',
      source: PLANNING_SOURCE.parks,
      filter: polygons,
      paint: {
        'fill-color': ['case', isOms, PLANNING_COLOR.parkOms, PLANNING_COLOR.parkOther],
        'fill-opacity': ['case', isOms, 0.55, 0.25],
      },
    },
    parksLine: {
      id: PLANNING_LAYER.parksLine,
      type: 'line',
      source: PLANNING_SOURCE.parks,
      filter: polygons,
      paint: {
        'line-color': PLANNING_COLOR.parkLine,
        'line-width': ['case', isOms, 2, 1.5],
        'line-dasharray': ['case', isOms, ['literal', [1, 0]], ['literal', [3, 2]]],
      },
    },
    parksPoint: {
      id: PLANNING_LAYER.parksPoint,
      type: 'circle',
      source: PLANNING_SOURCE.parks,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': ['case', isOms, PLANNING_COLOR.parkOms, '#ffffff'],
        'circle-stroke-color': PLANNING_COLOR.parkLine,
        'circle-stroke-width': 2,
      },
    },
    franceServices: {
      id: PLANNING_LAYER.franceServices,
      type: 'circle',
      source: PLANNING_SOURCE.franceServices,
      paint: {
        'circle-radius': 10,
        'circle-color': PLANNING_COLOR.franceServices,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    franceServicesLabel: {
      id: PLANNING_LAYER.franceServicesLabel,
      type: 'symbol',
      source: PLANNING_SOURCE.franceServices,
      layout: {
        'text-field': 'FS',
        'text-font': [FONT.medium],
        'text-size': 10,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
  };
}
