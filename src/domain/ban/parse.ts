// Streaming reader of the official Base Adresse Nationale CSV (adresse.data.gouv.fr: `adresses-59.csv[.gz]` for the
// Nord, or `adresses-<insee>.csv` for one commune): `;`-separated UTF-8, columns found by header name (schema
// `adresses-csv.md`: id, id_fantoir, numero, rep, nom_voie, code_postal, code_insee, …, lon, lat, type_position, …).
// Text arrives in chunks of any size (Web Worker after DecompressionStream, Node stream after zlib); only the rows
// of the covered communes are kept, in a {@link BanTableBuilder}. Shared by the browser and the CLI / data build.
// Every problem is a {@link BanFileError} with a French message meant for the person who chose the file.

import { ADDRESS_COLUMNS } from '../data-types.ts';
import { type BanRecord, type BanTable, BanTableBuilder } from './table.ts';

/** Columns the app needs, by BAN header name: those of the compact address table (one list, ../data-types.ts). */
export const BAN_REQUIRED_COLUMNS = ADDRESS_COLUMNS;

/** The département the app covers (Croix and its neighbours are all in the Nord). */
export const BAN_DEPARTEMENT = '59';

const DOWNLOAD_HINT =
  'Téléchargez le fichier du Nord « adresses-59.csv.gz » (ou celui d’une commune, « adresses-59163.csv ») sur adresse.data.gouv.fr, rubrique « Données nationales ».';

/** A BAN file that cannot be used; `message` is plain French for the user. */
export class BanFileError extends Error {
  override name = 'BanFileError';
}

export interface BanParserOptions {
  /** INSEE codes of the communes to keep. */
  communes: ReadonlySet<string>;
}

/** Counts of a finished read. */
export interface BanReadStats {
  /** Data rows read. */
  rows: number;
  /** Rows kept (covered communes). */
  kept: number;
  /** Rows of the covered communes left out because a number or a coordinate was unreadable. */
  skipped: number;
}

