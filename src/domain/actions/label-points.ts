/**
 * One anchor point per action, where the map draws its marker and its objective letter. Placing it in the
 * domain (rather than letting MapLibre place polygon labels) keeps it deterministic and always on the shape:
 * the point itself, the middle of a line (along its length), a point inside a polygon (Turf `pointOnFeature`,
 * which stays inside even for a concave block, unlike the centroid).
 */
import { along, length, lineString, pointOnFeature, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, Position } from '../data-types.ts';
import type { ActionFeature, ObjectifId, PointGeometry } from './model.ts';

export interface LabelPointProperties {
  id: string;
  objectif: ObjectifId;
  exemple: boolean;
}
export type LabelPoint = Feature<PointGeometry, LabelPointProperties>;

/**
 * The anchor of an action: the point, the line's midpoint, or a point inside the polygon.
 *
 * @example anchorOf({ type: 'LineString', coordinates: [[0, 0], [0, 2]] }) // [0, 1] (approximately)
 */
export function anchorOf(geometry: ActionFeature['geometry']): Position {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'LineString': {
      const line = lineString(geometry.coordinates);
      const [lon, lat] = along(line, length(line) / 2).geometry.coordinates;
      return [lon!, lat!];
    }
    case 'Polygon': {
      const [lon, lat] = pointOnFeature(polygon(geometry.coordinates)).geometry.coordinates;
      return [lon!, lat!];
    }
  }
}

/**
 * Anchor points of the actions, with the properties the marker layers need.
 *
 * @example actionLabelPoints(actions).features.length === actions.length
 */
export function actionLabelPoints(
  actions: readonly ActionFeature[],
): FeatureCollection<PointGeometry, LabelPointProperties> {
  return {
    type: 'FeatureCollection',
    features: actions.map((action) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: anchorOf(action.geometry) },
      properties: {
        id: action.properties.id,
        objectif: action.properties.objectif,
        exemple: action.properties.exemple,
      },
    })),
  };
}
