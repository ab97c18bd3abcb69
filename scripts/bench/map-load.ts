/**
 * Phone map-load benchmark (`npx tsx scripts/bench/map-load.ts`, or through `npm run bench`), issue 10.
 *
 * Reads: the built app in `dist/` (run `vite build` first), `node_modules/maplibre-gl/dist/` (the bare MapLibre
 * baseline) and the basemap style of src/map/basemap-style.ts. Writes: the baseline page into a temporary
 * directory (removed at the end; never part of the build nor of the service worker's precache). Drives Debian
 * Chromium at 390×844 against a gzip static server (scripts/lib/gzip-static-server.ts, like nginx), service
 * worker blocked, a fresh context (cold cache) for every load.
 *
 * Rows, all from the same run:
 * - navigation → map ready, the app (`performance.mark('perimetre:carte-prete')`: first idle once every source has
 *   its data) and the baseline, bare MapLibre drawing the same basemap tiles at the same default view and nothing
 *   else (first idle), 5 cold loads each, interleaved; and their ratio `carte prête ÷ MapLibre nu`;
 * - the map's own path, from the moment the app asks for it (`perimetre:carte-demandee`, once the search is ready)
 *   to map ready, next to bare MapLibre's whole load;
 * - the CPU time of all Chromium processes (browser, page, software WebGL, workers; scripts/lib/process-cpu.ts,
 *   Linux `/proc`) from navigation to map ready, app and baseline, by process (page, GPU, browser), the app's
 *   share until its search is ready (before it asks for the map), and the mean number of busy cores;
 * - bytes of the default phone view as the static host sends them (gzip), until the map and the search are ready,
 *   with the list of responses;
 * - « 12 rue du Tonkin Croix » typed as soon as the box is usable, « Vérifier » pressed as soon as it is active:
 *   navigation → answer card in the page (a MutationObserver notes the moment), 5 cold loads, and the bytes of the
 *   requests the server received before that moment (the server stamps each request; same clock), median of 5;
 * - JS heap after the default view (CDP Performance.getMetrics, JSHeapUsedSize, after a garbage collection) and
 *   the longest main-thread task during the load (PerformanceObserver `longtask`), with bare MapLibre's as the
 *   baseline (its first complete frame, rendered by SwiftShader, is itself one long task here).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEFAULT_VIEW } from '../../src/domain/permalink.ts';
import { basemapLayers, basemapTileSource } from '../../src/map/basemap-style.ts';
import { SOURCE } from '../../src/map/ids.ts';
import { findChromium } from '../lib/browser/chromium-path.ts';
import { CHROMIUM_FLAGS } from '../lib/browser/harness.ts';
import { type CountedResponse, startGzipStaticServer } from '../lib/gzip-static-server.ts';
import {
  type ChromiumRole,
  type CpuSnapshot,
  cpuBetween,
  cpuBetweenByRole,
  cpuSnapshot,
  roleOf,
} from '../lib/process-cpu.ts';
import type { BenchRow } from './types.ts';

const DIST = 'dist';
const RUNS = 5;
const VIEWPORT = { width: 390, height: 844 };
const QUERY = '12 rue du Tonkin Croix';
const MARK_MAP = 'perimetre:carte-prete';
const MARK_SEARCH = 'perimetre:recherche-prete';
const MARK_BARE = 'maplibre-nu:prete';
/** MAP_START_MARK of src/features/map/map-start.ts: the map chunk is asked for. */
const MARK_MAP_START = 'perimetre:carte-demandee';
const MAPLIBRE = 'node_modules/maplibre-gl/dist';

/** The baseline page: bare MapLibre, the app's basemap tile layers only, the app's default view. */
function bareMapLibrePage(base: string): string {
  const layers = basemapLayers().filter(
    (layer) => layer.type === 'background' || ('source' in layer && layer.source === SOURCE.basemapTiles),
  );
  const style = {
    version: 8,
    glyphs: `${base}/fonts/{fontstack}/{range}.pbf`,
    sources: { [SOURCE.basemapTiles]: basemapTileSource(base) },
    layers,
  };
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>MapLibre nu (banc d’essai)</title><link rel="icon" href="data:,">
<style>html, body, #carte { margin: 0; height: 100%; }</style></head>
<body><div id="carte"></div>
<script type="module">
import { Map, setWorkerUrl } from './maplibre-gl.mjs';
setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);
const map = new Map({ container: 'carte', style: ${JSON.stringify(style)},
  center: [${DEFAULT_VIEW.lon}, ${DEFAULT_VIEW.lat}], zoom: ${DEFAULT_VIEW.zoom}, attributionControl: false });
