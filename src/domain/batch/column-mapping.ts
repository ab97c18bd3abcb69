// Which column holds what: header detection and automatic column mapping from French header names, then turning a
// row into a query for the checker. Three layouts are recognised (any mix works, the richest wins per row):
// one full address column; number + street + postcode + commune; longitude + latitude.

import { stripAccents } from '../text.ts';
import { SNIFF_CELL_CHARS } from './limits.ts';
import type { InputTable } from './table.ts';

export type ColumnRole =
  | 'adresse'
  | 'numero'
  | 'repetition'
  | 'voie'
  | 'complement'
  | 'codePostal'
  | 'commune'
  | 'longitude'
  | 'latitude';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'adresse',
  'numero',
  'repetition',
  'voie',
  'complement',
  'codePostal',
  'commune',
  'longitude',
  'latitude',
];

export const ROLE_LABELS: Record<ColumnRole, string> = {
  adresse: 'Adresse complète',
  numero: 'Numéro',
  repetition: 'Indice (bis, ter…)',
  voie: 'Voie (nom de rue)',
  complement: 'Complément d’adresse',
  codePostal: 'Code postal',
  commune: 'Commune',
  longitude: 'Longitude',
  latitude: 'Latitude',
};

/** Column index per role; a role without a column is absent. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/**
 * Lower-case, no accents, no punctuation: « N° » → « n », « Code_Postal » → « code postal ».
 *
 * @example
 * normaliseHeader('N° de voie'); // 'n de voie'
 */
