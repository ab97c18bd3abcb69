// Running the checker over rows: one function for one row (used by the streaming CLI and for manual corrections)
// and a chunked loop with progress and cancellation (used by the Web Worker). A row never disappears: whatever
// happens, it gets a verdict with a reason.

import { buildRowQuery, type ColumnMapping, type RowQuery } from './column-mapping.ts';
import { notFound, PRECISION_MANUAL, type RowChecker, type RowVerdict } from './row-checker.ts';

/**
 * Checks one row. A checker that throws (unexpected input) gives `introuvable` with the reason, never a crash.
 *
 * @example
 * checkRow(['12 Rue Blanche 59170 Croix'], { adresse: 0 }, checker).status; // 'hors' | 'dans' | …
 */
export function checkRow(row: readonly string[], mapping: ColumnMapping, checker: RowChecker): RowVerdict {
  const built = buildRowQuery(row, mapping);
  if (!built.ok) return notFound(built.motif);
  return safeCheck(checker, built.query);
}

function safeCheck(checker: RowChecker, query: RowQuery): RowVerdict {
  try {
    return checker.check(query);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return notFound(`Erreur pendant la vérification de cette ligne (${detail}).`);
  }
}

/**
 * Verdict for a point placed by hand on a doubtful row: same geometric test, precision « point placé ».
 *
 * @example
 * checkPlacedPoint(3.1456, 50.6789, checker).precision; // 'point placé'
 */
export function checkPlacedPoint(lon: number, lat: number, checker: RowChecker): RowVerdict {
  const verdict = safeCheck(checker, { kind: 'point', lon, lat });
  return {
    ...verdict,
    precision: PRECISION_MANUAL,
    label: verdict.label || 'Point placé à la main',
    motif: [verdict.motif, 'Position corrigée à la main.'].filter(Boolean).join(' '),
  };
}

export interface CheckProgress {
  done: number;
  total: number;
}

export interface CheckRowsOptions {
  /** Rows per chunk between two progress reports / yields (default 2 000). */
  chunkSize?: number;
  onProgress?: (progress: CheckProgress) => void;
  /** Polled between chunks; returning true stops the loop (verdicts so far are returned). */
  isCancelled?: () => boolean;
  /** Awaited between chunks so that a worker can receive a « cancel » message. */
  yieldControl?: () => Promise<void>;
}

/**
 * Checks every row, in order, in chunks. Returns `null` when cancelled.
 *
 * @example
 * const verdicts = await checkRows(table.rows, mapping, checker, { onProgress: ({ done }) => post(done) });
 */
export async function checkRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  checker: RowChecker,
  options: CheckRowsOptions = {},
): Promise<RowVerdict[] | null> {
  const chunkSize = options.chunkSize ?? 2_000;
  const verdicts: RowVerdict[] = new Array(rows.length);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const end = Math.min(rows.length, start + chunkSize);
    for (let index = start; index < end; index += 1)
      verdicts[index] = checkRow(rows[index]!, mapping, checker);
    options.onProgress?.({ done: end, total: rows.length });
    if (options.yieldControl) await options.yieldControl();
    if (options.isCancelled?.()) return null;
  }
  if (rows.length === 0) options.onProgress?.({ done: 0, total: 0 });
  return verdicts;
}
