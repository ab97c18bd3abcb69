// Types of the committed datasets in `data/` (see ARCHITECTURE.md, "Data contracts"): GeoJSON as typed by
// `@types/geojson`, narrowed to 2D `[lon, lat]` positions and to each file's properties. Their runtime guards
// (valibot schemas) are in ./data-guards.ts.
import type * as GeoJSON from 'geojson';

/** A `[lon, lat]` position (WGS 84): a GeoJSON position without altitude. */
export type Position = [number, number];
/** `[minLon, minLat, maxLon, maxLat]`: a 2D GeoJSON bbox. */
export type BBox = [number, number, number, number];

export interface MultiPolygonGeometry extends GeoJSON.MultiPolygon {
  coordinates: Position[][][];
}
export interface PolygonGeometry extends GeoJSON.Polygon {
  coordinates: Position[][];
}
export interface LineStringGeometry extends GeoJSON.LineString {
  coordinates: Position[];
}
export interface MultiLineStringGeometry extends GeoJSON.MultiLineString {
  coordinates: Position[][];
}

export interface Feature<G extends GeoJSON.Geometry | null, P> extends GeoJSON.Feature<G, P> {
  bbox?: BBox;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G extends GeoJSON.Geometry | null, P>
  extends GeoJSON.FeatureCollection<G, P> {
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
  /** Band of the answer (m): precision of the outline + 15 m set-back (src/domain/street-relation.ts). */
  marge_m: number;
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
