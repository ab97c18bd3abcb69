/**
 * Validation of the actions (./model.ts) with valibot schemas: one French message per field, so the editor form
 * can show each message next to its field and the import can report "action n° 3 : …". Fields are read the way
 * people type them (labels for ids, « 12 000 € », a year as a number: ./field-parsers.ts) and normalised.
 * Every string is kept as plain text: nothing here is ever meant to be rendered as HTML.
 *
 * The import's limits (file size, feature count, nesting depth, vertices) are checked by loops before any of
 * these schemas runs (./import-export.ts), so a hostile file never reaches them.
 */
import * as v from 'valibot';
import type { GuardResult, Position } from '../data-types.ts';
import { isRecord } from '../guards.ts';
import {
  isWebUrl,
  oneOf,
  PORTEUR_ALIASES,
  parseBudget,
  parseDateBounds,
  STATUT_ALIASES,
  shown,
} from './field-parsers.ts';
import {
  type ActionFeature,
  type ActionField,
  type ActionGeometry,
  type ActionProperties,
  ENJEU_IDS,
  type FeatureResult,
  FIELD_LABELS,
  type FieldErrors,
  MAX_LENGTHS,
  OBJECTIF_IDS,
  type PropertiesResult,
  STATUTS,
  TYPES_PORTEUR,
  YEAR_MAX,
  YEAR_MIN,
} from './model.ts';

export { isWebUrl, parseBudget, parseDateBounds } from './field-parsers.ts';

/** Reads a raw value with `read`; `null` becomes an issue worded by `message` (given the raw value). */
function readWith<T>(read: (raw: unknown) => T | null, message: (raw: unknown) => string) {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value = read(dataset.value);
      if (value !== null) return value;
      addIssue({ message: message(dataset.value) });
      return NEVER;
    }),
  );
}

/** A required text: trimmed, not empty, at most `max` characters (anything but a string counts as empty). */
const requiredText = (max: number, empty: string, tooLong: string) =>
  v.pipe(
    v.unknown(),
    v.transform((raw) => (typeof raw === 'string' ? raw.trim() : '')),
    v.nonEmpty(empty),
    v.maxLength(max, tooLong),
  );

/** An optional text: absent, null or blank → undefined; otherwise trimmed, at most `max` characters. */
const optionalText = (notText: string, max: number, tooLong: string) =>
  v.pipe(
    v.unknown(),
    v.check((raw) => raw === undefined || raw === null || typeof raw === 'string', notText),
    v.transform((raw) => (typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined)),
    v.check((text) => (text ?? '').length <= max, tooLong),
  );

/** A `debut`/`fin` value: a year or an ISO date, within the contract's years; keeps the text and its bounds. */
const dateField = (missing: string, outOfRange: string) =>
  v.pipe(
    readWith(
      (raw) => {
        const bounds = parseDateBounds(raw);
        return bounds && { text: typeof raw === 'number' ? String(raw) : String(raw).trim(), bounds };
      },
      () => missing,
    ),
    v.check(({ bounds }) => bounds.year >= YEAR_MIN && bounds.year <= YEAR_MAX, outOfRange),
  );

const LIEN_MESSAGE = 'Le lien doit être une adresse web complète commençant par http:// ou https://.';
const range = `entre ${YEAR_MIN} et ${YEAR_MAX}`;

