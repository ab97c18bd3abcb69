/**
 * What an action (point, line or zone drawn by a planner) overlaps among the planning layers: parks and gardens,
 * IRIS (with their share inside QN05980M) and walking-access areas with their residents. Pure function over the
 * data of `data/planning/`, Turf `booleanIntersects` (touching counts as overlapping).
 */
import { booleanIntersects } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { ActionGeometry } from '../actions/model.ts';
import type { AccessCollection, IrisCollection, ParkCollection } from './types.ts';

export interface PlanningOverlaps {
  parks: { id: string; nom: string; oms: boolean }[];
  iris: { code: string; nom: string; qpv_share: number }[];
  access: { id: string; nom: string; residents: number | null }[];
  /**
   * Largest number of residents among the access areas met (areas overlap each other: their residents must not
   * be added), or null when none is known.
   */
  residentsMax: number | null;
}

export interface PlanningLayersData {
  parks: ParkCollection;
  iris: IrisCollection;
  access: AccessCollection;
}

function hits(a: ActionGeometry, b: unknown): boolean {
  return booleanIntersects(a as Geometry, b as Geometry);
}

/**
 * @example planningOverlaps({ type: 'Point', coordinates: [3.155, 50.686] }, data).parks.map((p) => p.nom)
 */
export function planningOverlaps(geometry: ActionGeometry, data: PlanningLayersData): PlanningOverlaps {
  const parks = data.parks.features
    .filter((park) => hits(geometry, park.geometry))
    .map(({ properties: p }) => ({ id: p.id, nom: p.nom, oms: p.oms }));
  const iris = data.iris.features
    .filter((zone) => hits(geometry, zone.geometry))
    .map(({ properties: p }) => ({ code: p.code, nom: p.nom, qpv_share: p.qpv_share }));
  const access = data.access.features
    .filter((zone) => hits(geometry, zone.geometry))
    .map(({ properties: p }) => ({ id: p.id, nom: p.nom, residents: p.residents }));
  const known = access.map((zone) => zone.residents).filter((n): n is number => n !== null);
  return { parks, iris, access, residentsMax: known.length > 0 ? Math.max(...known) : null };
}