/** Département of an INSEE code (« 59 », « 2A », « 971 »). */
function departementOf(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/** Splits a line on `;`, honouring double quotes (the official files do not quote, other tools may). */
function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/**
 * Incremental BAN reader: `push` text chunks, then `finish` to get the table of the covered communes.
 *
 * @example
 * const parser = new BanParser({ communes: new Set(['59163']) });
 * parser.push(text.slice(0, 1000));
 * parser.push(text.slice(1000));
 * const { table, stats } = parser.finish('2026-11-30', 'adresses-59.csv'); // throws BanFileError on a bad file
 */
export class BanParser {
  private readonly builder = new BanTableBuilder();
  private readonly communes: ReadonlySet<string>;
  private rest = '';
  private header: number[] | null = null;
  private lastIndex = 0;
  private lineNumber = 0;
  private readonly departements = new Map<string, number>();
  private readonly stats: BanReadStats = { rows: 0, kept: 0, skipped: 0 };

  constructor(options: BanParserOptions) {
    this.communes = options.communes;
  }

  /** Rows read so far. */
  get rows(): number {
    return this.stats.rows;
  }

  /** Feeds the next chunk of text (any size, may cut a line anywhere). */
  push(chunk: string): void {
    const text = this.rest === '' ? chunk : this.rest + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      this.line(text, start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end, false);
      start = end + 1;
    }
    this.rest = text.slice(start);
  }

  /**
   * Ends the read and builds the table. Throws a {@link BanFileError} when nothing of the covered communes was
   * found (another département, a commune outside the area, an empty file).
   */
  finish(date: string, source: string): { table: BanTable; stats: BanReadStats } {
    if (this.rest !== '') {
      const text = this.rest;
      this.rest = '';
      this.line(text, 0, text.length, true);
    }
    if (!this.header) throw new BanFileError(`Le fichier est vide. ${DOWNLOAD_HINT}`);
    if (this.stats.rows === 0)
      throw new BanFileError(`Le fichier ne contient aucune adresse. ${DOWNLOAD_HINT}`);
    if (this.stats.kept === 0) {
      const [main] = [...this.departements].sort((a, b) => b[1] - a[1])[0]!;
      if (main !== BAN_DEPARTEMENT) {
        throw new BanFileError(
          `Ce fichier concerne le département ${main}, pas le Nord (59) : il ne contient aucune adresse de Croix ni des communes voisines. ${DOWNLOAD_HINT}`,
        );
      }
      throw new BanFileError(
        `Ce fichier ne contient aucune adresse des communes couvertes par la carte (Croix et ses voisines de la Métropole européenne de Lille). ${DOWNLOAD_HINT}`,
      );
    }
    return { table: this.builder.build(date, source), stats: { ...this.stats } };
  }

  private line(text: string, start: number, end: number, last: boolean): void {
    this.lineNumber++;
    if (end <= start) return;
    if (!this.header) {
      this.readHeader(text.slice(start, end));
      return;
    }
    this.stats.rows++;
    const line = text.slice(start, end);
    const fields = line.includes('"') ? splitQuoted(line) : null;
    // Fast path: fields cut with indexOf up to the last needed column.
    const get = (k: number) => this.get(k);
    if (!this.cut(line, fields)) {
      if (last) {
        throw new BanFileError(
          `Le fichier est incomplet : sa dernière ligne (${this.lineNumber}) est coupée. Le téléchargement a sans doute été interrompu : téléchargez-le à nouveau.`,
        );
      }
      throw new BanFileError(
        `La ligne ${this.lineNumber} n’a pas toutes les colonnes de la Base Adresse Nationale : ce fichier n’est pas au format attendu. ${DOWNLOAD_HINT}`,
      );
    }
    const insee = get(4);
    const dep = departementOf(insee);
    this.departements.set(dep, (this.departements.get(dep) ?? 0) + 1);
    if (!this.communes.has(insee)) return;
    const numeroText = get(0);
    const lonText = get(5);
    const latText = get(6);
    const numero = Number(numeroText);
    const lon = Number(lonText);
    const lat = Number(latText);
    if (
      numeroText === '' ||
      lonText === '' ||
      latText === '' ||
      !Number.isInteger(numero) ||
      numero < 0 ||
      numero > 0xffffffff ||
      !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)
    ) {
      this.stats.skipped++;
      return;
    }
    const record: BanRecord = {
      numero,
      rep: get(1).trim(),
      nom_voie: get(2).trim(),
      code_postal: get(3).trim(),
      code_insee: insee,
      lon,
      lat,
      type_position: get(7).trim(),
    };
    if (record.nom_voie === '') {
      this.stats.skipped++;
      return;
    }
    this.builder.add(record);
    this.stats.kept++;
  }

  /** Positions of the `;` of the current line (fast path), reused from line to line. */
  private readonly cuts = new Int32Array(64);
  private current = '';
  private quoted: string[] | null = null;

  /** Prepares the field reads of a line; false when the line has too few fields. */
  private cut(line: string, fields: string[] | null): boolean {
    this.current = line;
    this.quoted = fields;
    if (fields) return fields.length >= this.lastIndex + 1;
    const cuts = this.cuts;
    cuts[0] = -1;
    let at = -1;
    for (let c = 0; c <= this.lastIndex; c++) {
      at = line.indexOf(';', at + 1);
      if (at < 0) {
        if (c !== this.lastIndex) return false;
        cuts[c + 1] = line.length;
        return true;
      }
      cuts[c + 1] = at;
    }
    return true;
  }

  /** Field `k` of {@link BAN_REQUIRED_COLUMNS} of the line prepared by {@link cut}. */
  private get(k: number): string {
    const col = this.header![k]!;
    if (this.quoted) return this.quoted[col] ?? '';
    return this.current.slice(this.cuts[col]! + 1, this.cuts[col + 1]!);
  }

  private readHeader(raw: string): void {
    const names = splitQuoted(raw.replace(/^\uFEFF/, '')).map((n) => n.trim().toLowerCase());
    const missing = BAN_REQUIRED_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length > 0) {
      const looksCompressed = [...raw.slice(0, 200)].some((c) => c === '\uFFFD' || c.charCodeAt(0) < 9);
      throw new BanFileError(
        looksCompressed
          ? `Ce fichier n’est pas un fichier CSV lisible de la Base Adresse Nationale. ${DOWNLOAD_HINT}`
          : `Ce fichier n’a pas les colonnes de la Base Adresse Nationale (il manque : ${missing.join(', ')}). ${DOWNLOAD_HINT}`,
      );
    }
    this.header = BAN_REQUIRED_COLUMNS.map((c) => names.indexOf(c));
    this.lastIndex = Math.max(...this.header);
  }
}
