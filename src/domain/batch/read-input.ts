// From the bytes of an uploaded file to an `InputTable`, or a clear French error. The XLSX reader is injected
// (read-excel-file has one entry point per platform: `/browser` in the worker, `/node` in the CLI) so that this
// module stays pure.

import { looksLikeHeader } from './column-mapping.ts';
import { detectDelimiter, isBlankRow, parseCsv } from './csv.ts';
import { type DecodedText, decodeText, sniffFileKind } from './decode.ts';
import { type Delimiter, type InputTable, makeColumnNames, type TableSource, tableWidth } from './table.ts';

/** A sheet as read-excel-file gives it: rows of cells (string, number, boolean, Date or null). */
export type SheetCells = ReadonlyArray<ReadonlyArray<unknown>>;
/** Reads the first sheet of an XLSX file. */
export type XlsxReader = (bytes: Uint8Array) => Promise<{ sheet: string; rows: SheetCells }>;

/** An input we cannot read, with a message for the user. */
export class BatchInputError extends Error {
  override name = 'BatchInputError';
}

/** Rows above which the browser warns that the CLI may be more comfortable (the page still works). */
export const LARGE_FILE_ROWS = 200_000;

/**
 * Text of a spreadsheet cell as the user sees it (dates as JJ/MM/AAAA, numbers without exponent when possible).
 *
 * @example
 * cellToText(59170); // '59170'
 * cellToText(null); // ''
 */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  return String(value);
}

/**
 * Builds a table from rows whose first row may be a header. Trailing blank rows are dropped.
 *
 * @example
 * tableFromRows([['Adresse'], ['12 Rue Blanche']], source, []).header; // ['Adresse']
 */
export function tableFromRows(rawRows: string[][], source: TableSource, warnings: string[]): InputTable {
  const rows = rawRows;
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1]!)) rows.pop();
  if (rows.length === 0) throw new BatchInputError('Le fichier est vide : aucune ligne à vérifier.');
  const hasHeader = looksLikeHeader(rows.slice(0, 6));
  const header = hasHeader ? rows[0]!.map((cell) => cell.trim()) : null;
  const dataRows = hasHeader ? rows.slice(1) : rows;
  if (dataRows.length === 0) {
    throw new BatchInputError('Le fichier ne contient que la ligne d’en-tête : aucune adresse à vérifier.');
  }
  const width = tableWidth(header, dataRows);
  const ragged = dataRows.filter((row) => row.length !== width && !isBlankRow(row)).length;
  const allWarnings = [...warnings];
  if (ragged > 0) {
    allWarnings.push(
      `${ragged} ligne${ragged > 1 ? 's n’ont' : ' n’a'} pas le même nombre de colonnes que les autres : les cellules manquantes sont considérées vides.`,
    );
  }
  if (header && new Set(header.map((name) => name.toLocaleLowerCase('fr'))).size !== header.length) {
    allWarnings.push(
      'Plusieurs colonnes portent le même nom : elles sont numérotées « (2) », « (3) »… pour les distinguer.',
    );
  }
  return {
    header,
    columnNames: makeColumnNames(header, width),
    rows: dataRows,
    source,
    warnings: allWarnings,
  };
}

/**
 * Parses decoded CSV text into a table.
 *
 * @example
 * tableFromCsvText({ text: 'Adresse;CP\n12 Rue Blanche;59170', encoding: 'utf-8' }).rows; // [['12 Rue Blanche', '59170']]
 */
export function tableFromCsvText(decoded: DecodedText): InputTable {
  if (decoded.text.trim() === '') throw new BatchInputError('Le fichier est vide : aucune ligne à vérifier.');
  const sample = decoded.text.slice(0, 65_536);
  const delimiter: Delimiter = detectDelimiter(sample) ?? ';';
  const parsed = parseCsv(decoded.text, delimiter);
  return tableFromRows(parsed.rows, { kind: 'csv', encoding: decoded.encoding, delimiter }, parsed.warnings);
}

/**
 * Reads a CSV or XLSX file whatever its name: the first bytes decide (an XLSX renamed `.csv` is read as XLSX).
 *
 * @example
 * const table = await readInputTable(bytes, readXlsx);
 * table.columnNames; // ['Bénéficiaire', 'Adresse', 'CP', 'Ville']
 */
export async function readInputTable(bytes: Uint8Array, readXlsx: XlsxReader): Promise<InputTable> {
  const kind = sniffFileKind(bytes);
  switch (kind) {
    case 'vide':
      throw new BatchInputError('Le fichier est vide (0 octet).');
    case 'xls':
      throw new BatchInputError(
        'Ce fichier est au format Excel 97-2003 (.xls), que nous ne savons pas lire. Dans Excel, faites « Enregistrer sous » au format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) ».',
      );
    case 'binaire':
      throw new BatchInputError(
        'Ce fichier n’est ni un CSV ni un classeur Excel (.xlsx) : son contenu n’est pas du texte. Exportez votre tableau au format CSV ou XLSX.',
      );
    case 'xlsx': {
      let sheet: { sheet: string; rows: SheetCells };
      try {
        sheet = await readXlsx(bytes);
      } catch {
        throw new BatchInputError(
          'Ce fichier ressemble à un classeur Excel (.xlsx) mais il est illisible (abîmé, protégé par mot de passe ou d’un autre format compressé).',
        );
      }
      const rows = sheet.rows.map((row) => row.map(cellToText));
      const warnings = [`Seule la première feuille du classeur (« ${sheet.sheet} ») est lue.`];
      return tableFromRows(rows, { kind: 'xlsx', sheet: sheet.sheet }, warnings);
    }
    case 'texte':
      return tableFromCsvText(decodeText(bytes));
  }
}
