// Reading uploaded files: encodings, delimiters, header detection, layouts, bad input. Fixture-driven (Turf style):
// tests/fixtures/batch/in/<name> → tests/fixtures/batch/out/<name>.json, written by hand or, with REGEN=1 only,
// rewritten by this test and then reviewed in the diff. A missing expected file is a failure, never written here.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRowQuery, describeColumns } from '../../src/domain/batch/column-mapping.ts';
import { detectDelimiter, parseCsv } from '../../src/domain/batch/csv.ts';
import { createUtf8Probe, decodeText, sniffFileKind } from '../../src/domain/batch/decode.ts';
import { BatchInputError, readInputTable } from '../../src/domain/batch/read-input.ts';
import { makeXlsx, XLSX_FIXTURE_ROWS } from '../fixtures/batch/make-xlsx.ts';

const base = 'tests/fixtures/batch';
const inputs = readdirSync(join(base, 'in')).sort();

const read = (path: string) => new Uint8Array(readFileSync(path));

describe('lecture des fichiers de fixtures', () => {
  it.each(inputs)('%s', async (name) => {
    const table = await readInputTable(read(join(base, 'in', name)));
    const { mapping, problem } = describeColumns(table);
    const actual = {
      source: table.source,
      header: table.header,
      columnNames: table.columnNames,
      rowCount: table.rows.length,
      warnings: table.warnings,
      mapping,
      problem,
      queries: table.rows.map((row) => buildRowQuery(row, mapping)),
    };
    const outPath = join(base, 'out', `${name}.json`);
    if (process.env.REGEN) {
      mkdirSync(join(base, 'out'), { recursive: true });
      writeFileSync(outPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(
      existsSync(outPath),
      `Résultat attendu manquant : ${outPath} (à écrire à la main, ou REGEN=1 puis relire le diff).`,
    ).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
  });
});

describe('encodage', () => {
  it('lit le Windows-1252 d’Excel (é, –, Œ, €) sans caractère de remplacement', () => {
    const decoded = decodeText(read(join(base, 'in/windows-1252-point-virgule.csv')));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Accueil – été');
    expect(decoded.text).toContain('Œuvre');
    expect(decoded.text).toContain('€ reçu');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reconnaît le BOM UTF-8 et le retire du premier nom de colonne', async () => {
    const table = await readInputTable(read(join(base, 'in/utf8-bom-virgule-champs.csv')));
    expect(table.source).toEqual({ kind: 'csv', encoding: 'utf-8-bom', delimiter: ',' });
    expect(table.header?.[0]).toBe('Identifiant');
  });

  it('vérifie l’UTF-8 par morceaux, y compris un caractère coupé entre deux morceaux', () => {
    const probe = createUtf8Probe();
    probe.push(new Uint8Array([0x52, 0xc3]));
    probe.push(new Uint8Array([0xa9]));
    expect(probe.valid()).toBe(true);
    const bad = createUtf8Probe();
    bad.push(new Uint8Array([0x52, 0xe9, 0x20]));
    expect(bad.valid()).toBe(false);
  });
});

describe('séparateur', () => {
  it('ne coupe pas une colonne unique d’adresses contenant des virgules', () => {
    expect(detectDelimiter('Adresse\n5 Rue du Tonkin, 59170 Croix\n12 Rue Blanche, 59170 Croix')).toBeNull();
  });
  it('préfère le séparateur régulier à une virgule entre guillemets', () => {
    expect(detectDelimiter('Adresse;CP\n"5 Rue du Tonkin, Croix";59170\n12 Rue Blanche;59170')).toBe(';');
  });
  it('garde les retours à la ligne dans les champs entre guillemets et les guillemets doublés', () => {
    const { rows } = parseCsv('a;b\n"1\n2";"dit ""x"""\n', ';');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1\n2', 'dit "x"'],
    ]);
  });
  it('signale un guillemet jamais fermé', () => {
    expect(parseCsv('a;b\n"1;2\n3;4\n', ';').warnings).toHaveLength(1);
  });
});

describe('XLSX', () => {
  it('lit un classeur généré (fflate) avec la première feuille', async () => {
    const table = await readInputTable(makeXlsx(XLSX_FIXTURE_ROWS));
    expect(table.source).toEqual({ kind: 'xlsx', sheet: 'Bénéficiaires' });
    expect(table.columnNames).toEqual([
      'Bénéficiaire',
      'N°',
      'Voie',
      'Code postal',
      'Commune',
      'Longitude',
      'Latitude',
    ]);
    expect(table.rows[0]).toEqual(['Bénéficiaire 1', '43', 'Rue Paul Lafargue', '59170', 'Croix', '', '']);
    expect(table.rows[2]?.slice(5)).toEqual(['3.176018', '50.6905']);
    const { mapping } = describeColumns(table);
    expect(mapping).toEqual({ numero: 1, voie: 2, codePostal: 3, commune: 4, longitude: 5, latitude: 6 });
  });

  it('reconnaît un XLSX renommé .csv par sa signature ZIP (PK\\x03\\x04)', () => {
    expect(sniffFileKind(makeXlsx(XLSX_FIXTURE_ROWS))).toBe('xlsx');
  });

  it('dit clairement qu’un ZIP qui n’est pas un classeur est illisible', async () => {
    const notXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(readInputTable(notXlsx)).rejects.toThrow(/classeur Excel.*illisible/);
  });
});

describe('fichiers refusés, avec un message en français', () => {
  const cases: [string, RegExp][] = [
    ['vide.csv', /vide/],
    ['entete-seule.csv', /que la ligne d’en-tête/],
    ['image-renommee.csv', /ni un CSV ni un classeur/],
    ['ancien-excel.xls', /97-2003/],
  ];
  it.each(cases)('%s', async (name, message) => {
    const promise = readInputTable(read(join(base, 'invalide', name)));
    await expect(promise).rejects.toBeInstanceOf(BatchInputError);
    await expect(readInputTable(read(join(base, 'invalide', name)))).rejects.toThrow(message);
  });

  it('un fichier sans colonne d’adresse est lu, mais la correspondance explique quoi choisir', async () => {
    const table = await readInputTable(read(join(base, 'invalide/sans-colonne-adresse.csv')));
    expect(describeColumns(table).problem).toMatch(/Adresse complète/);
  });
});
