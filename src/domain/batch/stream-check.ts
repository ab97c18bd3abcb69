// The CLI's streamed reading of a CSV, on the same functions as the browser's whole-file reading: the encoding is
// decided the same way (strict UTF-8, else Windows-1252), the delimiter on the same first bytes, the rows go through
// the same `RowScanner`, the mapping is guessed on the same sample, the rows are checked by `checkRow` and written
// by `csvLine`/`exportRow`. The I/O (a Node stream into papaparse) is injected as a `RowSource`, so this module stays
// pure. Two passes: the first measures (width for the column names, header, warnings), the second checks and writes;
// the file is never held whole.

import { checkRow } from './check-rows.ts';
import { type ColumnMapping, guessMapping } from './column-mapping.ts';
import { csvParseWarnings } from './csv.ts';
import { hasUtf8Bom, type TextEncodingName } from './decode.ts';
import { csvLine, exportedColumns, exportHeader, exportRow } from './export.ts';
import { type CsvLayout, layoutFromHead } from './read-input.ts';
import type { RowChecker } from './row-checker.ts';
import { RowScanner } from './row-scanner.ts';
import { type BatchSummary, SummaryCounter } from './summary.ts';
import { type InputTable, makeColumnNames } from './table.ts';

/** Thrown by a `RowSource` when the bytes are not valid UTF-8 and `fatal` was asked. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

export type StreamEncoding = 'utf-8' | 'windows-1252';

/**
 * Streams the parsed rows of the file from its first byte: decodes (UTF-8 BOM removed; invalid UTF-8 rejects with
 * `EncodingError` when `fatal`), parses with the `layout` (delimiter, line break), calls `onRow` (awaiting it: back-pressure) and `onParseError`
 * with papaparse's error codes.
 */
export type RowSource = (
  encoding: StreamEncoding,
  fatal: boolean,
  layout: CsvLayout,
  onRow: (row: string[]) => void | Promise<void>,
  onParseError: (code: string) => void,
) => Promise<void>;

/** What the first pass learnt: a table without its rows, the row count and the mapping sample. */
export interface StreamPlan {
  table: InputTable;
  layout: CsvLayout;
  rowCount: number;
  sample: string[][];
}

/**
 * First pass: encoding, delimiter, header, width, warnings.
 *
 * @example
 * const plan = await planCsvStream(firstBytes, source);
 * plan.table.columnNames; // ['Bénéficiaire', 'Adresse', 'CP', 'Ville']
 */
export async function planCsvStream(head: Uint8Array, source: RowSource): Promise<StreamPlan> {
  const bom = hasUtf8Bom(head);
  const measure = async (encoding: TextEncodingName): Promise<StreamPlan> => {
    const layout = layoutFromHead(head, encoding);
    const { delimiter } = layout;
    const scanner = new RowScanner();
    const errors: { code: string }[] = [];
    await source(
      encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
      encoding === 'utf-8',
      layout,
      (row) => {
        scanner.push(row);
      },
      (code) => errors.push({ code }),
    );
    scanner.end();
    const summary = scanner.summary(csvParseWarnings(errors));
    return {
      table: {
        header: summary.header,
        columnNames: makeColumnNames(summary.header, summary.width),
        rows: [],
        source: { kind: 'csv', encoding, delimiter },
        warnings: summary.warnings,
      },
      layout,
      rowCount: summary.rowCount,
      sample: summary.sample,
    };
  };
  if (bom) return measure('utf-8-bom');
  try {
    return await measure('utf-8');
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    // Not valid UTF-8: an Excel « CSV (séparateur : point-virgule) » in Windows-1252.
    return measure('windows-1252');
  }
}

/**
 * The mapping guess on the same sample as the browser (`describeColumns`: the first data rows).
 *
 * @example
 * streamMapping(plan); // { adresse: 1, codePostal: 2, commune: 3 }
 */
export function streamMapping(plan: StreamPlan): ColumnMapping {
  return guessMapping(plan.table.columnNames, plan.sample);
}

/**
 * Second pass: checks every data row and writes the export line by line (header first).
 *
 * @example
 * const summary = await checkCsvStream(plan, source, checker, mapping, (text) => out.write(text), { minimise: false });
 */
export async function checkCsvStream(
  plan: StreamPlan,
  source: RowSource,
  checker: RowChecker,
  mapping: ColumnMapping,
  write: (text: string) => void | Promise<void>,
  /** As the browser's export: data minimisation, and the original columns left out by index (`exportedColumns`). */
  options: { minimise: boolean; dropped?: readonly number[] },
): Promise<BatchSummary> {
  const { table } = plan;
  if (table.source.kind !== 'csv') throw new Error('checkCsvStream: table CSV attendue');
  const { encoding, delimiter } = table.source;
  const columns = exportedColumns(table, { minimise: options.minimise, mapping, dropped: options.dropped });
  const counter = new SummaryCounter();
  const scanner = new RowScanner();
  const emit = async (rows: string[][]) => {
    for (const row of rows) {
      const verdict = checkRow(row, mapping, checker);
      // Counted for the summary, written, then let go: memory does not grow with the rows.
      counter.add(verdict);
      await write(csvLine(exportRow(row, verdict, columns, delimiter), delimiter));
    }
  };
  await write(csvLine(exportHeader(table, columns), delimiter));
  await source(
    encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
    false,
    plan.layout,
    (row) => emit(scanner.push(row)),
    () => undefined,
  );
  await emit(scanner.end());
  return counter.result();
}
