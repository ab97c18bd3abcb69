// From the bytes of an uploaded file to an `InputTable`, or a clear French error. The same functions serve the
// browser's worker (a whole file) and the CLI (which streams CSV through `RowScanner` and the same sniffers, and
// reads XLSX and UTF-16 files whole through `readInputTable`), so both read a file the same way.

import { detectDelimiter, parseCsv } from './csv.ts';
import { type DecodedText, decodeText, sniffFileKind, type TextEncodingName } from './decode.ts';
import { BatchInputError } from './errors.ts';
import { SNIFF_BYTES } from './limits.ts';
import { RowScanner } from './row-scanner.ts';
import { type Delimiter, type InputTable, makeColumnNames, type TableSource } from './table.ts';
import { decodeWindows1252 } from './windows-1252.ts';
import { readXlsx, XLSX_UNREADABLE_MESSAGE } from './xlsx.ts';

export { BatchInputError };

/** Rows above which the browser warns that the CLI may be more comfortable (the page still works). */
export const LARGE_FILE_ROWS = 200_000;

export const XLS_MESSAGE =
  'Ce fichier est au format Excel 97-2003 (.xls), que nous ne savons pas lire. Dans Excel, faites « Enregistrer sous » au format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) ».';
export const BINARY_MESSAGE =
  'Ce fichier n’est ni un CSV ni un classeur Excel (.xlsx) : son contenu n’est pas du texte. Exportez votre tableau au format CSV ou XLSX.';

/**
 * Builds a table from parsed rows through the shared `RowScanner` (header after leading blank lines, trailing blank
 * lines dropped, shape warnings).
 *
 * @example
 * tableFromRows([[''], ['Adresse'], ['12 Rue Blanche']], source, []).header; // ['Adresse']
 */
export function tableFromRows(
  rawRows: readonly string[][],
  source: TableSource,
  warnings: readonly string[],
): InputTable {
  const scanner = new RowScanner();
  const rows: string[][] = [];
  for (const row of rawRows) for (const data of scanner.push(row)) rows.push(data);
  for (const data of scanner.end()) rows.push(data);
  const summary = scanner.summary(warnings);
  return {
    header: summary.header,
    columnNames: makeColumnNames(summary.header, summary.width),
    rows,
    source,
    warnings: summary.warnings,
  };
}

/**
 * Decodes the first bytes of a text file in the encoding chosen for the whole file (a character cut at the end
 * of the slice becomes U+FFFD, harmless for sniffing) and detects the delimiter on them.
 *
 * @example
 * delimiterFromHead(new TextEncoder().encode('Adresse;CP\n12 Rue Blanche;59170'), 'utf-8'); // ';'
 */
export function delimiterFromHead(bytes: Uint8Array, encoding: TextEncodingName): Delimiter {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let text: string;
  if (encoding === 'windows-1252') text = decodeWindows1252(head);
  else if (encoding === 'utf-16le') text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else text = new TextDecoder('utf-8').decode(encoding === 'utf-8-bom' ? head.subarray(3) : head);
  return detectDelimiter(text) ?? ';';
}

/**
 * Parses decoded CSV text into a table.
 *
 * @example
 * tableFromCsvText({ text: 'Adresse;CP\n12 Rue Blanche;59170', encoding: 'utf-8' }, ';').rows; // [['12 Rue Blanche', '59170']]
 */
export function tableFromCsvText(decoded: DecodedText, delimiter: Delimiter): InputTable {
  if (decoded.text.trim() === '') throw new BatchInputError('Le fichier est vide : aucune ligne à vérifier.');
  const parsed = parseCsv(decoded.text, delimiter);
  return tableFromRows(parsed.rows, { kind: 'csv', encoding: decoded.encoding, delimiter }, parsed.warnings);
}

/**
 * Reads a CSV or XLSX file whatever its name: the first bytes decide (an XLSX renamed `.csv` is read as XLSX).
 *
 * @example
 * const table = await readInputTable(bytes);
 * table.columnNames; // ['Bénéficiaire', 'Adresse', 'CP', 'Ville']
 */
export async function readInputTable(bytes: Uint8Array): Promise<InputTable> {
  const kind = sniffFileKind(bytes);
  switch (kind) {
    case 'vide':
      throw new BatchInputError('Le fichier est vide (0 octet).');
    case 'xls':
      throw new BatchInputError(XLS_MESSAGE);
    case 'binaire':
      throw new BatchInputError(BINARY_MESSAGE);
    case 'xlsx': {
      let sheet: ReturnType<typeof readXlsx>;
      try {
        sheet = readXlsx(bytes);
      } catch (error) {
        // A damaged deflate stream or XML: the reader's own error is technical; the user gets the French reason.
        if (error instanceof BatchInputError) throw error;
        throw new BatchInputError(XLSX_UNREADABLE_MESSAGE);
      }
      const warnings = [`Seule la première feuille du classeur (« ${sheet.sheet} ») est lue.`];
      return tableFromRows(sheet.rows, { kind: 'xlsx', sheet: sheet.sheet }, warnings);
    }
    case 'texte': {
      const decoded = decodeText(bytes);
      return tableFromCsvText(decoded, delimiterFromHead(bytes, decoded.encoding));
    }
  }
}
