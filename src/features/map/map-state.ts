/**
 * Shared state of the map page: which overlay layers are shown, which QPV or street is selected (and the click
 * route that selects them), whether the user opted in to the online basemap, and the progress of the 300 m band.
 * The map view declares its layers from this state (src/features/map/base-layers.tsx). Selection:
 * `selectQpv(code)` / `selectStreet(id)` (null to clear); the map outlines the selection and `QpvDetails`
 * describes the selected QPV. To move the camera, see src/features/map/map-controller.ts.
 */
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { decodeLayers, encodeLayers, LAYER_KEYS, type LayerKey } from '../../domain/permalink.ts';
import { createStore, useStore } from '../../lib/create-store.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';
import { INTERACTIVE_LAYERS, OVERLAY_LAYER } from '../../map/ids.ts';
import type { ClickRoute } from './map-clicks.ts';

export interface MapUiState {
  /** Overlay layers shown (permalink `couches`). */
  layers: readonly LayerKey[];
  selectedQpv: string | null;
  selectedStreet: string | null;
  /** OpenStreetMap France raster tiles: an explicit choice each session, never from the URL. */
  onlineBasemap: boolean;
}

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

/** Selects the street or QPV among the features under a click; a click on neither clears the QPV selection. */
function selectFrom(features: readonly MapGeoJSONFeature[]): void {
  const street = features.find((feature) => feature.layer.id === OVERLAY_LAYER.street);
  const qpv = features.find((feature) => feature.layer.id === OVERLAY_LAYER.qpvFill);
  if (street && typeof street.properties.id === 'string') selectStreet(street.properties.id);
  if (qpv && typeof qpv.properties.code === 'string') selectQpv(qpv.properties.code);
  else if (!street) selectQpv(null);
}

/** The map page's click route in navigation mode: the QPV (and Saint-Pierre street) under the click. */
export const SELECT_QPV_OR_STREET: ClickRoute = {
  mode: 'navigation',
  layers: INTERACTIVE_LAYERS,
  evenWithoutHit: true,
  handle: (_click, hits) => selectFrom(hits),
};

/** Progress of the lazily computed 300 m band, shown next to its toggle. */
export type VatBandStatus = 'absent' | 'calcul' | 'pret' | 'erreur';
export const vatBandStatusStore = createStore<VatBandStatus>('absent');
