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
    correctedAddress: '',
  };
}

/**
 * Verdict for an address the user retyped on a row: the same query as the resident search (free text through the
 * checker), marked as corrected by hand; an empty text is refused with a reason.
 *
 * @example
 * checkRetypedAddress('12 rue Chevreul 59170 Croix', checker).correctedAddress; // '12 rue Chevreul 59170 Croix'
 */
export function checkRetypedAddress(text: string, checker: RowChecker): RowVerdict {
  const typed = text.trim();
  const verdict = typed
    ? safeCheck(checker, { kind: 'texte', text: typed })
    : notFound('Adresse corrigée vide : saisissez le numéro, la rue et la commune.');
  return {
    ...verdict,
    motif: [verdict.motif, 'Adresse corrigée à la main.'].filter(Boolean).join(' '),
    correctedAddress: typed,
  };
}

export interface CheckProgress {
  done: number;
  total: number;
}

/** At most this many rows between two progress reports (the bar moves from the first rows, even on a slow phone). */
export const PROGRESS_ROWS = 500;
/** At most this long (ms) between two progress reports, whatever the rows cost (first geocodings, long cells). */
export const PROGRESS_MS = 100;

export interface CheckRowsOptions {
  /** Rows per chunk between two progress reports / yields (default {@link PROGRESS_ROWS}). */
  chunkSize?: number;
  /** A chunk also ends once it has run this long (ms, default {@link PROGRESS_MS}). */
  maxChunkMs?: number;
  /** Clock in ms (default `performance.now`); injected by tests. */
  now?: () => number;
  onProgress?: (progress: CheckProgress) => void;
  /** Polled between chunks; returning true stops the loop (verdicts so far are returned). */
  isCancelled?: () => boolean;
  /** Awaited between chunks so that a worker can receive a « cancel » message. */
  yieldControl?: () => Promise<void>;
}

/**
 * Checks every row, in order, in chunks of at most `chunkSize` rows or `maxChunkMs`, reporting progress after each
 * chunk. Returns `null` when cancelled.
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
  const chunkSize = Math.max(1, options.chunkSize ?? PROGRESS_ROWS);
  const maxChunkMs = options.maxChunkMs ?? PROGRESS_MS;
  const now = options.now ?? (() => performance.now());
  const verdicts: RowVerdict[] = new Array(rows.length);
  let index = 0;
  while (index < rows.length) {
    const started = now();
    const end = Math.min(rows.length, index + chunkSize);
    while (index < end) {
      verdicts[index] = checkRow(rows[index]!, mapping, checker);
      index += 1;
      if (now() - started >= maxChunkMs) break;
    }
    options.onProgress?.({ done: index, total: rows.length });
    if (options.yieldControl) await options.yieldControl();
    if (options.isCancelled?.()) return null;
  }
  if (rows.length === 0) options.onProgress?.({ done: 0, total: 0 });
  return verdicts;
}
