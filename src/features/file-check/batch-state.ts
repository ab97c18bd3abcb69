/**
 * State of the « Vérifier un fichier » page and its Web Worker. The table and the checker live in the worker
 * (src/workers/batch-worker.ts); this store holds what the page shows: the phase, the preview, the verdicts, the
 * row being corrected. The map (mode 'corriger-ligne') and the page share it.
 */

import { type ColumnMapping, mappedColumns } from '../../domain/batch/column-mapping.ts';
import type { TextEncodingName } from '../../domain/batch/decode.ts';
import type { RowVerdict } from '../../domain/batch/row-checker.ts';
import type { BatchSummary } from '../../domain/batch/summary.ts';
import type { Delimiter } from '../../domain/batch/table.ts';
import type { FromWorker, TablePreview, ToWorker } from '../../domain/batch/worker-protocol.ts';
import { downloadBlob } from '../../io/download.ts';
import { createStore, useStore } from '../../lib/create-store.ts';
import { mapModeStore } from '../map/map-mode.ts';

export type BatchPhase =
  | { kind: 'attente' }
  | { kind: 'lecture'; name: string }
  | { kind: 'correspondance'; preview: TablePreview }
  | {
      kind: 'verification';
      preview: TablePreview;
      done: number;
      total: number;
      /** 'donnees' while the outlines load (before the first row), then 'verification'. */
      etape: 'donnees' | 'verification';
    }
  | {
      kind: 'resultats';
      preview: TablePreview;
      mapping: ColumnMapping;
      verdicts: RowVerdict[];
      addresses: string[];
      summary: BatchSummary;
      geographyVersion: string;
      durationMs: number;
    };

export interface BatchState {
  phase: BatchPhase;
  /** Last error, in French, shown in an alert. */
  error: string | null;
  /** Index of the row whose point the user is placing, if any. */
  correcting: number | null;
  /** Message after an export (file name, replaced characters). */
  exportNotice: string | null;
  /** Original columns the user chose to leave out of the export (personal data), by index. */
  dropped: number[];
}

const INITIAL: BatchState = {
  phase: { kind: 'attente' },
  error: null,
  correcting: null,
  exportNotice: null,
  dropped: [],
};

export const batchStore = createStore<BatchState>(INITIAL);

export function useBatchState(): BatchState {
  return useStore(batchStore);
}

let worker: Worker | null = null;
let lastMapping: ColumnMapping = {};
/** Number of the last file chosen: answers about an older file are ignored (D8: a late error never replaces it). */
let readRequest = 0;
/** The request the worker is reading now, if any: choosing another file meanwhile restarts the worker. */
let pendingRead: number | null = null;

