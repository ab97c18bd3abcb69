/**
 * What a click or tap on the map means right now. Only one tool owns the pointer at a time:
 * - `navigation`: clicks select features (QPV panel, street, action detail);
 * - `placer-point`: the next click places the resident's home (verdict);
 * - `dessin`: the drawing library owns the pointer (actions editor);
 * - `corriger-ligne`: the next click sets the position of a row of the checked file.
 * The map's click dispatcher (src/features/map/map-clicks.ts) gives each click to a route of the current mode.
 */
import { createStore, useStore } from '../../lib/create-store.ts';

export type MapMode = 'navigation' | 'placer-point' | 'dessin' | 'corriger-ligne';

export const mapModeStore = createStore<MapMode>('navigation');

export function useMapMode(): MapMode {
  return useStore(mapModeStore);
}
