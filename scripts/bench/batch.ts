/**
 * Batch file-check benchmark (`npx tsx scripts/bench/batch.ts`, or through `npm run bench`).
 *
 * Reads: data/qpv-2024.geojson, data/roads.geojson, data/communes.geojson (real street names of Croix and Roubaix
 * to build the files); for the browser rows, the built app in `dist/` (run `vite build` first), driven in Debian
 * Chromium (tests/e2e/harness.ts). Writes nothing (the generated files stay in memory).
 *
 * Rows:
 * - Node, geocode + verdict (the CLI's per-row work: row → query → checkAddress), 100 000 rows, one core;
 * - Node, the whole CLI path for CSV text (parse + check + CSV export + encoding), same rows;
 * - Browser, 50 000 rows through the Web Worker, from the click on « Vérifier » to the summary on screen, with the
 *   number of progress updates the page received (the bar must move).
 * Published reference: the public BAN CSV service took ≈ 3 min for 10 000 lines in 2016 (addok #168, ≈ 55 rows/s);
 * Géoplateforme batches of 400 rows return in < 1 s (domain.md §4.4, ≈ 400+ rows/s per request, 50 req/s cap).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkRow } from '../../src/domain/batch/check-rows.ts';
import { describeColumns } from '../../src/domain/batch/column-mapping.ts';
import { createDomainRowChecker } from '../../src/domain/batch/domain-row-checker.ts';
import { buildRowCsv, encodeOutput } from '../../src/domain/batch/export.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { summarise } from '../../src/domain/batch/summary.ts';
import { loadBatchDataFromDisk } from '../check-addresses.ts';
import { openPage, startHarness } from '../lib/browser/harness.ts';
import type { BenchRow } from './types.ts';

const NODE_ROWS = 100_000;
const BROWSER_ROWS = 50_000;
/** Public BAN CSV service, 2016: 10 000 lines in ≈ 180 s (addok #168). */
const PUBLIC_2016_ROWS_PER_S = 10_000 / 180;

/**
 * A beneficiaries' file of `rows` lines built from the real named streets of Croix (59163) and Roubaix (59512):
 * « Bénéficiaire N;<number> <street>;<postcode>;<commune> ». Deterministic; every address distinct.
 */
