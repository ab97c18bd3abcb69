// Normalisation of French address text, the way residents type it: no accents, capitals or not, hyphens or not,
// abbreviations (« r. st pierre », « av », « bd »…), postcode or commune anywhere, house number before or after the
// street. Pure functions; the geocoder (./geocoder.ts) compares normalised tokens only, and keeps the original
// spelling for display.
import { stripAccents } from './text.ts';

/**
 * Lower-case, accent-free, punctuation-free form of a text: hyphens, apostrophes, dots, commas and slashes become
 * spaces, ligatures are expanded (œ → oe), runs of spaces collapse.
 *
 * @example
 * normalizeText("Allée de l'Union") // → 'allee de l union'
 * normalizeText('Marcq-en-Barœul') // → 'marcq en baroeul'
 */
export function normalizeText(text: string): string {
  // Nearly every address is ASCII once its accents are dropped: one pass over the characters then gives the same
  // result as the general chain below, without its eight intermediate strings (the batch check calls this per row).
  const ascii = normalizeAscii(text) ?? normalizeAscii(stripAccents(text));
  if (ascii !== null) return ascii;
  return (
    // Combining marks (accents, cedilla, diaeresis) dropped after NFD decomposition.
    stripAccents(text)
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      // Keep letters and digits; everything else separates words (’ ' - . , ; / ( ) …).
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      // « 12bis » → « 12 bis », « 59170croix » → « 59170 croix »: numbers glued to words.
      .replace(/(\d)(\p{L})/gu, '$1 $2')
      .replace(/(\p{L})(\d)/gu, '$1 $2')
      .trim()
      .replace(/\s+/g, ' ')
  );
}

/** Character classes of {@link normalizeAscii}. */
const SEPARATOR = 0;
const LETTER = 1;
const DIGIT = 2;

/**
 * {@link normalizeText} of a text made only of ASCII characters, or null for any other text. For ASCII the general
 * chain reduces to: lower-case letters, runs of other characters → one space, a space between a digit and a letter
 * glued together, no space at the ends.
 */
function normalizeAscii(text: string): string | null {
  let out = '';
  let previous = SEPARATOR;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 128) return null;
    let kind: number;
    if (code >= 48 && code <= 57) kind = DIGIT;
    else if (code >= 97 && code <= 122) kind = LETTER;
    else if (code >= 65 && code <= 90) {
      kind = LETTER;
      code += 32;
    } else {
      if (out !== '') pendingSpace = true;
      previous = SEPARATOR;
      continue;
    }
    if (pendingSpace || (previous !== SEPARATOR && previous !== kind)) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(code);
    previous = kind;
  }
  return out;
}

/**
 * Street-type words and their usual abbreviations (La Poste / AFNOR NF Z 10-011 short forms, plus what people
 * type). Keys are normalised tokens; values are the full normalised word.
 */
export const STREET_TYPE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  r: 'rue',
  av: 'avenue',
  ave: 'avenue',
  avn: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  blvd: 'boulevard',
  boul: 'boulevard',
  bvd: 'boulevard',
  pl: 'place',
  chem: 'chemin',
  ch: 'chemin',
  all: 'allee',
  imp: 'impasse',
  sq: 'square',
  rte: 'route',
  qu: 'quai',
  crs: 'cours',
  psg: 'passage',
  res: 'residence',
  resid: 'residence',
  sent: 'sentier',
  prom: 'promenade',
  fbg: 'faubourg',
  fg: 'faubourg',
  ham: 'hameau',
  hle: 'halle',
  pvs: 'parvis',
  prv: 'parvis',
  rpt: 'rond point',
  rdpt: 'rond point',
  carr: 'carrefour',
  esp: 'esplanade',
  espl: 'esplanade',
  chs: 'chaussee',
  chau: 'chaussee',
  dre: 'dreve',
  ctr: 'contour',
  vla: 'villa',
  cte: 'cite',
  sqr: 'square',
};

/** Abbreviations of words found inside street names (titles, saints…). */
export const NAME_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
  gal: 'general',
  gen: 'general',
  gl: 'general',
  mal: 'marechal',
  pdt: 'president',
  dr: 'docteur',
  doct: 'docteur',
  cdt: 'commandant',
  cmdt: 'commandant',
  cne: 'capitaine',
  lt: 'lieutenant',
  lieut: 'lieutenant',
  mgr: 'monseigneur',
  prof: 'professeur',
  nd: 'notre dame',
  mme: 'madame',
  mlle: 'mademoiselle',
  vve: 'veuve',
};

