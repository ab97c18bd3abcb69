// Messages between the page and the BAN import Web Worker (src/workers/ban-worker.ts).

/** What the app shows about an imported BAN. */
export interface StoredBanInfo {
  /** Date of the file (AAAA-MM-JJ). */
  date: string;
  /** File name(s). */
  source: string;
  /** Addresses kept. */
  rows: number;
  /** Communes covered. */
  communes: number;
  /** Size stored (bytes). */
  bytes: number;
}

export type ToBanWorker = { type: 'importer'; files: File[] };

export type FromBanWorker =
  | { type: 'progression'; bytes: number; total: number; rows: number }
  | { type: 'fini'; info: StoredBanInfo }
  | { type: 'erreur'; message: string };
