// Messages between the « Vérifier un fichier » page and its Web Worker (src/workers/batch-worker.ts). The table
// stays in the worker (200 000 rows are not copied back and forth); the page receives a preview, progress, then the
// verdicts, and asks the worker for corrections and exports. Plain data only (structured clone).

import type { ColumnMapping } from './column-mapping.ts';
import type { TextEncodingName } from './decode.ts';
import type { PersonalColumn } from './personal-data.ts';
import type { RowVerdict } from './row-checker.ts';
import type { BatchSummary } from './summary.ts';
import type { Delimiter, TableSource } from './table.ts';

export type ToWorker =
  /** `request` numbers each file chosen: the answer carries it, so a late answer about an older file is ignored. */
  | { type: 'lire'; request: number; name: string; bytes: ArrayBuffer }
  | { type: 'verifier'; mapping: ColumnMapping }
  | { type: 'annuler' }
  | { type: 'corriger'; index: number; lon: number; lat: number }
  /** Re-checks a row on an address the user retyped (the same query as the resident search). */
  | { type: 'corriger-adresse'; index: number; text: string }
  | {
      type: 'exporter';
      kind: 'lignes' | 'synthese';
      encoding: TextEncodingName;
      delimiter: Delimiter;
      minimise: boolean;
      /** Original columns the user chose to leave out (personal data), by index. */
      dropped?: number[];
    };

export interface TablePreview {
  name: string;
  columnNames: string[];
  hasHeader: boolean;
  rowCount: number;
  /** First rows, for the preview and the mapping step (long cells cut for display: preview.ts). */
  firstRows: string[][];
  source: TableSource;
  warnings: string[];
  mapping: ColumnMapping;
  mappingProblem: string | null;
  /** Columns whose header looks like names, birth dates, contact details…: the page warns before the check. */
  personalColumns: PersonalColumn[];
}

export type FromWorker =
  | { type: 'table'; request: number; preview: TablePreview }
  /**
   * Progress: `etape` 'donnees' while the QPV outlines and streets load (before the first row), then
   * 'verification' at least every PROGRESS_ROWS rows or PROGRESS_MS (check-rows.ts).
   */
  | { type: 'progression'; done: number; total: number; etape?: 'donnees' | 'verification' }
  | {
      type: 'resultats';
      verdicts: RowVerdict[];
      /** Per row, the mapped cells joined (« 12 · Rue Blanche · 59170 · Croix »), to show in the results table. */
      addresses: string[];
      summary: BatchSummary;
      geographyVersion: string;
      durationMs: number;
    }
  | { type: 'annule' }
  | { type: 'corrige'; index: number; verdict: RowVerdict; summary: BatchSummary }
  | {
      type: 'export';
      kind: 'lignes' | 'synthese';
      fileName: string;
      bytes: ArrayBuffer;
      replaced: number;
      replacedSamples: string[];
    }
  | {
      type: 'erreur';
      message: string;
      stage: 'lecture' | 'verification' | 'export' | 'donnees';
      /** For a reading error: the `request` of the file it is about. */
      request?: number;
    };
