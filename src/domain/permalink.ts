/**
 * Pure encoding of the map's permalink parameters: `carte=<zoom>/<lat>/<lon>` (the order of MapLibre's own
 * `hash` option and of openstreetmap.org) and `couches=<key>,<key>` (the overlay layers shown). Decoding never
 * throws: a malformed or out-of-range value gives `null`, and the app falls back to its default view.
 * The online basemap is deliberately not part of the permalink: opening a shared link must never contact a third
 * party without the user's own explicit choice.
 */

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

/** The user-facing overlay layers, in legend order. */
export const LAYER_KEYS = ['qpv', 'rues', 'bande300'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Layers shown when the URL says nothing: the perimeters and the streets; the 300 m band is opt-in. */
export const DEFAULT_LAYERS: readonly LayerKey[] = ['qpv', 'rues'];

/** Croix, Saint-Pierre quartier: where the map opens. */
export const DEFAULT_VIEW: MapView = { lon: 3.1545, lat: 50.6858, zoom: 15.5 };

const ZOOM_RANGE: [number, number] = [0, 22];

/**
 * `{ lon: 3.1545, lat: 50.6858, zoom: 15.5 }` → `"15.5/50.6858/3.1545"`. Five decimals (≈ 1 m) for the
 * position and two for the zoom are plenty for a shared view and keep the link short.
 *
 * @example
 * encodeView({ lon: 3.154512, lat: 50.685801, zoom: 15.5 }); // '15.5/50.6858/3.15451'
 */
export function encodeView(view: MapView): string {
  const round = (value: number, decimals: number) => Number(value.toFixed(decimals)).toString();
  return `${round(view.zoom, 2)}/${round(view.lat, 5)}/${round(view.lon, 5)}`;
}

/** Decimals of the position kept in the URL while an answer is shown: 0.001° ≈ 110 m north–south, 70 m east–west. */
export const PRIVATE_VIEW_DECIMALS = 3;
/** Zoom kept in the URL while an answer is shown: a district (≈ 2 km across on a phone), not a house. */
export const PRIVATE_VIEW_MAX_ZOOM = 15;

/**
 * The view as it may enter the URL while an answer (address, pin, device position) is shown: the camera is then
 * centred on the resident's home, and the README promises that the address enters the URL only on « Partager ».
 * The position is rounded to {@link PRIVATE_VIEW_DECIMALS} decimals and the zoom capped at
 * {@link PRIVATE_VIEW_MAX_ZOOM}, so the link shows the neighbourhood, never the house.
 *
 * @example
 * encodeView(coarsenView({ lon: 3.153661, lat: 50.686012, zoom: 17 })); // '15/50.686/3.154'
 */
export function coarsenView(view: MapView): MapView {
  const round = (value: number) => Number(value.toFixed(PRIVATE_VIEW_DECIMALS));
  return { lon: round(view.lon), lat: round(view.lat), zoom: Math.min(view.zoom, PRIVATE_VIEW_MAX_ZOOM) };
}

/**
 * Parses `zoom/lat/lon`; `null` for anything that is not three finite numbers in range.
 *
 * @example
 * decodeView('15.5/50.6858/3.1545'); // { zoom: 15.5, lat: 50.6858, lon: 3.1545 }
 * decodeView('15.5/95/3'); // null
 */
export function decodeView(text: string | null): MapView | null {
  if (!text) return null;
  const parts = text.trim().split('/');
  if (parts.length !== 3) return null;
  // Number('') is 0: refuse empty parts explicitly.
  if (parts.some((part) => part.trim() === '')) return null;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lon].every(Number.isFinite)) return null;
  if (zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1]) return null;
  if (Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { lon, lat, zoom };
}

/**
 * Layer keys → `"qpv,rues"`, in legend order, without duplicates.
 *
 * @example
 * encodeLayers(['bande300', 'qpv']); // 'qpv,bande300'
 */
export function encodeLayers(layers: Iterable<LayerKey>): string {
  const set = new Set(layers);
  return LAYER_KEYS.filter((key) => set.has(key)).join(',');
}

function isLayerKey(value: string): value is LayerKey {
  return (LAYER_KEYS as readonly string[]).includes(value);
}

/**
 * `"qpv,bande300"` → `['qpv', 'bande300']`. Unknown keys are ignored; a missing parameter (`null`) gives the
 * default layers, an empty one gives no layer (the user switched everything off).
 *
 * @example
 * decodeLayers('rues,inconnu'); // ['rues']
 * decodeLayers(null); // ['qpv', 'rues']
 */
export function decodeLayers(text: string | null): LayerKey[] {
  if (text === null) return [...DEFAULT_LAYERS];
  const wanted = new Set(
    text
      .split(',')
      .map((part) => part.trim())
      .filter(isLayerKey),
  );
  return LAYER_KEYS.filter((key) => wanted.has(key));
}
