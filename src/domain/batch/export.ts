// Writing results back. Row export: every input row, every original column in order by default (or only the
// address columns when the user asks for data minimisation, or without the columns the user chose to drop: names,
// birth dates…), then our columns. A row corrected by hand keeps its original cells unchanged; the correction is in
// our columns (« correction », « adresse_corrigee »). Summary export: counts only, for funders.
//
// Stamping (geography version + date). The row CSV is stamped in its *file name* only: a comment line (« # … »)
// at the top or bottom would be read by Excel as a data row, shift the header, and break re-imports into the
// association's own tools; an extra column repeated on every row would be noise. The summary is a small report for
// humans, so it carries a « # » first line with the stamp and the method, plus the same file-name stamp.

import { stripAccents } from '../text.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { mappedColumns } from './column-mapping.ts';
import type { TextEncodingName } from './decode.ts';
import { neutraliseCell } from './neutralise.ts';
import { APPROXIMATE_LABEL, CORRECTED_LABEL, type RowVerdict, STATUS_LABELS } from './row-checker.ts';
import type { BatchSummary } from './summary.ts';
import type { Delimiter, InputTable } from './table.ts';
import { encodeWindows1252 } from './windows-1252.ts';

/** Columns appended to every row (names stable: association tools and our CLI read them back). */
export const RESULT_COLUMNS = [
  'qpv_statut',
  'qpv_code',
  'qpv_nom',
  'precision',
  'libelle_trouve',
  'longitude',
  'latitude',
  'motif',
  'lecture',
  'correction',
  'adresse_corrigee',
] as const;

export interface RowExportOptions {
  delimiter: Delimiter;
  /** Keep only the columns used by the mapping (data minimisation, CNIL). */
  minimise: boolean;
  mapping: ColumnMapping;
  /** Original columns left out of the export (personal data the user chose to drop), by index. */
  dropped?: readonly number[];
}

