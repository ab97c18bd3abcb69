/**
 * Bundle and first-answer benchmark (`npx tsx scripts/bench/bundle.ts`, or through `npm run bench`).
 *
 * Reads: the built app in `dist/` (index.html and Vite's `.vite/manifest.json`, from `build.manifest: true`);
 * drives Debian Chromium (tests/e2e/harness.ts) against `vite preview`. Writes nothing.
 *
 * Rows: gzip size of the initial page's JS and CSS (entry chunk + its static imports, i.e. what the browser
 * must download before the search box works), of the lazy map chunk, of the MapLibre worker; whether MapLibre
 * leaked into the entry chunk (it must stay lazy); and navigation → first input usable (median of 5 cold loads),
 * i.e. when the address search can be typed into, long before the map is drawn.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openPage, startHarness } from '../lib/browser/harness.ts';
import type { BenchRow } from './types.ts';

const DIST = 'dist';

/** One chunk of `dist/.vite/manifest.json` (fields used here). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

/** Selector of the first input a resident uses (the address search, whatever its final markup). */
export const FIRST_INPUT_SELECTOR = '#recherche-adresse, input[type="search"], [role="combobox"]';

/**
 * The files the initial page needs: the HTML entry chunk, its static imports (transitively) and their CSS.
 * Dynamic imports (other pages, the map) are excluded: they load later.
 */
export function initialFiles(manifest: ViteManifest): { js: string[]; css: string[] } {
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('dist/.vite/manifest.json : aucun point d’entrée (build.manifest activé ?)');
  const seen = new Set<string>();
  const js: string[] = [];
  const css = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    js.push(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entryKey);
  return { js, css: [...css] };
}

/** The lazy chunk whose source is the map view (react-map-gl + MapLibre), with its own static imports. */
export function mapChunkFiles(manifest: ViteManifest): string[] {
  const key = Object.keys(manifest).find((candidate) => /src\/features\/map\/map-view\.tsx$/.test(candidate));
  if (!key) return [];
  const initial = new Set(initialFiles(manifest).js);
  const files = new Set<string>();
  const visit = (chunkKey: string): void => {
    const chunk = manifest[chunkKey];
    if (!chunk || files.has(chunk.file) || initial.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(key);
  return [...files];
}

/**
 * Strings found in MapLibre's main-thread code and nowhere else in the app (its WebGL context-creation event and its
 * canvas class). Their presence in an initial file means MapLibre is no longer lazy.
 */
const MAPLIBRE_MARKERS = ['maplibregl-canvas', 'webglcontextcreationerror'];

export function containsMapLibre(code: string): boolean {
  return MAPLIBRE_MARKERS.every((marker) => code.includes(marker));
}

const gzipBytes = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;
const kB = (bytes: number): number => Math.round(bytes / 10) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Selector of the search's submit button once it can answer (streets and QPV loaded). */
export const SEARCH_READY_SELECTOR = 'form:has(#recherche-adresse) button[type="submit"]:not(:disabled)';

/**
 * For each of `runs` cold loads, in ms from navigation start (`performance.now()` of the page): when the first
 * search input is visible and enabled, and when the search can answer (NaN when that button never shows).
 */
async function firstInputUsable(runs: number): Promise<{ input: number[]; ready: number[] }> {
  const harness = await startHarness();
  const input: number[] = [];
  const ready: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      // A fresh context each time: cold HTTP cache, no service worker yet, like a first visit.
      const opened = await openPage(harness, '/');
      try {
        const handle = await opened.page.waitForFunction(
          (selector) => {
            const element = document.querySelector<HTMLInputElement>(selector);
            if (!element || element.disabled) return false;
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.height > 0 ? performance.now() : false;
          },
          FIRST_INPUT_SELECTOR,
          { timeout: 20_000, polling: 'raf' },
        );
        input.push(Math.round((await handle.jsonValue()) as number));
        const answer = await opened.page
          .waitForFunction(
            (selector) => (document.querySelector(selector) ? performance.now() : false),
            SEARCH_READY_SELECTOR,
            {
              timeout: 20_000,
              polling: 'raf',
            },
          )
          .then(async (readyHandle) => Math.round((await readyHandle.jsonValue()) as number))
          .catch(() => Number.NaN);
        ready.push(answer);
      } finally {
        await opened.context.close();
      }
    }
  } finally {
    await harness.close();
  }
  return { input, ready };
}

export async function run(): Promise<BenchRow[]> {
  const manifestPath = join(DIST, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} introuvable : lancez « npx vite build »`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
  const initial = initialFiles(manifest);
  const rows: BenchRow[] = [];

  const initialJs = initial.js.reduce((sum, file) => sum + gzipBytes(join(DIST, file)), 0);
  const initialCss = initial.css.reduce((sum, file) => sum + gzipBytes(join(DIST, file)), 0);
  rows.push({
    name: 'bundle: JS initial (gzip)',
    value: kB(initialJs),
    unit: 'kB',
    budget: { max: 150 },
    note: `${initial.js.length} fichier(s) : entrée + imports statiques`,
  });
  rows.push({ name: 'bundle: CSS initial (gzip)', value: kB(initialCss), unit: 'kB', budget: { max: 20 } });

  const entryCode = initial.js.map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n');
  rows.push({
    name: 'bundle: MapLibre dans le JS initial',
    value: containsMapLibre(entryCode) ? 1 : 0,
    unit: 'oui=1',
    budget: { max: 0 },
    note: 'la carte doit rester chargée à la demande',
  });

  const mapFiles = mapChunkFiles(manifest);
  if (mapFiles.length > 0) {
    const mapCode = mapFiles.map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n');
    rows.push({
      name: 'bundle: carte à la demande (gzip)',
      value: kB(mapFiles.reduce((sum, file) => sum + gzipBytes(join(DIST, file)), 0)),
      unit: 'kB',
      budget: { max: 450 },
      note: containsMapLibre(mapCode)
        ? `${mapFiles.length} fichier(s), MapLibre inclus`
        : `${mapFiles.length} fichier(s)`,
    });
  }

  const worker = Object.values(manifest)
    .flatMap((chunk) => [chunk.file, ...(chunk.assets ?? [])])
    .find((file) => /maplibre-gl-worker.*\.m?js$/.test(file));
  if (worker) {
    rows.push({
      name: 'bundle: worker MapLibre (gzip)',
      value: kB(gzipBytes(join(DIST, worker))),
      unit: 'kB',
      budget: { max: 160 },
    });
  }

  const name = 'navigation → recherche utilisable (médiane)';
  try {
    const times = await firstInputUsable(5);
    rows.push({
      name,
      value: median(times.input),
      unit: 'ms',
      budget: { max: 1500 },
      note: `champ visible et actif ; 5 chargements à froid, Chromium : ${times.input.join(', ')} ms`,
    });
    const ready = times.ready.every(Number.isFinite) ? median(times.ready) : Number.NaN;
    rows.push({
      name: 'navigation → recherche prête à répondre (médiane)',
      value: ready,
      unit: 'ms',
      budget: { max: 3000 },
      note: Number.isFinite(ready)
        ? `bouton « Vérifier » actif (rues et QPV chargés) : ${times.ready.join(', ')} ms`
        : 'bouton « Vérifier » jamais actif',
    });
  } catch (error) {
    // Keep the size rows: report the failed measurement as a row without a value (the run then fails).
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    rows.push({
      name,
      value: Number.NaN,
      unit: 'ms',
      budget: { max: 1500 },
      note: `mesure impossible : ${reason}`,
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (rows) => console.table(rows.map(({ name, value, unit, note }) => ({ name, value, unit, note }))),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
