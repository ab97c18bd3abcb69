/**
 * The planner view's layers on the map (inside `<Map id="carte">`): parks, walking-access areas and IRIS under the
 * QPV outlines, France services and IRIS labels above the overlays (slots of src/map/ids.ts). Nothing is loaded
 * nor drawn until the planner opens the view.
 */
import { Layer, Source } from 'react-map-gl/maplibre';
import { SLOT } from '../../map/ids.ts';
import {
  PLANNING_GROUPS,
  PLANNING_SOURCE,
  PLANNING_TOGGLES,
  planningLayers,
} from '../../map/planning-layers.ts';
import { usePlanningData } from './planning-data.ts';
import { usePlanning } from './planning-state.ts';

const LAYERS = planningLayers();

export function PlanningLayers() {
  const { open, layers } = usePlanning();
  const loaded = usePlanningData(open);
  if (!open || loaded.state !== 'pret') return null;
  const { data } = loaded;
  const visibility = (id: string): 'visible' | 'none' =>
    PLANNING_TOGGLES.some((key) => layers.includes(key) && PLANNING_GROUPS[key].includes(id))
      ? 'visible'
      : 'none';
  const withVisibility = <T extends { id: string; layout?: object }>(layer: T): T => ({
    ...layer,
    layout: { ...layer.layout, visibility: visibility(layer.id) },
  });
  const before = SLOT.planningUnder;
  return (
    <>
      <Source id={PLANNING_SOURCE.iris} type="geojson" data={data.iris}>
        <Layer {...withVisibility(LAYERS.irisFill)} beforeId={before} />
        <Layer {...withVisibility(LAYERS.irisLine)} beforeId={before} />
      </Source>
      <Source id={PLANNING_SOURCE.access} type="geojson" data={data.access}>
        <Layer {...withVisibility(LAYERS.accessLine)} beforeId={before} />
      </Source>
      <Source id={PLANNING_SOURCE.parks} type="geojson" data={data.parks}>
        <Layer {...withVisibility(LAYERS.parksFill)} beforeId={before} />
        <Layer {...withVisibility(LAYERS.parksLine)} beforeId={before} />
        <Layer {...withVisibility(LAYERS.parksPoint)} beforeId={before} />
      </Source>
      <Source id={PLANNING_SOURCE.franceServices} type="geojson" data={data.franceServices}>
        <Layer {...withVisibility(LAYERS.franceServices)} beforeId={SLOT.planning} />
        <Layer {...withVisibility(LAYERS.franceServicesLabel)} beforeId={SLOT.planning} />
      </Source>
      {/* IRIS labels on top of everything but the France services, so the share stays readable. */}
      <Source id={`${PLANNING_SOURCE.iris}-noms`} type="geojson" data={data.iris}>
        <Layer
          {...withVisibility({ ...LAYERS.irisLabel, source: `${PLANNING_SOURCE.iris}-noms` })}
          beforeId={SLOT.planning}
        />
      </Source>
    </>
  );
}