const NEEDS_QUOTES = /["\r\n]/;

/**
 * Quotes a cell when it contains the delimiter, a quote or a newline (RFC 4180; doubled inner quotes).
 *
 * @example
 * csvCell('a;b', ';'); // '"a;b"'
 */
export function csvCell(value: string, delimiter: Delimiter): string {
  return value.includes(delimiter) || NEEDS_QUOTES.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/**
 * One CSV line with CRLF, the line ending Excel and RFC 4180 expect. Every cell is neutralised first (a leading
 * `=`, `+`, `-`, `@`, tab or CR gets an apostrophe: neutralise.ts), so no export can carry a live formula.
 *
 * @example
 * csvLine(['a', 'b;c', '=1+1'], ';'); // "a;\"b;c\";'=1+1\r\n"
 */
export function csvLine(cells: readonly string[], delimiter: Delimiter): string {
  return `${cells.map((value) => csvCell(neutraliseCell(value), delimiter)).join(delimiter)}\r\n`;
}

/**
 * Writes a coordinate: 6 decimals (≈ 0.1 m); decimal comma in `;` files, because French Excel reads « 3,145546 »
 * as a number in a semicolon CSV and « 3.145546 » as text or a date; decimal point otherwise.
 *
 * @example
 * formatCoordinate(3.1456, ';'); // '3,145600'
 */
export function formatCoordinate(value: number | null, delimiter: Delimiter): string {
  if (value === null) return '';
  const text = value.toFixed(6);
  return delimiter === ';' ? text.replace('.', ',') : text;
}

/**
 * The original columns written to the export, in order.
 *
 * @example
 * exportedColumns(table, { minimise: true, mapping: { adresse: 1, commune: 3 } }); // [1, 3]
 * exportedColumns(table, { minimise: false, mapping, dropped: [0] }); // [1, 2, 3] (« Nom » left out)
 */
export function exportedColumns(
  table: InputTable,
  options: Pick<RowExportOptions, 'minimise' | 'mapping' | 'dropped'>,
): number[] {
  const columns = options.minimise
    ? mappedColumns(options.mapping)
    : table.columnNames.map((_, index) => index);
  const dropped = new Set(options.dropped ?? []);
  return dropped.size === 0 ? columns : columns.filter((index) => !dropped.has(index));
}

/**
 * Header line cells: the original header (or generated names when the file had none), then ours.
 *
 * @example
 * exportHeader(table, [1]); // ['Adresse', 'qpv_statut', 'qpv_code', …, 'motif']
 */
export function exportHeader(table: InputTable, columns: readonly number[]): string[] {
  return [
    ...columns.map((index) => table.header?.[index] ?? table.columnNames[index] ?? ''),
    ...RESULT_COLUMNS,
  ];
}

/**
 * Our columns for one verdict.
 *
 * @example
 * verdictCells(verdict, ';')[0]; // 'dans'
 */
export function verdictCells(verdict: RowVerdict, delimiter: Delimiter): string[] {
  return [
    verdict.status,
    verdict.qpvCode,
    verdict.qpvNom,
    verdict.precision,
    verdict.label,
    formatCoordinate(verdict.lon, delimiter),
    formatCoordinate(verdict.lat, delimiter),
    verdict.motif,
    verdict.approximate ? APPROXIMATE_LABEL : '',
    verdict.correctedAddress === undefined ? '' : CORRECTED_LABEL,
    verdict.correctedAddress ?? '',
  ];
}

/**
 * Cells of one exported row: the chosen original cells (missing cells of ragged rows as empty), then ours.
 *
 * @example
 * exportRow(['B1', '12 Rue Blanche'], verdict, [0, 1], ';'); // ['B1', '12 Rue Blanche', 'limite', …]
 */
export function exportRow(
  row: readonly string[],
  verdict: RowVerdict,
  columns: readonly number[],
  delimiter: Delimiter,
): string[] {
  return [...columns.map((index) => row[index] ?? ''), ...verdictCells(verdict, delimiter)];
}

/**
 * The whole row CSV as text (without BOM; `encodeOutput` adds it).
 *
 * @example
 * buildRowCsv(table, verdicts, { delimiter: ';', minimise: false, mapping }).split('\r\n')[0];
 * // 'Bénéficiaire;Adresse;qpv_statut;qpv_code;qpv_nom;precision;libelle_trouve;longitude;latitude;motif'
 */
export function buildRowCsv(
  table: InputTable,
  verdicts: readonly RowVerdict[],
  options: RowExportOptions,
): string {
  const columns = exportedColumns(table, options);
  const parts: string[] = [csvLine(exportHeader(table, columns), options.delimiter)];
  table.rows.forEach((row, index) => {
    const verdict = verdicts[index];
    if (!verdict) throw new Error(`Ligne ${index + 1} sans verdict : export impossible.`);
    parts.push(csvLine(exportRow(row, verdict, columns, options.delimiter), options.delimiter));
  });
  return parts.join('');
}

/** « 25/11/2026 » and « 2026-11-25 » for a date. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Summary CSV: a « # » stamp line, then one line per status and per QPV. Counts only: no address leaves.
 *
 * @example
 * buildSummaryCsv(summary, { geographyVersion: 'QP 2024', date: new Date() }, ';').split('\r\n')[2]; // 'total;120;100'
 */
export function buildSummaryCsv(
  summary: BatchSummary,
  stamp: { geographyVersion: string; date: Date },
  delimiter: Delimiter,
): string {
  const share = (value: number) => {
    const text = (value * 100).toFixed(1);
    return delimiter === ';' ? text.replace('.', ',') : text;
  };
  const lines = [
    `# Périmètre — vérification QPV ; géographie ${stamp.geographyVersion} ; ${isoDate(stamp.date)} ; test géométrique indicatif, seule la réponse de sig.ville.gouv.fr fait foi\r\n`,
    csvLine(['indicateur', 'nombre', 'part_pourcent'], delimiter),
    csvLine(['total', String(summary.total), '100'], delimiter),
  ];
  for (const status of ['dans', 'hors', 'limite', 'introuvable'] as const) {
    const count = summary.counts[status];
    lines.push(
      csvLine(
        [
          `${status} (${STATUS_LABELS[status]})`,
          String(count),
          share(summary.total ? count / summary.total : 0),
        ],
        delimiter,
      ),
    );
  }
  lines.push(
    csvLine(
      [
        'dans ou limite (borne haute)',
        String(summary.counts.dans + summary.counts.limite),
        share(summary.shareInQpvUpperBound),
      ],
      delimiter,
    ),
  );
  for (const qpv of summary.byQpv) {
    lines.push(
      csvLine(
        [
          `dans ${qpv.code} ${qpv.nom}`,
          String(qpv.count),
          share(summary.total ? qpv.count / summary.total : 0),
        ],
        delimiter,
      ),
    );
  }
  return lines.join('');
}

/**
 * File names stamped with the geography and the date: `beneficiaires-qpv-QP-2024-2026-11-25.csv`.
 *
 * @example
 * exportFileName('Bénéficiaires.xlsx', 'lignes', 'QP 2024, décret …', new Date('2026-11-25')); // 'Beneficiaires-qpv-QP-2024-2026-11-25.csv'
 */
export function exportFileName(
  inputName: string,
  kind: 'lignes' | 'synthese',
  geographyVersion: string,
  date: Date,
): string {
  const base =
    stripAccents(inputName.replace(/\.[^.]+$/, ''))
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'fichier';
  // « QP 2024, décret n° … » → « QP-2024 »: the short name is enough in a file name.
  const geography =
    (geographyVersion.split(/[,(]/)[0] ?? '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') ||
    'geographie';
  const suffix = kind === 'lignes' ? 'qpv' : 'qpv-synthese';
  return `${base}-${suffix}-${geography}-${isoDate(date)}.csv`;
}

export interface EncodedOutput {
  bytes: Uint8Array;
  /** Characters replaced by `?` (Windows-1252 only). */
  replaced: number;
  replacedSamples: string[];
}

/**
 * Encodes the output text: UTF-8 (with the BOM Excel needs to detect it when `utf-8-bom`) or Windows-1252 via our
 * small encoder (TextEncoder is UTF-8 only).
 *
 * @example
 * encodeOutput('é', 'windows-1252').bytes; // Uint8Array [0xe9]
 */
export function encodeOutput(text: string, encoding: TextEncodingName): EncodedOutput {
  if (encoding === 'windows-1252') return encodeWindows1252(text);
  if (encoding === 'utf-16le') {
    // TextEncoder has no UTF-16: write the code units little-endian after the FF FE byte-order mark.
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      bytes[2 + index * 2] = unit & 0xff;
      bytes[3 + index * 2] = unit >> 8;
    }
    return { bytes, replaced: 0, replacedSamples: [] };
  }
  const body = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return { bytes: body, replaced: 0, replacedSamples: [] };
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return { bytes, replaced: 0, replacedSamples: [] };
}

/**
 * An encoder for an output written in pieces (the CLI's stream): the byte-order mark only before the first piece,
 * so that the pieces concatenated equal `encodeOutput` of the whole text.
 *
 * @example
 * const encode = createOutputEncoder('utf-8-bom');
 * encode('a').bytes; // EF BB BF 61
 * encode('b').bytes; // 62
 */
export function createOutputEncoder(encoding: TextEncodingName): (text: string) => EncodedOutput {
  let first = true;
  return (text) => {
    const bom = first;
    first = false;
    if (encoding === 'utf-8-bom' && !bom) return encodeOutput(text, 'utf-8');
    if (encoding === 'utf-16le' && !bom) {
      const encoded = encodeOutput(text, 'utf-16le');
      return { ...encoded, bytes: encoded.bytes.subarray(2) };
    }
    return encodeOutput(text, encoding);
  };
}

/**
 * The default output encoding: the input's for a CSV; UTF-8 with BOM for an XLSX (Excel opens it correctly).
 *
 * @example
 * defaultOutputEncoding(tableReadFromExcelCsv); // 'windows-1252'
 */
export function defaultOutputEncoding(table: InputTable): TextEncodingName {
  return table.source.kind === 'csv' ? table.source.encoding : 'utf-8-bom';
}

/**
 * The default delimiter: the input's for a CSV; `;` for an XLSX (French Excel's list separator).
 *
 * @example
 * defaultOutputDelimiter(tableReadFromXlsx); // ';'
 */
export function defaultOutputDelimiter(table: InputTable): Delimiter {
  return table.source.kind === 'csv' ? table.source.delimiter : ';';
}
