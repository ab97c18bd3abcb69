/**
 * One label point per area feature (commune, QPV). MapLibre would place a polygon's label once per tile, so a
 * commune cut by tile edges gets its name several times; a single precomputed point avoids it. The point is the
 * centroid of the feature's largest polygon when it falls inside, else a point guaranteed on the surface.
 */
import { area, booleanPointInPolygon, centroid, pointOnFeature, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon as GeoPolygon, Point } from 'geojson';
import type { MultiPolygonGeometry, PolygonGeometry, Position } from './data-types.ts';

type AreaFeature<P> = { geometry: PolygonGeometry | MultiPolygonGeometry; properties: P };

function largestPolygon(geometry: PolygonGeometry | MultiPolygonGeometry): Feature<GeoPolygon> {
  const rings: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygon(rings[0]!);
  let bestArea = area(best);
  for (const candidate of rings.slice(1)) {
    const shape = polygon(candidate);
    const size = area(shape);
    if (size > bestArea) {
      best = shape;
      bestArea = size;
    }
  }
  return best;
}

/**
 * @param features polygon features (Polygon or MultiPolygon geometry)
 * @param pick the properties to carry onto the label point
 * @example
 * const labels = labelPoints(communes.features, (p) => ({ nom: p.nom }));
 */
export function labelPoints<P, L extends Record<string, unknown>>(
  features: readonly AreaFeature<P>[],
  pick: (properties: P) => L,
): FeatureCollection<Point, L> {
  const points: Feature<Point, L>[] = [];
  for (const feature of features) {
    const shape = largestPolygon(feature.geometry);
    let point = centroid(shape);
    if (!booleanPointInPolygon(point, shape)) point = pointOnFeature(shape);
    points.push({ type: 'Feature', geometry: point.geometry, properties: pick(feature.properties) });
  }
  return { type: 'FeatureCollection', features: points };
}
