/**
 * The production build must not carry the browser tests' hooks (`window.__map`, `window.__mapIdle`: compiled in
 * `vite build --mode e2e` only, src/features/map/test-hooks.ts). `findTestHooks(dir)` lists the built files that
 * still mention them; `npm test` runs it on `dist/` right after the production build (scripts/run-tests.ts).
 *
 * Reads: every .js, .mjs and .html file under `dir`. Writes: nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The hook names as minified code holds them (`window.__map=…`, `.__mapIdle`); not Vite's `__vite__mapDeps`. */
export const TEST_HOOK_PATTERN = /__map(?:Idle)?\b/;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Paths (relative to `dir`) of the built code files that mention a test hook; empty when the build is clean. */
export function findTestHooks(dir: string): string[] {
  return listFiles(dir)
    .filter((path) => /\.(?:m?js|html)$/.test(path))
    .filter((path) => TEST_HOOK_PATTERN.test(readFileSync(path, 'utf8')))
    .map((path) => relative(dir, path));
}
