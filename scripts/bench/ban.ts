/**
 * BAN benchmark (`npx tsx scripts/bench/ban.ts`, or through `npm run bench`): « Préciser au numéro » at the Nord's
 * real size.
 *
 * Reads: data/ (through scripts/bench/make-ban-file.ts and the CLI's loader), the built app in `dist/`, driven in
 * Debian Chromium (scripts/lib/browser/harness.ts). Writes: the generated file in a temporary directory
 * (TEST VALUES, see make-ban-file.ts), deleted at the end.
 *
 * Rows:
 * - Node reading of the file (the reader shared with the browser, over a file stream), rows/s;
 * - browser import: from choosing the file to the base stored (Web Worker, DecompressionStream, IndexedDB), s;
 * - bytes stored in IndexedDB, MB;
 * - JS heap during the import: the import worker's heap + the page's, sampled every 100 ms through the Chrome
 *   DevTools protocol, maximum, MB;
 * - search and file check after the import: a house-number search on the page (median of 20) and 2 000 rows of a
 *   file through the file-check worker.
 */
import { rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { loadBatchDataFromDisk } from '../check-addresses.ts';
import { readBanFiles } from '../lib/ban-file.ts';
import { openPage, startHarness } from '../lib/browser/harness.ts';
import { makeBanFile, NORD_ROWS } from './make-ban-file.ts';
import type { BenchRow } from './types.ts';

const MB = 1_000_000;

/** Max JS heap of the page + its workers while `work` runs (CDP, sampled). */
async function sampleHeap(page: Page, work: () => Promise<void>): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const sessions = new Set<string>();
  let nextId = 1;
  const pending = new Map<number, (v: number) => void>();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessions.add(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    sessions.delete(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.usedSize ?? 0);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = (sessionId: string) =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      setTimeout(() => resolve(0), 2000).unref();
      void cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(0));
    });
  await cdp.send('Performance.enable');
  let max = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const metrics = await cdp.send('Performance.getMetrics');
      const pageHeap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      let workers = 0;
      for (const sessionId of [...sessions]) workers += await workerHeap(sessionId);
      max = Math.max(max, pageHeap + workers);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await sampler;
  }
  return max;
}

async function searchMs(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#recherche-adresse')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const started = performance.now();
    setter.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (document.querySelector('.address-search-submit') as HTMLButtonElement).click();
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('.verdict-label')?.textContent?.startsWith(q.split(' ')[0]!)
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    return performance.now() - started;
  }, query);
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  const file = await makeBanFile(NORD_ROWS);
  const size = statSync(file.path).size;
  rows.push({
    name: 'BAN — fichier de test généré (taille réelle du Nord)',
    value: file.rows,
    unit: 'lignes',
    note: `${(size / MB).toFixed(1)} Mo gzip, ${file.covered} lignes dans les communes couvertes ; rues réelles, numéros et positions inventés (valeurs de test) ; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  });
  try {
    // Node: the CLI / data reader.
    const data = loadBatchDataFromDisk();
    const communes = new Set(data.communes.features.map((f) => f.properties.insee));
    const n0 = performance.now();
    const cpu0 = process.cpuUsage();
    const read = await readBanFiles([file.path], communes);
    const seconds = (performance.now() - n0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    rows.push({
      // Per CPU second: on the shared 2-core machine the wall clock mostly measures the other processes.
      name: 'BAN — lecture Node (fichier du Nord, gzip, temps CPU)',
      value: Math.round(read.rows / cpuSeconds),
      unit: 'lignes/s',
      budget: { min: 200_000 },
      note: `${read.rows} lignes en ${cpuSeconds.toFixed(2)} s CPU, ${seconds.toFixed(2)} s d’horloge (${Math.round(read.rows / seconds)} lignes/s) ; ${read.kept} gardées ; charge machine ${loadavg()[0]!.toFixed(1)}`,
    });

    // Browser.
    const harness = await startHarness();
    try {
      const { page } = await openPage(harness, '/');
      await page.locator('details.ban-import summary').click();
      const input = page.getByLabel(/Choisir le fichier de la Base Adresse Nationale/);
      await input.waitFor();
      let importSeconds = Number.NaN;
      const heap = await sampleHeap(page, async () => {
        const b0 = performance.now();
        await input.setInputFiles(file.path);
        await page.getByTestId('ban-etat').waitFor({ timeout: 300_000 });
        importSeconds = (performance.now() - b0) / 1000;
      });
      rows.push({
        name: 'BAN — import navigateur (fichier du Nord → base enregistrée)',
        value: Number(importSeconds.toFixed(2)),
        unit: 's',
        budget: { max: 30 },
        note: `Web Worker, DecompressionStream, IndexedDB ; ${(await page.getByTestId('ban-etat').textContent())?.replace(/\s+/g, ' ')}`,
      });
      const stored = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('perimetre-ban');
            open.onsuccess = () => {
              const get = open.result.transaction('ban').objectStore('ban').get('table');
              get.onsuccess = () =>
                resolve((get.result as ArrayBuffer | undefined)?.byteLength ?? Number.NaN);
              get.onerror = () => resolve(Number.NaN);
            };
            open.onerror = () => resolve(Number.NaN);
          }),
      );
      rows.push({
        name: 'BAN — taille enregistrée (IndexedDB)',
        value: Number((stored / MB).toFixed(2)),
        unit: 'Mo',
        budget: { max: 40 },
        note: 'table en colonnes : numéros u32, positions i32 à 1e-7°, suffixe et type u8, voies en dictionnaire',
      });
      rows.push({
        name: 'BAN — tas JS pendant l’import (page + workers, max)',
        value: Number((heap / MB).toFixed(1)),
        unit: 'Mo',
        budget: { max: 250 },
        note: 'Runtime.getHeapUsage du worker + JSHeapUsedSize de la page, toutes les 100 ms (CDP)',
      });
      // Search after the import: the context is rebuilt with the BAN; median of 20 searches.
      await page.waitForFunction(
        () => !(document.querySelector('.address-search-submit') as HTMLButtonElement | null)?.disabled,
      );
      await searchMs(page, '12 Rue Chevreul Croix');
      const times: number[] = [];
      for (let i = 0; i < 20; i++) times.push(await searchMs(page, `${10 + i} Rue Chevreul Croix`));
      times.sort((a, b) => a - b);
      rows.push({
        name: 'BAN — recherche au numéro après import (médiane de 20)',
        value: Number(times[10]!.toFixed(1)),
        unit: 'ms',
        budget: { max: 100 },
        note: `de la saisie au verdict affiché ; min ${times[0]!.toFixed(1)}, max ${times[19]!.toFixed(1)} ms`,
      });
    } finally {
      await harness.close();
    }
  } finally {
    rmSync(dirname(file.path), { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((rows) => {
    for (const row of rows) console.log(`${row.name}: ${row.value} ${row.unit} — ${row.note ?? ''}`);
  });
}
