// Runtime guards of the committed datasets in `data/` (types: ./data-types.ts), as valibot schemas with French
// messages. Used by `scripts/build-data.ts` (write + `--check`) and by the browser data loader, so a file that
// drifts from its contract is rejected in one place with a message naming the first bad feature.
//
// Coordinates are checked by plain loops wrapped as valibot `custom` schemas: the QPV and road files hold
// hundreds of thousands of positions, and a schema per position would allocate an object for each of them.
import * as v from 'valibot';
import { ADDRESS_COLUMNS, type BBox, type GuardResult, type Position } from './data-types.ts';
import { isRecord } from './guards.ts';

const OK: GuardResult = { ok: true };

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** True for a `[lon, lat]` pair inside the WGS 84 range. */
export function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    isFiniteNumber(value[0]) &&
    isFiniteNumber(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}
function isLine(value: unknown, min: number): value is Position[] {
  return Array.isArray(value) && value.length >= min && value.every(isPosition);
}
function isRing(value: unknown): value is Position[] {
  if (!isLine(value, 4)) return false;
  const first = value[0]!;
  const last = value[value.length - 1]!;
  return first[0] === last[0] && first[1] === last[1];
}
function isPolygonCoords(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.length >= 1 && value.every(isRing);
}

/** True for a `[minLon, minLat, maxLon, maxLat]` box with min ≤ max. */
export function isBBox(value: unknown): value is BBox {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    value.every(isFiniteNumber) &&
    value[0]! <= value[2]! &&
    value[1]! <= value[3]!
  );
}

/** The geometries of the data files, each with the loop that checks its coordinates. */
const GEOMETRIES = {
  Point: isPosition,
  MultiPolygon: (c: unknown) => Array.isArray(c) && c.length >= 1 && c.every(isPolygonCoords),
  Polygon: isPolygonCoords,
  LineString: (c: unknown) => isLine(c, 2),
  MultiLineString: (c: unknown) => Array.isArray(c) && c.length >= 1 && c.every((l) => isLine(l, 2)),
} as const;
export type GeometryType = keyof typeof GEOMETRIES;

/** Why a geometry is not one of `types` with valid coordinates, or null. */
function geometryProblem(geometry: Record<string, unknown>, types: readonly GeometryType[]): string | null {
  const type = geometry.type;
  if (!types.includes(type as GeometryType)) {
    return `géométrie de type ${String(type)} : ${types.join(' ou ')} attendu`;
  }
  return GEOMETRIES[type as GeometryType](geometry.coordinates) ? null : `${String(type)} invalide`;
}

/**
 * Where an issue is, in words: « propriété code : … », « propriété mel absente » (a feature's properties), or
 * « champ territories.0.label : … », « champ method absent » (a JSON document).
 */
export function describeIssue(
  issue: v.BaseIssue<unknown>,
  where: 'propriété' | 'champ' = 'propriété',
): string {
  const keys = (issue.path ?? []).map((item) => String(item.key)).join('.');
  if (keys === '') return issue.message;
  // A key that is not there at all (valibot's own message for it is English).
  if (issue.kind === 'schema' && issue.type === 'object' && issue.input === undefined) {
    return `${where} ${keys} ${where === 'propriété' ? 'absente' : 'absent'}`;
  }
  return `${where} ${keys} : ${issue.message}`;
}

export interface CollectionRules {
  geometry: readonly GeometryType[];
  properties: v.GenericSchema;
  /** A rule tying the properties to the geometry, or to each other beyond the schema: the problem, or null. */
  also?: (properties: Record<string, unknown>, geometry: Record<string, unknown>) => string | null;
  /** Features must have distinct values of this key. */
  uniqueBy?: (properties: Record<string, unknown>) => string;
  /** Every feature must carry a bbox (else it is optional, and checked when present). */
  bbox?: boolean;
  /** Features must be sorted by this key, strictly (no duplicates): its name and how to read it. */
  sortedBy?: { name: string; key: (properties: Record<string, unknown>) => string };
}

const CollectionEnvelope = v.object({
  type: v.literal('FeatureCollection'),
  features: v.custom<unknown[]>(Array.isArray),
});

