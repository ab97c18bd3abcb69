/**
 * maplibre-gl 6 loads its worker from a sibling file that bundlers do not copy: point it at the URL Vite
 * emits (maplibre-gl v5→v6 migration guide; ../shared/docs/toolchain.md §2). Imported only by the lazily
 * loaded map chunk, so MapLibre stays out of the initial bundle.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);
// Start the worker (and the download of its 150 kB script) as soon as this chunk runs, while React mounts the map.
maplibregl.prewarm();

export { maplibregl };
