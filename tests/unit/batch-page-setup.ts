// Shared set-up of the « Vérifier un fichier » page tests in jsdom (batch-page*.test.tsx): a fake Web Worker that
// records what the page sends and plays back what the real one (src/workers/batch-worker.ts) answers, a stubbed
// screen width, the batch store put in the mapping or results state, and the clean-up after each test.
// Each test file still mocks the lazy MapLibre view itself (vi.mock is hoisted within the file that calls it).
import { act } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { RowVerdict } from '../../src/domain/batch/row-checker.ts';
import { summarise } from '../../src/domain/batch/summary.ts';
import type { TablePreview } from '../../src/domain/batch/worker-protocol.ts';
import { type BatchState, batchStore } from '../../src/features/file-check/batch-state.ts';
import { mapModeStore } from '../../src/features/map/map-mode.ts';

/** Stands for `Worker`: keeps the messages posted by the page; `answer` delivers one as the worker would. */
export class FakeWorker {
  static last: FakeWorker | null = null;
  posted: Record<string, unknown>[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: Record<string, unknown>): void {
    this.posted.push(message);
  }
  terminate(): void {}
  answer(message: Record<string, unknown>): void {
    act(() => this.onmessage?.({ data: message }));
  }
}

/** A phone-width screen (the page's `max-width: 600px` query matches) or a wide one. */
export function setPhone(phone: boolean): void {
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: phone && query.includes('max-width: 600px'),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}

/** Before each test: the fake worker and a wide screen; after each: the page back to « choose a file ». */
export function setUpBatchPage(): void {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    setPhone(false);
  });
  afterEach(() => {
    act(() =>
      batchStore.set({
        phase: { kind: 'attente' },
        error: null,
        correcting: null,
        exportNotice: null,
        dropped: [],
      }),
    );
    mapModeStore.set('navigation');
    vi.unstubAllGlobals();
  });
}

/** The column-mapping step for a file read as `preview`. */
export function showMapping(preview: TablePreview): void {
  act(() => batchStore.set((state) => ({ ...state, phase: { kind: 'correspondance', preview } })));
}

export interface Results {
  preview: TablePreview;
  verdicts: RowVerdict[];
  /** The address of each row as the file spells it. */
  addresses: string[];
  geographyVersion: string;
  durationMs: number;
  /** Columns the user chose to leave out of the export. */
  dropped?: number[];
}

/** The results state: the rows checked as `verdicts`, with their summary. */
export function showResults(results: Results): void {
  const { preview, verdicts, addresses, geographyVersion, durationMs, dropped = [] } = results;
  const state: BatchState = {
    phase: {
      kind: 'resultats',
      preview,
      mapping: preview.mapping,
      verdicts,
      addresses,
      summary: summarise(verdicts),
      geographyVersion,
      durationMs,
    },
    error: null,
    correcting: null,
    exportNotice: null,
    dropped,
  };
  act(() => batchStore.set(state));
}
