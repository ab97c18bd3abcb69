/**
 * The box framing an action on the map (« Voir sur la carte »). A plain loop over the positions
 * ({@link coordinatesBbox}): spreading every vertex into `Math.min(...)` throws a RangeError past ≈ 100 000
 * arguments, which a large imported polygon reaches.
 */
import { coordinatesBbox } from '../geometry/bbox.ts';
import type { ActionGeometry } from './model.ts';

/**
 * `[[west, south], [east, north]]` of an action's geometry, as MapLibre's `fitBounds` takes it.
 *
 * @example actionBounds({ type: 'LineString', coordinates: [[3.15, 50.68], [3.16, 50.69]] }) // [[3.15, 50.68], [3.16, 50.69]]
 */
export function actionBounds(geometry: ActionGeometry): [[number, number], [number, number]] {
  const [west, south, east, north] = coordinatesBbox(geometry.coordinates);
  return [
    [west, south],
    [east, north],
  ];
}