export function buildBenchCsv(rows: number): string {
  const roads = JSON.parse(readFileSync('data/roads.geojson', 'utf8')) as {
    features: { properties: { nom: string | null; insee: string | null } }[];
  };
  const communes: Record<string, [string, string]> = {
    '59163': ['59170', 'Croix'],
    '59512': ['59100', 'Roubaix'],
  };
  const streets = [
    ...new Set(
      roads.features
        .filter(
          (feature) =>
            feature.properties.nom && feature.properties.insee && communes[feature.properties.insee],
        )
        .map((feature) => `${feature.properties.nom}|${feature.properties.insee}`),
    ),
  ].sort();
  const lines = ['Bénéficiaire;Adresse;Code postal;Ville'];
  for (let index = 0; index < rows; index += 1) {
    // Every line is a distinct address (street × house number), so the checker's memo of repeated queries never
    // answers: the figure is the cost of real geocoding + verdict, not of a cache.
    const [name, insee] = streets[index % streets.length]!.split('|') as [string, string];
    const [postcode, city] = communes[insee]!;
    lines.push(
      `Bénéficiaire ${index + 1};${Math.floor(index / streets.length) + 1} ${name};${postcode};${city}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function nodeRows(csv: string): Promise<BenchRow[]> {
  const data = loadBatchDataFromDisk();
  const started = performance.now();
  const checker = createDomainRowChecker(data);
  const contextMs = performance.now() - started;
  const bytes = new TextEncoder().encode(csv);
  const table = await readInputTable(bytes);
  const { mapping } = describeColumns(table);
  // Warm-up on the first 2 000 rows (JIT, street verdict memo), then the timed pass over the other rows: the warm-up
  // rows would come back from the checker's memo of repeated queries. CPU time (process.cpuUsage, all threads of the
  // process, GC helpers included) is reported beside wall time: the machine may be shared.
  const WARM_UP = 2_000;
  const warm = table.rows.slice(0, WARM_UP).map((row) => checkRow(row, mapping, checker));
  const timed = table.rows.slice(WARM_UP);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const verdicts = timed.map((row) => checkRow(row, mapping, checker));
  const checkMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const summary = summarise([...warm, ...verdicts]);
  const t1 = performance.now();
  const whole = await readInputTable(bytes);
  const wholeVerdicts = whole.rows.map((row) => checkRow(row, mapping, checker));
  const out = buildRowCsv(whole, wholeVerdicts, { delimiter: ';', minimise: false, mapping });
  encodeOutput(out, 'utf-8');
  const pipelineMs = performance.now() - t1;
  const counts = `dans ${summary.counts.dans}, hors ${summary.counts.hors}, limite ${summary.counts.limite}, introuvable ${summary.counts.introuvable}`;
  return [
    {
      name: 'Fichier — Node, géocodage + verdict (100 000 lignes, 1 cœur)',
      value: Math.round(timed.length / (checkMs / 1000)),
      unit: 'lignes/s',
      baseline: {
        name: 'service CSV public BAN 2016 (10 000 lignes ≈ 3 min, addok #168)',
        value: Math.round(PUBLIC_2016_ROWS_PER_S),
      },
      budget: { min: 50_000 },
      note: `${(checkMs / 1000).toFixed(2)} s pour ${timed.length.toLocaleString('fr-FR')} lignes, temps CPU ${(cpuMs / 1000).toFixed(2)} s soit ${Math.round(timed.length / (cpuMs / 1000)).toLocaleString('fr-FR')} lignes/s (charge machine ${loadavg()[0]!.toFixed(1)}) ; contexte (index QPV + géocodeur) ${contextMs.toFixed(0)} ms ; ${counts}. Géoplateforme : lots de 400 lignes < 1 s (domain.md §4.4)`,
    },
    {
      name: 'Fichier — Node, chaîne complète CSV (lecture + vérification + export)',
      value: Math.round(whole.rows.length / (pipelineMs / 1000)),
      unit: 'lignes/s',
      note: `${(pipelineMs / 1000).toFixed(2)} s pour ${whole.rows.length.toLocaleString('fr-FR')} lignes, ${(bytes.length / 1e6).toFixed(1)} Mo`,
    },
  ];
}

async function browserRows(csv: string): Promise<BenchRow[]> {
  if (!existsSync(join('dist', 'index.html')))
    throw new Error('dist/ absent : lancez `npx vite build` d’abord');
  const harness = await startHarness();
  try {
    const { page } = await openPage(harness, '/verifier-un-fichier');
    await page.locator('input[type=file]').setInputFiles({
      name: 'banc.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const button = page.getByRole('button', { name: /^Vérifier les / });
    await button.waitFor({ timeout: 30_000 });
    // Let the worker finish loading the data files while the user would look at the mapping (as in real use).
    await page.waitForTimeout(1_500);
    // A plain string: tsx would wrap named arrow functions in `__name(…)`, which does not exist in the page.
    await page.evaluate(`(() => {
      const state = { updates: 0, last: -1, frames: 0, start: 0, end: 0 };
      window.__bench = state;
      const tick = () => {
        state.frames += 1;
        const bar = document.querySelector('progress');
        if (bar && bar.value !== state.last) { state.last = bar.value; state.updates += 1; }
        if (document.querySelector('[data-testid=synthese]')) state.end = performance.now();
        else requestAnimationFrame(tick);
      };
      document.addEventListener('click', () => { state.start = performance.now(); requestAnimationFrame(tick); },
        { once: true, capture: true });
    })()`);
    await button.click();
    await page.getByTestId('synthese').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __bench: { end: number } }).__bench.end > 0);
    const result = await page.evaluate(
      () =>
        (window as unknown as { __bench: { updates: number; frames: number; start: number; end: number } })
          .__bench,
    );
    const seconds = (result.end - result.start) / 1000;
    return [
      {
        name: 'Fichier — navigateur, 50 000 lignes via le Worker (clic → synthèse)',
        value: Number(seconds.toFixed(2)),
        unit: 's',
        budget: { max: 5 },
        note: `${Math.round(BROWSER_ROWS / seconds).toLocaleString('fr-FR')} lignes/s ; ${result.updates} mises à jour de la barre de progression vues, ${result.frames} images affichées pendant le calcul (page réactive)`,
      },
    ];
  } finally {
    await harness.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows = await nodeRows(buildBenchCsv(NODE_ROWS));
  rows.push(...(await browserRows(buildBenchCsv(BROWSER_ROWS))));
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((rows) => {
    for (const row of rows) console.log(JSON.stringify(row));
  });
}
