/**
 * Where the app keeps the Base Adresse Nationale: the file a user imported (« Préciser au numéro »), stored on this
 * device only in IndexedDB as the compact binary table (src/domain/ban/table.ts) with its date; otherwise the
 * per-commune tables of `data/ban/` shipped with the app (after `npm run data -- --ban FILE`). Used by the main
 * thread (search, pin) and by the Web Workers (file check, import). Nothing is ever sent anywhere.
 */
import { createStore, del, get, setMany, type UseStore } from 'idb-keyval';
import { decodeBanTable } from '../domain/ban/binary.ts';
import type { BanTable } from '../domain/ban/table.ts';
import type { StoredBanInfo } from '../domain/ban/worker-protocol.ts';
import { loadBanShards } from './data-loader.ts';

export type { StoredBanInfo } from '../domain/ban/worker-protocol.ts';

const INFO = 'info';
const TABLE = 'table';
let store: UseStore | null = null;
const banStore = (): UseStore => {
  store ??= createStore('perimetre-ban', 'ban');
  return store;
};

/** The imported BAN's description, or null (none imported, or IndexedDB unavailable). */
export async function readStoredBanInfo(): Promise<StoredBanInfo | null> {
  try {
    return (await get<StoredBanInfo>(INFO, banStore())) ?? null;
  } catch {
    return null;
  }
}

/** Stores an imported table (replaces any earlier one). */
export async function saveBan(bytes: Uint8Array, info: StoredBanInfo): Promise<void> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  await setMany(
    [
      [TABLE, buffer],
      [INFO, info],
    ],
    banStore(),
  );
}

/** Forgets the imported BAN. */
export async function removeStoredBan(): Promise<void> {
  await del(TABLE, banStore());
  await del(INFO, banStore());
}

/** The BAN to use: the imported one, else the shipped shards, else null. */
export async function loadBanTable(): Promise<BanTable | null> {
  try {
    const buffer = await get<ArrayBuffer>(TABLE, banStore());
    if (buffer) return decodeBanTable(buffer);
  } catch {
    // IndexedDB unavailable (private browsing) or a table of an older format: fall back to the shipped data.
  }
  return loadBanShards();
}
