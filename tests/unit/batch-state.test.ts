// D8 — choosing a second file while the first is being read: whatever the first file's answer (its preview or its
// error) and whenever it arrives, it never replaces the second file's. The worker is a fake here: the test plays the
// messages the real one sends (src/workers/batch-worker.ts), in the bad orders.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TablePreview } from '../../src/domain/batch/worker-protocol.ts';

interface Posted {
  type: string;
  request?: number;
  name?: string;
}

class FakeWorker {
  static all: FakeWorker[] = [];
  posted: Posted[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: Posted): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Plays a message from the worker about the file read with `lire` number `index`. */
  answer(lire: Posted, message: Record<string, unknown>): void {
    this.onmessage?.({ data: { ...message, request: lire.request } });
  }
}

function preview(name: string): TablePreview {
  return {
    name,
    columnNames: ['Adresse'],
    hasHeader: true,
    rowCount: 1,
    firstRows: [['12 Rue Blanche']],
    source: { kind: 'csv', encoding: 'utf-8', delimiter: ';' },
    warnings: [],
    mapping: { adresse: 0 },
    mappingProblem: null,
    personalColumns: [],
  };
}

function file(name: string, ready: Promise<void> = Promise.resolve()) {
  return { name, arrayBuffer: () => ready.then(() => new ArrayBuffer(8)) } as unknown as File;
}

/** Every `lire` sent to any worker, with the worker that received it. */
function reads(): { worker: FakeWorker; lire: Posted }[] {
  return FakeWorker.all.flatMap((worker) =>
    worker.posted.filter((m) => m.type === 'lire').map((lire) => ({ worker, lire })),
  );
}

let state: typeof import('../../src/features/file-check/batch-state.ts');

beforeEach(async () => {
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
  state = await import('../../src/features/file-check/batch-state.ts');
});
afterEach(() => vi.unstubAllGlobals());

describe('lecture d’un fichier puis d’un autre', () => {
  it('l’erreur tardive du premier fichier ne remplace pas l’aperçu du second', async () => {
    await state.openFile(file('premier.csv'));
    await state.openFile(file('second.csv'));
    const [first, second] = reads();
    expect(second?.lire.name).toBe('second.csv');
    second!.worker.answer(second!.lire, { type: 'table', preview: preview('second.csv') });
    first!.worker.answer(first!.lire, { type: 'erreur', stage: 'lecture', message: 'premier illisible' });
    const after = state.batchStore.get();
    expect(after.error).toBeNull();
    expect(after.phase.kind).toBe('correspondance');
    expect(after.phase.kind === 'correspondance' && after.phase.preview.name).toBe('second.csv');
  });

  it('l’aperçu tardif du premier fichier n’est pas pris pour celui du second', async () => {
    await state.openFile(file('premier.csv'));
    await state.openFile(file('second.csv'));
    const [first, second] = reads();
    first!.worker.answer(first!.lire, { type: 'table', preview: preview('premier.csv') });
    expect(state.batchStore.get().phase).toEqual({ kind: 'lecture', name: 'second.csv' });
    second!.worker.answer(second!.lire, { type: 'erreur', stage: 'lecture', message: 'second illisible' });
    expect(state.batchStore.get().error).toBe('second illisible');
  });

  it('un premier fichier lent à charger n’est même pas envoyé quand un second a été choisi', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pending = state.openFile(file('lent.csv', slow));
    await state.openFile(file('rapide.csv'));
    release();
    await pending;
    expect(reads().map(({ lire }) => lire.name)).toEqual(['rapide.csv']);
    expect(state.batchStore.get().phase).toEqual({ kind: 'lecture', name: 'rapide.csv' });
  });

  it('le lecteur encore occupé par le premier fichier est arrêté', async () => {
    await state.openFile(file('premier.csv'));
    await state.openFile(file('second.csv'));
    const [first, second] = reads();
    expect(first!.worker.terminated).toBe(true);
    expect(second!.worker).not.toBe(first!.worker);
  });

  it('après « recommencer », une réponse tardive est ignorée', async () => {
    await state.openFile(file('premier.csv'));
    state.resetBatch();
    const [first] = reads();
    first!.worker.answer(first!.lire, { type: 'table', preview: preview('premier.csv') });
    expect(state.batchStore.get().phase).toEqual({ kind: 'attente' });
  });
});
