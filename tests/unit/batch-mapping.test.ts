// Column mapping from French header names, header detection, and row → query.
import { describe, expect, it } from 'vitest';
import {
  buildRowQuery,
  guessMapping,
  looksLikeHeader,
  mappedColumns,
  mappingProblem,
  normaliseHeader,
  parseCoordinate,
} from '../../src/domain/batch/column-mapping.ts';
import { makeColumnNames } from '../../src/domain/batch/table.ts';

describe('reconnaissance des en-têtes', () => {
  it.each([
    [['Adresse', 'CP', 'Ville'], { adresse: 0, codePostal: 1, commune: 2 }],
    [['N°', 'Voie', 'Code postal', 'Commune'], { numero: 0, voie: 1, codePostal: 2, commune: 3 }],
    [['Nom', 'lng', 'lat'], { longitude: 1, latitude: 2 }],
    [['Identifiant', 'LONGITUDE', 'LATITUDE'], { longitude: 1, latitude: 2 }],
    [
      ['Bénéficiaire', 'Adresse du bénéficiaire', 'Code_Postal', 'Localité'],
      { adresse: 1, codePostal: 2, commune: 3 },
    ],
    [
      ['Num', 'Indice de répétition', 'Nom de voie', 'CP', 'Ville'],
      { numero: 0, repetition: 1, voie: 2, codePostal: 3, commune: 4 },
    ],
    [['Adresse e-mail', 'Téléphone'], {}],
  ])('%j', (headers, expected) => {
    expect(guessMapping(headers, [])).toEqual(expected);
  });

  it('normalise accents, casse, « ° » et ponctuation', () => {
    expect(normaliseHeader(' N° ')).toBe('n');
    expect(normaliseHeader('Code_Postal')).toBe('code postal');
    expect(normaliseHeader('Localité')).toBe('localite');
  });

  it('trouve la colonne d’adresses d’un fichier sans en-tête', () => {
    const rows = [
      ['Bénéficiaire 1', '43 Rue Paul Lafargue 59170 Croix'],
      ['Bénéficiaire 2', '12 bis Rue Blanche, Croix'],
    ];
    expect(guessMapping(makeColumnNames(null, 2), rows)).toEqual({ adresse: 1 });
  });

  it('détecte la ligne d’en-tête par ses noms ou, à défaut, par l’absence de chiffres', () => {
    expect(looksLikeHeader([['Adresse'], ['12 Rue Blanche']])).toBe(true);
    expect(
      looksLikeHeader([
        ['Qui', 'Où'],
        ['Bénéficiaire 1', '12 Rue Blanche'],
      ]),
    ).toBe(true);
    expect(looksLikeHeader([['12 Rue Blanche'], ['5 Rue du Tonkin']])).toBe(false);
    expect(
      looksLikeHeader([
        ['', ''],
        ['x', '1'],
      ]),
    ).toBe(false);
  });

  it('explique ce qui manque quand la correspondance est inutilisable', () => {
    expect(mappingProblem({ longitude: 1 })).toMatch(/longitude et une colonne de latitude/);
    expect(mappingProblem({ commune: 1 })).toMatch(/Adresse complète/);
    expect(mappingProblem({ voie: 0 })).toBeNull();
  });

  it('liste les colonnes utilisées dans l’ordre du tableau, sans doublon', () => {
    expect(mappedColumns({ commune: 4, adresse: 1, codePostal: 4 })).toEqual([1, 4]);
  });
});

