/**
 * The contract's actions on the map, coloured and lettered by objective, rendered inside `<Map id="carte">`.
 * The features come from the same filtered array as the list in the side panel (useFilteredActions), so the
 * map and its text equivalent always agree. A click or tap on an action selects it (a route of the map's click
 * dispatcher, before the QPV under it); the drawing tool of the editor is ActionsDraw.
 */
import { useEffect, useMemo } from 'react';
import { Layer, Source } from 'react-map-gl/maplibre';
import { actionLabelPoints } from '../../domain/actions/label-points.ts';
import {
  ACTIONS_ANCHOR_SOURCE_ID,
  ACTIONS_INTERACTIVE_LAYER_IDS,
  ACTIONS_SOURCE_ID,
  makeActionsLayers,
} from '../../map/actions-layers.ts';
import { SLOT } from '../../map/ids.ts';
import { type ClickRoute, MAP_ID, useMapClick } from '../map/map-clicks.ts';
import { ActionsDraw } from './actions-draw.tsx';
import {
  ensureActionsLoaded,
  selectedActionStore,
  useActionsData,
  useFilteredActions,
  useSelectedAction,
} from './actions-state.ts';

/** Pixels around a tap that still select an action (fingers are imprecise). */
const TAP_TOLERANCE_PX = 6;

/** Selecting an action wins over the QPV underneath (no QPV card opens behind the action's detail). */
const SELECT_ACTION: ClickRoute = {
  mode: 'navigation',
  layers: ACTIONS_INTERACTIVE_LAYER_IDS,
  tolerance: TAP_TOLERANCE_PX,
  priority: 10,
  handle(_click, hits) {
    const id = hits[0]?.properties.id;
    if (typeof id === 'string') selectedActionStore.set(id);
  },
};

export function ActionsLayers() {
  const data = useActionsData();
  const actions = useFilteredActions();
  const selectedId = useSelectedAction();

  useEffect(() => {
    void ensureActionsLoaded();
  }, []);
  useMapClick(MAP_ID.main, SELECT_ACTION);

  const objectives = data.status === 'pret' ? data.objectives.objectifs : null;
  const layers = useMemo(() => makeActionsLayers(objectives ?? [], selectedId), [objectives, selectedId]);
  const shapes = useMemo(() => ({ type: 'FeatureCollection' as const, features: actions }), [actions]);
  const anchors = useMemo(() => actionLabelPoints(actions), [actions]);

  // Nothing to draw (no action, or only the hidden examples): no source, so the default map neither parses nor
  // renders the two empty GeoJSON sources (issue 10).
  if (!objectives || actions.length === 0) return <ActionsDraw />;
  const below = SLOT.actions;
  return (
    <>
      <Source id={ACTIONS_SOURCE_ID} type="geojson" data={shapes}>
        <Layer {...layers.fill} beforeId={below} />
        <Layer {...layers.outline} beforeId={below} />
        <Layer {...layers.line} beforeId={below} />
        <Layer {...layers.selectedShape} beforeId={below} />
      </Source>
      <Source id={ACTIONS_ANCHOR_SOURCE_ID} type="geojson" data={anchors}>
        <Layer {...layers.selectedMarker} beforeId={below} />
        <Layer {...layers.marker} beforeId={below} />
        <Layer {...layers.letter} beforeId={below} />
      </Source>
      <ActionsDraw />
    </>
  );
}
