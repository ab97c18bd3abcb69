/**
 * Output directories of the two builds: `vite build` → `dist/` (production: deployed, benchmarked, checked free of
 * test hooks), `vite build --mode e2e` → `dist-e2e/` (the same app plus the browser tests' hooks, served to the
 * e2e tests by scripts/lib/browser/harness.ts).
 */
export const PRODUCTION_OUT_DIR = 'dist';
export const E2E_MODE = 'e2e';
export const E2E_OUT_DIR = 'dist-e2e';
