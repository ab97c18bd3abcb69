/**
 * « Préciser au numéro »: the state of the Base Adresse Nationale on this device — none, being imported (progress),
 * present (date, size) — shared by the control near the search and the one of the file-check page. The import runs
 * in a Web Worker (src/workers/ban-worker.ts); cancelling terminates it, so nothing is stored. `version` changes
 * whenever the stored table changes: the search context is then rebuilt.
 */

import type { FromBanWorker } from '../../domain/ban/worker-protocol.ts';
import { readStoredBanInfo, removeStoredBan, type StoredBanInfo } from '../../io/ban-storage.ts';
import { createStore, useStore } from '../../lib/create-store.ts';

export type BanPhase =
  | { kind: 'inconnu' }
  | { kind: 'absente' }
  | { kind: 'import'; name: string; bytes: number; total: number; rows: number }
  | { kind: 'presente'; info: StoredBanInfo };

export interface BanState {
  phase: BanPhase;
  /** Last problem, in French (wrong file, storage full…). */
  error: string | null;
  /** Plain-French news for the live region (« Base importée… », « Import annulé »). */
  notice: string | null;
  version: number;
}

export const banStore = createStore<BanState>({
  phase: { kind: 'inconnu' },
  error: null,
  notice: null,
  version: 0,
});

let worker: Worker | null = null;
let started = false;

/** Reads what is stored (once). */
export function initBanState(): void {
  if (started) return;
  started = true;
  void readStoredBanInfo().then((info) =>
    banStore.set((s) =>
      s.phase.kind === 'inconnu'
        ? { ...s, phase: info ? { kind: 'presente', info } : { kind: 'absente' } }
        : s,
    ),
  );
}

function settle(previous: BanPhase): BanPhase {
  return previous.kind === 'import' ? { kind: 'absente' } : previous;
}

let before: BanPhase = { kind: 'absente' };

/** Starts importing the chosen file(s) (département file or commune files). */
export function importBan(files: File[]): void {
  if (files.length === 0) return;
  worker?.terminate();
  const current = banStore.get().phase;
  before = current.kind === 'import' ? before : current;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  banStore.set((s) => ({
    ...s,
    error: null,
    notice: null,
    phase: { kind: 'import', name: files.map((f) => f.name).join(', '), bytes: 0, total, rows: 0 },
  }));
  const w = new Worker(new URL('../../workers/ban-worker.ts', import.meta.url), { type: 'module' });
  worker = w;
  w.onmessage = (event: MessageEvent<FromBanWorker>) => {
    const message = event.data;
    if (worker !== w) return;
    if (message.type === 'progression') {
      banStore.set((s) =>
        s.phase.kind === 'import'
          ? { ...s, phase: { ...s.phase, bytes: message.bytes, total: message.total, rows: message.rows } }
          : s,
      );
    } else if (message.type === 'fini') {
      w.terminate();
      worker = null;
      banStore.set((s) => ({
        phase: { kind: 'presente', info: message.info },
        error: null,
        notice: `Base Adresse Nationale importée : ${message.info.rows.toLocaleString('fr-FR')} adresses.`,
        version: s.version + 1,
      }));
    } else {
      w.terminate();
      worker = null;
      banStore.set((s) => ({ ...s, phase: settle(before), error: message.message, notice: null }));
    }
  };
  w.onerror = () => {
    w.terminate();
    worker = null;
    banStore.set((s) => ({
      ...s,
      phase: settle(before),
      error: 'L’import a échoué (mémoire du navigateur insuffisante ?). Rien n’a été enregistré.',
    }));
  };
  w.postMessage({ type: 'importer', files });
}

/** Stops the import: nothing is stored, the previous base (if any) stays. */
export function cancelBanImport(): void {
  worker?.terminate();
  worker = null;
  banStore.set((s) => ({
    ...s,
    phase: settle(before),
    error: null,
    notice: 'Import annulé : rien n’a été enregistré.',
  }));
}

/** Removes the imported base from this device. */
export async function removeBan(): Promise<void> {
  try {
    await removeStoredBan();
  } catch {
    banStore.set((s) => ({ ...s, error: 'La base n’a pas pu être retirée du stockage du navigateur.' }));
    return;
  }
  banStore.set((s) => ({
    phase: { kind: 'absente' },
    error: null,
    notice: 'Base Adresse Nationale retirée de cet appareil.',
    version: s.version + 1,
  }));
}

export const useBanState = (): BanState => useStore(banStore);
