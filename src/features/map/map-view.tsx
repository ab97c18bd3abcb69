/**
 * The map: `BaseMap` is the offline basemap + QPV and Saint-Pierre layers (reused by the file-check page);
 * `MapView` (default export, lazy-loaded by the map page) adds selection, layer toggles, the permalink of the
 * view, and the layers of the verdict and actions features. MapLibre is only imported from here, through
 * src/features/map/maplibre-setup.ts, so it stays out of the initial chunk.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  AttributionControl,
  FullscreenControl,
  type MapGeoJSONFeature,
  Map as MapGl,
  type MapLayerMouseEvent,
  NavigationControl,
  ScaleControl,
  type ViewState,
  type ViewStateChangeEvent,
} from 'react-map-gl/maplibre';
import { coarsenView, DEFAULT_VIEW, decodeView, encodeView } from '../../domain/permalink.ts';
import { SHOWN_MARKS } from '../../io/register-sw.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';
import { ACTIONS_INTERACTIVE_LAYER_IDS } from '../../map/actions-layers.ts';
import { buildMapStyle, MAX_ZOOM, MIN_ZOOM } from '../../map/basemap-style.ts';
import { INTERACTIVE_LAYERS, OVERLAY_LAYER } from '../../map/ids.ts';
import { MAP_LOCALE_FR } from '../../map/locale-fr.ts';
import { ActionsLayers } from '../actions/actions-layers.tsx';
import { PlanningLayers } from '../planning/planning-layers.tsx';
import { VerdictLayers } from '../search/verdict-layers.tsx';
import { verdictStore } from '../search/verdict-state.ts';
import { useMapData } from './map-data-sync.ts';
import { mapModeStore } from './map-mode.ts';
import { selectQpv, selectStreet } from './map-state.ts';
import { useMapSync } from './map-sync.ts';
import { maplibregl } from './maplibre-setup.ts';
import { exposeMapForTests, exposeMapIdleForTests } from './test-hooks.ts';
import './map-view.css';

export interface BaseMapProps {
  id: string;
  initialViewState?: Partial<ViewState>;
  children?: ReactNode;
  interactiveLayerIds?: string[];
  onClick?: (event: MapLayerMouseEvent) => void;
  onMoveEnd?: (event: ViewStateChangeEvent) => void;
  cursor?: string;
  /** The MapLibre instance once the style is loaded (sources exist and can be filled). */
  onMapReady?: (map: MaplibreMap) => void;
}

/** The offline basemap with the QPV and Saint-Pierre layers; data comes from `data/` via the loader. */
export function BaseMap(props: BaseMapProps) {
  const { onMapReady } = props;
  const [map, setMap] = useState<MaplibreMap | null>(null);
  const style = useMemo(
    () => buildMapStyle({ glyphsBase: new URL(import.meta.env.BASE_URL, window.location.origin).href }),
    [],
  );
  const { ready, error } = useMapData(map);

  const handleLoad = useCallback(
    (event: { target: MaplibreMap }) => {
      const instance = event.target;
      exposeMapForTests(instance);
      setMap(instance);
      onMapReady?.(instance);
    },
    [onMapReady],
  );

  // Test and benchmark hook: the first idle once every source has its data is a complete first frame.
  useEffect(() => {
    if (!map || !ready) return;
    const markIdle = () => {
      exposeMapIdleForTests();
      if (performance.getEntriesByName(SHOWN_MARKS.map, 'mark').length === 0)
        performance.mark(SHOWN_MARKS.map);
    };
    map.once('idle', markIdle);
    return () => {
      map.off('idle', markIdle);
    };
  }, [map, ready]);

  return (
    <div className="base-map">
      <MapGl
        id={props.id}
        mapLib={maplibregl}
        mapStyle={style}
        initialViewState={
          props.initialViewState ?? {
            longitude: DEFAULT_VIEW.lon,
            latitude: DEFAULT_VIEW.lat,
            zoom: DEFAULT_VIEW.zoom,
          }
        }
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        locale={MAP_LOCALE_FR}
        attributionControl={false}
        interactiveLayerIds={props.interactiveLayerIds}
        cursor={props.cursor}
        onClick={props.onClick}
        onMoveEnd={props.onMoveEnd}
        onLoad={handleLoad}
        dragRotate={false}
        pitchWithRotate={false}
        touchPitch={false}
        style={{ position: 'absolute', inset: 0 }}
      >
        <NavigationControl position="top-right" showCompass={false} />
        <FullscreenControl position="top-right" />
        <ScaleControl position="bottom-left" unit="metric" maxWidth={120} />
        <AttributionControl position="bottom-right" compact={false} />
        {props.children}
      </MapGl>
      {error ? (
        <p className="map-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function initialView(): Partial<ViewState> {
  const view = decodeView(readParam('carte')) ?? DEFAULT_VIEW;
  return { longitude: view.lon, latitude: view.lat, zoom: view.zoom };
}

/** Selects the street or QPV among the features under a click (or under the centre, with the keyboard). */
function selectFrom(features: readonly MapGeoJSONFeature[]): boolean {
  const street = features.find((feature) => feature.layer.id === OVERLAY_LAYER.street);
  const qpv = features.find((feature) => feature.layer.id === OVERLAY_LAYER.qpvFill);
  if (street && typeof street.properties.id === 'string') selectStreet(street.properties.id);
  if (qpv && typeof qpv.properties.code === 'string') selectQpv(qpv.properties.code);
  else if (!street) selectQpv(null);
  return Boolean(street || qpv);
}

export default function MapView() {
  const [map, setMap] = useState<MaplibreMap | null>(null);
  const initial = useRef(initialView()).current;
  useMapSync(map);

  const handleClick = useCallback((event: MapLayerMouseEvent) => {
    if (mapModeStore.get() !== 'navigation') return;
    // A click on an action marker belongs to the actions panel (its own handler opens the detail):
    // do not also open the QPV card underneath it.
    const actionLayers = ACTIONS_INTERACTIVE_LAYER_IDS.filter((id) => event.target.getLayer(id));
    if (
      actionLayers.length > 0 &&
      event.target.queryRenderedFeatures(event.point, { layers: actionLayers }).length > 0
    )
      return;
    selectFrom(event.features ?? []);
  }, []);

  const handleMoveEnd = useCallback((event: ViewStateChangeEvent) => {
    const { longitude, latitude, zoom } = event.viewState;
    const view = { lon: longitude, lat: latitude, zoom };
    // While an answer is shown the camera sits on the home: only a coarse view enters the URL (issue 15, D13).
    replaceParams({ carte: encodeView(verdictStore.get().check ? coarsenView(view) : view) });
  }, []);

  // Keyboard users: Enter on the focused map describes the QPV (or street) at its centre.
  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || mapModeStore.get() !== 'navigation') return;
      const centre = map.project(map.getCenter());
      selectFrom(map.queryRenderedFeatures(centre, { layers: INTERACTIVE_LAYERS }));
    };
    canvas.addEventListener('keydown', onKey);
    return () => canvas.removeEventListener('keydown', onKey);
  }, [map]);

  return (
    <BaseMap
      id="carte"
      initialViewState={initial}
      interactiveLayerIds={INTERACTIVE_LAYERS}
      onClick={handleClick}
      onMoveEnd={handleMoveEnd}
      onMapReady={setMap}
    >
      <PlanningLayers />
      <VerdictLayers />
      <ActionsLayers />
    </BaseMap>
  );
}