/** The properties of an action, field by field (messages as the form shows them). */
const ActionPropertiesSchema = v.pipe(
  v.object({
    id: v.pipe(
      v.unknown(),
      v.transform((raw) =>
        typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '',
      ),
      v.regex(
        new RegExp(`^[A-Za-z0-9_-]{1,${MAX_LENGTHS.id}}$`),
        'L’identifiant doit faire 1 à 64 caractères (lettres sans accent, chiffres, - ou _).',
      ),
    ),
    titre: requiredText(
      MAX_LENGTHS.titre,
      'Indiquez un titre.',
      `Le titre dépasse ${MAX_LENGTHS.titre} caractères.`,
    ),
    description: optionalText(
      'La description doit être un texte.',
      MAX_LENGTHS.description,
      `La description dépasse ${MAX_LENGTHS.description} caractères.`,
    ),
    objectif: readWith(
      (raw) => oneOf(OBJECTIF_IDS, raw),
      (raw) =>
        raw === undefined || raw === ''
          ? 'Choisissez l’objectif de la ville auquel répond l’action.'
          : `Objectif inconnu : « ${shown(raw)} ».`,
    ),
    enjeux: v.pipe(
      v.unknown(),
      // One enjeu may be given alone; the list is kept in the order of ENJEU_IDS, without duplicates.
      v.transform((raw): unknown[] =>
        Array.isArray(raw) ? raw : typeof raw === 'string' && raw !== '' ? [raw] : [],
      ),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const unknown = dataset.value.find((raw) => !oneOf(ENJEU_IDS, raw));
        if (unknown !== undefined) addIssue({ message: `Enjeu inconnu : « ${shown(unknown)} ».` });
      }),
      v.transform((list) => ENJEU_IDS.filter((enjeu) => list.some((raw) => oneOf([enjeu], raw) === enjeu))),
      v.nonEmpty('Cochez au moins un enjeu de la Métropole.'),
    ),
    porteur: requiredText(
      MAX_LENGTHS.porteur,
      'Indiquez qui porte l’action.',
      `Le porteur dépasse ${MAX_LENGTHS.porteur} caractères.`,
    ),
    type_porteur: readWith(
      (raw) => oneOf(TYPES_PORTEUR, raw, PORTEUR_ALIASES),
      () => 'Choisissez le type de porteur (ville, MEL, bailleur, association, État ou autre).',
    ),
    statut: readWith(
      (raw) => oneOf(STATUTS, raw, STATUT_ALIASES),
      () => 'Choisissez le statut : en projet, en cours ou réalisé.',
    ),
    debut: dateField(
      'Indiquez l’année de début (ex. 2025) ou une date (AAAA-MM-JJ).',
      `Le début doit être ${range}.`,
    ),
    fin: dateField(
      'Indiquez l’année de fin (ex. 2027) ou une date (AAAA-MM-JJ).',
      `La fin doit être ${range}.`,
    ),
    budget: v.pipe(
      v.unknown(),
      v.transform((raw) => (raw === undefined || raw === null || raw === '' ? undefined : parseBudget(raw))),
      v.check((budget) => budget !== null, 'Le budget doit être un montant en euros (ex. 15000).'),
      v.check(
        (budget) => budget === undefined || budget === null || budget >= 0,
        'Le budget ne peut pas être négatif.',
      ),
    ),
    lien: v.pipe(
      optionalText(LIEN_MESSAGE, MAX_LENGTHS.lien, LIEN_MESSAGE),
      v.check((lien) => lien === undefined || isWebUrl(lien), LIEN_MESSAGE),
    ),
    contact: optionalText(
      'Le contact doit être un texte.',
      MAX_LENGTHS.contact,
      `Le contact dépasse ${MAX_LENGTHS.contact} caractères.`,
    ),
    exemple: v.optional(v.boolean('Le champ « exemple » doit valoir true ou false.')),
  }),
  // Checked only once both dates are valid: « 2026 » ends on 2026-12-31, « 2026-03-01 » on that day.
  v.forward(
    v.partialCheck(
      [['debut'], ['fin']],
      ({ debut, fin }) => fin.bounds.last >= debut.bounds.first,
      'La fin ne peut pas précéder le début.',
    ),
    ['fin'],
  ),
);

const PROPERTY_KEYS = Object.keys(ActionPropertiesSchema.entries) as (keyof ActionProperties)[];

