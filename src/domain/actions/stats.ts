/**
 * Area statistics for planners: how much of the Croix part of the QPV QN05980M the greening and
 * de-densification projects cover. The Croix part is QN05980M ∩ the Croix commune polygon of
 * `data/communes.geojson`, whose outline is the Etalab cadastre (AUT-MEL copy, since issue 12; the simplified
 * IGN 2018 outline gave ≈ 6.8 ha): ≈ 6.2 ha here.
 *
 * Areas come from Turf's `area` (spherical, WGS 84 mean radius): at Croix's latitude it is ≈ 0.7 % below the
 * Lambert-93 figure of the data files (62 155 vs 62 596 m² for the Croix part), enough for "m² and share".
 */
import { area, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { MultiPolygonGeometry, PolygonGeometry } from '../data-types.ts';
import type { ActionFeature, ObjectifId } from './model.ts';

export type AreaFeature = Feature<Polygon | MultiPolygon>;

/** The objectives whose polygons are measured by default (the planners' two questions). */
export const MEASURED_OBJECTIVES: readonly ObjectifId[] = ['verdissement', 'dedensification'];

function asFeature(geometry: PolygonGeometry | MultiPolygonGeometry): AreaFeature {
  return { type: 'Feature', properties: {}, geometry } as AreaFeature;
}

/**
 * The Croix part of a QPV: the QPV polygon intersected with the commune polygon.
 *
 * @returns the intersection, or `null` when they do not overlap.
 * @example croixPartOfQpv(qn05980m.geometry, croix.geometry) // ≈ 62 000 m²
 */
export function croixPartOfQpv(
  qpv: PolygonGeometry | MultiPolygonGeometry,
  commune: PolygonGeometry | MultiPolygonGeometry,
): AreaFeature | null {
  return intersect(featureCollection([asFeature(qpv), asFeature(commune)]));
}

/** Union of polygons, so that two overlapping projects are not counted twice. */
function unionOf(features: AreaFeature[]): AreaFeature | null {
  if (features.length === 0) return null;
  if (features.length === 1) return features[0]!;
  return union(featureCollection(features));
}

export interface ObjectiveAreaStats {
  objectif: ObjectifId;
  /** Number of polygon actions of that objective. */
  polygones: number;
  /** Area of the union of those polygons, in m². */
  surface_m2: number;
  /** Part of that area inside the zone, in m². */
  dans_zone_m2: number;
  /** `dans_zone_m2 / zone area`, between 0 and 1. */
  part_zone: number;
}

export interface AreaStatistics {
  zone_m2: number;
  objectifs: ObjectiveAreaStats[];
}

/**
 * Area covered, per objective, by the polygon actions, and its share of the zone (points and lines have no
 * area and are not counted).
 *
 * @param actions the actions to measure (usually the filtered ones).
 * @param zone the reference area (the Croix part of QN05980M).
 * @example areaStatistics(actions, croixPart).objectifs[0] // { objectif: 'verdissement', polygones: 2, surface_m2: 5400, … }
 */
export function areaStatistics(
  actions: readonly ActionFeature[],
  zone: AreaFeature,
  objectifs: readonly ObjectifId[] = MEASURED_OBJECTIVES,
): AreaStatistics {
  const zoneArea = area(zone);
  return {
    zone_m2: zoneArea,
    objectifs: objectifs.map((objectif) => {
      const polygons = actions
        .filter((action) => action.properties.objectif === objectif && action.geometry.type === 'Polygon')
        .map((action) => asFeature(action.geometry as PolygonGeometry));
      const merged = unionOf(polygons);
      const inside = merged ? intersect(featureCollection([merged, zone])) : null;
      const insideArea = inside ? area(inside) : 0;
      return {
        objectif,
        polygones: polygons.length,
        surface_m2: merged ? area(merged) : 0,
        dans_zone_m2: insideArea,
        part_zone: zoneArea > 0 ? insideArea / zoneArea : 0,
      };
    }),
  };
}