export function normaliseHeader(header: string): string {
  return stripAccents(header)
    .toLowerCase()
    .replace(/[°º]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Header names (normalised) per role, most specific first. Order of roles matters: see `guessMapping`. */
const ALIASES: Record<ColumnRole, readonly string[]> = {
  longitude: ['longitude', 'lon', 'lng', 'long', 'x wgs84', 'lon wgs84', 'coord x'],
  latitude: ['latitude', 'lat', 'y wgs84', 'lat wgs84', 'coord y'],
  codePostal: ['code postal', 'codepostal', 'cp', 'postcode', 'code post', 'zip', 'c p'],
  commune: ['commune', 'ville', 'localite', 'city', 'nom commune', 'nom de la commune', 'libelle commune'],
  repetition: ['indice de repetition', 'indice repetition', 'rep', 'btq', 'bis ter', 'suffixe', 'indice'],
  numero: [
    'n',
    'no',
    'num',
    'numero',
    'numero de voie',
    'numero voie',
    'num voie',
    'n voie',
    'n de voie',
    'housenumber',
  ],
  voie: [
    'voie',
    'rue',
    'nom de voie',
    'nom voie',
    'libelle voie',
    'libelle de voie',
    'nom de la voie',
    'street',
    'type et nom de voie',
  ],
  complement: [
    'complement',
    'complement d adresse',
    'complement adresse',
    'batiment',
    'residence',
    'adresse 2',
    'adresse ligne 2',
  ],
  adresse: [
    'adresse',
    'adresse complete',
    'adresse postale',
    'adresse du beneficiaire',
    'adresse beneficiaire',
    'adresse domicile',
    'adresse ligne 1',
    'adresse 1',
    'address',
    'libelle adresse',
    'adresse1',
  ],
};

const ALL_ALIASES = new Set(Object.values(ALIASES).flat());

function roleOfHeader(header: string): ColumnRole | null {
  // No column name is longer than this: a 1 MB cell in the first row costs no more than a short one.
  const key = normaliseHeader(header.slice(0, SNIFF_CELL_CHARS));
  if (key === '') return null;
  for (const role of COLUMN_ROLES) if (ALIASES[role].includes(key)) return role;
  // Loose match for the address column only (« Adresse de résidence », « Adresse du participant »).
  if (key.startsWith('adresse') && !key.includes('mail') && !key.includes('2')) return 'adresse';
  return null;
}

const ADDRESS_LIKE = /^\s*\d+\s*(bis|ter|quater|[a-d])?\b[\s,]+\S+/i;

/**
 * Decides whether the first row is a header: it is when one of its cells is a known header name, or when it
 * holds no digit at all while the next rows do (addresses almost always have a number or a postcode).
 *
 * @example
 * looksLikeHeader([['Adresse', 'CP'], ['12 Rue Blanche', '59170']]); // true
 * looksLikeHeader([['12 Rue Blanche', '59170']]); // false
 */
export function looksLikeHeader(firstRows: readonly (readonly string[])[]): boolean {
  const [first, ...rest] = firstRows;
  if (!first || first.every((cell) => cell.trim() === '')) return false;
  if (
    first.some(
      (cell) =>
        ALL_ALIASES.has(normaliseHeader(cell.slice(0, SNIFF_CELL_CHARS))) || roleOfHeader(cell) !== null,
    )
  )
    return true;
  const firstHasDigits = first.some((cell) => /\d/.test(cell));
  const restHasDigits = rest.some((row) => row.some((cell) => /\d/.test(cell)));
  return !firstHasDigits && restHasDigits;
}

/**
 * Guesses the mapping from header names, then, for a file without a usable header, finds a column whose values
 * look like « 12 Rue … ».
 *
 * @example
 * guessMapping(['Nom', 'N°', 'Voie', 'CP', 'Ville'], []); // { numero: 1, voie: 2, codePostal: 3, commune: 4 }
 */
export function guessMapping(
  columnNames: readonly string[],
  sampleRows: readonly (readonly string[])[],
): ColumnMapping {
  const mapping: ColumnMapping = {};
  columnNames.forEach((name, index) => {
    const role = roleOfHeader(name);
    if (role && mapping[role] === undefined) mapping[role] = index;
  });
  if (isUsableMapping(mapping)) return mapping;
  // No header names we know: look for an address-like column in the data.
  let bestColumn = -1;
  let bestHits = 0;
  for (let column = 0; column < columnNames.length; column += 1) {
    const hits = sampleRows.filter((row) => ADDRESS_LIKE.test(row[column] ?? '')).length;
    if (hits > bestHits) {
      bestHits = hits;
      bestColumn = column;
    }
  }
  if (bestColumn >= 0 && bestHits >= Math.max(1, sampleRows.length / 3)) mapping.adresse = bestColumn;
  return mapping;
}

/**
 * True when the mapping can produce at least one kind of query.
 *
 * @example
 * isUsableMapping({ voie: 2 }); // true
 * isUsableMapping({ commune: 3 }); // false
 */
export function isUsableMapping(mapping: ColumnMapping): boolean {
  return (
    mapping.adresse !== undefined ||
    mapping.voie !== undefined ||
    (mapping.longitude !== undefined && mapping.latitude !== undefined)
  );
}

/**
 * Why a mapping is not usable, in French, or `null` when it is.
 *
 * @example
 * mappingProblem({ longitude: 4 }); // 'Il faut à la fois une colonne de longitude et une colonne de latitude.'
 */
export function mappingProblem(mapping: ColumnMapping): string | null {
  if (isUsableMapping(mapping)) return null;
  if ((mapping.longitude === undefined) !== (mapping.latitude === undefined)) {
    return 'Il faut à la fois une colonne de longitude et une colonne de latitude.';
  }
  return 'Choisissez au moins une colonne « Adresse complète », ou une colonne « Voie », ou les colonnes longitude et latitude.';
}

/**
 * Columns used by the mapping, in table order (the columns kept when the user asks for data minimisation).
 *
 * @example
 * mappedColumns({ commune: 3, adresse: 1 }); // [1, 3]
 */
export function mappedColumns(mapping: ColumnMapping): number[] {
  return [...new Set(Object.values(mapping).filter((value): value is number => value !== undefined))].sort(
    (a, b) => a - b,
  );
}

/** What the checker is asked for one row. */
export type RowQuery =
  | { kind: 'point'; lon: number; lat: number }
  | { kind: 'texte'; text: string; postcode?: string; city?: string }
  | {
      kind: 'champs';
      housenumber: string;
      street: string;
      postcode?: string;
      city?: string;
      /** The same fields as one string, for checkers that take free text. */
      text: string;
    };

/** A query, or the reason why the row cannot be checked. */
export type QueryOrReason = { ok: true; query: RowQuery } | { ok: false; motif: string };

/**
 * Parses a coordinate written with a comma or a point as decimal separator (« 3,1456 »).
 *
 * @example
 * parseCoordinate('3,1456'); // 3.1456
 * parseCoordinate('n/a'); // null
 */
export function parseCoordinate(value: string): number | null {
  const clean = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(clean)) return null;
  const number = Number(clean);
  return Number.isFinite(number) ? number : null;
}

/** True for a character `\s` matches (the same set as `String.prototype.trim`'s). */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The cell with its runs of white space made one space, trimmed: `value.replace(/\s+/g, ' ').trim()`, without the
 * regular expression (and without a new string) when every space inside is a lone U+0020, as in nearly every cell.
 */
function collapseSpaces(value: string): string {
  let previousSpace = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return value.replace(/\s+/g, ' ').trim();
      previousSpace = true;
    } else if (code < 33 || (code >= 0xa0 && isSpace(code))) {
      return value.replace(/\s+/g, ' ').trim();
    } else previousSpace = false;
  }
  return value.trim();
}