/** The first message of each field, in the order the issues came (one message per field). */
function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path?.[0]?.key as ActionField | undefined;
    if (field === undefined || errors[field] !== undefined) continue;
    errors[field] = issue.message;
  }
  return errors;
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
  // Every field is read, present or not (valibot skips absent keys), and nothing else is.
  const fields = Object.fromEntries(PROPERTY_KEYS.map((key) => [key, input[key]]));
  // Not `abortPipeEarly`: the date order (a check on the whole object) must still run when another field is
  // wrong, so that every faulty field is reported at once; `fieldErrors` keeps the first message of each.
  const result = v.safeParse(ActionPropertiesSchema, fields);
  if (!result.success) return { ok: false, errors: fieldErrors(result.issues) };
  const { debut, fin, budget, lien, contact, exemple, ...rest } = result.output;
  const value: ActionProperties = {
    ...rest,
    description: rest.description ?? '',
    debut: debut.text,
    fin: fin.text,
    exemple: exemple === true,
  };
  if (typeof budget === 'number') value.budget = budget;
  if (lien !== undefined) value.lien = lien;
  if (contact !== undefined) value.contact = contact;
  return { ok: true, value };
}

/** A position: `[lon, lat]` or `[lon, lat, alt]` in range; the altitude is dropped (the map is 2D). */
const position = (message: string) =>
  v.pipe(
    v.array(v.pipe(v.number(message), v.finite(message)), message),
    v.check(
      (p) => (p.length === 2 || p.length === 3) && Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90,
      message,
    ),
    v.transform((p): Position => [p[0]!, p[1]!]),
  );

const POINT_MESSAGE = 'Le point n’a pas de coordonnées valides [longitude, latitude].';
const LINE_MESSAGE = 'La ligne doit avoir au moins deux points valides.';
const ZONE_MESSAGE = 'La zone doit être un contour fermé d’au moins trois points valides.';

/** A closed ring of at least four positions (the first repeated last). */
const ring = v.pipe(
  v.array(position(ZONE_MESSAGE), ZONE_MESSAGE),
  v.minLength(4, ZONE_MESSAGE),
  v.check((r) => {
    const [first, last] = [r[0], r[r.length - 1]];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, ZONE_MESSAGE),
);

const ActionGeometrySchema = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, 'La géométrie est absente.'),
  v.variant(
    'type',
    [
      v.object({ type: v.literal('Point'), coordinates: position(POINT_MESSAGE) }, POINT_MESSAGE),
      v.object(
        {
          type: v.literal('LineString'),
          coordinates: v.pipe(v.array(position(LINE_MESSAGE), LINE_MESSAGE), v.minLength(2, LINE_MESSAGE)),
        },
        LINE_MESSAGE,
      ),
      v.object(
        {
          type: v.literal('Polygon'),
          coordinates: v.pipe(v.array(ring, ZONE_MESSAGE), v.minLength(1, ZONE_MESSAGE)),
        },
        ZONE_MESSAGE,
      ),
    ],
    (issue) =>
      `Type de géométrie non pris en charge : ${shown(issue.input)} (point, ligne ou zone attendus).`,
  ),
);

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
  const result = v.safeParse(ActionGeometrySchema, input, { abortEarly: true });
  return result.success
    ? { ok: true, geometry: result.output }
    : { ok: false, error: result.issues[0].message };
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

/** The envelope of the register: a FeatureCollection whose features are checked one by one below. */
const RegisterSchema = v.object({ type: v.literal('FeatureCollection'), features: v.array(v.unknown()) });

/**
 * Guard for the published register `data/actions.geojson`, called by `npm run data:check`: a FeatureCollection
 * of valid actions with unique ids.
 *
 * @example checkActionsRegister(JSON.parse(readFileSync('data/actions.geojson', 'utf8'))) // { ok: true }
 */
export function checkActionsRegister(value: unknown): GuardResult {
  const register = v.safeParse(RegisterSchema, value);
  if (!register.success) return { ok: false, error: 'actions.geojson : une FeatureCollection est attendue' };
  const seen = new Set<string>();
  const features = register.output.features;
  for (let index = 0; index < features.length; index++) {
    const result = validateActionFeature(features[index]);
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
