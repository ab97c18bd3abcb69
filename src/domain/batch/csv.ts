// CSV reading: delimiter detection and parsing with papaparse (it handles quotes, doubled quotes and newlines inside
// quoted fields, which hand-written splitters get wrong). Pure: text in, rows out.

import Papa from 'papaparse';
import { DELIMITER_SNIFF_CHARS, DELIMITER_SNIFF_LINES } from './limits.ts';
import type { Delimiter } from './table.ts';

export const UNCLOSED_QUOTE_MESSAGE =
  'Un guillemet (") ouvert n’est jamais fermé : la fin du fichier a pu être lue comme une seule cellule. Vérifiez les lignes concernées.';

/**
 * French warnings for papaparse's errors (the same for the whole-file parse and the CLI's streamed one).
 *
 * @example
 * csvParseWarnings([{ code: 'MissingQuotes' }]); // [UNCLOSED_QUOTE_MESSAGE]
 */
export function csvParseWarnings(errors: readonly { code: string }[]): string[] {
  return errors.some((error) => error.code === 'MissingQuotes') ? [UNCLOSED_QUOTE_MESSAGE] : [];
}

const CANDIDATES: readonly Delimiter[] = [';', ',', '\t'];

/**
 * Counts a character outside double quotes on each of the first lines of `text` (quote-aware, newline-aware).
 * Looks at most at `DELIMITER_SNIFF_CHARS` characters: a 1 MB cell costs no more than a 64 KB one.
 */
function countPerLine(text: string, char: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  let lineHasContent = false;
  const end = Math.min(text.length, DELIMITER_SNIFF_CHARS);
  for (let index = 0; index < end && counts.length < maxLines; index += 1) {
    const current = text[index];
    if (current === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (current === '\n' || current === '\r')) {
      if (lineHasContent) counts.push(count);
      count = 0;
      lineHasContent = false;
      continue;
    } else if (!inQuotes && current === char) count += 1;
    lineHasContent = true;
  }
  if (lineHasContent && counts.length < maxLines) counts.push(count);
  return counts;
}

/**
 * Detects the delimiter among `;` `,` and tab from the first 30 lines: the candidate found on the first line and
 * repeated the same number of times on most other lines wins. French Excel writes `;`; a single-column file of
 * addresses like « 12 Rue Blanche, 59170 Croix » has commas in data lines but none in its header, so it is not
 * split. Returns `null` when no candidate fits (one column).
 *
 * @example
 * detectDelimiter('Adresse;CP\n12 Rue Blanche;59170'); // ';'
 * detectDelimiter('Adresse\n12 Rue Blanche, 59170 Croix'); // null
 */
export function detectDelimiter(text: string): Delimiter | null {
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const counts = countPerLine(text, delimiter, DELIMITER_SNIFF_LINES);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const agreeing = counts.filter((count) => count === first).length;
    // Consistency first (a quoted comma in a `;` file must not win), then the number of columns.
    const score = agreeing / counts.length + first / 1000;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best && best.score >= 0.5 ? best.delimiter : null;
}

export interface ParsedCsv {
  rows: string[][];
  /** Parse problems worth telling the user (unclosed quote…), in French. */
  warnings: string[];
}

/**
 * Parses CSV text into rows of strings. Keeps blank lines inside the file (they are rows of the user's file and come
 * back in the export) but drops trailing blank lines (the usual final newline).
 *
 * @example
 * parseCsv('a;"b\nc"\n1;2\n', ';').rows; // [['a', 'b\nc'], ['1', '2']]
 */
export function parseCsv(text: string, delimiter: Delimiter): ParsedCsv {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  const rows = result.data;
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1]!)) rows.pop();
  return { rows, warnings: csvParseWarnings(result.errors) };
}

/**
 * True when every cell of the row is empty or spaces.
 *
 * @example
 * isBlankRow(['', '  ']); // true
 */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
