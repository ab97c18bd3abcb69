/**
 * The action model of the contract (issue 6): one action is a GeoJSON Feature (Point, LineString or Polygon)
 * whose properties say what is done, by whom, for which Croix objective and which MEL enjeux, and when.
 * The ids, labels, limits and types; the validation (valibot schemas, French messages) is in ./schema.ts.
 */
import type * as GeoJSON from 'geojson';
import type { LineStringGeometry, PolygonGeometry, Position } from '../data-types.ts';

/** The six strategic objectives of Croix's Volet Territorial, ids as in `data/objectives.json`. */
export const OBJECTIF_IDS = [
  'verdissement',
  'dedensification',
  'sortie-precarite',
  'habitat',
  'partenariats',
  'associations',
] as const;
export type ObjectifId = (typeof OBJECTIF_IDS)[number];

/** The six enjeux of the MEL contract (Conseil métropolitain, 19 April 2024). */
export const ENJEU_IDS = ['enjeu-1', 'enjeu-2', 'enjeu-3', 'enjeu-4', 'enjeu-5', 'enjeu-6'] as const;
export type EnjeuId = (typeof ENJEU_IDS)[number];

/** Who carries the action. Ids are ASCII so that they read well in the permalink (`porteurs=etat`). */
export const TYPES_PORTEUR = ['ville', 'mel', 'bailleur', 'association', 'etat', 'autre'] as const;
export type TypePorteur = (typeof TYPES_PORTEUR)[number];
export const TYPE_PORTEUR_LABELS: Record<TypePorteur, string> = {
  ville: 'Ville',
  mel: 'MEL',
  bailleur: 'Bailleur',
  association: 'Association',
  etat: 'État',
  autre: 'Autre',
};

export const STATUTS = ['projet', 'en-cours', 'realise'] as const;
export type StatutAction = (typeof STATUTS)[number];
export const STATUT_LABELS: Record<StatutAction, string> = {
  projet: 'En projet',
  'en-cours': 'En cours',
  realise: 'Réalisé',
};

/** The contract runs from 2024 to 2030 (Contrat de Ville et des Solidarités 2024-2030). */
export const YEAR_MIN = 2024;
export const YEAR_MAX = 2030;

/** Length limits keep the list and the exported PNG readable and imported files bounded. */
export const MAX_LENGTHS = {
  id: 64,
  titre: 150,
  description: 2000,
  porteur: 150,
  contact: 200,
  lien: 500,
} as const;

/** GeoJSON geometries (`@types/geojson`) narrowed to 2D `[lon, lat]` positions: what the register stores. */
export interface PointGeometry extends GeoJSON.Point {
  coordinates: Position;
}
export type ActionGeometry = PointGeometry | LineStringGeometry | PolygonGeometry;
export type ActionGeometryType = ActionGeometry['type'];

export interface ActionProperties {
  id: string;
  titre: string;
  /** May be empty. */
  description: string;
  objectif: ObjectifId;
  /** One or more, no duplicates, in the order of ENJEU_IDS. */
  enjeux: EnjeuId[];
  porteur: string;
  type_porteur: TypePorteur;
  statut: StatutAction;
  /** `YYYY` or `YYYY-MM-DD`, between 2024 and 2030. */
  debut: string;
  /** `YYYY` or `YYYY-MM-DD`, between 2024 and 2030, not before `debut`. */
  fin: string;
  /** Euros, ≥ 0. */
  budget?: number;
  /** http(s) URL only. */
  lien?: string;
  contact?: string;
  /** Illustrative, fictitious action: shown with an « Exemple » badge. */
  exemple: boolean;
}

export interface ActionFeature extends GeoJSON.Feature<ActionGeometry, ActionProperties> {
  geometry: ActionGeometry;
  properties: ActionProperties;
}
export interface ActionCollection extends GeoJSON.FeatureCollection<ActionGeometry, ActionProperties> {
  features: ActionFeature[];
}

export type ActionField = keyof ActionProperties | 'geometry';
export type FieldErrors = Partial<Record<ActionField, string>>;

export type PropertiesResult = { ok: true; value: ActionProperties } | { ok: false; errors: FieldErrors };
export type FeatureResult = { ok: true; feature: ActionFeature } | { ok: false; errors: FieldErrors };

/** French names of the fields, used when errors are flattened into one sentence (import report). */
export const FIELD_LABELS: Record<ActionField, string> = {
  id: 'identifiant',
  titre: 'titre',
  description: 'description',
  objectif: 'objectif',
  enjeux: 'enjeux',
  porteur: 'porteur',
  type_porteur: 'type de porteur',
  statut: 'statut',
  debut: 'début',
  fin: 'fin',
  budget: 'budget',
  lien: 'lien',
  contact: 'contact',
  exemple: 'exemple',
  geometry: 'géométrie',
};
