/**
 * The contract's actions on the map, coloured and lettered by objective, rendered inside `<Map id="carte">`.
 * The features come from the same filtered array as the list in the side panel (useFilteredActions), so the
 * map and its text equivalent always agree. Also wires the map-side services the panel needs: click to select,
 * zoom to an action, PNG capture, and the drawing tool of the editor (ActionsDraw).
 */
import type { MapGeoJSONFeature, Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import { actionBounds } from '../../domain/actions/bounds.ts';
import { actionLabelPoints } from '../../domain/actions/label-points.ts';
import { prefersReducedMotion } from '../../lib/reduced-motion.ts';
import {
  ACTIONS_ANCHOR_SOURCE_ID,
  ACTIONS_INTERACTIVE_LAYER_IDS,
  ACTIONS_SOURCE_ID,
  makeActionsLayers,
} from '../../map/actions-layers.ts';
import { bringMapIntoView } from '../map/map-into-view.ts';
import { mapModeStore } from '../map/map-mode.ts';
import { ActionsDraw } from './actions-draw.tsx';
import {
  ensureActionsLoaded,
  mapBridgeStore,
  selectedActionStore,
  useActionsData,
  useFilteredActions,
  useSelectedAction,
} from './actions-state.ts';

/** Pixels around a tap that still select an action (fingers are imprecise). */
const TAP_TOLERANCE_PX = 6;

/** Copies the map canvas while its drawing buffer is still valid, inside a `render` event. */
function captureCanvas(map: MaplibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const context = copy.getContext('2d');
        if (!context) throw new Error('Canvas 2D indisponible');
        context.drawImage(source, 0, 0);
        resolve(copy);
      } catch (error) {
        reject(error);
      }
    });
    map.triggerRepaint();
  });
}

function useMapServices(map: MaplibreMap | undefined): void {
  useEffect(() => {
    if (!map) return;
    mapBridgeStore.set({
      capture: async (minWidth = 0) => {
        // Print quality: draw the map at a higher pixel ratio for the capture (≥ minWidth device pixels), then
        // restore the screen's.
        const previous = map.getPixelRatio();
        const ratio = Math.max(previous, minWidth / map.getCanvas().clientWidth);
        if (ratio === previous) return captureCanvas(map);
        map.setPixelRatio(ratio);
        try {
          await new Promise<void>((resolve) => map.once('idle', () => resolve()));
          return await captureCanvas(map);
        } finally {
          map.setPixelRatio(previous);
        }
      },
      view: () => ({
        lat: map.getCenter().lat,
        zoom: map.getZoom(),
        cssWidth: map.getCanvas().clientWidth,
      }),
      center: () => {
        const { lng, lat } = map.getCenter();
        return [lng, lat];
      },
      focus: (action) => {
        bringMapIntoView();
        const duration = prefersReducedMotion() ? 0 : 600;
        if (action.geometry.type === 'Point') {
          const [lng, lat] = action.geometry.coordinates;
          map.easeTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 17), duration });
        } else {
          map.fitBounds(actionBounds(action.geometry), { padding: 60, maxZoom: 18, duration });
        }
      },
    });
    const onClick = (event: MapMouseEvent) => {
      if (mapModeStore.get() !== 'navigation') return;
      const layers = ACTIONS_INTERACTIVE_LAYER_IDS.filter((id) => map.getLayer(id));
      if (layers.length === 0) return;
      const { x, y } = event.point;
      const hits: MapGeoJSONFeature[] = map.queryRenderedFeatures(
        [
          [x - TAP_TOLERANCE_PX, y - TAP_TOLERANCE_PX],
          [x + TAP_TOLERANCE_PX, y + TAP_TOLERANCE_PX],
        ],
        { layers },
      );
      const id = hits[0]?.properties.id;
      if (typeof id === 'string') selectedActionStore.set(id);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      mapBridgeStore.set({});
    };
  }, [map]);
}

export function ActionsLayers() {
  const { current } = useMap();
  const map = current?.getMap();
  const data = useActionsData();
  const actions = useFilteredActions();
  const selectedId = useSelectedAction();

  useEffect(() => {
    void ensureActionsLoaded();
  }, []);
  useMapServices(map);

  const objectives = data.status === 'pret' ? data.objectives.objectifs : null;
  const layers = useMemo(() => makeActionsLayers(objectives ?? [], selectedId), [objectives, selectedId]);
  const shapes = useMemo(() => ({ type: 'FeatureCollection' as const, features: actions }), [actions]);
  const anchors = useMemo(() => actionLabelPoints(actions), [actions]);

  if (!objectives) return <ActionsDraw />;
  return (
    <>
      <Source id={ACTIONS_SOURCE_ID} type="geojson" data={shapes}>
        <Layer {...layers.fill} />
        <Layer {...layers.outline} />
        <Layer {...layers.line} />
        <Layer {...layers.selectedShape} />
      </Source>
      <Source id={ACTIONS_ANCHOR_SOURCE_ID} type="geojson" data={anchors}>
        <Layer {...layers.selectedMarker} />
        <Layer {...layers.marker} />
        <Layer {...layers.letter} />
      </Source>
      <ActionsDraw />
    </>
  );
}
