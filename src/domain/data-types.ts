// Types and runtime guards for the committed datasets in `data/` (see ARCHITECTURE.md, "Data contracts").
// Pure TypeScript: used by `scripts/build-data.ts` (write + `--check`) and by the browser data loader, so a file
// that drifts from its contract is rejected in one place with a message naming the first bad feature.
import { isRecord } from './guards.ts';

/** A `[lon, lat]` position (WGS 84). */
export type Position = [number, number];
/** `[minLon, minLat, maxLon, maxLat]`. */
export type BBox = [number, number, number, number];

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}
export interface MultiLineStringGeometry {
  type: 'MultiLineString';
  coordinates: Position[][];
}

export interface Feature<G, P> {
  type: 'Feature';
  bbox?: BBox;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

/** Properties of one QPV of the 2024 geography (`data/qpv-2024.geojson`). */
export interface QpvProperties {
  /** ANCT code, `QNxxxyyZ`. */
  code: string;
  nom: string;
  /** INSEE codes of the communes the QPV spans, in ANCT order. */
  insee: string[];
  /** Commune names, same order as `insee`. */
  communes: string[];
  /** Half a unit of the last coordinate decimal, in metres north-south (4 dp → 5.6, 6 dp → 0.1). */
  precision_m: number;
  /** Which copy of the ANCT layer the geometry comes from. */
  source: string;
  /**
   * One of the 26 QPVs of the Métropole Européenne de Lille (its contrat de ville CN05911M). Always present in
   * data/qpv-2024.geojson (the guard requires it); optional only for hand-made test features.
   */
  mel?: boolean;
}
export interface CommuneProperties {
  insee: string;
  nom: string;
  codes_postaux: string[];
  /** Where the outline comes from: Etalab cadastre (AUT-MEL copy) in the covered area, else IGN 2018 simplified. */
  source: 'cadastre' | 'admin-express-2018-simplifie';
}
export type RoadClass = 'highway' | 'major' | 'minor';
export interface RoadProperties {
  nom: string | null;
  classe: RoadClass;
  /** Commune containing the segment's midpoint (along its length), `null` when outside every commune. */
  insee: string | null;
}
export type StreetStatus = 'dedans' | 'limite' | 'partiel';
export interface StreetProperties {
  id: string;
  nom: string;
  insee: string;
  longueur_m: number;
  dedans_m: number;
  limite_m: number;
  dehors_m: number;
  statut: StreetStatus;
}

export type QpvCollection = FeatureCollection<MultiPolygonGeometry, QpvProperties>;
export type CommuneCollection = FeatureCollection<PolygonGeometry | MultiPolygonGeometry, CommuneProperties>;
export type RoadCollection = FeatureCollection<LineStringGeometry, RoadProperties>;
export type WaterCollection = FeatureCollection<PolygonGeometry, Record<string, never>>;
export type StreetCollection = FeatureCollection<MultiLineStringGeometry, StreetProperties>;

/** Compact table of BAN address points (`data/addresses.json`). */
export const ADDRESS_COLUMNS = [
  'numero',
  'rep',
  'nom_voie',
  'code_postal',
  'code_insee',
  'lon',
  'lat',
  'type_position',
] as const;
export type AddressRow = [number, string | null, string, string, string, number, number, string];
export interface AddressTable {
  columns: typeof ADDRESS_COLUMNS;
  rows: AddressRow[];
}

/** Result of a guard: `ok` or the first problem found, phrased for a human. */
export type GuardResult = { ok: true } | { ok: false; error: string };

const OK: GuardResult = { ok: true };
const fail = (error: string): GuardResult => ({ ok: false, error });

function isString(v: unknown): v is string {
  return typeof v === 'string';
}
function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}

/** True for a `[lon, lat]` pair inside the WGS 84 range. */
export function isPosition(v: unknown): v is Position {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    isFiniteNumber(v[0]) &&
    isFiniteNumber(v[1]) &&
    Math.abs(v[0]) <= 180 &&
    Math.abs(v[1]) <= 90
  );
}
function isLine(v: unknown, min: number): v is Position[] {
  return Array.isArray(v) && v.length >= min && v.every(isPosition);
}
function isRing(v: unknown): v is Position[] {
  if (!isLine(v, 4)) return false;
  const first = v[0]!;
  const last = v[v.length - 1]!;
  return first[0] === last[0] && first[1] === last[1];
}
function isPolygonCoords(v: unknown): v is Position[][] {
  return Array.isArray(v) && v.length >= 1 && v.every(isRing);
}

