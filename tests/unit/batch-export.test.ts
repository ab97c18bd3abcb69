// Exports: every row and every original column come back in order, with our columns; encodings; summary stamp.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRow } from '../../src/domain/batch/check-rows.ts';
import { describeColumns } from '../../src/domain/batch/column-mapping.ts';
import { decodeText } from '../../src/domain/batch/decode.ts';
import {
  buildRowCsv,
  buildSummaryCsv,
  csvCell,
  encodeOutput,
  exportFileName,
  RESULT_COLUMNS,
} from '../../src/domain/batch/export.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { notFound, type RowChecker, type RowVerdict } from '../../src/domain/batch/row-checker.ts';
import { summarise } from '../../src/domain/batch/summary.ts';
import { decodeWindows1252, encodeWindows1252 } from '../../src/domain/batch/windows-1252.ts';

/** A deterministic stand-in checker: « Lafargue » is in the QPV, « Blanche » on the limit, the rest outside. */
const fakeChecker: RowChecker = {
  geographyVersion: 'QP 2024',
  check(query) {
    const text = query.kind === 'point' ? '' : query.text;
    const base: RowVerdict = {
      ...notFound(''),
      precision: 'numéro',
      label: text,
      lon: 3.1634,
      lat: 50.6866,
      distanceM: 40,
    };
    if (/lafargue/i.test(text))
      return { ...base, status: 'dans', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau – Croix Bas Saint-Pierre' };
    if (/blanche/i.test(text)) return { ...base, status: 'limite', motif: 'À 4 m de la limite' };
    if (/halle/i.test(text)) return notFound('Rue inconnue dans la commune');
    return { ...base, status: 'hors' };
  },
};

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/batch/in/${name}`));

async function roundTrip(name: string, encoding?: 'utf-8-bom' | 'utf-8') {
  const table = await readInputTable(fixture(name));
  const { mapping } = describeColumns(table);
  const verdicts = table.rows.map((row) => checkRow(row, mapping, fakeChecker));
  const source = table.source;
  if (source.kind !== 'csv') throw new Error('CSV attendu');
  const text = buildRowCsv(table, verdicts, { delimiter: source.delimiter, minimise: false, mapping });
  const bytes = encodeOutput(text, encoding ?? source.encoding).bytes;
  const reread = await readInputTable(bytes);
  return { table, verdicts, reread, bytes };
}

describe('export ligne par ligne', () => {
  it.each([
    'utf8-point-virgule-adresse.csv',
    'utf8-bom-virgule-champs.csv',
    'windows-1252-point-virgule.csv',
    'tabulation-coordonnees.tsv',
    'guillemets-multiligne.csv',
    'lignes-irregulieres.csv',
    'utf16-texte-unicode.txt',
  ])('%s : mêmes lignes, mêmes colonnes dans le même ordre, puis les nôtres', async (name) => {
    const { table, reread } = await roundTrip(name);
    expect(reread.source).toEqual(table.source);
    expect(reread.header).toEqual([
      ...(table.header ?? []),
      ...table.columnNames.slice(table.header?.length ?? 0),
      ...RESULT_COLUMNS,
    ]);
    expect(reread.rows).toHaveLength(table.rows.length);
    table.rows.forEach((row, index) => {
      const original = table.columnNames.map((_, column) => row[column] ?? '');
      expect(reread.rows[index]?.slice(0, original.length)).toEqual(original);
    });
  });

  it('écrit le statut, le QPV, la précision, le libellé, les coordonnées et le motif', async () => {
    const { reread, table } = await roundTrip('utf8-point-virgule-adresse.csv');
    const width = table.columnNames.length;
    expect(reread.rows.map((row) => row[width])).toEqual(['dans', 'limite', 'hors', 'introuvable']);
    expect(reread.rows[0]?.slice(width)).toEqual([
      'dans',
      'QN05980M',
      'Blanc Seau – Croix Bas Saint-Pierre',
      'numéro',
      '43 Rue Paul Lafargue 59170 Croix',
      '3,163400',
      '50,686600',
      '',
      '',
      '',
      '',
    ]);
    expect(reread.rows[3]?.[width + 7]).toBe('Rue inconnue dans la commune');
  });

  it('garde le Windows-1252 d’origine par défaut, et l’UTF-8 avec BOM sur demande', async () => {
    const same = await roundTrip('windows-1252-point-virgule.csv');
    expect(decodeText(same.bytes).encoding).toBe('windows-1252');
    expect(same.reread.rows[0]?.[4]).toBe('Accueil – été');
    const utf8 = await roundTrip('windows-1252-point-virgule.csv', 'utf-8-bom');
    expect([...utf8.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.reread.rows[2]?.[4]).toBe('€ reçu');
  });

  it('minimisation : ne garde que les colonnes utilisées, toujours toutes les lignes', async () => {
    const table = await readInputTable(fixture('windows-1252-point-virgule.csv'));
    const { mapping } = describeColumns(table);
    const verdicts = table.rows.map((row) => checkRow(row, mapping, fakeChecker));
    const lines = buildRowCsv(table, verdicts, { delimiter: ';', minimise: true, mapping }).split('\r\n');
    expect(lines[0]).toBe(`Adresse;CP;Ville;${RESULT_COLUMNS.join(';')}`);
    expect(lines.filter(Boolean)).toHaveLength(table.rows.length + 1);
    expect(lines.join('\n')).not.toContain('Bénéficiaire 1');
  });

  it('met entre guillemets les cellules avec séparateur, guillemet, retour à la ligne ou espace en bord', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('dit "x"', ',')).toBe('"dit ""x"""');
    expect(csvCell('1\n2', '\t')).toBe('"1\n2"');
    expect(csvCell(' 12', ';')).toBe('" 12"');
    expect(csvCell('a,b', ';')).toBe('a,b');
  });
});

describe('encodeur Windows-1252', () => {
  it('encode les caractères de la plage 0x80–0x9F et remplace les autres par « ? » en les comptant', () => {
    const encoded = encodeWindows1252('€ – Œ é Łódź 😀');
    expect([...encoded.bytes.slice(0, 5)]).toEqual([0x80, 0x20, 0x96, 0x20, 0x8c]);
    expect(encoded.replaced).toBe(3);
    expect([...encodeWindows1252('1\u202f207 m').bytes]).toEqual([0x31, 0xa0, 0x32, 0x30, 0x37, 0x20, 0x6d]);
    expect(encodeWindows1252('1\u202f207 m').replaced).toBe(0);
    expect(encoded.replacedSamples).toEqual(['Ł', 'ź', '😀']);
    expect(decodeWindows1252(encoded.bytes)).toBe('€ – Œ é ?ód? ?');
  });

  it('fait l’aller-retour sur les 251 caractères représentables', () => {
    const bytes = new Uint8Array(256).map((_, index) => index);
    const text = decodeWindows1252(bytes);
    expect(encodeWindows1252(text).bytes).toEqual(bytes);
  });
});

describe('synthèse', () => {
  const verdicts: RowVerdict[] = [
    { ...notFound(''), status: 'dans', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau' },
    { ...notFound(''), status: 'dans', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau' },
    { ...notFound(''), status: 'limite', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau' },
    { ...notFound(''), status: 'hors' },
    notFound('Ligne vide.'),
  ];

  it('compte les statuts, la part dans un QPV et sa borne haute', () => {
    const summary = summarise(verdicts);
    expect(summary.counts).toEqual({ dans: 2, hors: 1, limite: 1, introuvable: 1 });
    expect(summary.shareInQpv).toBeCloseTo(0.4);
    expect(summary.shareInQpvUpperBound).toBeCloseTo(0.6);
    expect(summary.byQpv).toEqual([{ code: 'QN05980M', nom: 'Blanc Seau', count: 2 }]);
  });

  it('porte une ligne « # » avec la géographie, la date et la méthode, et aucun détail par ligne', () => {
    const text = buildSummaryCsv(
      summarise(verdicts),
      { geographyVersion: 'QP 2024', date: new Date('2026-11-25T10:00:00Z') },
      ';',
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(
      /^# Périmètre — vérification QPV ; géographie QP 2024 ; 2026-11-25 ; test géométrique indicatif/,
    );
    expect(lines).toContain('dans (Dans un QPV);2;40,0');
    expect(lines).toContain('dans ou limite (borne haute);3;60,0');
  });

  it('tamponne le nom des fichiers avec la géographie et la date', () => {
    const date = new Date('2026-11-25T10:00:00Z');
    expect(exportFileName('Bénéficiaires 2025.xlsx', 'lignes', 'QP 2024', date)).toBe(
      'Beneficiaires-2025-qpv-QP-2024-2026-11-25.csv',
    );
    expect(exportFileName('x.csv', 'synthese', 'QP 2024, décret n° 2023-1314', date)).toBe(
      'x-qpv-synthese-QP-2024-2026-11-25.csv',
    );
  });
});
