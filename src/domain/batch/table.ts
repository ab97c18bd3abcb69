// The in-memory model of an uploaded file: its original header (if any), every data row as text, and how it was
// read. Rows are kept exactly as read (ragged rows included) so that the export can give back every row and every
// original column, in order (domain.md §4.5: « never drop silently »).

import type { TextEncodingName } from './decode.ts';

export type Delimiter = ';' | ',' | '\t';

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ';': 'point-virgule',
  ',': 'virgule',
  '\t': 'tabulation',
};

/** How the file was read: needed to write the result back the same way. */
export type TableSource =
  | { kind: 'csv'; encoding: TextEncodingName; delimiter: Delimiter }
  | { kind: 'xlsx'; sheet: string };

export interface InputTable {
  /** The header row as in the file, or `null` when the first row already holds data. */
  header: string[] | null;
  /** One unique, human-readable name per column (duplicates get « (2) », missing names « Colonne N »). */
  columnNames: string[];
  /** Data rows, cells as text; a row may be shorter or longer than `columnNames` (ragged input). */
  rows: string[][];
  source: TableSource;
  /** Things the user should know about the reading (French, one sentence each). */
  warnings: string[];
}

/**
 * Names each column: the header cell when present and unique, « Colonne N » otherwise, « Nom (2) » for duplicates.
 *
 * @example
 * makeColumnNames(['Adresse', 'Adresse', ''], 4); // ['Adresse', 'Adresse (2)', 'Colonne 3', 'Colonne 4']
 */
export function makeColumnNames(header: readonly string[] | null, width: number): string[] {
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < width; index += 1) {
    const raw = (header?.[index] ?? '').trim();
    const base = raw === '' ? `Colonne ${index + 1}` : raw;
    const key = base.toLocaleLowerCase('fr');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    names.push(count === 1 ? base : `${base} (${count})`);
  }
  return names;
}

/**
 * Number of columns: the widest of the header and every row.
 *
 * @example
 * tableWidth(['a'], [['1', '2'], ['3']]); // 2
 */
export function tableWidth(header: readonly string[] | null, rows: readonly (readonly string[])[]): number {
  let width = header?.length ?? 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}