map.once('idle', () => performance.mark('${MARK_BARE}'));
</script></body></html>
`;
}

/** Notes when the answer card enters the page (epoch ms, comparable with the server log's `at`). */
const ANSWER_SEEN = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.verdict-card')) return;
    observer.disconnect();
    window.__reponseAffichee = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/** Records main-thread long tasks from the very start of the page. */
const LONG_TASKS = `
  window.__tachesLongues = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__tachesLongues.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

async function newContext(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR', serviceWorkers: 'block' });
  await context.addInitScript(LONG_TASKS);
  return context;
}

/** CPU ms of all Chromium processes (and by role) and wall ms, from navigation until a mark was seen. */
interface CpuUse {
  cpu: number;
  wall: number;
  byRole: Record<ChromiumRole, number> | null;
}

const ROLE_NAMES: Record<ChromiumRole, string> = {
  page: 'page',
  gpu: 'GPU (SwiftShader)',
  navigateur: 'navigateur et réseau',
};

/** « page 2130, GPU (SwiftShader) 1060, navigateur et réseau 430 ms » : the median of each role. */
function byRole(loads: readonly CpuUse[]): string {
  const roles = Object.keys(ROLE_NAMES) as ChromiumRole[];
  return `${roles
    .map(
      (role) => `${ROLE_NAMES[role]} ${Math.round(median(loads.map((l) => l.byRole?.[role] ?? Number.NaN)))}`,
    )
    .join(', ')} ms`;
}

