// D7 — one long unbroken cell (64 KB, 1 MB) must not freeze the page: the preview the worker sends carries a bounded
// number of characters whatever the file (cells cut with « … » and their full length), the delimiter sniffer reads a
// bounded number of characters (counted through a proxy, not timed), and the export keeps the cell whole.
import { describe, expect, it } from 'vitest';
import { describeColumns } from '../../src/domain/batch/column-mapping.ts';
import { detectDelimiter } from '../../src/domain/batch/csv.ts';
import { buildRowCsv } from '../../src/domain/batch/export.ts';
import { DELIMITER_SNIFF_CHARS, PREVIEW_CELL_CHARS, PREVIEW_ROWS } from '../../src/domain/batch/limits.ts';
import { buildPreview, previewCell } from '../../src/domain/batch/preview.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { notFound } from '../../src/domain/batch/row-checker.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** A string whose character reads are counted (`text[i]`), to measure the work of a scanner without a clock. */
function countingString(text: string): { value: string; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(new String(text), {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { value: proxy as unknown as string, reads: () => reads };
}

describe.each([64 * 1024, 1024 * 1024])('une cellule de %i caractères', (size) => {
  const long = 'x'.repeat(size);
  const csv = `Adresse;Note\r\n12 Rue Blanche;${long}\r\n5 Rue du Tonkin;court\r\n`;

  it('l’aperçu reste borné et dit la longueur entière', async () => {
    const table = await readInputTable(encode(csv));
    const { mapping, problem } = describeColumns(table);
    const preview = buildPreview('f.csv', table, mapping, problem);
    const characters = [...preview.columnNames, ...preview.firstRows.flat()].reduce(
      (sum, cell) => sum + cell.length,
      0,
    );
    expect(characters).toBeLessThanOrEqual(
      PREVIEW_ROWS * (preview.columnNames.length + 1) * (PREVIEW_CELL_CHARS + 40),
    );
    expect(preview.firstRows[0]?.[1]).toBe(
      `${'x'.repeat(PREVIEW_CELL_CHARS)}… (${size.toLocaleString('fr-FR')} caractères)`,
    );
    expect(preview.firstRows[1]).toEqual(['5 Rue du Tonkin', 'court']);
  });

  it('le détecteur de séparateur lit un nombre borné de caractères', () => {
    const counted = countingString(
      `Adresse;Note\r\n12 Rue Blanche;${long}${long}\r\n5 Rue du Tonkin;court\r\n`,
    );
    expect(detectDelimiter(counted.value)).toBe(';');
    // Three candidates (; , tab), each reading at most DELIMITER_SNIFF_CHARS characters.
    expect(counted.reads()).toBeLessThanOrEqual(3 * DELIMITER_SNIFF_CHARS);
  });

  it('l’export garde la cellule entière', async () => {
    const table = await readInputTable(encode(csv));
    const { mapping } = describeColumns(table);
    const text = buildRowCsv(
      table,
      table.rows.map(() => notFound('test')),
      { delimiter: ';', minimise: false, mapping },
    );
    expect(text.split('\r\n')[1]?.split(';')[1]).toBe(long);
  });
});

describe('previewCell', () => {
  it('laisse une cellule courte telle quelle', () => {
    expect(previewCell('12 Rue Blanche')).toBe('12 Rue Blanche');
    expect(previewCell('a'.repeat(PREVIEW_CELL_CHARS))).toBe('a'.repeat(PREVIEW_CELL_CHARS));
  });
});
