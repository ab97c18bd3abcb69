// Item 5 of issue 13 on the domain: approximate readings flagged, a row corrected by retyping its address, the
// export keeping every column by default (or without the columns the user drops), and the QPV named once on screen.
// The real domain checker on the project's data: the same answers as the resident search (checkAddress).
import { describe, expect, it } from 'vitest';
import { loadBatchDataFromDisk } from '../../scripts/check-addresses.ts';
import { checkPlacedPoint, checkRetypedAddress, checkRow } from '../../src/domain/batch/check-rows.ts';
import { createDomainRowChecker } from '../../src/domain/batch/domain-row-checker.ts';
import { buildRowCsv, RESULT_COLUMNS } from '../../src/domain/batch/export.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';
import { plainReason, rowFlags, shortMotif } from '../../src/domain/batch/result-words.ts';
import { checkAddress } from '../../src/domain/check-address.ts';
import { createCheckContext } from '../../src/domain/check-context.ts';

const data = loadBatchDataFromDisk();
const checker = createDomainRowChecker(data);
const ctx = createCheckContext(data);
const column = (name: (typeof RESULT_COLUMNS)[number]) => RESULT_COLUMNS.indexOf(name);

const CSV = [
  'Nom;Date de naissance;Adresse;Remarque',
  'Dupont;01/02/1980;12 rue Chevrreul 59170 Croix;suivi',
  'Martin;03/04/1990;12 Rue Blanche;atelier',
  'Durand;05/06/1970;5 Rue du Tonkin 59170 Croix;',
].join('\r\n');

async function table() {
  return readInputTable(new TextEncoder().encode(`${CSV}\r\n`));
}

describe('lecture approximative', () => {
  it('« rue Chevrreul » est lue Rue Chevreul et signalée « reconnue approximativement », comme dans la recherche', () => {
    const verdict = checkRow(['12 rue Chevrreul 59170 Croix'], { adresse: 0 }, checker);
    expect(verdict.label).toBe('12 Rue Chevreul, 59170 Croix');
    expect(verdict.approximate).toBe(true);
    // Same reading as the search: the geocoder's score is below CERTAIN_SCORE.
    expect(checkAddress(ctx, '12 rue Chevrreul 59170 Croix').approximate).toBe(true);
    expect(rowFlags(verdict)).toEqual(['reconnue approximativement']);
  });

  it('l’orthographe exacte n’est pas signalée', () => {
    const verdict = checkRow(['12 rue Chevreul 59170 Croix'], { adresse: 0 }, checker);
    expect(verdict.approximate).toBeUndefined();
    expect(rowFlags(verdict)).toEqual([]);
  });
});

describe('correction en retapant l’adresse', () => {
  it('recalcule la ligne sur l’adresse saisie, par le même chemin que la recherche, et la marque « corrigé à la main »', () => {
    const before = checkRow(['12 Rue Blanche'], { adresse: 0 }, checker);
    expect(before.status).toBe('introuvable');
    const after = checkRetypedAddress(' 5 Rue du Tonkin 59170 Croix ', checker);
    const search = checkAddress(ctx, '5 Rue du Tonkin 59170 Croix');
    expect(after).toMatchObject({
      status: search.status,
      qpvCode: search.qpv?.code,
      label: search.label,
      correctedAddress: '5 Rue du Tonkin 59170 Croix',
    });
    expect(after.status).toBe('dans');
    expect(after.motif).toMatch(/Adresse corrigée à la main\.$/);
    expect(rowFlags(after)).toEqual(['corrigé à la main']);
  });

  it('refuse une adresse vide avec une raison, sans planter', () => {
    const verdict = checkRetypedAddress('   ', checker);
    expect(verdict.status).toBe('introuvable');
    expect(verdict.motif).toMatch(/Adresse corrigée vide/);
  });

  it('un point placé est aussi « corrigé à la main »', () => {
    expect(rowFlags(checkPlacedPoint(3.176018, 50.6905, checker))).toEqual(['corrigé à la main']);
  });
});

describe('export', () => {
  it('garde par défaut toutes les colonnes et toutes les lignes, cellules d’origine intactes, puis les drapeaux', async () => {
    const input = await table();
    const mapping = { adresse: 2 };
    const verdicts = input.rows.map((row) => checkRow(row, mapping, checker));
    verdicts[1] = checkRetypedAddress('5 Rue du Tonkin 59170 Croix', checker);
    const lines = buildRowCsv(input, verdicts, { delimiter: ';', minimise: false, mapping })
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(';'));
    expect(lines[0]).toEqual(['Nom', 'Date de naissance', 'Adresse', 'Remarque', ...RESULT_COLUMNS]);
    expect(lines).toHaveLength(4);
    const width = 4;
    // Row 1: approximate reading.
    expect(lines[1]?.slice(0, width)).toEqual([
      'Dupont',
      '01/02/1980',
      '12 rue Chevrreul 59170 Croix',
      'suivi',
    ]);
    expect(lines[1]?.[width + column('lecture')]).toBe('reconnue approximativement');
    expect(lines[1]?.[width + column('correction')]).toBe('');
    // Row 2: corrected by hand; the original cells are unchanged, the corrected address and answer are ours.
    expect(lines[2]?.slice(0, width)).toEqual(['Martin', '03/04/1990', '12 Rue Blanche', 'atelier']);
    expect(lines[2]?.[width + column('qpv_statut')]).toBe('dans');
    expect(lines[2]?.[width + column('correction')]).toBe('corrigé à la main');
    expect(lines[2]?.[width + column('adresse_corrigee')]).toBe('5 Rue du Tonkin 59170 Croix');
    // Row 3: neither.
    expect(lines[3]?.slice(width + column('lecture'))).toEqual(['', '', '']);
  });

  it('laisse de côté les colonnes que l’utilisateur a choisi de retirer, et elles seules', async () => {
    const input = await table();
    const mapping = { adresse: 2 };
    const verdicts = input.rows.map((row) => checkRow(row, mapping, checker));
    const text = buildRowCsv(input, verdicts, { delimiter: ';', minimise: false, mapping, dropped: [0, 1] });
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(`Adresse;Remarque;${RESULT_COLUMNS.join(';')}`);
    expect(text).not.toMatch(/Dupont|1980/);
    expect(lines).toHaveLength(4);
  });
});

describe('motif à l’écran', () => {
  it('ne répète pas le nom du QPV, déjà écrit une fois sur la ligne', () => {
    const verdict = checkRow(['5 Rue du Tonkin 59170 Croix'], { adresse: 0 }, checker);
    expect(verdict.motif).toContain(`${verdict.qpvNom} (QN05980M)`);
    const short = shortMotif(verdict);
    expect(short).not.toContain(verdict.qpvNom);
    expect(short).toMatch(
      /^Toute la voie « Rue du Tonkin » \(Croix\) est à l’intérieur du quartier prioritaire : /,
    );
  });

  it('dit la réponse en une phrase, comme la recherche, et garde le motif d’une ligne introuvable', () => {
    const inside = checkRow(['5 Rue du Tonkin 59170 Croix'], { adresse: 0 }, checker);
    expect(plainReason(inside)).toBe(
      'Toute la rue est dans le quartier : le numéro ne change pas la réponse.',
    );
    const point = checkRow(['3.176018', '50.6905'], { longitude: 0, latitude: 1 }, checker);
    expect(plainReason(point)).toMatch(/^Le point est à \d+ m à l’intérieur de la limite du quartier\.$/);
    const missing = checkRow(['12 Rue Blanche'], { adresse: 0 }, checker);
    expect(plainReason(missing)).toBe(missing.motif);
  });
});