const cell = (row: readonly string[], index: number | undefined): string =>
  index === undefined ? '' : collapseSpaces(row[index] ?? '');

/** `[a, b, c, d].filter(Boolean).join(' ')` for strings, without the arrays. */
function joinFilled(a: string, b: string, c: string, d: string): string {
  let text = a;
  if (b !== '') text = text === '' ? b : `${text} ${b}`;
  if (c !== '') text = text === '' ? c : `${text} ${c}`;
  if (d !== '') text = text === '' ? d : `${text} ${d}`;
  return text;
}

/**
 * Builds the query for one row: coordinates when both are present and valid, else the full address column, else
 * the separate fields. Empty rows and half-filled coordinates get a reason instead.
 *
 * @example
 * buildRowQuery(['12', 'Rue Blanche', '59170', 'Croix'], { numero: 0, voie: 1, codePostal: 2, commune: 3 });
 * // { ok: true, query: { kind: 'champs', housenumber: '12', street: 'Rue Blanche', postcode: '59170', city: 'Croix', text: '12 Rue Blanche 59170 Croix' } }
 */
export function buildRowQuery(row: readonly string[], mapping: ColumnMapping): QueryOrReason {
  const lonText = cell(row, mapping.longitude);
  const latText = cell(row, mapping.latitude);
  if (lonText !== '' || latText !== '') {
    const lon = parseCoordinate(lonText);
    const lat = parseCoordinate(latText);
    if (lon !== null && lat !== null) {
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        return {
          ok: false,
          motif: 'Coordonnées hors des bornes (longitude entre -180 et 180, latitude entre -90 et 90).',
        };
      }
      // Inverted columns are a classic spreadsheet mistake; near Croix latitude ≈ 50.7 and longitude ≈ 3.1.
      if (lat < 10 && lon > 40) {
        return {
          ok: false,
          motif: 'Longitude et latitude semblent inversées (la latitude de Croix est d’environ 50,7).',
        };
      }
      return { ok: true, query: { kind: 'point', lon, lat } };
    }
    const noAddress = mapping.adresse === undefined && mapping.voie === undefined;
    if (noAddress)
      return {
        ok: false,
        motif: 'Coordonnées incomplètes ou illisibles (attendu : nombres décimaux en degrés WGS 84).',
      };
  }
  const postcode = cell(row, mapping.codePostal);
  const city = cell(row, mapping.commune);
  const full = cell(row, mapping.adresse);
  // One object literal per case, keys in the order of `{ kind, …, text, postcode?, city? }` (no spreads: per row).
  if (full !== '') {
    // The complement (« Bâtiment B », « Résidence … ») is kept in the export but not geocoded: it only adds noise.
    const text = joinFilled(full, postcode, city, '');
    const query: RowQuery = postcode
      ? city
        ? { kind: 'texte', text, postcode, city }
        : { kind: 'texte', text, postcode }
      : city
        ? { kind: 'texte', text, city }
        : { kind: 'texte', text };
    return { ok: true, query };
  }
  const street = cell(row, mapping.voie);
  if (street !== '') {
    const housenumber = joinFilled(cell(row, mapping.numero), cell(row, mapping.repetition), '', '');
    const text = joinFilled(housenumber, street, postcode, city);
    const query: RowQuery = postcode
      ? city
        ? { kind: 'champs', housenumber, street, text, postcode, city }
        : { kind: 'champs', housenumber, street, text, postcode }
      : city
        ? { kind: 'champs', housenumber, street, text, city }
        : { kind: 'champs', housenumber, street, text };
    return { ok: true, query };
  }
  if (row.every((value) => value.trim() === '')) return { ok: false, motif: 'Ligne vide.' };
  return { ok: false, motif: 'Adresse vide dans les colonnes choisies.' };
}

/**
 * Reads a header decision and a mapping guess for a freshly parsed table.
 *
 * @example
 * describeColumns(table); // { mapping: { adresse: 1, codePostal: 2 }, problem: null }
 */
export function describeColumns(table: InputTable): { mapping: ColumnMapping; problem: string | null } {
  const mapping = guessMapping(table.columnNames, table.rows.slice(0, 50));
  return { mapping, problem: mappingProblem(mapping) };
}
