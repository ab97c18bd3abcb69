/**
 * Shared state of the map page: which overlay layers are shown, which QPV or street is selected, whether the
 * user opted in to the online basemap, and camera requests.
 *
 * Any feature can move the camera without holding the map instance:
 *
 * ```ts
 * import { requestFitBounds, requestFlyTo } from './map-state.ts';
 * requestFlyTo({ lon: 3.1545, lat: 50.6858 }, 17);      // centre on a point
 * requestFitBounds([3.15, 50.68, 3.16, 50.69]);          // show a bbox [w, s, e, n]
 * ```
 *
 * The map view executes each request once (animated, or instantly under `prefers-reduced-motion`). Requests made
 * before the map is loaded are kept and run when it is ready. Selection: `selectQpv(code)` / `selectStreet(id)`
 * (null to clear); the map outlines the selection and `QpvDetails` describes the selected QPV.
 */
import type { BBox } from '../../domain/data-types.ts';
import { decodeLayers, encodeLayers, LAYER_KEYS, type LayerKey } from '../../domain/permalink.ts';
import { createStore, useStore } from '../../lib/create-store.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';

export interface MapUiState {
  /** Overlay layers shown (permalink `couches`). */
  layers: readonly LayerKey[];
  selectedQpv: string | null;
  selectedStreet: string | null;
  /** OpenStreetMap France raster tiles: an explicit choice each session, never from the URL. */
  onlineBasemap: boolean;
}

export type CameraRequest =
  | { kind: 'fly'; id: number; center: { lon: number; lat: number }; zoom?: number }
  | { kind: 'fit'; id: number; bbox: BBox; maxZoom?: number };

function initialLayers(): LayerKey[] {
  return typeof window === 'undefined' ? decodeLayers(null) : decodeLayers(readParam('couches'));
}

export const mapState = createStore<MapUiState>({
  layers: initialLayers(),
  selectedQpv: null,
  selectedStreet: null,
  onlineBasemap: false,
});

export function useMapState(): MapUiState {
  return useStore(mapState);
}

/** Shows or hides an overlay layer and records the shown layers in the permalink (`couches`). */
export function setLayerVisible(key: LayerKey, visible: boolean): void {
  const current = new Set(mapState.get().layers);
  if (visible) current.add(key);
  else current.delete(key);
  const layers = LAYER_KEYS.filter((candidate) => current.has(candidate));
  // `replaceParams` drops empty values, and a missing `couches` means "default layers": write a word that
  // decodes to no layer at all.
  replaceParams({ couches: layers.length === 0 ? 'aucune' : encodeLayers(layers) });
  mapState.set((state) => ({ ...state, layers }));
}

export function selectQpv(code: string | null): void {
  mapState.set((state) => (state.selectedQpv === code ? state : { ...state, selectedQpv: code }));
}

export function selectStreet(id: string | null): void {
  mapState.set((state) => (state.selectedStreet === id ? state : { ...state, selectedStreet: id }));
}

export function setOnlineBasemap(on: boolean): void {
  mapState.set((state) => (state.onlineBasemap === on ? state : { ...state, onlineBasemap: on }));
}

let nextRequestId = 1;
/** The latest camera request; the map view runs each id once. */
export const cameraRequestStore = createStore<CameraRequest | null>(null);

export function requestFlyTo(center: { lon: number; lat: number }, zoom?: number): void {
  cameraRequestStore.set({
    kind: 'fly',
    id: nextRequestId++,
    center,
    ...(zoom === undefined ? {} : { zoom }),
  });
}

export function requestFitBounds(bbox: BBox, maxZoom?: number): void {
  cameraRequestStore.set({
    kind: 'fit',
    id: nextRequestId++,
    bbox,
    ...(maxZoom === undefined ? {} : { maxZoom }),
  });
}

/** Progress of the lazily computed 300 m band, shown next to its toggle. */
export type VatBandStatus = 'absent' | 'calcul' | 'pret' | 'erreur';
export const vatBandStatusStore = createStore<VatBandStatus>('absent');
