/// <reference types="vitest/config" />
// Vite + Vitest configuration. Three test projects: `unit` (pure domain and scripts, Node),
// `dom` (React components in jsdom, MapLibre mocked), `e2e` (playwright-core against the e2e build).
// `vite build` writes the production app to dist/ (what is deployed and benchmarked); `vite build --mode e2e`
// writes dist-e2e/, the same app plus the browser tests' hooks (src/features/map/test-hooks.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { E2E_MODE, E2E_OUT_DIR, PRODUCTION_OUT_DIR } from './scripts/lib/build-dirs.ts';
import { keepInPrecache } from './scripts/lib/precache-tiles.ts';
import { missingTilesPlugin } from './scripts/vite-missing-tiles-plugin.ts';
import { precachePlugin } from './scripts/vite-precache-plugin.ts';
import { preloadSearchDataPlugin } from './scripts/vite-preload-plugin.ts';

export default defineConfig(({ mode }) => ({
  // precachePlugin writes dist/sw.js (offline after the first visit, src/io/register-sw.ts); missingTilesPlugin
  // answers 404 for a tile that does not exist (the QPV tiles are sparse), like a static host;
  // preloadSearchDataPlugin makes index.html request the search's data alongside the JavaScript.
  plugins: [
    react(),
    preloadSearchDataPlugin(),
    precachePlugin({ keep: keepInPrecache }),
    missingTilesPlugin(),
  ],
  // The committed datasets in data/ are served as static files at /data/ (see scripts/serve-data-plugin).
  publicDir: 'public',
  build: {
    outDir: mode === E2E_MODE ? E2E_OUT_DIR : PRODUCTION_OUT_DIR,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    // dist/.vite/manifest.json: scripts/bench/bundle.ts reads the entry chunk and its static imports from it.
    manifest: true,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Set-up and clean-up of whole data builds (thousands of tile files) exceed the 10 s default when the
          // 2-core machine is shared.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['tests/unit/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup-dom.ts'],
          // jsdom renders of whole pages take 1–3 s on a quiet 2-core machine; leave room for a busy one.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
