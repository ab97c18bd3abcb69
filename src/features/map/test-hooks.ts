/**
 * Hooks for the browser tests, compiled into the e2e build only (`vite build --mode e2e`, output `dist-e2e/`):
 * `window.__map` (the last map whose style loaded) and `window.__mapIdle` (time of the first complete frame).
 * Vite replaces `import.meta.env.MODE` by a string literal, so in the production build the bodies below are dead
 * code and the minifier drops them: `dist/` holds no `__map` (checked by scripts/lib/test-hooks-check.ts in
 * `npm test`). The benchmarks measure the production build through `performance.mark(SHOWN_MARKS.map)`.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    __map?: MaplibreMap;
    __mapIdle?: number;
  }
}

/** Lets the e2e tests reach the MapLibre instance (no-op outside the e2e build). */
export function exposeMapForTests(map: MaplibreMap): void {
  if (import.meta.env.MODE === 'e2e') window.__map = map;
}

/** Records the first complete frame for the e2e tests (no-op outside the e2e build). */
export function exposeMapIdleForTests(): void {
  if (import.meta.env.MODE === 'e2e' && window.__mapIdle === undefined) window.__mapIdle = performance.now();
}
