// `npm run check-addresses -- IN -o OUT --ban FILE`: the BAN fixture in the official layout (test rows, see
// tests/fixtures/upstream/README.md) gives house-number answers, the same as the browser's file check
// (tests/e2e/ban.e2e.test.ts, same rows); a file that is not the BAN stops the CLI with a French message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/domain/batch/export.ts';

const dir = mkdtempSync(join(tmpdir(), 'check-addresses-ban-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/check-addresses.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stderr: result.stderr };
}

const INPUT = join(dir, 'beneficiaires.csv');
writeFileSync(
  INPUT,
  'Adresse;Code postal;Ville\n12 Rue Paul Lafargue;59170;Croix\n17 Rue Saint-Pierre;59170;Croix\n5 bis rue Chevreul;59170;Croix\n',
);
const precisionColumn = 3 + RESULT_COLUMNS.indexOf('precision');

describe('CLI check-addresses --ban', () => {
  it('answers at the house number with the BAN (gzip) and says what it read', () => {
    const output = join(dir, 'out.csv');
    const run = cli(INPUT, '-o', output, '--ban', 'tests/fixtures/upstream/adresses-59.csv.gz');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /Base Adresse Nationale du \d{4}-\d{2}-\d{2} : 9 adresses de 2 commune\(s\) couverte\(s\) sur 10 lues/,
    );
    const rows = readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => l.split(';'));
    expect(rows.map((r) => r[precisionColumn])).toEqual(['adresse', 'adresse', 'adresse']);
    // « 5 bis » is the fixture's own point: 3.1543477, 50.6843604 (6 decimals in the export).
    expect(rows[2]!.slice(precisionColumn + 2, precisionColumn + 4)).toEqual(['3,154348', '50,684360']);
  });

  it('without --ban the same rows are street-level', () => {
    const output = join(dir, 'out-sans.csv');
    expect(cli(INPUT, '-o', output).status).toBe(0);
    const rows = readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((l) => l.split(';'));
    expect(rows.map((r) => r[precisionColumn])).toEqual(['voie', 'voie', 'voie']);
  });

  it('refuses a file that is not the BAN', () => {
    const run = cli(INPUT, '-o', join(dir, 'x.csv'), '--ban', INPUT);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('n’a pas les colonnes de la Base Adresse Nationale');
  });
});
