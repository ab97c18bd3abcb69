// Columns that look like personal data (issue 13, item 5): found from the header, never from the address columns.
import { describe, expect, it } from 'vitest';
import { personalColumns, personalKind } from '../../src/domain/batch/personal-data.ts';
import { buildPreview } from '../../src/domain/batch/preview.ts';
import { readInputTable } from '../../src/domain/batch/read-input.ts';

describe('personalKind', () => {
  it.each([
    ['Nom', 'nom'],
    ['Prénom', 'nom'],
    ['NOM PRENOM', 'nom'],
    ['Nom de famille', 'nom'],
    ['Date de naissance', 'naissance'],
    ['né le', 'naissance'],
    ['Né(e) le', 'naissance'],
    ['Âge', 'naissance'],
    ['email', 'contact'],
    ['E-mail', 'contact'],
    ['Courriel', 'contact'],
    ['Téléphone', 'contact'],
    ['Tél.', 'contact'],
    ['NIR', 'identifiant'],
    ['N° de sécurité sociale', 'identifiant'],
    ['Numéro allocataire', 'identifiant'],
  ])('« %s » → %s', (header, kind) => {
    expect(personalKind(header)).toBe(kind);
  });

  it.each([
    'Adresse',
    'Nom de la commune',
    'Nom voie',
    'Nom de la structure',
    'Commune',
    'Étage',
    'Code postal',
    'Bénéficiaire',
    'Remarque',
  ])('« %s » n’est pas une donnée personnelle à signaler', (header) => {
    expect(personalKind(header)).toBeNull();
  });
});

describe('personalColumns', () => {
  it('liste les colonnes, sans celles qui servent à la vérification ni les fichiers sans en-tête', () => {
    expect(personalColumns(['Nom', 'Adresse', 'Né le', 'Ville'], [1, 3])).toEqual([
      { index: 0, name: 'Nom', kind: 'nom' },
      { index: 2, name: 'Né le', kind: 'naissance' },
    ]);
    expect(personalColumns(['Nom', 'Adresse'], [0, 1])).toEqual([]);
    expect(personalColumns(null, [])).toEqual([]);
  });

  it('l’aperçu envoyé à la page porte ces colonnes', async () => {
    const bytes = new TextEncoder().encode(
      'Prénom;Adresse;Date de naissance\r\nAli;12 Rue Blanche Croix;01/01/1990\r\n',
    );
    const table = await readInputTable(bytes);
    const preview = buildPreview('f.csv', table, { adresse: 1 }, null);
    expect(preview.personalColumns.map((column) => column.name)).toEqual(['Prénom', 'Date de naissance']);
  });
});
