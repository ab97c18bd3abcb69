// D6 — large and hostile files: a valid 200 000-row XLSX is read (the old reader overflowed the stack and called it
// « illisible »), a spreadsheet whose zip declares a huge uncompressed size is refused before anything is inflated
// with the real reason, an archive lying about its sizes is refused, and the row limit is a named constant with a
// French message. Inputs are generated at test time (tests/fixtures/batch/make-big.ts), never committed.
// Throughput and memory figures are in the bench (scripts/bench/batch.ts), not asserted here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBatchDataFromDisk, main } from '../../scripts/check-addresses.ts';
import { MAX_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES } from '../../src/domain/batch/limits.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { RowScanner } from '../../src/domain/batch/row-scanner.ts';
import { makeBigXlsx, withDeclaredSize, writeBigCsv } from '../fixtures/batch/make-big.ts';
import { makeXlsx, XLSX_FIXTURE_ROWS } from '../fixtures/batch/make-xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'gros-fichiers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('XLSX', () => {
  it('lit un classeur valide de 200 000 lignes, chaque ligne à sa place', async () => {
    const table = await readInputTable(makeBigXlsx(200_000));
    expect(table.rows).toHaveLength(200_000);
    expect(table.header).toEqual(['Bénéficiaire', 'N°', 'Voie', 'Code postal', 'Commune']);
    expect(table.rows[0]).toEqual(['B0', '1', 'Rue Blanche', '59170', 'Croix']);
    expect(table.rows[199_999]).toEqual(['B199999', '50', 'Rue de la Halle', '59170', 'Croix']);
  }, 60_000);

  it('refuse une « bombe » (1 Gio déclaré) avant de décompresser, avec la vraie raison', async () => {
    const bomb = withDeclaredSize(makeXlsx(XLSX_FIXTURE_ROWS), 'xl/worksheets/sheet1.xml', 1024 ** 3);
    await expect(readInputTable(bomb)).rejects.toThrow(
      new RegExp(
        `se décompresse en 1\\s0\\d\\d Mo, au-delà de la limite de ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} Mo`,
      ),
    );
  });

  it('refuse une archive qui ment sur ses tailles (plus de données que déclaré)', async () => {
    const liar = withDeclaredSize(makeXlsx(XLSX_FIXTURE_ROWS), 'xl/worksheets/sheet1.xml', 100);
    await expect(readInputTable(liar)).rejects.toThrow(/classeur Excel.*illisible/);
  });

  it('la CLI dit la même raison pour la bombe, en une ligne', async () => {
    const { writeFileSync } = await import('node:fs');
    const input = join(dir, 'bombe.xlsx');
    writeFileSync(
      input,
      withDeclaredSize(makeXlsx(XLSX_FIXTURE_ROWS), 'xl/worksheets/sheet1.xml', 1024 ** 3),
    );
    const lines: string[] = [];
    const status = await main(
      [input, '-o', join(dir, 'bombe.csv')],
      (line) => lines.push(line),
      loadBatchDataFromDisk,
    );
    expect(status).toBe(1);
    expect(lines.filter((line) => line.startsWith('Erreur'))).toEqual([
      expect.stringMatching(/se décompresse en/),
    ]);
  }, 60_000);
});

describe('limite de lignes', () => {
  it(`refuse au-delà de ${MAX_ROWS} lignes avec un message français`, () => {
    const scanner = new RowScanner();
    const row = ['12 Rue Blanche'];
    expect(() => {
      for (let index = 0; index <= MAX_ROWS + 6; index += 1) scanner.push(row);
    }).toThrow(/dépasse 2\s000\s000 lignes : découpez-le/);
  });
});

describe('CSV en flux', () => {
  it('la CLI traite un CSV de 20 000 lignes sans perdre une ligne', async () => {
    const input = join(dir, 'gros.csv');
    writeBigCsv(input, 20_000);
    const output = join(dir, 'gros-sortie.csv');
    const lines: string[] = [];
    const status = await main([input, '-o', output], (line) => lines.push(line), loadBatchDataFromDisk);
    expect(status, lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toMatch(/20000 ligne\(s\) vérifiée\(s\)/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(output, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(20_001);
  }, 60_000);
});
