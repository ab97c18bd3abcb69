/**
 * Types and runtime guards of the planning files written by `npm run data` (PLANNING-CONTRACT, issue 12):
 * data/planning/{parks,access,iris,france-services}.geojson, data/planning/indicators.json and data/contract.json.
 * Pure TypeScript: used by the pipeline (`--check`) and the browser loader.
 */
import type { FeatureCollection, GuardResult, MultiPolygonGeometry, PolygonGeometry } from '../data-types.ts';
import { isRecord } from '../guards.ts';

export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
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

const OK: GuardResult = { ok: true };
const fail = (error: string): GuardResult => ({ ok: false, error });
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNonNeg = (v: unknown): v is number => isNum(v) && v >= 0;
const isShare = (v: unknown): v is number => isNum(v) && v >= 0 && v <= 1;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

function isPos(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    isNum(v[0]) &&
    isNum(v[1]) &&
    Math.abs(v[0]) <= 180 &&
    Math.abs(v[1]) <= 90
  );
}
function isRing(v: unknown): boolean {
  if (!Array.isArray(v) || v.length < 4 || !v.every(isPos)) return false;
  const a = v[0] as number[];
  const b = v[v.length - 1] as number[];
  return a[0] === b[0] && a[1] === b[1];
}
const isPolygonCoords = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every(isRing);

function geometryProblem(g: unknown, allowPoint: boolean): string | null {
  if (!isRecord(g)) return 'missing geometry';
  if (g.type === 'Point') return allowPoint && isPos(g.coordinates) ? null : 'invalid Point';
  if (g.type === 'Polygon') return isPolygonCoords(g.coordinates) ? null : 'invalid Polygon';
  if (g.type === 'MultiPolygon')
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygonCoords)
      ? null
      : 'invalid MultiPolygon';
  return `geometry type ${String(g.type)} not allowed`;
}

function checkFeatures(
  v: unknown,
  name: string,
  check: (p: Record<string, unknown>, g: Record<string, unknown>) => string | null,
): GuardResult {
  if (!isRecord(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features))
    return fail(`${name}: not a FeatureCollection`);
  const ids = new Set<string>();
  for (let i = 0; i < v.features.length; i++) {
    const f: unknown = v.features[i];
    if (!isRecord(f) || f.type !== 'Feature' || !isRecord(f.properties) || !isRecord(f.geometry))
      return fail(`${name}: feature ${i} is not a Feature with geometry and properties`);
    const problem = check(f.properties, f.geometry);
    if (problem) return fail(`${name}: feature ${i}: ${problem}`);
    const id = String(f.properties.id ?? f.properties.code);
    if (ids.has(id)) return fail(`${name}: feature ${i}: duplicate id ${id}`);
    ids.add(id);
  }
  return OK;
}

/** Guard for `data/planning/parks.geojson`. */
export function checkParkCollection(v: unknown): GuardResult {
  return checkFeatures(v, 'planning/parks.geojson', (p, g) => {
    const geo = geometryProblem(g, true);
    if (geo) return geo;
    if (!isStr(p.id) || !isStr(p.nom) || !isStr(p.commune)) return 'id, nom, commune must be strings';
    if (typeof p.oms !== 'boolean' || typeof p.actif !== 'boolean' || typeof p.cimetiere !== 'boolean')
      return 'oms, actif, cimetiere must be booleans';
    if (g.type === 'Point' ? p.area_m2 !== null || p.in_qpv_m2 !== 0 : !isNonNeg(p.area_m2))
      return 'area_m2 must be a number (null and in_qpv_m2 0 for points)';
    if (!isNonNeg(p.in_qpv_m2) || (isNum(p.area_m2) && p.in_qpv_m2 > p.area_m2 + 1))
      return 'in_qpv_m2 must be between 0 and area_m2';
    return null;
  });
}

/** Guard for `data/planning/access.geojson`. */
export function checkAccessCollection(v: unknown): GuardResult {
  return checkFeatures(v, 'planning/access.geojson', (p, g) => {
    const geo = geometryProblem(g, false);
    if (geo) return geo;
    if (!isStr(p.id) || !isStr(p.nom)) return 'id, nom must be strings';
    if (typeof p.oms !== 'boolean') return 'oms must be a boolean';
    if (p.residents !== null && !isNonNeg(p.residents)) return 'residents must be a number or null';
    if (!isNonNeg(p.area_m2)) return 'area_m2 must be a number';
    return null;
  });
}

/** Guard for `data/planning/iris.geojson`. */
export function checkIrisCollection(v: unknown): GuardResult {
  return checkFeatures(v, 'planning/iris.geojson', (p, g) => {
    const geo = geometryProblem(g, false);
    if (geo) return geo;
    if (!isStr(p.code) || !/^\d[\dAB]\d{7}$/.test(p.code)) return `bad IRIS code ${String(p.code)}`;
    if (!isStr(p.insee) || p.insee !== p.code.slice(0, 5))
      return 'insee must be the code’s first 5 characters';
    if (!isStr(p.nom)) return 'nom must be a string';
    if (!isNonNeg(p.area_m2) || !isNonNeg(p.qpv_m2) || !isShare(p.qpv_share)) return 'bad areas or share';
    return null;
  });
}

