// One reading path (issue 13): for every fixture of tests/fixtures/batch/in, the CLI's output file and the export the
// browser's worker builds (the same domain calls as src/workers/batch-worker.ts: readInputTable → describeColumns →
// checkRows → buildRowCsv → encodeOutput, with the page's default encoding and delimiter, those of the input) are
// byte-identical, with and without data minimisation, and with a column left out (the page's personal-data checkbox,
// `dropped`; the CLI's `--retirer` naming it as the page does). The CLI streams CSV through other functions
// (stream-check.ts): this test is what keeps the two paths from drifting apart.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBatchDataFromDisk, main } from '../../scripts/check-addresses.ts';
import { checkRows } from '../../src/domain/batch/check-rows.ts';
import { describeColumns, mappedColumns } from '../../src/domain/batch/column-mapping.ts';
import type { BatchData } from '../../src/domain/batch/domain-row-checker.ts';
import { createDomainRowChecker } from '../../src/domain/batch/domain-row-checker.ts';
import {
  buildRowCsv,
  defaultOutputDelimiter,
  defaultOutputEncoding,
  encodeOutput,
} from '../../src/domain/batch/export.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import type { RowChecker } from '../../src/domain/batch/row-checker.ts';

const base = 'tests/fixtures/batch/in';
const inputs = readdirSync(base).sort();
const dir = mkdtempSync(join(tmpdir(), 'meme-chemin-'));
let checker: RowChecker;
let data: BatchData;

beforeAll(() => {
  data = loadBatchDataFromDisk();
  checker = createDomainRowChecker(data);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The export of the browser's worker for this file, with the page's defaults (input encoding and delimiter). */
async function browserExport(
  bytes: Uint8Array,
  minimise: boolean,
  dropped: number[] = [],
): Promise<Uint8Array> {
  const table = await readInputTable(bytes);
  const { mapping } = describeColumns(table);
  const verdicts = await checkRows(table.rows, mapping, checker, { chunkSize: 1_000 });
  if (!verdicts) throw new Error('vérification annulée');
  const delimiter = defaultOutputDelimiter(table);
  const text = buildRowCsv(table, verdicts, { delimiter, minimise, mapping, dropped });
  return encodeOutput(text, defaultOutputEncoding(table)).bytes;
}

/** The last column the check does not use, with the name the page shows for it (null when every column is used). */
async function lastUnusedColumn(bytes: Uint8Array): Promise<{ index: number; name: string } | null> {
  const table = await readInputTable(bytes);
  const used = new Set(mappedColumns(describeColumns(table).mapping));
  const index = table.columnNames.findLastIndex((_, column) => !used.has(column));
  return index < 0 ? null : { index, name: table.columnNames[index]! };
}

const withDropped: string[] = [];

describe('le navigateur et la CLI donnent le même fichier, octet pour octet', () => {
  it('couvre au moins les 12 fichiers de fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(inputs)('%s', async (name) => {
    const input = join(base, name);
    const bytes = new Uint8Array(readFileSync(input));
    for (const minimise of [false, true]) {
      const output = join(dir, `${name}-${minimise}.csv`);
      const lines: string[] = [];
      const status = await main(
        [input, '-o', output, ...(minimise ? ['--minimiser'] : [])],
        (line) => lines.push(line),
        () => data,
      );
      expect(status, lines.join('\n')).toBe(0);
      const cli = new Uint8Array(readFileSync(output));
      const browser = await browserExport(bytes, minimise);
      expect(cli.length).toBeGreaterThan(0);
      expect(Buffer.from(cli).equals(Buffer.from(browser)), `${name} (minimiser : ${minimise})`).toBe(true);
    }
    const unused = await lastUnusedColumn(bytes);
    if (!unused) return;
    // The page's checkbox for this column ≡ `--retirer` with its name.
    const output = join(dir, `${name}-retirer.csv`);
    const lines: string[] = [];
    const status = await main(
      [input, '-o', output, '--retirer', unused.name],
      (line) => lines.push(line),
      () => data,
    );
    expect(status, lines.join('\n')).toBe(0);
    const cli = new Uint8Array(readFileSync(output));
    const browser = await browserExport(bytes, false, [unused.index]);
    expect(Buffer.from(cli).equals(Buffer.from(browser)), `${name} (retirer « ${unused.name} »)`).toBe(true);
    expect(Buffer.from(cli).equals(Buffer.from(await browserExport(bytes, false))), name).toBe(false);
    withDropped.push(name);
  });

  it('a comparé une colonne retirée sur au moins 8 fixtures', () => {
    expect(withDropped.length).toBeGreaterThanOrEqual(8);
  });
});
