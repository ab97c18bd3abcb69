/**
 * One click dispatcher per map. Features register what a click means for them (a `ClickRoute`: in which map
 * mode, on which layers); the map has a single `onClick` (and Enter / Escape on its canvas) that gives each
 * click to the first route that wants it, highest priority first. Only one tool owns the pointer at a time
 * (src/features/map/map-mode.ts), so a route answers in one mode only.
 *
 * ```tsx
 * useMapClick(MAP_ID.main, useMemo(() => ({
 *   mode: 'navigation', layers: ACTIONS_INTERACTIVE_LAYER_IDS, tolerance: 6, priority: 10,
 *   handle: (_click, hits) => selectAction(hits[0]),
 * }), []));
 * ```
 */
import type { MapGeoJSONFeature, Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import type { MapLayerMouseEvent } from 'react-map-gl/maplibre';
import { createStore, useStore } from '../../lib/create-store.ts';
import { type MapMode, mapModeStore } from './map-mode.ts';

/** The app's maps: the map page's and the file check's. */
export const MAP_ID = { main: 'carte', fileCheck: 'carte-fichier' } as const;
export type MapId = (typeof MAP_ID)[keyof typeof MAP_ID];

export interface MapClick {
  map: MaplibreMap;
  lngLat: [number, number];
  point: { x: number; y: number };
  /** Features of the registered layers right under the point. */
  features: readonly MapGeoJSONFeature[];
}

export interface ClickRoute {
  /** The map mode in which this route answers. */
  mode: MapMode;
  /** Layers the route answers on; omitted, it takes every click of its mode. */
  layers?: readonly string[];
  /** Pixels around the point that still hit its layers (fingers are imprecise); 0 by default. */
  tolerance?: number;
  /** With `layers`, still called when nothing of them is hit (e.g. to clear a selection); `hits` is then empty. */
  evenWithoutHit?: boolean;
  /** Higher first; 0 by default. */
  priority?: number;
  /** Cursor over the map while the route's mode is on (e.g. `crosshair` for placing a point). */
  cursor?: string;
  handle(click: MapClick, hits: readonly MapGeoJSONFeature[]): void;
  /** Escape on the focused map while the route's mode is on. */
  cancel?(): void;
}

const routesStore = createStore<Readonly<Record<string, readonly ClickRoute[]>>>({});

/** Registers a route while the calling component is mounted (`null`: none). Memoize the route. */
export function useMapClick(mapId: MapId, route: ClickRoute | null): void {
  useEffect(() => {
    if (!route) return;
    routesStore.set((all) => ({ ...all, [mapId]: [...(all[mapId] ?? []), route] }));
    return () =>
      routesStore.set((all) => ({ ...all, [mapId]: (all[mapId] ?? []).filter((entry) => entry !== route) }));
  }, [mapId, route]);
}

/** The routes of a map for a mode, highest priority first. */
export function routesFor(mapId: string, mode: MapMode): ClickRoute[] {
  return (routesStore.get()[mapId] ?? [])
    .filter((route) => route.mode === mode)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}

function hitsOf(click: MapClick, route: ClickRoute): MapGeoJSONFeature[] {
  const layers = (route.layers ?? []).filter((id) => click.map.getLayer(id));
  if (layers.length === 0) return [];
  const tolerance = route.tolerance ?? 0;
  if (tolerance === 0) return click.features.filter((feature) => layers.includes(feature.layer.id));
  const { x, y } = click.point;
  return click.map.queryRenderedFeatures(
    [
      [x - tolerance, y - tolerance],
      [x + tolerance, y + tolerance],
    ],
    { layers },
  );
}

/** Gives a click to the first route of the current mode that takes it; true when one did. */
export function dispatchMapClick(mapId: string, click: MapClick): boolean {
  for (const route of routesFor(mapId, mapModeStore.get())) {
    if (!route.layers) {
      route.handle(click, []);
      return true;
    }
    const hits = hitsOf(click, route);
    if (hits.length > 0 || route.evenWithoutHit) {
      route.handle(click, hits);
      return true;
    }
  }
  return false;
}

/** Escape: the current mode's tool gives up (its `cancel`). */
export function dispatchMapCancel(mapId: string): void {
  for (const route of routesFor(mapId, mapModeStore.get())) route.cancel?.();
}

/** A react-map-gl click (its `features` are those of `interactiveLayerIds`) as the dispatcher reads it. */
export function clickOf(event: MapLayerMouseEvent): MapClick {
  return {
    map: event.target,
    lngLat: [event.lngLat.lng, event.lngLat.lat],
    point: { x: event.point.x, y: event.point.y },
    features: event.features ?? [],
  };
}

/** The layers a map must report features of (react-map-gl `interactiveLayerIds`), and the cursor of the mode. */
export function useClickTargets(mapId: string): {
  interactiveLayerIds: string[];
  cursor: string | undefined;
} {
  const routes = useStore(routesStore)[mapId];
  const mode = useStore(mapModeStore);
  const interactiveLayerIds = useMemo(
    () => [...new Set((routes ?? []).flatMap((route) => route.layers ?? []))],
    [routes],
  );
  const cursor = (routes ?? []).find((route) => route.mode === mode && route.cursor)?.cursor;
  return { interactiveLayerIds, cursor };
}

/**
 * Keyboard users: Enter on the focused map is a click at its centre (describes the QPV there, places the home
 * there…), Escape cancels the current tool. Arrow keys move the map (MapLibre's own keyboard handler).
 */
export function useMapKeyboard(mapId: string, map: MaplibreMap | null, layers: readonly string[]): void {
  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatchMapCancel(mapId);
      if (event.key !== 'Enter') return;
      const centre = map.getCenter();
      const point = map.project(centre);
      const existing = layers.filter((id) => map.getLayer(id));
      const features = existing.length > 0 ? map.queryRenderedFeatures(point, { layers: existing }) : [];
      dispatchMapClick(mapId, {
        map,
        lngLat: [centre.lng, centre.lat],
        point: { x: point.x, y: point.y },
        features,
      });
    };
    canvas.addEventListener('keydown', onKey);
    return () => canvas.removeEventListener('keydown', onKey);
  }, [mapId, map, layers]);
}
