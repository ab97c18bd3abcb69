// Messages between the « Vérifier un fichier » page and its Web Worker (src/workers/batch-worker.ts). The table
// stays in the worker (200 000 rows are not copied back and forth); the page receives a preview, progress, then the
// verdicts, and asks the worker for corrections and exports. Plain data only (structured clone).

import type { ColumnMapping } from './column-mapping.ts';
import type { TextEncodingName } from './decode.ts';
import type { RowVerdict } from './row-checker.ts';
import type { BatchSummary } from './summary.ts';
import type { Delimiter, TableSource } from './table.ts';

export type ToWorker =
  /** `request` numbers each file chosen: the answer carries it, so a late answer about an older file is ignored. */
  | { type: 'lire'; request: number; name: string; bytes: ArrayBuffer }
  | { type: 'verifier'; mapping: ColumnMapping }
  | { type: 'annuler' }
  | { type: 'corriger'; index: number; lon: number; lat: number }
  | {
      type: 'exporter';
      kind: 'lignes' | 'synthese';
      encoding: TextEncodingName;
      delimiter: Delimiter;
      minimise: boolean;
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
}

export type FromWorker =
  | { type: 'table'; request: number; preview: TablePreview }
  | { type: 'progression'; done: number; total: number }
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
