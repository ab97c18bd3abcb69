// Fuzz (fast-check) over the file reader (issue 15): random bytes, damaged XLSX and random CSV-ish text (quotes,
// delimiters, BOMs, CR/LF) never crash — the only failure is a `BatchInputError` with a French message —, never
// take more than a generous 1 s for a few kilobytes (the real budget is 1 s per MB), and a well-formed CSV written
// by the property comes back with every row and every cell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchInputError, readInputTable } from '../../src/domain/batch/read-input.ts';
import { makeXlsx, XLSX_FIXTURE_ROWS } from '../fixtures/batch/make-xlsx.ts';

/** Reads and classifies: a table, or a French refusal; anything else is a crash and fails the property. */
async function readOrRefuse(bytes: Uint8Array): Promise<'lu' | 'refusé'> {
  const started = performance.now();
  try {
    await readInputTable(bytes);
    return 'lu';
  } catch (error) {
    if (!(error instanceof BatchInputError)) throw error;
    expect(error.message).toMatch(/[a-zé] /);
    return 'refusé';
  } finally {
    expect(performance.now() - started).toBeLessThan(1_000 + bytes.length / 1_000);
  }
}

const TRICKY = [
  'a',
  'é',
  'Œ',
  '€',
  ' ',
  ';',
  ',',
  '\t',
  '"',
  '\n',
  '\r',
  '\r\n',
  '1',
  '-',
  '=',
  '\u00a0',
  '😀',
  '\uFEFF',
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 400 }).map((parts) => parts.join(''));

describe('aucune entrée ne fait planter la lecture', () => {
  it('octets au hasard', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_048 }), async (bytes) => {
        await readOrRefuse(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('octets au hasard derrière une signature ZIP, UTF-16 ou BOM UTF-8', async () => {
    const prefixes = [
      [0x50, 0x4b, 0x03, 0x04],
      [0xff, 0xfe],
      [0xef, 0xbb, 0xbf],
      [0x50, 0x4b, 0x05, 0x06],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 1_024 }),
        async (prefix, rest) => {
          await readOrRefuse(new Uint8Array([...prefix, ...rest]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('classeur XLSX abîmé (octets remplacés, fichier tronqué)', async () => {
    const xlsx = makeXlsx(XLSX_FIXTURE_ROWS);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(xlsx.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(xlsx.length),
        async (changes, cut) => {
          const damaged = xlsx.slice(0, Math.max(4, cut));
          for (const [at, value] of changes) if (at >= 4 && at < damaged.length) damaged[at] = value;
          await readOrRefuse(damaged);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('texte CSV au hasard (guillemets, séparateurs, BOM, retours à la ligne)', async () => {
    await fc.assert(
      fc.asyncProperty(trickyText, async (text) => {
        await readOrRefuse(new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  });
});

/** Writes rows as RFC 4180 CSV, every cell quoted (the property's own writer, independent of export.ts). */
function writeCsv(rows: readonly (readonly string[])[], delimiter: string): string {
  return rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n');
}

describe('aucune ligne perdue', () => {
  const cell = fc
    .array(fc.constantFrom(...TRICKY.filter((c) => c !== '\uFEFF')), { maxLength: 12 })
    .map((p) => p.join(''));
  it('un CSV bien formé revient avec toutes ses lignes et toutes ses cellules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(';', ',', '\t'),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        async (delimiter, extra, cells, bom, finalNewline) => {
          const header = ['Identifiant', 'Adresse', 'CP', 'Commune', 'Note'].slice(0, 1 + extra);
          // Every data row has an id, so no row is blank (trailing blank lines are the final newline, not data).
          const rows = cells.map((row, index) => [`B${index + 1}`, ...row.slice(0, extra)]);
          const text = `${bom ? '\uFEFF' : ''}${writeCsv([header, ...rows], delimiter)}${finalNewline ? '\r\n' : ''}`;
          const table = await readInputTable(new TextEncoder().encode(text));
          expect(table.header).toEqual(header);
          expect(table.rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});