describe('ligne → requête', () => {
  it('prend les coordonnées quand elles sont là, même avec une virgule décimale', () => {
    expect(
      buildRowQuery(['3,176018', '50,6905', '22 Rue de la Halle'], { longitude: 0, latitude: 1, adresse: 2 }),
    ).toEqual({
      ok: true,
      query: { kind: 'point', lon: 3.176018, lat: 50.6905 },
    });
  });

  it('retombe sur l’adresse quand les coordonnées sont illisibles', () => {
    const result = buildRowQuery(['n/a', '', '22 Rue de la Halle'], {
      longitude: 0,
      latitude: 1,
      adresse: 2,
    });
    expect(result).toEqual({ ok: true, query: { kind: 'texte', text: '22 Rue de la Halle' } });
  });

  it('signale des coordonnées inversées ou hors bornes', () => {
    expect(buildRowQuery(['50.69', '3.17'], { longitude: 0, latitude: 1 })).toMatchObject({
      ok: false,
      motif: expect.stringMatching(/inversées/),
    });
    expect(buildRowQuery(['200', '3'], { longitude: 0, latitude: 1 })).toMatchObject({
      ok: false,
      motif: expect.stringMatching(/bornes/),
    });
    expect(buildRowQuery(['3.17', ''], { longitude: 0, latitude: 1 })).toMatchObject({
      ok: false,
      motif: expect.stringMatching(/incomplètes/),
    });
  });

  it('assemble numéro, indice, voie, code postal et commune', () => {
    const result = buildRowQuery(['8', 'bis', 'Rue Léon  Trulin', '59170', 'Croix'], {
      numero: 0,
      repetition: 1,
      voie: 2,
      codePostal: 3,
      commune: 4,
    });
    expect(result).toEqual({
      ok: true,
      query: {
        kind: 'champs',
        housenumber: '8 bis',
        street: 'Rue Léon Trulin',
        postcode: '59170',
        city: 'Croix',
        text: '8 bis Rue Léon Trulin 59170 Croix',
      },
    });
  });

  it('réduit les blancs de chaque cellule comme /\\s+/ → « » puis trim, pour chaque caractère du plan de base', () => {
    const reference = (cell: string) => cell.replace(/\s+/g, ' ').trim();
    const mapping = { numero: 0, voie: 1, codePostal: 2, commune: 3 };
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const row = [`${c}12`, `Rue${c}Blanche${c}${c}x`, `59170 ${c}`, `Croix ${c} Nord${c}`];
      const result = buildRowQuery(row, mapping);
      const parts = row.map(reference);
      const expected = [parts[0], parts[1], parts[2], parts[3]].filter(Boolean).join(' ');
      if (!result.ok || result.query.kind !== 'champs' || result.query.text !== expected)
        expect({ code, result }).toEqual({
          code,
          result: { ok: true, query: expect.objectContaining({ text: expected }) },
        });
    }
  });

  it('garde l’ordre des champs de la requête (export, clé de mémoire)', () => {
    const texte = buildRowQuery(['1 Rue Blanche', '59170', 'Croix'], {
      adresse: 0,
      codePostal: 1,
      commune: 2,
    });
    expect(JSON.stringify(texte)).toBe(
      '{"ok":true,"query":{"kind":"texte","text":"1 Rue Blanche 59170 Croix","postcode":"59170","city":"Croix"}}',
    );
    expect(
      JSON.stringify(
        buildRowQuery(['1 Rue Blanche', '', 'Croix'], { adresse: 0, codePostal: 1, commune: 2 }),
      ),
    ).toBe('{"ok":true,"query":{"kind":"texte","text":"1 Rue Blanche Croix","city":"Croix"}}');
    expect(
      JSON.stringify(buildRowQuery(['', 'Rue Blanche', '59170'], { numero: 0, voie: 1, codePostal: 2 })),
    ).toBe(
      '{"ok":true,"query":{"kind":"champs","housenumber":"","street":"Rue Blanche","text":"Rue Blanche 59170","postcode":"59170"}}',
    );
    expect(
      JSON.stringify(
        buildRowQuery(['4', 'Rue Blanche', '', 'Croix'], { numero: 0, voie: 1, codePostal: 2, commune: 3 }),
      ),
    ).toBe(
      '{"ok":true,"query":{"kind":"champs","housenumber":"4","street":"Rue Blanche","text":"4 Rue Blanche Croix","city":"Croix"}}',
    );
  });

  it('donne un motif pour une ligne vide ou une adresse vide', () => {
    expect(buildRowQuery(['', ' '], { adresse: 0 })).toEqual({ ok: false, motif: 'Ligne vide.' });
    expect(buildRowQuery(['Bénéficiaire 3', ''], { adresse: 1 })).toEqual({
      ok: false,
      motif: 'Adresse vide dans les colonnes choisies.',
    });
    expect(buildRowQuery(['Bénéficiaire 3'], { adresse: 4 })).toEqual({
      ok: false,
      motif: 'Adresse vide dans les colonnes choisies.',
    });
  });

  it('lit les nombres décimaux à point ou à virgule, et refuse le reste', () => {
    expect(parseCoordinate(' 3,1456 ')).toBe(3.1456);
    expect(parseCoordinate('-0.5')).toBe(-0.5);
    expect(parseCoordinate('3.1.2')).toBeNull();
    expect(parseCoordinate('')).toBeNull();
  });
});

describe('noms de colonnes', () => {
  it('numérote les doublons et nomme les colonnes sans en-tête', () => {
    expect(makeColumnNames(['Adresse', 'adresse', ''], 4)).toEqual([
      'Adresse',
      'adresse (2)',
      'Colonne 3',
      'Colonne 4',
    ]);
  });
});
