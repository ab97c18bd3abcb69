/**
 * The action model of the contract (issue 6): one action is a GeoJSON Feature (Point, LineString or Polygon)
 * whose properties say what is done, by whom, for which Croix objective and which MEL enjeux, and when.
 *
 * Validation is hand-written (no schema library is installed) and returns one French message per field, so
 * the editor form can show each message next to its field and the import can report "action n° 3 : …".
 * Every string is kept as plain text: nothing here is ever meant to be rendered as HTML.
 */
import type { GuardResult, LineStringGeometry, PolygonGeometry, Position } from '../data-types.ts';

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

export interface PointGeometry {
  type: 'Point';
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

export interface ActionFeature {
  type: 'Feature';
  geometry: ActionGeometry;
  properties: ActionProperties;
}
export interface ActionCollection {
  type: 'FeatureCollection';
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value echoed in a message, short: text cut at 40 characters, never `String()` of an object or a list (a
 * hostile file's nested list would overflow the stack when stringified, a 1 Mo text would flood the report).
 */
function shown(raw: unknown): string {
  const text =
    typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
      ? String(raw)
      : Array.isArray(raw)
        ? 'une liste'
        : raw === null
          ? 'null'
          : typeof raw === 'object'
            ? 'un objet'
            : String(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Lower-case, accents removed, spaces and underscores as hyphens: « État » → `etat`, « En cours » → `en-cours`. */
function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function oneOf<T extends string>(
  values: readonly T[],
  raw: unknown,
  aliases: Record<string, T> = {},
): T | null {
  if (typeof raw !== 'string') return null;
  const key = slug(raw);
  if ((values as readonly string[]).includes(key)) return key as T;
  return aliases[key] ?? null;
}

/** People type labels rather than ids in hand-made files: accept them too. */
const STATUT_ALIASES: Record<string, StatutAction> = {
  'en-projet': 'projet',
  encours: 'en-cours',
  realisee: 'realise',
};
const PORTEUR_ALIASES: Record<string, TypePorteur> = {
  commune: 'ville',
  mairie: 'ville',
  metropole: 'mel',
  'metropole-europeenne-de-lille': 'mel',
  'bailleur-social': 'bailleur',
  asso: 'association',
};

function optionalText(raw: unknown): string | undefined | null {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text === '' ? undefined : text;
}

/** Parsed bounds of a date field: the first and the last day it may mean (`2026` → 2026-01-01 … 2026-12-31). */
export interface DateBounds {
  year: number;
  first: string;
  last: string;
}

/**
 * Reads a `debut`/`fin` value: a year (`2026` or `"2026"`) or an ISO calendar date (`"2026-03-15"`).
 *
 * @returns the bounds, or `null` when the value is not a year nor a real calendar date.
 * @example parseDateBounds('2026') // { year: 2026, first: '2026-01-01', last: '2026-12-31' }
 */
export function parseDateBounds(raw: unknown): DateBounds | null {
  const text =
    typeof raw === 'number' && Number.isInteger(raw)
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : '';
  if (/^\d{4}$/.test(text)) {
    return { year: Number(text), first: `${text}-01-01`, last: `${text}-12-31` };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2026-02-30 over to March: a round trip tells a real calendar date from an impossible one.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return { year, first: text, last: text };
}

/**
 * Reads a budget in euros: a number, or a French-formatted string (« 12 000,50 », « 1500 € »).
 *
 * @example parseBudget('12 000,50 €') // 12000.5
 */
export function parseBudget(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const compact = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** True for an absolute http or https URL. Anything else (javascript:, data:, mailto:, relative) is refused. */
export function isWebUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/**
 * Validates and normalises the properties of an action (form values or an imported feature's properties).
 * Strings are trimmed, labels are accepted for ids (« En cours » → `en-cours`), a year may be a number.
 *
 * @returns the normalised properties, or one French message per faulty field.
 * @example
 * validateActionProperties({ id: 'a1', titre: '', … }) // { ok: false, errors: { titre: 'Indiquez un titre.' } }
 */
export function validateActionProperties(input: unknown): PropertiesResult {
  if (!isRecord(input)) return { ok: false, errors: { titre: 'Les propriétés de l’action sont absentes.' } };
  const errors: FieldErrors = {};

  const id =
    typeof input.id === 'string' ? input.id.trim() : typeof input.id === 'number' ? String(input.id) : '';
  if (!new RegExp(`^[A-Za-z0-9_-]{1,${MAX_LENGTHS.id}}$`).test(id)) {
    errors.id = 'L’identifiant doit faire 1 à 64 caractères (lettres sans accent, chiffres, - ou _).';
  }

  const titre = typeof input.titre === 'string' ? input.titre.trim() : '';
  if (titre === '') errors.titre = 'Indiquez un titre.';
  else if (titre.length > MAX_LENGTHS.titre)
    errors.titre = `Le titre dépasse ${MAX_LENGTHS.titre} caractères.`;

  const description = optionalText(input.description);
  if (description === null) errors.description = 'La description doit être un texte.';
  else if ((description ?? '').length > MAX_LENGTHS.description) {
    errors.description = `La description dépasse ${MAX_LENGTHS.description} caractères.`;
  }

  const objectif = oneOf(OBJECTIF_IDS, input.objectif);
  if (!objectif) {
    errors.objectif =
      input.objectif === undefined || input.objectif === ''
        ? 'Choisissez l’objectif de la ville auquel répond l’action.'
        : `Objectif inconnu : « ${shown(input.objectif)} ».`;
  }

  const enjeuxRaw: unknown[] = Array.isArray(input.enjeux)
    ? input.enjeux
    : typeof input.enjeux === 'string' && input.enjeux !== ''
      ? [input.enjeux]
      : [];
  const enjeux = ENJEU_IDS.filter((enjeu) => enjeuxRaw.some((raw) => oneOf([enjeu], raw) === enjeu));
  const unknownEnjeu = enjeuxRaw.find((raw) => !oneOf(ENJEU_IDS, raw));
  if (unknownEnjeu !== undefined) errors.enjeux = `Enjeu inconnu : « ${shown(unknownEnjeu)} ».`;
  else if (enjeux.length === 0) errors.enjeux = 'Cochez au moins un enjeu de la Métropole.';

  const porteur = typeof input.porteur === 'string' ? input.porteur.trim() : '';
  if (porteur === '') errors.porteur = 'Indiquez qui porte l’action.';
  else if (porteur.length > MAX_LENGTHS.porteur)
    errors.porteur = `Le porteur dépasse ${MAX_LENGTHS.porteur} caractères.`;

  const typePorteur = oneOf(TYPES_PORTEUR, input.type_porteur, PORTEUR_ALIASES);
  if (!typePorteur)
    errors.type_porteur = 'Choisissez le type de porteur (ville, MEL, bailleur, association, État ou autre).';

  const statut = oneOf(STATUTS, input.statut, STATUT_ALIASES);
  if (!statut) errors.statut = 'Choisissez le statut : en projet, en cours ou réalisé.';

  const debut = parseDateBounds(input.debut);
  const fin = parseDateBounds(input.fin);
  const range = `entre ${YEAR_MIN} et ${YEAR_MAX}`;
  if (!debut) errors.debut = 'Indiquez l’année de début (ex. 2025) ou une date (AAAA-MM-JJ).';
  else if (debut.year < YEAR_MIN || debut.year > YEAR_MAX) errors.debut = `Le début doit être ${range}.`;
  if (!fin) errors.fin = 'Indiquez l’année de fin (ex. 2027) ou une date (AAAA-MM-JJ).';
  else if (fin.year < YEAR_MIN || fin.year > YEAR_MAX) errors.fin = `La fin doit être ${range}.`;
  if (debut && fin && !errors.debut && !errors.fin && fin.last < debut.first) {
    errors.fin = 'La fin ne peut pas précéder le début.';
  }

  let budget: number | undefined;
  if (input.budget !== undefined && input.budget !== null && input.budget !== '') {
    const parsed = parseBudget(input.budget);
    if (parsed === null) errors.budget = 'Le budget doit être un montant en euros (ex. 15000).';
    else if (parsed < 0) errors.budget = 'Le budget ne peut pas être négatif.';
    else budget = parsed;
  }

  const lien = optionalText(input.lien);
  if (lien === null || (lien !== undefined && (lien.length > MAX_LENGTHS.lien || !isWebUrl(lien)))) {
    errors.lien = 'Le lien doit être une adresse web complète commençant par http:// ou https://.';
  }

  const contact = optionalText(input.contact);
  if (contact === null) errors.contact = 'Le contact doit être un texte.';
  else if (contact !== undefined && contact.length > MAX_LENGTHS.contact) {
    errors.contact = `Le contact dépasse ${MAX_LENGTHS.contact} caractères.`;
  }

  if (input.exemple !== undefined && typeof input.exemple !== 'boolean') {
    errors.exemple = 'Le champ « exemple » doit valoir true ou false.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value: ActionProperties = {
    id,
    titre,
    description: description ?? '',
    objectif: objectif!,
    enjeux,
    porteur,
    type_porteur: typePorteur!,
    statut: statut!,
    debut: typeof input.debut === 'number' ? String(input.debut) : String(input.debut).trim(),
    fin: typeof input.fin === 'number' ? String(input.fin) : String(input.fin).trim(),
    exemple: input.exemple === true,
  };
  if (budget !== undefined) value.budget = budget;
  if (typeof lien === 'string') value.lien = lien;
  if (typeof contact === 'string') value.contact = contact;
  return { ok: true, value };
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  );
}

function toPosition(value: Position): Position {
  // An altitude, if any, is dropped: the map is 2D and the register stores [lon, lat].
  return [value[0], value[1]];
}

/**
 * Checks an action's geometry: a Point, a LineString of ≥ 2 positions or a Polygon of closed rings (≥ 4
 * positions each), longitudes and latitudes in range.
 *
 * @returns the geometry (altitudes dropped) or a French message.
 * @example validateActionGeometry({ type: 'MultiPoint', coordinates: [] }) // { ok: false, error: 'Type de géométrie non pris en charge : MultiPoint (…)' }
 */
export function validateActionGeometry(
  input: unknown,
): { ok: true; geometry: ActionGeometry } | { ok: false; error: string } {
  if (!isRecord(input)) return { ok: false, error: 'La géométrie est absente.' };
  const coordinates = input.coordinates;
  switch (input.type) {
    case 'Point':
      return isPosition(coordinates)
        ? { ok: true, geometry: { type: 'Point', coordinates: toPosition(coordinates) } }
        : { ok: false, error: 'Le point n’a pas de coordonnées valides [longitude, latitude].' };
    case 'LineString':
      return Array.isArray(coordinates) && coordinates.length >= 2 && coordinates.every(isPosition)
        ? { ok: true, geometry: { type: 'LineString', coordinates: coordinates.map(toPosition) } }
        : { ok: false, error: 'La ligne doit avoir au moins deux points valides.' };
    case 'Polygon': {
      const ringsOk =
        Array.isArray(coordinates) &&
        coordinates.length >= 1 &&
        coordinates.every((ring) => {
          if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
          const first = ring[0] as Position;
          const last = ring[ring.length - 1] as Position;
          return first[0] === last[0] && first[1] === last[1];
        });
      return ringsOk
        ? {
            ok: true,
            geometry: {
              type: 'Polygon',
              coordinates: (coordinates as Position[][]).map((ring) => ring.map(toPosition)),
            },
          }
        : { ok: false, error: 'La zone doit être un contour fermé d’au moins trois points valides.' };
    }
    default:
      return {
        ok: false,
        error: `Type de géométrie non pris en charge : ${shown(input.type)} (point, ligne ou zone attendus).`,
      };
  }
}

/**
 * Validates a whole action feature (geometry + properties).
 *
 * @example validateActionFeature(JSON.parse(text)).ok
 */
export function validateActionFeature(input: unknown): FeatureResult {
  if (!isRecord(input) || input.type !== 'Feature') {
    return {
      ok: false,
      errors: { geometry: 'Ce n’est pas une entité GeoJSON (« type »: « Feature » attendu).' },
    };
  }
  const properties = validateActionProperties(input.properties);
  const geometry = validateActionGeometry(input.geometry);
  if (properties.ok && geometry.ok) {
    return {
      ok: true,
      feature: { type: 'Feature', geometry: geometry.geometry, properties: properties.value },
    };
  }
  const errors: FieldErrors = properties.ok ? {} : { ...properties.errors };
  if (!geometry.ok) errors.geometry = geometry.error;
  return { ok: false, errors };
}

/**
 * Flattens field errors into one French sentence, fields in form order.
 *
 * @example describeErrors({ fin: 'La fin ne peut pas précéder le début.' }) // 'fin : La fin ne peut pas précéder le début.'
 */
export function describeErrors(errors: FieldErrors): string {
  return (Object.keys(FIELD_LABELS) as ActionField[])
    .filter((field) => errors[field])
    .map((field) => `${FIELD_LABELS[field]} : ${errors[field]}`)
    .join(' ; ');
}

/**
 * Guard for the published register `data/actions.geojson`, called by `npm run data:check`: a FeatureCollection
 * of valid actions with unique ids.
 *
 * @example checkActionsRegister(JSON.parse(readFileSync('data/actions.geojson', 'utf8'))) // { ok: true }
 */
export function checkActionsRegister(value: unknown): GuardResult {
  if (!isRecord(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    return { ok: false, error: 'actions.geojson : une FeatureCollection est attendue' };
  }
  const seen = new Set<string>();
  for (let index = 0; index < value.features.length; index++) {
    const result = validateActionFeature(value.features[index]);
    if (!result.ok) {
      return {
        ok: false,
        error: `actions.geojson : action n° ${index + 1} : ${describeErrors(result.errors)}`,
      };
    }
    const id = result.feature.properties.id;
    if (seen.has(id)) return { ok: false, error: `actions.geojson : identifiant en double « ${id} »` };
    seen.add(id);
  }
  return { ok: true };
}

/**
 * Reads the register once it has passed {@link checkActionsRegister}: the normalised features.
 *
 * @example parseActionsRegister(await loadActionsRegister())
 */
export function parseActionsRegister(value: unknown): ActionFeature[] {
  if (!checkActionsRegister(value).ok) return [];
  return (value as { features: unknown[] }).features.flatMap((feature) => {
    const result = validateActionFeature(feature);
    return result.ok ? [result.feature] : [];
  });
}
