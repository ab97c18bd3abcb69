/**
 * Map-load benchmark (`npx tsx scripts/bench/map-load.ts`, or through `npm run bench`).
 *
 * Reads: the built app in `dist/` (run `vite build` first); drives Debian Chromium (tests/e2e/harness.ts) against
 * `vite preview`. Writes nothing.
 *
 * Rows: gzip size of the JavaScript the first load of the map page fetches (entry chunk, lazy map chunk, MapLibre
 * worker: every `.js`/`.mjs` response, measured on the matching `dist/` file), bytes transferred until the default
 * view is drawn (response bodies as received, all types), and navigation → first complete map idle
 * (`window.__mapIdle`, set by the map once every source has its data), median of 5 cold loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startHarness, waitForMapIdle } from '../../tests/e2e/harness.ts';
import type { BenchRow } from './types.ts';

const DIST = 'dist';
const RUNS = 5;

interface LoadSample {
  idleMs: number;
  /** path → body bytes as transferred. */
  responses: Map<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ absent : lancez `npx vite build` d’abord');
  const harness = await startHarness();
  const samples: LoadSample[] = [];
  let encodings = new Set<string>();
  try {
    for (let i = 0; i < RUNS; i++) {
      const responses = new Map<string, number>();
      const pending: Promise<void>[] = [];
      // A fresh context per run: cold HTTP cache, like a first visit.
      const context = await harness.browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'fr-FR',
      });
      const page = await context.newPage();
      context.on('response', (response) => {
        pending.push(
          (async () => {
            const path = new URL(response.url()).pathname;
            const encoding = (await response.allHeaders())['content-encoding'];
            if (encoding) encodings.add(encoding);
            const sizes = await response.request().sizes();
            responses.set(decodeURIComponent(path), sizes.responseBodySize + sizes.responseHeadersSize);
          })().catch(() => undefined),
        );
      });
      await page.goto(`${harness.base}/`);
      const idleMs = await waitForMapIdle(page, 60_000);
      await Promise.all(pending);
      samples.push({ idleMs, responses });
      await context.close();
    }
  } finally {
    await harness.close();
  }
  encodings = encodings.size ? encodings : new Set(['aucune']);

  const first = samples[0]!;
  const jsFiles = [...first.responses.keys()].filter((path) => /\.(m?js)$/.test(path));
  let jsGzip = 0;
  const jsParts: string[] = [];
  for (const path of jsFiles) {
    const file = join(DIST, path);
    if (!existsSync(file)) continue;
    const size = gzipSync(readFileSync(file), { level: 9 }).length;
    jsGzip += size;
    jsParts.push(`${path.replace(/^\/assets\//, '').replace(/-[\w-]{8}\./, '.')} ${kB(size)}`);
  }
  const html = readFileSync(join(DIST, 'index.html'));
  const htmlGzip = gzipSync(html, { level: 9 }).length;

  const totalBytes = [...first.responses.values()].reduce((sum, bytes) => sum + bytes, 0);
  const biggest = [...first.responses.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([path, bytes]) => `${path.replace(/^\/assets\//, '').replace(/-[\w-]{8}\./, '.')} ${kB(bytes)}`);

  const idles = samples.map((sample) => sample.idleMs);
  return [
    {
      name: 'carte — JS du premier chargement (gzip)',
      value: Math.round((jsGzip + htmlGzip) / 100) / 10,
      unit: 'kB',
      note: `${jsFiles.length} fichiers JS + index.html : ${jsParts.sort().join(', ')}`,
    },
    {
      name: 'carte — octets transférés, vue par défaut',
      value: Math.round(totalBytes / 1000),
      unit: 'kB',
      note: `${first.responses.size} réponses, compression HTTP : ${[...encodings].join(', ')} ; les plus lourdes : ${biggest.join(', ')}`,
    },
    {
      name: 'carte — navigation → carte prête (médiane de 5)',
      value: Math.round(median(idles)),
      unit: 'ms',
      budget: { max: 1500 },
      note: `min ${Math.round(Math.min(...idles))} ms, max ${Math.round(Math.max(...idles))} ms ; premier idle après chargement de toutes les sources`,
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
