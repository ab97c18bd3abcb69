// raw-dir.ts — where the raw sources are. Reads the environment variable PERIMETRE_RAW_DIR (set it to a missing
// folder, e.g. `/nonexistent`, to run everything as on a plain clone without `../shared`); writes nothing.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The raw sources folder: `$PERIMETRE_RAW_DIR` when set, else `../shared/data/raw` beside the checkout.
 *
 * @example existsSync(defaultRawDir()) // false on a plain clone
 */
export function defaultRawDir(): string {
  const fromEnv = process.env.PERIMETRE_RAW_DIR;
  return resolve(fromEnv && fromEnv.trim() !== '' ? fromEnv : join(REPO, '..', 'shared', 'data', 'raw'));
}