/** Start time (ms from navigation) of each mark, once all exist. */
async function waitForMarks(page: Page, names: string[], timeout = 60_000): Promise<number[]> {
  const handle = await page.waitForFunction(
    (wanted) => {
      const times = wanted.map((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime);
      return times.every((time) => typeof time === 'number') ? times : false;
    },
    names,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as number[];
}

/** The longest main-thread task the page has seen since its start (ms). */
function longestTask(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, ...((window as unknown as { __tachesLongues: number[] }).__tachesLongues ?? [])),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10;
const short = (path: string) => path.replace(/^\/assets\//, '').replace(/-[\w-]{8}\./, '.');
const total = (log: readonly CountedResponse[]) => log.reduce((sum, r) => sum + r.bytes, 0);

/** « index.js 40.1 kB, … » with repeated paths (e.g. the same tile) grouped. */
function responseList(log: readonly CountedResponse[]): string {
  const byPath = new Map<string, { bytes: number; count: number }>();
  for (const r of log) {
    const entry = byPath.get(r.path) ?? { bytes: 0, count: 0 };
    entry.bytes += r.bytes;
    entry.count += 1;
    byPath.set(r.path, entry);
  }
  return [...byPath.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([path, { bytes, count }]) => `${short(path)} ${kB(bytes)} kB${count > 1 ? ` (×${count})` : ''}`)
    .join(', ');
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ absent : lancez `npx vite build` d’abord');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium introuvable');
  const tmp = mkdtempSync(join(tmpdir(), 'maplibre-nu-'));
  const server = await startGzipStaticServer(DIST, {
    '/__nu/index.html': join(tmp, 'index.html'),
    '/__nu/maplibre-gl.mjs': join(MAPLIBRE, 'maplibre-gl.mjs'),
    '/__nu/maplibre-gl-worker.mjs': join(MAPLIBRE, 'maplibre-gl-worker.mjs'),
  });
  writeFileSync(join(tmp, 'index.html'), bareMapLibrePage(server.base));
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });

  const app: number[] = [];
  const bare: number[] = [];
  /** When the app asked for its map (after the search is ready). */
  const asked: number[] = [];
  /** CPU ms of all Chromium processes and wall ms, from navigation until the mark was seen. */
  const appCpu: CpuUse[] = [];
  const bareCpu: CpuUse[] = [];
  /** The app's CPU use until the search is ready (the map is asked for after). */
  const searchCpu: CpuUse[] = [];
  // Chromium runs as a child of this process: its processes are this process's descendants (this process, which
  // also serves the files, is left out).
  const browserCpu = (): CpuSnapshot | null => {
    const snapshot = cpuSnapshot(process.pid);
    snapshot?.delete(process.pid);
    return snapshot;
  };
  const startCpu = () => {
    const before = browserCpu();
    const since = performance.now();
    return () => {
      const after = before ? browserCpu() : null;
      return {
        cpu: before && after ? cpuBetween(before, after) : Number.NaN,
        byRole: before && after ? cpuBetweenByRole(before, after, roleOf) : null,
        wall: performance.now() - since,
      };
    };
  };
  const search: number[] = [];
  let defaultView: CountedResponse[] = [];
  const searchLogs: CountedResponse[][] = [];
  let bareLog: CountedResponse[] = [];
  const heaps: { before: number; after: number }[] = [];
  const longest: number[] = [];
  const bareLongest: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // The app: default view until the map and the search are ready.
      let context = await newContext(browser);
      let page = await context.newPage();
      server.reset();
      let cpu = startCpu();
      await page.goto(`${server.base}/`);
      // The work done before the map is asked for: the page and the search, until the search is ready.
      await waitForMarks(page, [MARK_SEARCH]);
      searchCpu.push(cpu());
      const [mapReady, mapAsked] = await waitForMarks(page, [MARK_MAP, MARK_MAP_START]);
      appCpu.push(cpu());
      app.push(mapReady!);
      asked.push(mapAsked!);
      if (i === 0) defaultView = [...server.log];
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const heap = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ??
        Number.NaN;
      const before = await heap();
      await cdp.send('HeapProfiler.collectGarbage');
      heaps.push({ before, after: await heap() });
      longest.push(await longestTask(page));
      await context.close();

      // The baseline, right after, in the same conditions.
      context = await newContext(browser);
      page = await context.newPage();
      server.reset();
      cpu = startCpu();
      await page.goto(`${server.base}/__nu/index.html`);
      const [bareReady] = await waitForMarks(page, [MARK_BARE]);
      bareCpu.push(cpu());
      bare.push(bareReady!);
      if (i === 0) bareLog = [...server.log];
      bareLongest.push(await longestTask(page));
      await context.close();

      // The first answer: type as soon as the box is usable, press « Vérifier » as soon as it is active.
      context = await newContext(browser);
      await context.addInitScript(ANSWER_SEEN);
      page = await context.newPage();
      server.reset();
      await page.goto(`${server.base}/`);
      const box = page.locator('#recherche-adresse');
      await box.fill(QUERY, { timeout: 30_000 });
      await page
        .locator('form:has(#recherche-adresse) button[type="submit"]:not(:disabled)')
        .click({ timeout: 30_000 });
      // Read from the page's observer: the time the card entered the DOM, not when this poll got to run.
      const answered = await page.waitForFunction(
        () => {
          const at = (window as unknown as { __reponseAffichee?: number }).__reponseAffichee;
          return typeof at === 'number' ? [at, performance.timeOrigin + at] : false;
        },
        null,
        { timeout: 30_000, polling: 50 },
      );
      const [answerAt, answerEpoch] = (await answered.jsonValue()) as [number, number];
      search.push(answerAt);
      searchLogs.push(server.log.filter((r) => r.at <= answerEpoch));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  // The bytes before the answer: the run with the median total (its responses listed).
  const searchLog =
    [...searchLogs].sort((a, b) => total(a) - total(b))[Math.floor(searchLogs.length / 2)] ?? [];
  const appMedian = median(app);
  const askedToReady = app.map((ready, i) => ready - asked[i]!);
  const cores = (loads: CpuUse[]) =>
    (Math.round(median(loads.map((l) => l.cpu / l.wall)) * 100) / 100).toLocaleString('fr-FR');
  const bareMedian = median(bare);
  const ms = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
  const js = defaultView.filter((r) => /\.m?js$/.test(r.path));
  const heapAfter = median(heaps.map((h) => h.after)) / 1e6;
  const heapBefore = median(heaps.map((h) => h.before)) / 1e6;
  return [
    {
      name: 'carte — navigation → carte prête (médiane de 5)',
      value: Math.round(appMedian),
      unit: 'ms',
      baseline: { name: 'MapLibre nu (même exécution)', value: Math.round(bareMedian) },
      note: `390×844, serveur statique gzip, 5 chargements à froid : ${ms(app)} ms (marque ${MARK_MAP})`,
    },
    {
      name: 'MapLibre nu — navigation → carte prête (médiane de 5)',
      value: Math.round(bareMedian),
      unit: 'ms',
      note: `mêmes tuiles du fond de carte, même vue, rien d’autre : ${ms(bare)} ms ; ${bareLog.length} réponses, ${kB(total(bareLog))} kB gzip`,
    },
    {
      name: 'carte prête ÷ MapLibre nu',
      value: Math.round((appMedian / bareMedian) * 100) / 100,
      unit: '×',
      budget: { max: 1.5 },
      note: 'médiane de l’application ÷ médiane de MapLibre nu, chargements alternés',
    },
    {
      name: 'carte — demandée → prête (médiane de 5)',
      value: Math.round(median(askedToReady)),
      unit: 'ms',
      baseline: { name: 'MapLibre nu, navigation → prête (même exécution)', value: Math.round(bareMedian) },
      note: `le chemin propre de la carte, sans l’attente de la recherche : demandée à ${ms(asked)} ms (marque ${MARK_MAP_START}, une fois la recherche prête), prête ${ms(askedToReady)} ms plus tard`,
    },
    {
      name: 'processeur — Chromium jusqu’à la carte prête (médiane de 5)',
      value: Math.round(median(appCpu.map((c) => c.cpu))),
      unit: 'ms CPU',
      baseline: {
        name: 'MapLibre nu (même exécution)',
        value: Math.round(median(bareCpu.map((c) => c.cpu))),
      },
      note: Number.isNaN(median(appCpu.map((c) => c.cpu)))
        ? 'non mesuré : /proc absent (Linux seulement)'
        : `temps CPU de tous les processus de Chromium (navigateur, page, GPU logiciel, workers), de la navigation à la marque vue : ${ms(appCpu.map((c) => c.cpu))} ms ; MapLibre nu ${ms(bareCpu.map((c) => c.cpu))} ms ; dont ${Math.round(median(searchCpu.map((c) => c.cpu)))} ms jusqu’à la recherche prête (${Math.round(median(searchCpu.map((c) => c.wall)))} ms), avant que la carte soit demandée ; cœurs occupés en moyenne ${cores(appCpu)} (application) et ${cores(bareCpu)} (MapLibre nu) sur ${availableParallelism()} ; par processus, application : ${byRole(appCpu)} ; MapLibre nu : ${byRole(bareCpu)}`,
    },
    {
      name: 'vue par défaut téléphone — octets transférés (gzip)',
      value: kB(total(defaultView)),
      unit: 'kB',
      budget: { max: 900 },
      note: `jusqu’à carte et recherche prêtes, ${defaultView.length} réponses dont JS ${kB(total(js))} kB : ${responseList(defaultView)}`,
    },
    {
      name: `recherche « ${QUERY} » — navigation → première réponse (médiane)`,
      value: Math.round(median(search)),
      unit: 'ms',
      note: `saisie dès que le champ est utilisable, « Vérifier » dès qu’il est actif : ${ms(search)} ms`,
    },
    {
      name: `recherche « ${QUERY} » — octets avant la première réponse (gzip)`,
      value: kB(total(searchLog)),
      unit: 'kB',
      budget: { max: 350 },
      note: `médiane de 5 (${searchLogs.map((log) => kB(total(log))).join(', ')} kB) ; ${searchLog.length} réponses : ${responseList(searchLog)}`,
    },
    {
      name: 'tas JS après la vue par défaut (médiane)',
      value: Math.round(heapAfter * 10) / 10,
      unit: 'Mo',
      budget: { max: 60 },
      note: `JSHeapUsedSize (CDP Performance.getMetrics) après un ramasse-miettes ; ${Math.round(heapBefore * 10) / 10} Mo avant`,
    },
    {
      name: 'tâche la plus longue du fil principal pendant le chargement',
      value: Math.round(Math.max(...longest)),
      unit: 'ms',
      baseline: { name: 'MapLibre nu (même exécution)', value: Math.round(Math.max(...bareLongest)) },
      budget: { max: 200 },
      note: `PerformanceObserver longtask jusqu’à carte et recherche prêtes ; par chargement : ${ms(longest)} ms ; MapLibre nu, jusqu’à sa carte prête : ${ms(bareLongest)} ms (une image de la carte rendue par SwiftShader, le WebGL logiciel de cette machine)`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run()
    .then((rows) => {
      for (const row of rows)
        console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` — ${row.note}` : ''}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
