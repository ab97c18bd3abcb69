// The CLI never destroys data and always answers in French (issue 15, D1–D3, D5): `-o` may not be the input
// (whatever the path: `./x`, a symbolic link, a hard link; an .xlsx is never overwritten), a missing folder or a folder
// as output is one French line, a closed pipe (`| head`) is a quiet exit, and the reading warnings of the page
// (ragged rows, duplicate column names, unclosed quote) are printed on stderr, worded by the same function.
import { spawnSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { makeXlsx, XLSX_FIXTURE_ROWS } from '../fixtures/batch/make-xlsx.ts';
import { inProcessCli } from './cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-surete-'));
const run = inProcessCli();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = 'Bénéficiaire;Adresse;CP\r\nB1;12 Rue Blanche;59170\r\nB2;5 Rue du Tonkin;59170\r\n';
const NO_STACK = /^\s+at |Error:|ENOENT|EISDIR|EPIPE|node:/m;

describe('D1 : la sortie ne peut pas être l’entrée', () => {
  it.each([
    ['le même chemin', (input: string) => input],
    ['un chemin en ./', (input: string) => `./${relative(process.cwd(), input)}`],
    [
      'un lien symbolique',
      (input: string) => {
        const link = join(dir, `lien-${Math.random()}.csv`);
        symlinkSync(input, link);
        return link;
      },
    ],
    [
      'un lien physique',
      (input: string) => {
        const link = join(dir, `dur-${Math.random()}.csv`);
        linkSync(input, link);
        return link;
      },
    ],
  ])('refuse -o vers %s, sans toucher l’entrée', async (_label, outputOf) => {
    const input = join(dir, `entree-${Math.random()}.csv`);
    writeFileSync(input, CSV);
    const result = await run(input, '-o', outputOf(input));
    expect(result.status).not.toBe(0);
    expect(result.text).toMatch(/est le fichier d’entrée : il serait écrasé/);
    expect(readFileSync(input, 'utf8')).toBe(CSV);
  });

  it('n’écrase jamais un classeur XLSX d’entrée', async () => {
    const input = join(dir, 'classeur.xlsx');
    const bytes = makeXlsx(XLSX_FIXTURE_ROWS);
    writeFileSync(input, bytes);
    const result = await run(input, '-o', input);
    expect(result.status).not.toBe(0);
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('écrit par un fichier temporaire renommé : aucun reste, et un échec laisse l’ancien résultat intact', async () => {
    const folder = join(dir, 'propre');
    mkdirSync(folder);
    const input = join(folder, 'entree.csv');
    writeFileSync(input, CSV);
    expect((await run(input, '-o', join(folder, 'sortie.csv'))).status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['entree.csv', 'sortie.csv']);
    writeFileSync(input, 'Nom;Prénom\r\nA;B\r\n');
    expect((await run(input, '-o', join(folder, 'sortie.csv'))).status).toBe(1);
    expect(readFileSync(join(folder, 'sortie.csv'), 'utf8')).toMatch(/^Bénéficiaire;Adresse;CP;qpv_statut/);
    expect(readdirSync(folder).sort()).toEqual(['entree.csv', 'sortie.csv']);
  });
});

describe('D2 : sortie impossible → une ligne en français', () => {
  it('dossier de sortie absent', async () => {
    const input = join(dir, 'd2.csv');
    writeFileSync(input, CSV);
    const result = await run(input, '-o', join(dir, 'absent', 'sortie.csv'));
    expect(result.status).toBe(1);
    expect(result.lines).toHaveLength(1);
    expect(result.text).toMatch(/^Erreur : Le dossier « .*absent » n’existe pas/);
  });

  it('sortie vers un dossier', async () => {
    const input = join(dir, 'd2b.csv');
    writeFileSync(input, CSV);
    const result = await run(input, '-o', dir);
    expect(result.status).toBe(1);
    expect(result.lines).toHaveLength(1);
    expect(result.text).toMatch(/est un dossier : indiquez un nom de fichier/);
  });

  it('entrée qui est un dossier', async () => {
    const result = await run(dir);
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([`Erreur : « ${dir} » est un dossier, pas un fichier.`]);
  });
});

describe('D2/D3 : processus réel, sans trace de pile anglaise', () => {
  it('dossier absent : une ligne française sur stderr, code 1', () => {
    const input = join(dir, 'd2-process.csv');
    writeFileSync(input, CSV);
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/check-addresses.ts', input, '-o', join(dir, 'absent', 'x.csv')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Erreur : Le dossier/);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('sortie coupée par `head` (EPIPE) : arrêt silencieux, code 0', () => {
    const input = join(dir, 'long.csv');
    const rows = ['Bénéficiaire;Adresse;CP'];
    for (let index = 0; index < 4_000; index += 1)
      rows.push(`B${index};${(index % 90) + 1} Rue Blanche;59170`);
    writeFileSync(input, `${rows.join('\r\n')}\r\n`);
    const err = join(dir, 'epipe.err');
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" --import tsx scripts/check-addresses.ts "${input}" 2>"${err}" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stdout.trim()).toBe('0');
    const stderr = readFileSync(err, 'utf8');
    expect(stderr).not.toMatch(NO_STACK);
  });
});

describe('D5 : les avertissements de la page, aussi en ligne de commande', () => {
  const cases: [string, string, RegExp][] = [
    [
      'irregulier.csv',
      'Adresse;CP\r\n12 Rue Blanche;59170;en trop\r\n5 Rue du Tonkin;59170\r\n',
      /1 ligne n’a pas le même nombre de colonnes/,
    ],
    [
      'doublons.csv',
      'Adresse;Adresse;CP\r\n12 Rue Blanche;x;59170\r\n',
      /Plusieurs colonnes portent le même nom/,
    ],
    [
      'guillemet.csv',
      'Adresse;CP\r\n12 Rue Blanche;59170\r\n"5 Rue du Tonkin;59170\r\n43 Rue Paul Lafargue;59170\r\n',
      /Un guillemet \("\) ouvert n’est jamais fermé/,
    ],
  ];
  it.each(cases)('%s', async (name, text, warning) => {
    const input = join(dir, name);
    writeFileSync(input, text);
    const result = await run(input, '-o', join(dir, `${name}.out`));
    expect(result.status).toBe(0);
    expect(result.text).toMatch(warning);
    // Same sentences as the page (one shared function), every one of them.
    const table = await readInputTable(new Uint8Array(readFileSync(input)));
    expect(table.warnings.length).toBeGreaterThan(0);
    for (const line of table.warnings) expect(result.text).toContain(line);
  });
});
