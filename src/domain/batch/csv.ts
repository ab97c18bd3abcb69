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
function countPerLine(text: string, char: string, maxLines: number, truncated: boolean): number[] {
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
  // A line cut by the sniffing window (one huge cell) is not counted: its count says nothing about the others.
  if (lineHasContent && counts.length < maxLines && end === text.length && !truncated) counts.push(count);
  return counts;
}

/**
 * Detects the delimiter among `;` `,` and tab from the first 30 lines: the candidate found on the first line and
 * repeated the same number of times on most other lines wins. French Excel writes `;`; a single-column file of
 * addresses like « 12 Rue Blanche, 59170 Croix » has commas in data lines but none in its header, so it is not
 * split. Returns `null` when no candidate fits (one column). `truncated` says `text` is only the start of the file:
 * its last, unfinished line is then not counted.
 *
 * @example
 * detectDelimiter('Adresse;CP\n12 Rue Blanche;59170'); // ';'
 * detectDelimiter('Adresse\n12 Rue Blanche, 59170 Croix'); // null
 */
export function detectDelimiter(text: string, truncated = false): Delimiter | null {
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const counts = countPerLine(text, delimiter, DELIMITER_SNIFF_LINES, truncated);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const agreeing = counts.filter((count) => count === first).length;
    // Consistency first (a quoted comma in a `;` file must not win), then the number of columns — capped, so that
    // a first line full of commas (one long cell « a,a,a,… ») cannot outweigh consistency and split the file into
    // half a million columns.
    const score = agreeing / counts.length + Math.min(first, 100) / 1_000_000;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best && best.score >= 0.5 ? best.delimiter : null;
}

export type Newline = '\r\n' | '\n' | '\r';

/**
 * The line break of a file: the first one outside double quotes in its first bytes; `\n` when none is there (a
 * first line longer than the sniffing window), which at worst leaves a stray `\r` at the end of a row's last cell,
 * never merges rows. Decided once on the same bytes by the browser and the CLI, so both split rows alike.
 *
 * @example
 * detectNewline('a;b\r\n1;2'); // '\r\n'
 * detectNewline('"x\r\ny"\n1'); // '\n'
 */
export function detectNewline(text: string): Newline {
  let inQuotes = false;
  const end = Math.min(text.length, DELIMITER_SNIFF_CHARS);
  for (let index = 0; index < end; index += 1) {
    const current = text[index];
    if (current === '"') inQuotes = !inQuotes;
    else if (!inQuotes && current === '\n') return '\n';
    else if (!inQuotes && current === '\r')
      return text[index + 1] === '\n' ? '\r\n' : index + 1 < text.length ? '\r' : '\r\n';
  }
  return '\n';
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
export function parseCsv(text: string, delimiter: Delimiter, newline?: Newline): ParsedCsv {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    header: false,
    ...(newline ? { newline } : {}),
  });
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
