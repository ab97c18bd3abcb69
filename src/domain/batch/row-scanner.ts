// The one place that turns parsed rows into data rows, for the browser (a whole file) and the CLI (a stream, twice):
// leading blank lines before a header are skipped, the header is decided on the first non-blank rows, blank lines
// inside the file are kept (they are rows of the user's file), trailing blank lines (the final newline) are dropped,
// and the warnings (ragged rows, duplicate column names, unclosed quote) are worded once.

import { looksLikeHeader } from './column-mapping.ts';
import { isBlankRow } from './csv.ts';
import { BatchInputError } from './errors.ts';
import { HEADER_SNIFF_ROWS, MAPPING_SAMPLE_ROWS, MAX_ROWS, TOO_MANY_ROWS_MESSAGE } from './limits.ts';

/** What a scan learnt about the file: enough to name the columns, guess the mapping and warn. */
export interface ScanSummary {
  header: string[] | null;
  /** Widest of the header and every data row. */
  width: number;
  rowCount: number;
  /** First data rows (for the mapping guess). */
  sample: string[][];
  /** French warnings about the shape of the file. */
  warnings: string[];
}

export const EMPTY_FILE_MESSAGE = 'Le fichier est vide : aucune ligne à vérifier.';
export const HEADER_ONLY_MESSAGE =
  'Le fichier ne contient que la ligne d’en-tête : aucune adresse à vérifier.';

/**
 * Warnings about the shape of a table, worded once for the page and the CLI.
 *
 * @example
 * shapeWarnings(['A', 'a'], 0); // ['Plusieurs colonnes portent le même nom : …']
 */
export function shapeWarnings(header: readonly string[] | null, ragged: number): string[] {
  const warnings: string[] = [];
  if (ragged > 0) {
    warnings.push(
      `${ragged} ligne${ragged > 1 ? 's n’ont' : ' n’a'} pas le même nombre de colonnes que les autres : les cellules manquantes sont considérées vides.`,
    );
  }
  if (header && new Set(header.map((name) => name.toLocaleLowerCase('fr'))).size !== header.length) {
    warnings.push(
      'Plusieurs colonnes portent le même nom : elles sont numérotées « (2) », « (3) »… pour les distinguer.',
    );
  }
  return warnings;
}

/**
 * Incremental scanner: `push` each parsed row, `end` at the end of the file; both return the data rows released
 * (a row is held back while the header is undecided, a blank row until a non-blank one follows it).
 *
 * @example
 * const scanner = new RowScanner();
 * [...scanner.push(['', '']), ...scanner.push(['Adresse']), ...scanner.push(['12 Rue Blanche']), ...scanner.end()];
 * // [['12 Rue Blanche']]; scanner.summary().header → ['Adresse']
 */
export class RowScanner {
  private deciding = true;
  private held: string[][] = [];
  private heldNonBlank = 0;
  private blanks: string[][] = [];
  private header: string[] | null = null;
  private width = 0;
  private rowCount = 0;
  private sample: string[][] = [];
  private readonly lengths = new Map<number, number>();
  private ended = false;

  push(row: string[]): string[][] {
    if (this.deciding) {
      this.held.push(row);
      if (!isBlankRow(row)) this.heldNonBlank += 1;
      if (this.heldNonBlank < HEADER_SNIFF_ROWS) return [];
      return this.decide();
    }
    return this.release(row);
  }

  end(): string[][] {
    this.ended = true;
    const released = this.deciding ? this.decide() : [];
    this.blanks = [];
    return released;
  }

  /** After `end`: the header, width, count, sample and warnings; throws when the file holds no data row. */
  summary(parseWarnings: readonly string[] = []): ScanSummary {
    if (!this.ended) throw new Error('RowScanner.summary avant end');
    if (this.rowCount === 0)
      throw new BatchInputError(this.header ? HEADER_ONLY_MESSAGE : EMPTY_FILE_MESSAGE);
    let ragged = 0;
    for (const [length, count] of this.lengths) if (length !== this.width) ragged += count;
    return {
      header: this.header,
      width: this.width,
      rowCount: this.rowCount,
      sample: this.sample,
      warnings: [...parseWarnings, ...shapeWarnings(this.header, ragged)],
    };
  }

  private decide(): string[][] {
    this.deciding = false;
    const nonBlank = this.held.filter((row) => !isBlankRow(row)).slice(0, HEADER_SNIFF_ROWS);
    let rest = this.held;
    if (looksLikeHeader(nonBlank)) {
      const at = this.held.findIndex((row) => !isBlankRow(row));
      this.header = this.held[at]!.map((cell) => cell.trim());
      this.width = this.header.length;
      rest = this.held.slice(at + 1);
    }
    this.held = [];
    const released: string[][] = [];
    for (const row of rest) released.push(...this.release(row));
    return released;
  }

  private release(row: string[]): string[][] {
    if (isBlankRow(row)) {
      this.blanks.push(row);
      return [];
    }
    const released = [...this.blanks, row];
    this.blanks = [];
    for (const data of released) this.count(data);
    return released;
  }

  private count(row: string[]): void {
    this.rowCount += 1;
    if (this.rowCount > MAX_ROWS) throw new BatchInputError(TOO_MANY_ROWS_MESSAGE);
    if (row.length > this.width) this.width = row.length;
    if (!isBlankRow(row)) this.lengths.set(row.length, (this.lengths.get(row.length) ?? 0) + 1);
    if (this.sample.length < MAPPING_SAMPLE_ROWS) this.sample.push(row);
  }
}