/**
 * Checks a FeatureCollection feature by feature and stops at the first problem, named by file and feature
 * number: « roads.geojson : entité 12 : propriété classe : classe inconnue (chemin) ». The properties are
 * valibot schemas; the envelope, bbox and coordinates of each feature are checked by loops (the road file has
 * 14 000 features: a schema object per feature and per position would triple the check's time).
 */
export function checkCollection(value: unknown, file: string, rules: CollectionRules): GuardResult {
  if (!v.is(CollectionEnvelope, value)) return { ok: false, error: `${file} : pas une FeatureCollection` };
  let previous = '';
  const ids = new Set<string>();
  const features = value.features;
  for (let i = 0; i < features.length; i++) {
    const raw = features[i];
    const fail = (problem: string): GuardResult => ({
      ok: false,
      error: `${file} : entité ${i} : ${problem}`,
    });
    if (!isRecord(raw) || raw.type !== 'Feature' || !isRecord(raw.geometry) || !isRecord(raw.properties))
      return fail('pas une entité GeoJSON (Feature) avec une géométrie et des propriétés');
    if (rules.bbox ? !isBBox(raw.bbox) : raw.bbox !== undefined && !isBBox(raw.bbox))
      return fail('bbox absente ou invalide');
    const geometry = geometryProblem(raw.geometry, rules.geometry);
    if (geometry) return fail(geometry);
    // `is` first (no issue is built for a valid feature), the issues only to word a refusal.
    if (!v.is(rules.properties, raw.properties))
      return fail(
        describeIssue(v.safeParse(rules.properties, raw.properties, { abortEarly: true }).issues![0]!),
      );
    const also = rules.also?.(raw.properties, raw.geometry);
    if (also) return fail(also);
    if (rules.uniqueBy) {
      const id = rules.uniqueBy(raw.properties);
      if (ids.has(id)) return fail(`identifiant en double (${id})`);
      ids.add(id);
    }
    if (rules.sortedBy) {
      const key = rules.sortedBy.key(raw.properties);
      if (key <= previous) return fail(`pas triée par ${rules.sortedBy.name} (${key} après ${previous})`);
      previous = key;
    }
  }
  return OK;
}

const text = (message: string) => v.string(message);
const nonEmptyText = (message: string) => v.pipe(v.string(message), v.nonEmpty(message));
const strings = (message: string) => v.array(v.string(message), message);

const QpvProperties = v.pipe(
  v.object({
    code: v.pipe(
      v.string('texte attendu'),
      v.regex(/^QN[0-9AB]{5}[A-Z]$/, (issue) => `code QPV invalide (${String(issue.input)})`),
    ),
    nom: nonEmptyText('texte non vide attendu'),
    insee: v.pipe(strings('liste de codes attendue'), v.nonEmpty('liste vide')),
    communes: strings('liste de noms attendue'),
    precision_m: v.pipe(
      v.number('nombre attendu'),
      v.finite('nombre attendu'),
      v.gtValue(0, 'nombre > 0 attendu'),
    ),
    source: text('texte attendu'),
    mel: v.boolean('true ou false attendu'),
  }),
  v.check((p) => p.communes.length === p.insee.length, 'communes doit suivre insee (même longueur)'),
);

/** Guard for `data/qpv-2024.geojson`: MultiPolygons, a bbox on every feature, QPV properties, sorted by code. */
export function checkQpvCollection(value: unknown): GuardResult {
  return checkCollection(value, 'qpv-2024.geojson', {
    geometry: ['MultiPolygon'],
    bbox: true,
    properties: QpvProperties,
    sortedBy: { name: 'code', key: (p) => String(p.code) },
  });
}

const CommuneProperties = v.object({
  insee: v.pipe(
    v.string('texte attendu'),
    v.regex(/^\d[\dAB]\d{3}$/, (issue) => `code INSEE invalide (${String(issue.input)})`),
  ),
  nom: text('texte attendu'),
  codes_postaux: strings('liste de codes attendue'),
  source: v.picklist(
    ['cadastre', 'admin-express-2018-simplifie'],
    (issue) => `source inconnue (${String(issue.input)})`,
  ),
});

