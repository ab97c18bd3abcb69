/**
 * `npm run bench`: runs every benchmark module and prints one Markdown table.
 *
 * Reads: `scripts/bench/*.ts` (each exports `run(): Promise<BenchRow[]>`; `types.ts` is the shared type),
 * `bench-budgets.json` (budgets by row name, overriding each row's own default), and `dist/` (rebuilt first with
 * `vite build` when missing or older than the sources). Writes: `bench-results/latest.md` (the table) and
 * `bench-results/latest.json` (rows with their status). Exits non-zero when a row exceeds its budget, has no
 * value, or a module fails.
 *
 * Modules run one after the other, never in parallel: the figures are timings on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './bench/types.ts';

export type Budget = { max?: number; min?: number };
export type Status = 'ok' | 'dépassé' | 'erreur' | '—';

export interface ResultRow extends BenchRow {
  module: string;
  ratio: number | null;
  status: Status;
}

/** Status of a row against its budget: the repo's budget (by name) wins over the row's default. */
export function evaluate(
  row: BenchRow,
  budgets: Record<string, Budget>,
): { budget: Budget | undefined; status: Status } {
  const budget = budgets[row.name] ?? row.budget;
  if (!Number.isFinite(row.value)) return { budget, status: 'erreur' };
  if (!budget || (budget.max === undefined && budget.min === undefined)) return { budget, status: '—' };
  const over = budget.max !== undefined && row.value > budget.max;
  const under = budget.min !== undefined && row.value < budget.min;
  return { budget, status: over || under ? 'dépassé' : 'ok' };
}

const fmt = (value: number): string =>
  Number.isFinite(value)
    ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false }).format(value)
    : '—';

function budgetText(budget: Budget | undefined): string {
  if (!budget) return '';
  const parts: string[] = [];
  if (budget.max !== undefined) parts.push(`≤ ${fmt(budget.max)}`);
  if (budget.min !== undefined) parts.push(`≥ ${fmt(budget.min)}`);
  return parts.join(', ');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The one Markdown table printed and written to bench-results/latest.md. */
export function markdownTable(rows: readonly ResultRow[]): string {
  const lines = [
    '| name | value | unit | baseline | ratio | budget | status | note |',
    '|---|---:|---|---|---:|---|---|---|',
  ];
  for (const row of rows) {
    const baseline = row.baseline ? `${row.baseline.name}: ${fmt(row.baseline.value)}` : '';
    const ratio = row.ratio === null ? '' : `${fmt(row.ratio)}×`;
    lines.push(
      `| ${[
        row.name,
        fmt(row.value),
        row.unit,
        baseline,
        ratio,
        budgetText(row.budget),
        row.status,
        row.note ?? '',
      ]
        .map((text) => cell(text))
        .join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Newest modification time under the given paths (files or folders), in ms. */
function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

/** A module still running after this is reported as failed (a stuck browser must not hang CI). */
const MODULE_TIMEOUT_MS = 10 * 60_000;

const BUILD_INPUTS = [
  'src',
  'data',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'scripts/vite-precache-plugin.ts',
];

function ensureBuild(): void {
  const built = join('dist', 'index.html');
  const fresh =
    existsSync(built) &&
    existsSync(join('dist', '.vite', 'manifest.json')) &&
    statSync(built).mtimeMs >= newestMtime(BUILD_INPUTS);
  if (fresh) return;
  console.error('dist/ absent ou périmé : vite build…');
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('vite build a échoué');
}

async function main(): Promise<number> {
  ensureBuild();
  const budgets = existsSync('bench-budgets.json')
    ? (JSON.parse(readFileSync('bench-budgets.json', 'utf8')) as Record<string, Budget>)
    : {};
  const modules = readdirSync('scripts/bench')
    // Plain module names only: hidden or temporary files (`.draft.ts`) are not benchmarks.
    // `make-*.ts` are generators of bench inputs (make-ban-file.ts), not benchmarks.
    .filter(
      (name) => /^[a-z0-9][a-z0-9-]*\.ts$/.test(name) && name !== 'types.ts' && !name.startsWith('make-'),
    )
    .sort();
  const results: ResultRow[] = [];
  let failedModules = 0;
  for (const name of modules) {
    console.error(`▶ ${name}`);
    const started = performance.now();
    try {
      const module = (await import(pathToFileURL(resolve('scripts/bench', name)).href)) as {
        run?: () => Promise<BenchRow[]>;
      };
      if (typeof module.run !== 'function') throw new Error('pas de fonction run() exportée');
      const rows = await Promise.race([
        module.run(),
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`plus de ${MODULE_TIMEOUT_MS / 60_000} min`)),
            MODULE_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
      for (const row of rows) {
        const { budget, status } = evaluate(row, budgets);
        const ratio = row.baseline && row.baseline.value !== 0 ? row.value / row.baseline.value : null;
        results.push({ ...row, ...(budget ? { budget } : {}), module: name, ratio, status });
      }
    } catch (error) {
      failedModules += 1;
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      results.push({
        name: `${name} (module)`,
        value: Number.NaN,
        unit: '',
        module: name,
        ratio: null,
        status: 'erreur',
        note: message ?? '',
      });
    }
    console.error(`  ${Math.round(performance.now() - started)} ms`);
  }
  const table = markdownTable(results);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.md', table);
  writeFileSync(
    'bench-results/latest.json',
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows: results }, null, 2)}\n`,
  );
  process.stdout.write(table);
  const failing = results.filter((row) => row.status === 'dépassé' || row.status === 'erreur');
  if (failing.length > 0) {
    console.error(
      `\n✗ ${failing.length} ligne(s) hors budget ou en erreur : ${failing.map((row) => row.name).join(' ; ')}`,
    );
  }
  return failing.length > 0 || failedModules > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Explicit exit: a module that failed or timed out may have left a browser or a server running.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