/** Guard for `data/planning/france-services.geojson`. */
export function checkFranceServicesCollection(v: unknown): GuardResult {
  return checkFeatures(v, 'planning/france-services.geojson', (p, g) => {
    if (g.type !== 'Point' || !isPos(g.coordinates)) return 'Point expected';
    if (!isStr(p.id) || !isStr(p.nom) || !isStr(p.adresse) || !isStr(p.commune))
      return 'id, nom, adresse, commune must be strings';
    if (!isNonNeg(p.distance_qpv_m) || typeof p.inside_qpv !== 'boolean')
      return 'bad distance_qpv_m/inside_qpv';
    if (p.inside_qpv !== (p.distance_qpv_m === 0)) return 'inside_qpv must match distance_qpv_m = 0';
    return null;
  });
}

function trendProblem(t: unknown): string | null {
  if (!Array.isArray(t)) return 'trend must be an array';
  for (const point of t) {
    if (!isRecord(point) || ![2015, 2017, 2019].includes(point.year as number)) return 'bad trend year';
    if (
      !isRecord(point.shares) ||
      !SHARE_CLASSES.every((c) => isShare((point.shares as Record<string, unknown>)[c]))
    )
      return 'bad trend shares';
  }
  return null;
}

/** Guard for `data/planning/indicators.json`. */
export function checkPlanningIndicators(v: unknown): GuardResult {
  const name = 'planning/indicators.json';
  if (!isRecord(v) || !isStr(v.qpv) || !Array.isArray(v.territories)) return fail(`${name}: bad shape`);
  if (!isStr(v.method) || !isStrings(v.caveats) || !isStrings(v.sources)) return fail(`${name}: bad texts`);
  const ids = v.territories.map((t) => (isRecord(t) ? t.id : null));
  if (JSON.stringify(ids) !== JSON.stringify(['qpv', 'qpv-croix', 'croix']))
    return fail(`${name}: territories must be qpv, qpv-croix, croix`);
  for (const t of v.territories) {
    if (!isRecord(t)) return fail(`${name}: bad territory`);
    const where = `${name}: ${String(t.id)}`;
    if (!isStr(t.label) || !isNonNeg(t.area_m2) || !isNonNeg(t.park_area_m2) || !isShare(t.park_share))
      return fail(`${where}: bad label or areas`);
    if (!isNonNeg(t.parks) || !isNonNeg(t.parks_oms) || t.parks_oms > t.parks)
      return fail(`${where}: bad parks`);
    if (t.parks_reachable !== null && !isNonNeg(t.parks_reachable))
      return fail(`${where}: bad parks_reachable`);
    if (t.residents_under_3m2_share !== null && !isShare(t.residents_under_3m2_share))
      return fail(`${where}: bad residents_under_3m2_share`);
    const trend = trendProblem(t.trend);
    if (trend) return fail(`${where}: ${trend}`);
  }
  return OK;
}

/** Guard for `data/contract.json`. */
export function checkContractFacts(v: unknown): GuardResult {
  const name = 'contract.json';
  if (!isRecord(v) || !isRecord(v.contrat) || !Array.isArray(v.qpv) || !Array.isArray(v.posts))
    return fail(`${name}: bad shape`);
  const c = v.contrat;
  if (!isStr(c.code) || !isStr(c.label) || !isStr(c.generation) || !isStr(c.previous_code))
    return fail(`${name}: bad contrat`);
  for (const [i, q] of v.qpv.entries()) {
    if (!isRecord(q) || !isStr(q.qp2024) || !/^QN\d{5}[A-Z]$/.test(q.qp2024) || !isStr(q.label))
      return fail(`${name}: qpv ${i}: bad code or label`);
    if (!['MODIFIE', 'INCHANGE', 'NOUVEAU'].includes(q.statut as string))
      return fail(`${name}: qpv ${i}: bad statut`);
    if (
      !Array.isArray(q.replaces) ||
      !q.replaces.every((r) => isRecord(r) && isStr(r.code) && isStr(r.label))
    )
      return fail(`${name}: qpv ${i}: bad replaces`);
  }
  for (const [i, y] of v.posts.entries()) {
    if (!isRecord(y) || !isNum(y.year)) return fail(`${name}: posts ${i}: bad year`);
    for (const k of ['adulte_relais', 'fonjep'] as const) {
      const pc = y[k];
      if (!isRecord(pc) || !isNonNeg(pc.count) || !isNonNeg(pc.amount_eur))
        return fail(`${name}: posts ${i}: bad ${k}`);
    }
    const e = y.employer_in_4_communes;
    if (!isRecord(e) || !isNonNeg(e.adulte_relais) || !isNonNeg(e.fonjep))
      return fail(`${name}: posts ${i}: bad employer_in_4_communes`);
  }
  if (!isStrings(v.caveats) || !isStrings(v.sources)) return fail(`${name}: bad caveats/sources`);
  return OK;
}