/** Full street-type words (normalised). A street name's first token is its type when it is one of these. */
export const STREET_TYPES: ReadonlySet<string> = new Set([
  'rue',
  'avenue',
  'boulevard',
  'place',
  'chemin',
  'allee',
  'impasse',
  'square',
  'route',
  'quai',
  'cours',
  'passage',
  'residence',
  'sentier',
  'sente',
  'promenade',
  'faubourg',
  'lotissement',
  'hameau',
  'halle',
  'parvis',
  'rond',
  'carrefour',
  'esplanade',
  'galerie',
  'chaussee',
  'dreve',
  'contour',
  'villa',
  'cite',
  'domaine',
  'clos',
  'cour',
  'mail',
  'voie',
  'pont',
  'parc',
  'jardin',
  'venelle',
  'ruelle',
  'courtil',
  'pave',
  'rang',
  'quartier',
  'ilot',
  'espace',
  'centre',
  'zone',
  'val',
]);

/** Words that carry no meaning for matching (« rue DE LA paix »). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'a',
  'au',
  'aux',
  'et',
  'en',
  'sur',
  'sous',
  'lez',
  'les',
]);

/** Repetition suffixes of a house number (« 12 bis »). Single letters are also accepted (« 12 b »). */
export const NUMBER_SUFFIXES: Readonly<Record<string, string>> = {
  bis: 'bis',
  b: 'bis',
  ter: 'ter',
  t: 'ter',
  quater: 'quater',
  qua: 'quater',
  q: 'quater',
  quinquies: 'quinquies',
  quinq: 'quinquies',
};

/** One typed word: its normalised form and the word(s) it stands for once abbreviations are expanded. */
export interface QueryToken {
  /** Normalised word as typed (« st »). */
  raw: string;
  /** Expanded words (« saint »); `[raw]` when it is no abbreviation. */
  words: string[];
}

/**
 * Normalised words of a text, each with its expansion. Street-type abbreviations (« r », « av », « bd »…) and name
 * abbreviations (« st », « gal », « dr »…) are expanded, except a single letter right after a number, which is a
 * repetition suffix (« 12 b ») — « r » excepted (« 12 r Blanche »). The raw form is kept so that an unfinished
 * word can still be matched as a prefix while typing (« all » → « allende »).
 *
 * @example
 * tokenizeQuery('r. st pierre').map((t) => t.words.join(' ')) // → ['rue', 'saint', 'pierre']
 */
export function tokenizeQuery(text: string): QueryToken[] {
  const normalized = normalizeText(text);
  const out: QueryToken[] = [];
  if (normalized === '') return out;
  const raw = normalized.split(' ');
  let afterNumber = false;
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const expansion = afterNumber && token.length === 1 && token !== 'r' ? undefined : EXPANSIONS.get(token);
    // A fresh array per token: callers own their tokens.
    out.push({ raw: token, words: expansion ? expansion.slice() : [token] });
    afterNumber = isDigits(token);
  }
  return out;
}

/** Expanded words of every abbreviation, split once (name abbreviations first, as they win over street types). */
const EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map(
  [...Object.entries(STREET_TYPE_ABBREVIATIONS), ...Object.entries(NAME_ABBREVIATIONS)].map(
    ([short, full]) => [short, full.split(' ')],
  ),
);

/** True for a non-empty run of ASCII digits (`/^\d+$/` without the regex). */
function isDigits(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Normalised tokens with abbreviations expanded (see {@link tokenizeQuery}).
 *
 * @example
 * tokenize('r. st pierre') // → ['rue', 'saint', 'pierre']
 * tokenize('12 bis Av. du Gal de Gaulle') // → ['12', 'bis', 'avenue', 'du', 'general', 'de', 'gaulle']
 */
export function tokenize(text: string): string[] {
  return tokenizeQuery(text).flatMap((t) => t.words);
}

/**
 * Key used to compare two street names: tokens with abbreviations expanded, joined by one space.
 *
 * @example
 * streetKey('Rue Saint-Pierre') === streetKey('r. st pierre') // → true
 */
export function streetKey(name: string): string {
  return tokenize(name).join(' ');
}

/**
 * True for a normalised token that is a French postcode (5 digits, 01000–98999).
 *
 * @example
 * isPostcode('59170') // → true
 */
export function isPostcode(token: string): boolean {
  return /^\d{5}$/.test(token) && token >= '01000' && token <= '98999';
}

/**
 * True for a token that can be a house number (1 to 4 digits, not 0).
 *
 * @example
 * isHouseNumber('12') // → true; isHouseNumber('59170') → false
 */
export function isHouseNumber(token: string): boolean {
  return /^\d{1,4}$/.test(token) && Number(token) > 0;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Levenshtein distance bounded by `max` (returns `max + 1` as soon as it is exceeded).
 *
 * @example
 * boundedEditDistance('chevreuil', 'chevreul', 2) // → 1
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  // Two rows reused across calls (called for every commune and vocabulary word a query is compared with).
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length]!;
}

/**
 * Edits allowed when matching a typed word against a known one: none below 4 letters, 1 up to 7, 2 beyond.
 *
 * @example
 * allowedTypos(8) // → 2
 */
export function allowedTypos(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}
