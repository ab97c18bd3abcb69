// Honest coverage (src/domain/geocoder/coverage.ts and its use by the geocoder): which communes the road data cover,
// what a query in a partly covered commune says, communes associées and official names, number forms.
// Independent truths: hand-computed areas; the communes' extents against the roads' rectangle of data/README.md
// (Croix 3.136–3.174 E inside it, Lille 2.969–3.126 E cut by its western edge 3.06899 E, Capinghem 2.953–2.975 E
// west of it); the COG name « La Madeleine » (59368).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/domain/check-address.ts';
import { type CheckContext, createCheckContext } from '../../src/domain/check-context.ts';
import { communeCoverage } from '../../src/domain/geocoder/coverage.ts';
import { simplifyNumberForms } from '../../src/domain/geocoder/readings.ts';
import { tokenizeQuery } from '../../src/domain/normalize.ts';

describe('communeCoverage', () => {
  const square = [
    [
      [
        [0, 0],
        [2, 0],
        [2, 1],
        [0, 1],
        [0, 0],
      ] as [number, number][],
    ],
  ];
  it('measures the share of an outline inside the rectangle and where the known part is', () => {
    expect(communeCoverage(square, [1, -1, 3, 2])).toEqual({
      couverture: 'partielle',
      part: 0.5,
      cote: 'est',
    });
    expect(communeCoverage(square, [-1, 0.75, 3, 2])).toEqual({
      couverture: 'partielle',
      part: 0.25,
      cote: 'nord',
    });
    expect(communeCoverage(square, [-1, -1, 3, 2]).couverture).toBe('entiere');
    expect(communeCoverage(square, [5, 5, 6, 6]).couverture).toBe('aucune');
  });

  it('subtracts holes', () => {
    const withHole = [
      [
        square[0]![0]!,
        [
          [1.2, 0.2],
          [1.8, 0.2],
          [1.8, 0.8],
          [1.2, 0.8],
          [1.2, 0.2],
        ] as [number, number][],
      ],
    ];
    // Outline 2 − 0.36 = 1.64; inside x ≥ 1: 1 − 0.36 = 0.64 → 0.390.
    expect(communeCoverage(withHole, [1, -1, 3, 2]).part).toBe(0.39);
  });
});

describe('number forms', () => {
  const raw = (q: string) => simplifyNumberForms(tokenizeQuery(q)).map((t) => t.raw);
  it('keeps the first number of a range, drops « n° », leaves street numbers alone', () => {
    expect(raw('3-5 rue Paul Lafargue')).toEqual(['3', 'rue', 'paul', 'lafargue']);
    expect(raw('3/5 rue Paul Lafargue')).toEqual(['3', 'rue', 'paul', 'lafargue']);
    expect(raw('3 à 5 rue Paul Lafargue')).toEqual(['3', 'rue', 'paul', 'lafargue']);
    expect(raw('rue Chevreul 3-5 Croix')).toEqual(['rue', 'chevreul', '3', 'croix']);
    expect(raw('n° 12 rue Chevreul')).toEqual(['12', 'rue', 'chevreul']);
    expect(raw('rue du 8 Mai 1945')).toEqual(['rue', 'du', '8', 'mai', '1945']);
  });
});

describe('the geocoder on the published data', () => {
  let ctx: CheckContext;
  beforeAll(() => {
    const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
    ctx = createCheckContext({
      qpv: read('data/qpv-2024.geojson'),
      roads: read('data/roads.geojson'),
      communes: read('data/communes.geojson'),
      addresses: null,
    });
  });

  it('knows which communes it covers entirely, partly or not at all', () => {
    const coverage = (insee: string) => ctx.geocoder.communes.find((c) => c.insee === insee)?.couverture;
    expect(coverage('59163')).toBe('entiere'); // Croix
    expect(coverage('59350')).toBe('partielle'); // Lille
    expect(coverage('59128')).toBe('aucune'); // Capinghem
  });

  it('finds « 3-5 rue Paul Lafargue Croix » and the other number forms', () => {
    for (const q of [
      '3-5 rue Paul Lafargue Croix',
      '3/5 rue Paul Lafargue Croix',
      '3 à 5 rue Paul Lafargue Croix',
      'n° 3 rue Paul Lafargue Croix',
      'rue Paul Lafargue 3 bis Croix',
    ]) {
      const check = checkAddress(ctx, q);
      expect(check.status, q).toBe('dans');
      expect(check.label, q).toMatch(/^3 (bis )?Rue Paul Lafargue, 59170 Croix$/);
    }
  });

  it('says that a street not found in a partly covered commune may be in the part the map does not have', () => {
    const check = checkAddress(ctx, '25 rue d’Arras Lille');
    expect(check.status).toBe('introuvable');
    expect(check.motif).not.toMatch(/orthographe/);
    expect(check.motif).toContain('Seule la partie est de Lille, dont Hellemmes,');
    expect(check.offrePoint).toBe(true);
  });

  it('names Hellemmes and never answers firmly for a street of the covered part of Lille', () => {
    const [suggestion] = ctx.geocoder.suggest('1 place de la République Lille', 1);
    expect(suggestion?.label).toContain('Hellemmes');
    const check = checkAddress(ctx, '1 place de la République Lille');
    expect(check.status).toBe('limite');
    expect(check.motif).toContain('Hellemmes');
  });

  it('uses the official name « La Madeleine » for « 59110 Madeleine »', () => {
    const check = checkAddress(ctx, 'rue du Général de Gaulle 59110 Madeleine');
    expect(check.label).toBe('Rue du Général de Gaulle, 59110 La Madeleine');
    // La Madeleine is partly covered but has no commune associée: a street found there is the one meant.
    expect(check.status).toBe('hors');
  });
});
