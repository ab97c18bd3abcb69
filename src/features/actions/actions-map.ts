/** « Voir sur la carte » for an action: through the map controller, so the list and the detail need no map. */
import { actionBounds } from '../../domain/actions/bounds.ts';
import type { ActionFeature } from '../../domain/actions/model.ts';
import { mapController } from '../map/map-controller.ts';

/** A point: centred at house scale (or closer if already closer); a line or a zone: framed whole. */
export function showActionOnMap(action: ActionFeature): void {
  const { geometry } = action;
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates;
    const zoom = Math.max(mapController.view()?.zoom ?? 17, 17);
    mapController.move({ kind: 'ease', center: { lon, lat }, zoom });
  } else {
    const [[w, s], [e, n]] = actionBounds(geometry);
    mapController.move({ kind: 'fit', bbox: [w, s, e, n], padding: 60, maxZoom: 18, duration: 600 });
  }
}
