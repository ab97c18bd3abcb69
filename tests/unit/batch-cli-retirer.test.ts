// `check-addresses --retirer COLONNE`: the named columns leave the export, every other column and row stays; an
// unknown column, an ambiguous name or a column the check uses is refused in French with exit status 2, nothing
// written. The truth is the input file written here (the byte-for-byte match with the browser's export is in
// batch-same-path.test.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/domain/batch/export.ts';
import { inProcessCli } from './cli-in-process.ts';

const HEADER = ['Nom', 'Prénom', 'Date de naissance', 'Adresse', 'CP', 'Ville', 'Téléphone'];
const ROWS = [
  ['Martin', 'Jeanne', '01/02/1980', '43 Rue Paul Lafargue', '59170', 'Croix', '06 11 22 33 44'],
  ['Durand', 'Élodie', '15/07/1992', '12 Rue Blanche', '59170', 'Croix', '07 55 66 77 88'],
  ['Petit', 'Rémi', '30/11/1975', '22 Rue de la Halle', '59100', 'Roubaix', '03 20 00 00 00'],
];

const dir = mkdtempSync(join(tmpdir(), 'retirer-'));
const input = join(dir, 'beneficiaires.csv');
const run = inProcessCli();
const cli = async (...args: string[]) => {
  const { status, text } = await run(...args);
  return { status, stderr: text };
};

beforeAll(() => {
  writeFileSync(input, [HEADER, ...ROWS].map((row) => row.join(';')).join('\r\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The output's lines split into cells (no quoted cells in these files). */
function readCells(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
}

describe('check-addresses --retirer', () => {
  it('retire les colonnes nommées (majuscules et accents facultatifs), garde toutes les autres et toutes les lignes', async () => {
    const output = join(dir, 'sans-nom.csv');
    const run = await cli(input, '-o', output, '--retirer', 'prenom', '--retirer', 'Date de naissance');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Colonnes retirées de l’export : « Prénom », « Date de naissance ».');
    const cells = readCells(output);
    const kept = [0, 3, 4, 5, 6];
    expect(cells[0]).toEqual([...kept.map((index) => HEADER[index]), ...RESULT_COLUMNS]);
    expect(cells).toHaveLength(ROWS.length + 1);
    ROWS.forEach((row, position) => {
      expect(cells[position + 1]?.slice(0, kept.length)).toEqual(kept.map((index) => row[index]));
      expect(cells[position + 1]).toHaveLength(kept.length + RESULT_COLUMNS.length);
    });
    const text = readFileSync(output, 'utf8');
    for (const row of ROWS) {
      expect(text).not.toContain(row[1]);
      expect(text).not.toContain(row[2]);
    }
  });

  it('retrouve un nom tapé en Unicode décomposé (NFD) ou avec des espaces', async () => {
    const output = join(dir, 'nfd.csv');
    const run = await cli(input, '-o', output, '--retirer', '  Te\u0301le\u0301phone ');
    expect(run.status, run.stderr).toBe(0);
    expect(readCells(output)[0]?.slice(0, 6)).toEqual([
      'Nom',
      'Prénom',
      'Date de naissance',
      'Adresse',
      'CP',
      'Ville',
    ]);
  });

  it('colonne inconnue : erreur qui la nomme et liste les colonnes du fichier, code 2, rien d’écrit', async () => {
    const output = join(dir, 'inconnue.csv');
    const run = await cli(input, '-o', output, '--retirer', 'Nom de famille');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'Erreur : Colonne inconnue après --retirer : « Nom de famille » n’est pas dans ce fichier. Colonnes du fichier : « Nom », « Prénom », « Date de naissance », « Adresse », « CP », « Ville », « Téléphone ».',
    );
    expect(readdirSync(dir)).not.toContain('inconnue.csv');
    expect(readdirSync(dir).some((file) => file.endsWith('.tmp'))).toBe(false);
  });

  it('colonne inconnue aussi refusée pour un fichier lu en entier (UTF-16), avant toute vérification', async () => {
    const run = await cli('tests/fixtures/batch/in/utf16-texte-unicode.txt', '--retirer', 'Nom');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /« Nom » n’est pas dans ce fichier\. Colonnes du fichier : « Bénéficiaire », « Adresse »/,
    );
    expect(run.stderr).not.toMatch(/ligne\(s\) vérifiée\(s\)/);
  });

  it.each([
    ['adresse', 'Adresse', 'Adresse complète'],
    ['VILLE', 'Ville', 'Commune'],
  ])(
    'colonne utilisée pour la vérification (%s) : refusée, code 2, rien d’écrit',
    async (wanted, name, role) => {
      const output = join(dir, `adresse-${wanted}.csv`);
      const run = await cli(input, '-o', output, '--retirer', 'Nom', '--retirer', wanted);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        `Erreur : La colonne « ${name} » ne peut pas être retirée : la vérification l’utilise comme « ${role} ».`,
      );
      expect(readdirSync(dir)).not.toContain(`adresse-${wanted}.csv`);
      expect(readdirSync(dir).some((file) => file.endsWith('.tmp'))).toBe(false);
    },
  );

  it('un nom qui désigne plusieurs colonnes sans accent est refusé, le nom exact est accepté', async () => {
    const ambiguous = join(dir, 'ambigu.csv');
    writeFileSync(ambiguous, 'Né;Ne;Adresse\r\n1;2;43 Rue Paul Lafargue 59170 Croix\r\n');
    const refused = await cli(ambiguous, '-o', join(dir, 'ambigu-sortie.csv'), '--retirer', 'NÊ');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('« NÊ » désigne plusieurs colonnes (« Né », « Ne »)');
    const output = join(dir, 'ambigu-exact.csv');
    expect((await cli(ambiguous, '-o', output, '--retirer', 'né')).status).toBe(0);
    expect(readCells(output)[0]?.slice(0, 2)).toEqual(['Ne', 'Adresse']);
  });

  it('avec --minimiser : redondant mais sans effet sur le fichier', async () => {
    const alone = join(dir, 'min.csv');
    const both = join(dir, 'min-retirer.csv');
    expect((await cli(input, '-o', alone, '--minimiser')).status).toBe(0);
    const run = await cli(input, '-o', both, '--minimiser', '--retirer', 'Nom');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('déjà hors de l’export avec --minimiser');
    expect(readFileSync(both).equals(readFileSync(alone))).toBe(true);
    expect(readCells(both)[0]?.slice(0, 3)).toEqual(['Adresse', 'CP', 'Ville']);
  });

  it('--retirer sans nom : erreur d’usage', async () => {
    const run = await cli(input, '--retirer');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Il manque le nom de la colonne après --retirer\.\nUsage :/);
  });
});