function send(message: ToWorker, transfer: Transferable[] = []): void {
  if (!worker) {
    worker = new Worker(new URL('../../workers/batch-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
    worker.onerror = () =>
      batchStore.set((state) => ({
        ...state,
        error: 'Le traitement a rencontré une erreur inattendue. Rechargez la page et réessayez.',
      }));
  }
  worker.postMessage(message, transfer);
}

/** Handles a worker message; reading answers about an older file are dropped. */
function receive(message: FromWorker): void {
  const state = batchStore.get();
  const phase = state.phase;
  if (message.type === 'table' || (message.type === 'erreur' && message.stage === 'lecture')) {
    if (message.request === pendingRead) pendingRead = null;
    if (message.request !== readRequest || phase.kind !== 'lecture') return;
  }
  switch (message.type) {
    case 'table':
      batchStore.set({ ...state, error: null, phase: { kind: 'correspondance', preview: message.preview } });
      return;
    case 'progression':
      if (phase.kind === 'verification') {
        batchStore.set({
          ...state,
          phase: {
            ...phase,
            done: message.done,
            total: message.total,
            etape: message.etape ?? 'verification',
          },
        });
      }
      return;
    case 'resultats':
      if (phase.kind !== 'verification') return;
      batchStore.set({
        ...state,
        phase: {
          kind: 'resultats',
          preview: phase.preview,
          mapping: lastMapping,
          verdicts: message.verdicts,
          addresses: message.addresses,
          summary: message.summary,
          geographyVersion: message.geographyVersion,
          durationMs: message.durationMs,
        },
      });
      return;
    case 'annule':
      if (phase.kind === 'verification') {
        batchStore.set({ ...state, phase: { kind: 'correspondance', preview: phase.preview } });
      }
      return;
    case 'corrige':
      if (phase.kind !== 'resultats') return;
      {
        const verdicts = phase.verdicts.slice();
        verdicts[message.index] = message.verdict;
        batchStore.set({
          ...state,
          correcting: null,
          phase: { ...phase, verdicts, summary: message.summary },
        });
      }
      return;
    case 'export': {
      downloadBlob(new Blob([message.bytes], { type: 'text/csv' }), message.fileName);
      const replaced =
        message.replaced > 0
          ? ` ${message.replaced} caractère${message.replaced > 1 ? 's' : ''} non représentable${message.replaced > 1 ? 's' : ''} en Windows-1252 (${message.replacedSamples.join(' ')}) remplacé${message.replaced > 1 ? 's' : ''} par « ? » : choisissez UTF-8 pour les garder.`
          : '';
      batchStore.set({ ...state, exportNotice: `Fichier « ${message.fileName} » enregistré.${replaced}` });
      return;
    }
    case 'erreur':
      batchStore.set({
        ...state,
        error: message.message,
        phase:
          message.stage === 'lecture'
            ? { kind: 'attente' }
            : phase.kind === 'verification'
              ? { kind: 'correspondance', preview: phase.preview }
              : phase,
      });
      return;
  }
}

/** Reads a file chosen or dropped by the user. The bytes go to the worker, on the device. */
export async function openFile(file: Pick<File, 'name' | 'arrayBuffer'>): Promise<void> {
  readRequest += 1;
  const request = readRequest;
  batchStore.set({ ...INITIAL, phase: { kind: 'lecture', name: file.name } });
  mapModeStore.set((mode) => (mode === 'corriger-ligne' ? 'navigation' : mode));
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    if (request !== readRequest) return;
    batchStore.set({ ...INITIAL, error: 'Le fichier n’a pas pu être ouvert (droits, fichier déplacé ?).' });
    return;
  }
  // Another file was chosen while this one was loading: it wins.
  if (request !== readRequest) return;
  if (pendingRead !== null) {
    // The worker is still reading an older file (a large one can take seconds): stop it rather than wait.
    worker?.terminate();
    worker = null;
  }
  pendingRead = request;
  send({ type: 'lire', request, name: file.name, bytes }, [bytes]);
}

export function startVerification(mapping: ColumnMapping): void {
  const { phase } = batchStore.get();
  const preview = phase.kind === 'correspondance' || phase.kind === 'resultats' ? phase.preview : null;
  if (!preview) return;
  lastMapping = mapping;
  batchStore.set((state) => ({
    ...state,
    error: null,
    exportNotice: null,
    phase: { kind: 'verification', preview, done: 0, total: preview.rowCount, etape: 'donnees' },
  }));
  send({ type: 'verifier', mapping });
}

export function cancelVerification(): void {
  send({ type: 'annuler' });
}

/** Back to the column mapping with the same file (to change a column). */
export function backToMapping(): void {
  const { phase } = batchStore.get();
  if (phase.kind === 'resultats')
    batchStore.set((state) => ({ ...state, phase: { kind: 'correspondance', preview: phase.preview } }));
}

export function resetBatch(): void {
  readRequest += 1;
  batchStore.set(INITIAL);
  mapModeStore.set((mode) => (mode === 'corriger-ligne' ? 'navigation' : mode));
}

/** Starts (or stops, with `null`) the manual correction of a row; the map then places its point on click. */
export function setCorrecting(index: number | null): void {
  batchStore.set((state) => ({ ...state, correcting: index }));
  mapModeStore.set(index === null ? 'navigation' : 'corriger-ligne');
}

/** Places the point of the row being corrected (from a map click or typed coordinates). */
export function placeCorrection(index: number, lon: number, lat: number): void {
  mapModeStore.set('navigation');
  send({ type: 'corriger', index, lon, lat });
}

/** Re-checks the row being corrected on an address the user retyped. */
export function retypeAddress(index: number, text: string): void {
  mapModeStore.set('navigation');
  send({ type: 'corriger-adresse', index, text });
}

/** Chooses whether an original column (personal data) is left out of the export. */
export function setColumnDropped(index: number, drop: boolean): void {
  batchStore.set((state) => {
    const others = state.dropped.filter((value) => value !== index);
    return { ...state, dropped: drop ? [...others, index].sort((a, b) => a - b) : others };
  });
}

export function requestExport(options: {
  kind: 'lignes' | 'synthese';
  encoding: TextEncodingName;
  delimiter: Delimiter;
  minimise: boolean;
}): void {
  const { phase, dropped } = batchStore.get();
  // A column ticked for removal and later chosen for the check is kept: the check's columns always stay.
  const used = new Set(phase.kind === 'resultats' ? mappedColumns(phase.mapping) : []);
  send({ type: 'exporter', ...options, dropped: dropped.filter((index) => !used.has(index)) });
}
