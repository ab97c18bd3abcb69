/**
 * Types of the planning files written by `npm run data` (PLANNING-CONTRACT, issue 12):
 * data/planning/{parks,access,iris,france-services}.geojson, data/planning/indicators.json and data/contract.json.
 * Their runtime guards (valibot schemas) are in ./guards.ts.
 */
import type * as GeoJSON from 'geojson';
import type { FeatureCollection, MultiPolygonGeometry, PolygonGeometry, Position } from '../data-types.ts';

export interface PointGeometry extends GeoJSON.Point {
  coordinates: Position;
}

export interface ParkProperties {
  id: string;
  nom: string;
  commune: string;
  /** Counted as a park under the association's WHO/OMS criteria. */
  oms: boolean;
  /** Used in the association's computation. */
  actif: boolean;
  /** Area of the outline in Lambert-93, m²; null for points. */
  area_m2: number | null;
  /** Area inside QN05980M, m² (0 for points). */
  in_qpv_m2: number;
  cimetiere: boolean;
}
export interface AccessProperties {
  id: string;
  nom: string;
  oms: boolean;
  /** Residents inside (INSEE Filosofi 2019 through the association's method); null when not given. */
  residents: number | null;
  area_m2: number;
}
export interface IrisProperties {
  code: string;
  nom: string;
  insee: string;
  area_m2: number;
  qpv_m2: number;
  /** Share of the IRIS area inside QN05980M, 0..1. */
  qpv_share: number;
}
export interface FranceServicesProperties {
  id: string;
  nom: string;
  adresse: string;
  commune: string;
  /** Distance to QN05980M in metres, 0 inside. */
  distance_qpv_m: number;
  inside_qpv: boolean;
}

export type ParkCollection = FeatureCollection<
  PolygonGeometry | MultiPolygonGeometry | PointGeometry,
  ParkProperties
>;
export type AccessCollection = FeatureCollection<PolygonGeometry | MultiPolygonGeometry, AccessProperties>;
export type IrisCollection = FeatureCollection<PolygonGeometry | MultiPolygonGeometry, IrisProperties>;
export type FranceServicesCollection = FeatureCollection<PointGeometry, FranceServicesProperties>;

export const SHARE_CLASSES = ['0-3', '3-7', '7-10', '10-12', '12+'] as const;
export type ShareClass = (typeof SHARE_CLASSES)[number];
export type TrendYear = 2015 | 2017 | 2019;
export interface TrendPoint {
  year: TrendYear;
  /** Share of residents (0..1) by m² of accessible park per inhabitant. */
  shares: Record<ShareClass, number>;
}
export type TerritoryId = 'qpv' | 'qpv-croix' | 'croix';
export interface TerritoryIndicators {
  id: TerritoryId;
  label: string;
  area_m2: number;
  park_area_m2: number;
  park_share: number;
  parks: number;
  parks_oms: number;
  parks_reachable: number | null;
  residents_under_3m2_share: number | null;
  trend: TrendPoint[];
}
export interface PlanningIndicators {
  qpv: string;
  territories: TerritoryIndicators[];
  method: string;
  caveats: string[];
  sources: string[];
}

export type QpvStatut = 'MODIFIE' | 'INCHANGE' | 'NOUVEAU';
export interface ContractQpv {
  qp2024: string;
  label: string;
  statut: QpvStatut;
  replaces: { code: string; label: string }[];
}
export interface PostCount {
  count: number;
  amount_eur: number;
}
export interface ContractPostsYear {
  year: number;
  adulte_relais: PostCount;
  fonjep: PostCount;
  employer_in_4_communes: { adulte_relais: number; fonjep: number };
}
export interface ContractFacts {
  contrat: { code: string; label: string; generation: string; previous_code: string };
  qpv: ContractQpv[];
  posts: ContractPostsYear[];
  caveats: string[];
  sources: string[];
}
