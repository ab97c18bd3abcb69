// End-to-end test of `npm run check-addresses`: spawn the CLI on fixtures, check the output file and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/domain/batch/export.ts';
import { decodeWindows1252 } from '../../src/domain/batch/windows-1252.ts';
import { makeXlsx, XLSX_FIXTURE_ROWS } from '../fixtures/batch/make-xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'check-addresses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/check-addresses.ts', ...args], {
    encoding: 'buffer',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

describe('CLI check-addresses', () => {
  it('écrit toutes les lignes et colonnes d’un CSV à coordonnées, avec les verdicts', () => {
    const output = join(dir, 'tab.tsv');
    const run = cli('tests/fixtures/batch/in/tabulation-coordonnees.tsv', '-o', output);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /4 ligne\(s\) vérifiée\(s\).*1 dans un QPV \(25,0 %\), 1 hors QPV, 1 en limite, 1 introuvable/,
    );
    const lines = readFileSync(output, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(['id', 'libellé', 'longitude', 'latitude', ...RESULT_COLUMNS].join('\t'));
    expect(lines).toHaveLength(5);
    const statuses = lines.slice(1).map((line) => line.split('\t')[4]);
    expect(statuses).toEqual(['dans', 'hors', 'limite', 'introuvable']);
    expect(lines[1]?.split('\t').slice(5, 7)).toEqual(['QN05980M', expect.stringContaining('Blanc Seau')]);
  });

  it('garde l’encodage Windows-1252 et le séparateur de l’entrée ; sortie standard sans -o', () => {
    const run = cli('tests/fixtures/batch/in/windows-1252-point-virgule.csv');
    expect(run.status).toBe(0);
    const text = decodeWindows1252(new Uint8Array(run.stdout));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^Bénéficiaire 1;372 Rue Verte;59170;Croix;Accueil – été;/);
    expect(lines[3]).toContain('€ reçu');
  });

  it('garde les lignes vides intérieures et les lignes irrégulières, ignore les lignes vides finales', () => {
    const output = join(dir, 'irr.csv');
    expect(cli('tests/fixtures/batch/in/lignes-irregulieres.csv', '-o', output).status).toBe(0);
    const lines = readFileSync(output, 'utf8')
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`Bénéficiaire;Adresse;CP;Colonne 4;Colonne 5;${RESULT_COLUMNS.join(';')}`);
    expect(lines[3]).toMatch(/^Bénéficiaire 3;5 Rue du Tonkin;59170;Croix;en trop;/);
    expect(lines[4]).toMatch(/^;;;;;introuvable;.*Ligne vide\.;;;$/);
  });

  it('lit un XLSX renommé en .csv et minimise les colonnes sur demande', () => {
    const input = join(dir, 'classeur.csv');
    writeFileSync(input, makeXlsx(XLSX_FIXTURE_ROWS));
    const output = join(dir, 'classeur-sortie.csv');
    const run = cli(input, '-o', output, '--minimiser');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/classeur Excel \(XLSX\), quel que soit son nom/);
    const lines = readFileSync(output, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(`N°;Voie;Code postal;Commune;Longitude;Latitude;${RESULT_COLUMNS.join(';')}`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^22;Rue de la Halle;59100;Roubaix;3.176018;50.6905;dans;QN05980M;/);
  });

  it('lit le « Texte Unicode » (UTF-16) d’Excel et répond dans le même encodage', () => {
    const output = join(dir, 'u16.txt');
    const run = cli('tests/fixtures/batch/in/utf16-texte-unicode.txt', '-o', output);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/UTF-16/);
    const bytes = readFileSync(output);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const lines = new TextDecoder('utf-16le').decode(bytes.subarray(2)).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Bénéficiaire 1\t43 Rue Paul Lafargue\t59170\tCroix\tdans\tQN05980M\t/);
  });

  it.each([
    ['vide.csv', /vide/],
    ['entete-seule.csv', /que la ligne d’en-tête/],
    ['image-renommee.csv', /ni un CSV ni un classeur/],
    ['ancien-excel.xls', /97-2003/],
    ['sans-colonne-adresse.csv', /Aucune colonne d’adresse reconnue parmi : « Nom », « Prénom », « Âge »/],
  ])('refuse %s avec le code 1 et un message clair', (name, message) => {
    const run = cli(`tests/fixtures/batch/invalide/${name}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout.length).toBe(0);
  });

  it('code 1 pour un fichier absent, code 2 pour des arguments invalides', () => {
    expect(cli(join(dir, 'absent.csv')).status).toBe(1);
    const bad = cli('--inconnue');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Option inconnue/);
  });

  it('--retirer une colonne inconnue : code 2, message en français, rien sur la sortie standard', () => {
    const run = cli('tests/fixtures/batch/in/windows-1252-point-virgule.csv', '--retirer', 'Nom');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/« Nom » n’est pas dans ce fichier\. Colonnes du fichier : « Bénéficiaire »/);
    expect(run.stdout.length).toBe(0);
  });
});
