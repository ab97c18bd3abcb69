/**
 * `npm test`: the whole test suite, in the order CI needs it.
 *
 * Reads: the repository (sources, data/, tests/). Writes: dist/ (the production build), dist-e2e/ (the build
 * the browser tests run against) and test-results/*.json (vitest reports, used to count tests).
 *
 * Steps: typecheck (tsc) → lint (biome) → unit + DOM tests (vitest) → production build (vite, `dist/`) → no
 * test hook in `dist/` (`window.__map`…) → e2e build (`vite build --mode e2e`, `dist-e2e/`, with the hooks) →
 * end-to-end tests in Debian Chromium driven by playwright-core (vitest project `e2e`). Each of typecheck, lint,
 * the builds and the hook check counts as one test; vitest tests are counted one by one. The last line printed
 * is always `N passed, N failed`, the plain closing line CI reads. Browser tests are never skipped: without
 * Chromium they count as failed and the message says how to install it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './lib/browser/chromium-path.ts';
import { findTestHooks } from './lib/test-hooks-check.ts';

interface Tally {
  passed: number;
  failed: number;
}

const tally: Tally = { passed: 0, failed: 0 };
const bin = (name: string) => `node_modules/.bin/${name}`;

function run(label: string, command: string, args: string[]): boolean {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function step(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args);
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    process.stdout.write(`✗ ${label} a échoué\n`);
  }
  return ok;
}

interface VitestJsonReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numTotalTests?: number;
  numFailedTestSuites?: number;
}

function vitest(label: string, projects: string[], reportName: string): void {
  const outputFile = `test-results/${reportName}.json`;
  rmSync(outputFile, { force: true });
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json'];
  args.push(`--outputFile.json=${outputFile}`);
  const ok = run(label, bin('vitest'), args);
  if (!existsSync(outputFile)) {
    tally.failed += 1;
    process.stdout.write(`✗ ${label} : aucun rapport produit\n`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8')) as VitestJsonReport;
  const passed = report.numPassedTests ?? 0;
  // A suite that fails to load (syntax error, failing beforeAll) has no failed *test*: count it anyway.
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  tally.passed += passed;
  tally.failed += failed;
  if (!ok && failed === 0) tally.failed += 1;
  if ((report.numTotalTests ?? 0) === 0) {
    tally.failed += 1;
    process.stdout.write(`✗ ${label} : aucun test exécuté\n`);
  }
}

mkdirSync('test-results', { recursive: true });
step('Vérification des types (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('Lint et format (biome)', bin('biome'), ['check', '.']);
step('Validation des données (npm run data:check)', bin('tsx'), ['scripts/build-data.ts', '--check']);
vitest('Tests unitaires et composants (vitest)', ['unit', 'dom'], 'unit');
const builtProduction = step('Construction de l’application (vite build)', bin('vite'), [
  'build',
  '--logLevel',
  'warn',
]);
if (builtProduction) {
  process.stdout.write('\n▶ Aucun crochet de test dans dist/ (window.__map, window.__mapIdle)\n');
  const leaks = findTestHooks('dist');
  if (leaks.length === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    process.stdout.write(`✗ crochets de test dans la version de production : ${leaks.join(', ')}\n`);
  }
}
const built = step('Construction pour les tests de bout en bout (vite build --mode e2e)', bin('vite'), [
  'build',
  '--mode',
  'e2e',
  '--logLevel',
  'warn',
]);
const chromium = findChromium();
if (!chromium) {
  tally.failed += 1;
  process.stdout.write(
    '\n✗ Tests de bout en bout impossibles : Chromium est introuvable.\n' +
      '  Installez-le (Debian/Ubuntu) : sudo apt-get install -y chromium\n' +
      '  ou indiquez son chemin : CHROMIUM_PATH=/chemin/vers/chromium npm test\n',
  );
} else if (!built) {
  tally.failed += 1;
  process.stdout.write('\n✗ Tests de bout en bout non lancés : la construction a échoué.\n');
} else {
  vitest(`Tests de bout en bout (Chromium ${chromium})`, ['e2e'], 'e2e');
}

process.stdout.write(`\n${tally.passed} passed, ${tally.failed} failed\n`);
process.exitCode = tally.failed > 0 ? 1 : 0;
