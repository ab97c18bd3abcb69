// Size and work limits of the file check, each with the French sentence shown when it is reached. The limits are
// far above what an association sends (a few thousand rows) and below what would exhaust a phone or a laptop:
// a file beyond them is refused early with the real reason, never half read.

/** Bytes read from the start of a file to sniff its kind, encoding and delimiter (the rest is streamed). */
export const SNIFF_BYTES = 65_536;
/** Lines looked at to detect the delimiter. */
export const DELIMITER_SNIFF_LINES = 30;
/** Characters of the sniffed text looked at by the delimiter detector (a 1 MB cell does not make it scan 1 MB). */
export const DELIMITER_SNIFF_CHARS = SNIFF_BYTES;
/** Non-blank rows looked at to decide whether the first one is a header. */
export const HEADER_SNIFF_ROWS = 6;
/** Data rows looked at to guess the column mapping. */
export const MAPPING_SAMPLE_ROWS = 50;

/** Rows of data accepted in one file. */
export const MAX_ROWS = 2_000_000;
export const TOO_MANY_ROWS_MESSAGE = `Le fichier dépasse ${MAX_ROWS.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs fichiers.`;

/** Bytes of a file opened in the browser (read whole in the worker). */
export const MAX_BROWSER_FILE_BYTES = 512 * 1024 * 1024;
export const TOO_BIG_FOR_BROWSER_MESSAGE = `Le fichier dépasse ${MAX_BROWSER_FILE_BYTES / 1024 / 1024} Mo : utilisez la vérification en ligne de commande (npm run check-addresses), qui lit les gros fichiers par morceaux.`;

/** Total uncompressed bytes of the parts of an XLSX we read (sheet, shared strings, styles, workbook). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;

/**
 * Refusal of a spreadsheet whose parts would decompress beyond the limit (a « zip bomb » or a huge sheet).
 *
 * @example
 * xlsxTooBigMessage(1024 ** 3); // 'Ce classeur se décompresse en 1 024 Mo, au-delà de la limite de 400 Mo…'
 */
export function xlsxTooBigMessage(bytes: number): string {
  const mb = (value: number) => Math.ceil(value / 1024 / 1024).toLocaleString('fr-FR');
  return `Ce classeur se décompresse en ${mb(bytes)} Mo, au-delà de la limite de ${mb(MAX_XLSX_UNCOMPRESSED_BYTES)} Mo : il n’est pas lu. Enregistrez la feuille au format CSV, ou découpez-la.`;
}

/** Characters of a cell shown in the preview (the export keeps the whole cell). */
export const PREVIEW_CELL_CHARS = 200;
/** Rows shown in the preview. */
export const PREVIEW_ROWS = 8;
