// What the page shows of a freshly read file: a few rows, each cell cut to a readable length. A file with one
// 1 MB unbroken cell must not freeze the page (laying out a 1 MB word is slow): the preview never carries more than
// PREVIEW_ROWS × columns × ~PREVIEW_CELL_CHARS characters, whatever the file. The table itself, and so the export,
// keep every cell whole.

import type { ColumnMapping } from './column-mapping.ts';
import { PREVIEW_CELL_CHARS, PREVIEW_ROWS } from './limits.ts';
import { personalColumns } from './personal-data.ts';
import type { InputTable } from './table.ts';
import type { TablePreview } from './worker-protocol.ts';

/**
 * Cuts a long cell for display, saying its full length.
 *
 * @example
 * previewCell('a'.repeat(300)); // 'aaa…a… (300 caractères)' (200 « a », then the ellipsis and the length)
 */
export function previewCell(value: string): string {
  if (value.length <= PREVIEW_CELL_CHARS) return value;
  return `${value.slice(0, PREVIEW_CELL_CHARS)}… (${value.length.toLocaleString('fr-FR')} caractères)`;
}

/**
 * The preview sent from the worker to the page.
 *
 * @example
 * buildPreview('f.csv', table, { adresse: 1 }, null).firstRows.length; // ≤ PREVIEW_ROWS
 */
export function buildPreview(
  name: string,
  table: InputTable,
  mapping: ColumnMapping,
  mappingProblem: string | null,
): TablePreview {
  return {
    name: previewCell(name),
    columnNames: table.columnNames.map(previewCell),
    hasHeader: table.header !== null,
    rowCount: table.rows.length,
    firstRows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.map(previewCell)),
    source:
      table.source.kind === 'xlsx'
        ? { ...table.source, sheet: previewCell(table.source.sheet) }
        : table.source,
    warnings: table.warnings,
    mapping,
    mappingProblem,
    // Every column whose name looks like personal data; the page leaves out those mapped for the check.
    personalColumns: personalColumns(table.header, []).map((column) => ({
      ...column,
      name: previewCell(column.name),
    })),
  };
}
