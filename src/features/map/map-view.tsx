/**
 * The map: `BaseMap` is the offline basemap + QPV and Saint-Pierre layers with the one click dispatcher
 * (reused by the file-check page); `MapView` (default export, lazy-loaded by the map page) adds the panels' state
 * (layer toggles, selection, online basemap, 300 m band), the permalink of the view, the map controller, and the
 * layers of the verdict, actions and planning features. Every source and layer is a react-map-gl `<Source>` /
 * `<Layer>`. MapLibre is only imported from here, through src/features/map/maplibre-setup.ts, so it stays out of
 * the initial chunk.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  AttributionControl,
  FullscreenControl,
  Map as MapGl,
  type MapLayerMouseEvent,
  NavigationControl,
  ScaleControl,
  type ViewState,
  type ViewStateChangeEvent,
} from 'react-map-gl/maplibre';
import { coarsenView, DEFAULT_LAYERS, DEFAULT_VIEW, decodeView, encodeView } from '../../domain/permalink.ts';
import { SHOWN_MARKS } from '../../io/register-sw.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';
import { buildMapStyle, MAX_ZOOM, MIN_ZOOM } from '../../map/basemap-style.ts';
import { BASEMAP_LAYER, OVERLAY_LAYER } from '../../map/ids.ts';
import { MAP_LOCALE_FR } from '../../map/locale-fr.ts';
import { ActionsLayers } from '../actions/actions-layers.tsx';
import { PlanningLayers } from '../planning/planning-layers.tsx';
import { VerdictLayers } from '../search/verdict-layers.tsx';
import { verdictStore } from '../search/verdict-state.ts';
import { useBaseMapData } from './base-data.ts';
import { BasemapLayers, OverlayLayers, type OverlayState } from './base-layers.tsx';
import {
  clickOf,
  dispatchMapClick,
  MAP_ID,
  type MapId,
  useClickTargets,
  useMapClick,
  useMapKeyboard,
} from './map-clicks.ts';
import { mapController } from './map-controller.ts';
import { addMapImages, useMapImages } from './map-images.ts';
import { SELECT_QPV_OR_STREET, useMapState } from './map-state.ts';
import { maplibregl } from './maplibre-setup.ts';
import { exposeMapForTests, exposeMapIdleForTests } from './test-hooks.ts';
import { useVatBand } from './vat-band.ts';
import './map-view.css';

const DEFAULT_OVERLAYS: OverlayState = { layers: DEFAULT_LAYERS, selectedQpv: null, selectedStreet: null };

export interface BaseMapProps {
  id: MapId;
  initialViewState?: Partial<ViewState>;
  children?: ReactNode;
  onMoveEnd?: (event: ViewStateChangeEvent) => void;
  /** The MapLibre instance once the style is loaded. */
  onMapReady?: (map: MaplibreMap) => void;
  /** Layer toggles and selection (the map page's panels); the defaults otherwise. */
  overlays?: OverlayState;
  online?: boolean;
  vatBand?: GeoJSON.FeatureCollection | null;
}

/** The offline basemap with the QPV and Saint-Pierre layers; data comes from `data/` via the loader. */
export function BaseMap(props: BaseMapProps) {
  const { id, onMapReady } = props;
  const [map, setMap] = useState<MaplibreMap | null>(null);
  const base = useMemo(
    () => new URL(import.meta.env.BASE_URL, window.location.origin).href.replace(/\/$/, ''),
    [],
  );
  const style = useMemo(() => buildMapStyle({ glyphsBase: base }), [base]);
  const data = useBaseMapData();
  const { interactiveLayerIds, cursor } = useClickTargets(id);
  useMapImages(map);
  useMapKeyboard(id, map, interactiveLayerIds);

  const handleLoad = useCallback(
    (event: { target: MaplibreMap }) => {
      exposeMapForTests(event.target);
      setMap(event.target);
      onMapReady?.(event.target);
    },
    [onMapReady],
  );
  const handleClick = useCallback((event: MapLayerMouseEvent) => dispatchMapClick(id, clickOf(event)), [id]);
  const handleStyleData = useCallback((event: { target: MaplibreMap }) => addMapImages(event.target), []);

  // The first idle once every source has its data is a complete first frame (benchmarks, e2e tests).
  useEffect(() => {
    if (!map || !data.ready) return;
    const markIdle = () => {
      // The `<Source>`s are added on the style's `styledata`: wait for an idle that follows them.
      if (!map.getLayer(OVERLAY_LAYER.street) || !map.getLayer(BASEMAP_LAYER.communeFill)) {
        map.once('idle', markIdle);
        // An idle must follow even if nothing else changes on the map.
        map.triggerRepaint();
        return;
      }
      exposeMapIdleForTests();
      if (performance.getEntriesByName(SHOWN_MARKS.map, 'mark').length === 0)
        performance.mark(SHOWN_MARKS.map);
    };
    // The map may already be idle when this runs (nothing left to draw): no further `idle` would come.
    if (map.loaded()) markIdle();
    else map.once('idle', markIdle);
    return () => {
      map.off('idle', markIdle);
    };
  }, [map, data.ready]);

  return (
    <div className="base-map">
      <MapGl
        id={id}
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
        interactiveLayerIds={interactiveLayerIds}
        cursor={cursor}
        onClick={handleClick}
        onMoveEnd={props.onMoveEnd}
        onLoad={handleLoad}
        onStyleData={handleStyleData}
        dragRotate={false}
        pitchWithRotate={false}
        touchPitch={false}
        style={{ position: 'absolute', inset: 0 }}
      >
        <NavigationControl position="top-right" showCompass={false} />
        <FullscreenControl position="top-right" />
        <ScaleControl position="bottom-left" unit="metric" maxWidth={120} />
        <AttributionControl position="bottom-right" compact={false} />
        <BasemapLayers base={base} data={data} online={props.online ?? false} />
        <OverlayLayers
          base={base}
          data={data}
          state={props.overlays ?? DEFAULT_OVERLAYS}
          vatBand={props.vatBand ?? null}
          online={props.online ?? false}
        />
        {props.children}
      </MapGl>
      {data.error ? (
        <p className="map-error" role="alert">
          {data.error}
        </p>
      ) : null}
    </div>
  );
}

function initialView(): Partial<ViewState> {
  const view = decodeView(readParam('carte')) ?? DEFAULT_VIEW;
  return { longitude: view.lon, latitude: view.lat, zoom: view.zoom };
}

export default function MapView() {
  const [map, setMap] = useState<MaplibreMap | null>(null);
  const initial = useRef(initialView()).current;
  const state = useMapState();
  const vatBand = useVatBand(state.layers.includes('bande300'));
  useMapClick(MAP_ID.main, SELECT_QPV_OR_STREET);
  useEffect(() => (map ? mapController.attach(map) : undefined), [map]);

  const handleMoveEnd = useCallback((event: ViewStateChangeEvent) => {
    const { longitude, latitude, zoom } = event.viewState;
    const view = { lon: longitude, lat: latitude, zoom };
    // While an answer is shown the camera sits on the home: only a coarse view enters the URL (issue 15, D13).
    replaceParams({ carte: encodeView(verdictStore.get().check ? coarsenView(view) : view) });
  }, []);

  return (
    <BaseMap
      id={MAP_ID.main}
      initialViewState={initial}
      onMoveEnd={handleMoveEnd}
      onMapReady={setMap}
      overlays={state}
      online={state.onlineBasemap}
      vatBand={vatBand}
    >
      <PlanningLayers />
      <VerdictLayers />
      <ActionsLayers />
    </BaseMap>
  );
}