/** True for a `[minLon, minLat, maxLon, maxLat]` box with min ≤ max. */
export function isBBox(v: unknown): v is BBox {
  return Array.isArray(v) && v.length === 4 && v.every(isFiniteNumber) && v[0]! <= v[2]! && v[1]! <= v[3]!;
}

function checkCollection(
  v: unknown,
  name: string,
  checkFeature: (f: Record<string, unknown>) => string | null,
): GuardResult {
  if (!isRecord(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    return fail(`${name}: not a FeatureCollection`);
  }
  for (let i = 0; i < v.features.length; i++) {
    const f: unknown = v.features[i];
    if (!isRecord(f) || f.type !== 'Feature' || !isRecord(f.geometry) || !isRecord(f.properties)) {
      return fail(`${name}: feature ${i} is not a Feature with geometry and properties`);
    }
    if (f.bbox !== undefined && !isBBox(f.bbox)) return fail(`${name}: feature ${i} has an invalid bbox`);
    const problem = checkFeature(f);
    if (problem) return fail(`${name}: feature ${i}: ${problem}`);
  }
  return OK;
}

function geometryProblem(g: Record<string, unknown>, allowed: readonly string[]): string | null {
  if (!isString(g.type) || !allowed.includes(g.type))
    return `geometry type ${String(g.type)} not in ${allowed}`;
  const c = g.coordinates;
  switch (g.type) {
    case 'MultiPolygon':
      return Array.isArray(c) && c.length >= 1 && c.every(isPolygonCoords) ? null : 'invalid MultiPolygon';
    case 'Polygon':
      return isPolygonCoords(c) ? null : 'invalid Polygon';
    case 'LineString':
      return isLine(c, 2) ? null : 'invalid LineString';
    case 'MultiLineString':
      return Array.isArray(c) && c.length >= 1 && c.every((l) => isLine(l, 2))
        ? null
        : 'invalid MultiLineString';
    default:
      return `unsupported geometry ${g.type}`;
  }
}

/** Guard for `data/qpv-2024.geojson`: MultiPolygons, a bbox on every feature, QPV properties, sorted by code. */
export function checkQpvCollection(v: unknown): GuardResult {
  let previous = '';
  return checkCollection(v, 'qpv-2024.geojson', (f) => {
    const p = f.properties as Record<string, unknown>;
    const geo = geometryProblem(f.geometry as Record<string, unknown>, ['MultiPolygon']);
    if (geo) return geo;
    if (!isBBox(f.bbox)) return 'missing bbox';
    if (!isString(p.code) || !/^QN[0-9AB]{5}[A-Z]$/.test(p.code)) return `bad code ${String(p.code)}`;
    if (p.code <= previous) return `not sorted by code (${p.code} after ${previous})`;
    previous = p.code;
    if (!isString(p.nom) || p.nom === '') return 'missing nom';
    if (!isStringArray(p.insee) || p.insee.length === 0) return 'insee must be a non-empty string[]';
    if (!isStringArray(p.communes) || p.communes.length !== p.insee.length)
      return 'communes must match insee';
    if (!isFiniteNumber(p.precision_m) || p.precision_m <= 0) return 'bad precision_m';
    if (!isString(p.source)) return 'missing source';
    if (typeof p.mel !== 'boolean') return 'mel must be a boolean';
    return null;
  });
}

/** Type-narrowing wrapper of {@link checkQpvCollection}. */
export function isQpvCollection(v: unknown): v is QpvCollection {
  return checkQpvCollection(v).ok;
}

/** Guard for `data/communes.geojson`. */
export function checkCommuneCollection(v: unknown): GuardResult {
  let previous = '';
  return checkCollection(v, 'communes.geojson', (f) => {
    const p = f.properties as Record<string, unknown>;
    const geo = geometryProblem(f.geometry as Record<string, unknown>, ['Polygon', 'MultiPolygon']);
    if (geo) return geo;
    if (!isString(p.insee) || !/^\d[\dAB]\d{3}$/.test(p.insee)) return `bad insee ${String(p.insee)}`;
    if (p.insee <= previous) return 'not sorted by insee';
    previous = p.insee;
    if (!isString(p.nom)) return 'missing nom';
    if (!isStringArray(p.codes_postaux)) return 'codes_postaux must be string[]';
    if (p.source !== 'cadastre' && p.source !== 'admin-express-2018-simplifie') return 'bad source';
    return null;
  });
}

/** Type-narrowing wrapper of {@link checkCommuneCollection}. */
export function isCommuneCollection(v: unknown): v is CommuneCollection {
  return checkCommuneCollection(v).ok;
}

const ROAD_CLASSES: readonly string[] = ['highway', 'major', 'minor'];

/** Guard for `data/roads.geojson`. */
export function checkRoadCollection(v: unknown): GuardResult {
  return checkCollection(v, 'roads.geojson', (f) => {
    const p = f.properties as Record<string, unknown>;
    const geo = geometryProblem(f.geometry as Record<string, unknown>, ['LineString']);
    if (geo) return geo;
    if (!(p.nom === null || (isString(p.nom) && p.nom !== '')))
      return 'nom must be a non-empty string or null';
    if (!isString(p.classe) || !ROAD_CLASSES.includes(p.classe)) return `bad classe ${String(p.classe)}`;
    if (!(p.insee === null || isString(p.insee))) return 'insee must be a string or null';
    return null;
  });
}

/** Type-narrowing wrapper of {@link checkRoadCollection}. */
export function isRoadCollection(v: unknown): v is RoadCollection {
  return checkRoadCollection(v).ok;
}

/** Guard for `data/water.geojson`. */
export function checkWaterCollection(v: unknown): GuardResult {
  return checkCollection(v, 'water.geojson', (f) => {
    const geo = geometryProblem(f.geometry as Record<string, unknown>, ['Polygon']);
    if (geo) return geo;
    return Object.keys(f.properties as object).length === 0 ? null : 'water features carry no properties';
  });
}

/** Type-narrowing wrapper of {@link checkWaterCollection}. */
export function isWaterCollection(v: unknown): v is WaterCollection {
  return checkWaterCollection(v).ok;
}

const STREET_STATUSES: readonly string[] = ['dedans', 'limite', 'partiel'];

/** Guard for `data/saint-pierre-streets.geojson`: the three measures must add up to the length (± 0.5 m). */
export function checkStreetCollection(v: unknown): GuardResult {
  return checkCollection(v, 'saint-pierre-streets.geojson', (f) => {
    const p = f.properties as Record<string, unknown>;
    const geo = geometryProblem(f.geometry as Record<string, unknown>, ['MultiLineString']);
    if (geo) return geo;
    if (!isString(p.id) || !/^[a-z0-9-]+$/.test(p.id)) return `bad id ${String(p.id)}`;
    if (!isString(p.nom) || !isString(p.insee)) return 'missing nom or insee';
    const nums = [p.longueur_m, p.dedans_m, p.limite_m, p.dehors_m];
    if (!nums.every((n) => isFiniteNumber(n) && n >= 0)) return 'lengths must be numbers ≥ 0';
    const [len, inside, edge, outside] = nums as number[];
    if (Math.abs(inside! + edge! + outside! - len!) > 0.5) return 'dedans + limite + dehors ≠ longueur';
    if (!isString(p.statut) || !STREET_STATUSES.includes(p.statut)) return `bad statut ${String(p.statut)}`;
    return null;
  });
}

/** Type-narrowing wrapper of {@link checkStreetCollection}. */
export function isStreetCollection(v: unknown): v is StreetCollection {
  return checkStreetCollection(v).ok;
}

/** Guard for `data/addresses.json` (compact BAN table). */
export function checkAddressTable(v: unknown): GuardResult {
  if (!isRecord(v) || !Array.isArray(v.columns) || !Array.isArray(v.rows)) {
    return fail('addresses.json: expected { columns, rows }');
  }
  if (v.columns.join(',') !== ADDRESS_COLUMNS.join(',')) return fail('addresses.json: unexpected columns');
  for (let i = 0; i < v.rows.length; i++) {
    const r: unknown = v.rows[i];
    if (
      !Array.isArray(r) ||
      r.length !== ADDRESS_COLUMNS.length ||
      !isFiniteNumber(r[0]) ||
      !(r[1] === null || isString(r[1])) ||
      !isString(r[2]) ||
      !isString(r[3]) ||
      !isString(r[4]) ||
      !isPosition([r[5], r[6]]) ||
      !isString(r[7])
    ) {
      return fail(`addresses.json: row ${i} does not match the columns`);
    }
  }
  return OK;
}

/** Type-narrowing wrapper of {@link checkAddressTable}. */
export function isAddressTable(v: unknown): v is AddressTable {
  return checkAddressTable(v).ok;
}