/** Guard for `data/communes.geojson`. */
export function checkCommuneCollection(value: unknown): GuardResult {
  return checkCollection(value, 'communes.geojson', {
    geometry: ['Polygon', 'MultiPolygon'],
    properties: CommuneProperties,
    sortedBy: { name: 'code INSEE', key: (p) => String(p.insee) },
  });
}

const RoadProperties = v.object({
  nom: v.nullable(nonEmptyText('texte non vide ou null attendu')),
  classe: v.picklist(['highway', 'major', 'minor'], (issue) => `classe inconnue (${String(issue.input)})`),
  insee: v.nullable(text('texte ou null attendu')),
});

/** Guard for `data/roads.geojson`. */
export function checkRoadCollection(value: unknown): GuardResult {
  return checkCollection(value, 'roads.geojson', { geometry: ['LineString'], properties: RoadProperties });
}

/** Guard for `data/water.geojson`: polygons without properties. */
export function checkWaterCollection(value: unknown): GuardResult {
  return checkCollection(value, 'water.geojson', {
    geometry: ['Polygon'],
    properties: v.strictObject({}, 'les surfaces d’eau n’ont pas de propriétés'),
  });
}

const length = v.pipe(
  v.number('nombre attendu'),
  v.finite('nombre attendu'),
  v.minValue(0, 'nombre ≥ 0 attendu'),
);

const StreetProperties = v.pipe(
  v.object({
    id: v.pipe(
      v.string('texte attendu'),
      v.regex(/^[a-z0-9-]+$/, (issue) => `id invalide (${String(issue.input)})`),
    ),
    nom: text('texte attendu'),
    insee: text('texte attendu'),
    longueur_m: length,
    dedans_m: length,
    limite_m: length,
    dehors_m: length,
    marge_m: length,
    statut: v.picklist(['dedans', 'limite', 'partiel'], (issue) => `statut inconnu (${String(issue.input)})`),
  }),
  v.check(
    (p) => Math.abs(p.dedans_m + p.limite_m + p.dehors_m - p.longueur_m) <= 0.5,
    'dedans_m + limite_m + dehors_m ≠ longueur_m',
  ),
);

/** Guard for `data/saint-pierre-streets.geojson`: the three measures must add up to the length (± 0.5 m). */
export function checkStreetCollection(value: unknown): GuardResult {
  return checkCollection(value, 'saint-pierre-streets.geojson', {
    geometry: ['MultiLineString'],
    properties: StreetProperties,
  });
}

/** One row of `data/addresses.json`, checked by a loop (the table has one row per address of the area). */
function isAddressRow(row: unknown): boolean {
  return (
    Array.isArray(row) &&
    row.length === ADDRESS_COLUMNS.length &&
    isFiniteNumber(row[0]) &&
    (row[1] === null || typeof row[1] === 'string') &&
    typeof row[2] === 'string' &&
    typeof row[3] === 'string' &&
    typeof row[4] === 'string' &&
    isPosition([row[5], row[6]]) &&
    typeof row[7] === 'string'
  );
}

const AddressTableEnvelope = v.object({
  columns: v.pipe(
    v.array(v.string()),
    v.check((columns) => columns.join(',') === ADDRESS_COLUMNS.join(','), 'colonnes inattendues'),
  ),
  rows: v.custom<unknown[]>(Array.isArray),
});

/** Guard for `data/addresses.json` (compact BAN table). */
export function checkAddressTable(value: unknown): GuardResult {
  const table = v.safeParse(AddressTableEnvelope, value);
  if (!table.success) {
    const unexpected = table.issues[0].message === 'colonnes inattendues';
    return {
      ok: false,
      error: unexpected
        ? 'addresses.json : colonnes inattendues'
        : 'addresses.json : { columns, rows } attendu',
    };
  }
  const rows = table.output.rows;
  for (let i = 0; i < rows.length; i++) {
    if (!isAddressRow(rows[i]))
      return { ok: false, error: `addresses.json : la ligne ${i} ne suit pas les colonnes` };
  }
  return OK;
}
