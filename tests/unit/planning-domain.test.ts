// Pure planning computations on hand-made inputs (values checked by hand).
import { describe, expect, it } from 'vitest';
import { classShares, territoryIndicators } from '../../src/domain/planning/indicators.ts';
import type { PlanarPolygons } from '../../src/domain/planning/lambert93.ts';
import { employerNamesFourCommunes, postsByYear } from '../../src/domain/planning/posts.ts';

const square = (x: number, y: number, w: number, h = w): PlanarPolygons => [
  [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ],
  ],
];

describe('territoryIndicators', () => {
  // A 100 m × 100 m territory; a 20 × 50 park half inside; a 10 × 10 OMS park inside; a point park inside; a
  // park outside; two access areas, one meeting the territory.
  const t = territoryIndicators(
    { id: 'qpv', label: 'test', planar: square(0, 0, 100) },
    [
      { oms: false, planar: square(90, 10, 20, 50), point: null },
      { oms: true, planar: square(40, 40, 10), point: null },
      { oms: true, planar: null, point: [5, 5] },
      { oms: true, planar: square(500, 500, 10), point: null },
    ],
    [square(-50, -50, 60), square(300, 300, 10)],
  );

  it('measures park area inside and its share by hand: 10×50 + 10×10 = 600 m², 6 %', () => {
    expect(t.area_m2).toBeCloseTo(10_000, 6);
    expect(t.park_area_m2).toBeCloseTo(600, 6);
    expect(t.park_share).toBeCloseTo(0.06, 9);
  });

  it('counts 3 parks inside (2 OMS) and 1 reachable access area', () => {
    expect(t.parks).toBe(3);
    expect(t.parks_oms).toBe(2);
    expect(t.parks_reachable).toBe(1);
    expect(t.residents_under_3m2_share).toBeNull();
    expect(t.trend).toEqual([]);
  });

  it('takes the last year of the association’s stats as the current share', () => {
    const rows = (a: number) => [
      { surface: '0-3', habitants: a },
      { surface: '3-7', habitants: 100 - a },
      { surface: '7-10', habitants: 0 },
      { surface: '10-12', habitants: 0 },
      { surface: '12+', habitants: 100 },
    ];
    const c = territoryIndicators(
      {
        id: 'croix',
        label: 'c',
        planar: square(0, 0, 10),
        trend: [
          { year: 2019, rows: rows(50) },
          { year: 2015, rows: rows(80) },
        ],
      },
      [],
      null,
    );
    expect(c.trend.map((y) => y.year)).toEqual([2015, 2019]);
    expect(c.residents_under_3m2_share).toBeCloseTo(0.25, 9);
    expect(c.parks_reachable).toBeNull();
  });
});

describe('classShares', () => {
  it('uses the counts (Croix 2019: 18 154 of 28 655 ≈ 63 %)', () => {
    const shares = classShares([
      { surface: '> 0<=3', habitants: 18154 },
      { surface: '> 3<=7', habitants: 4154 },
      { surface: '> 7<=10', habitants: 1149 },
      { surface: '> 10<=12', habitants: 54 },
      { surface: '> 12 +', habitants: 5144 },
    ]);
    expect(shares['0-3']).toBeCloseTo(18154 / 28655, 12);
    expect(Math.round(shares['0-3'] * 100)).toBe(63);
  });
  it('rejects a file without five classes', () => {
    expect(() => classShares([{ surface: 'x', habitants: 1 }])).toThrow(/5 classes/);
  });
});

describe('posts', () => {
  it.each([
    ['COM ROUBAIX', true],
    ['MJC CS DE CROIX', true],
    ['ASSOC DES CENTRES SOCIAUX DE WATTRELOS', true],
    ['CCAS TOURCOING', true],
    ['CROIX ROUGE FRANCAISE', false],
    ['CROIX-ROUGE FRANÇAISE', false],
    ['ASS CENTRE SOCIAL MARLIERE CROIX ROUGE', false],
    ['ASS DEVELOP DE L’EMPLOI METIERS NOUVEAUX', false],
    ['ROUBAIXIENNE DE SPORT', false],
  ])('employer « %s » named in the 4 communes: %s', (name, expected) => {
    expect(employerNamesFourCommunes(name)).toBe(expected);
  });

  it('sums counts and amounts by year and device, to the cent', () => {
    const out = postsByYear([
      { annee: 2021, dispositif: 'fonjep', raison_sociale: 'CCAS TOURCOING', montant: 7164.1 },
      { annee: 2020, dispositif: 'adulte-relais', raison_sociale: 'X', montant: 0.1 },
      { annee: 2020, dispositif: 'adulte-relais', raison_sociale: 'COM ROUBAIX', montant: 0.2 },
    ]);
    expect(out).toEqual([
      {
        year: 2020,
        adulte_relais: { count: 2, amount_eur: 0.3 },
        fonjep: { count: 0, amount_eur: 0 },
        employer_in_4_communes: { adulte_relais: 1, fonjep: 0 },
      },
      {
        year: 2021,
        adulte_relais: { count: 0, amount_eur: 0 },
        fonjep: { count: 1, amount_eur: 7164.1 },
        employer_in_4_communes: { adulte_relais: 0, fonjep: 1 },
      },
    ]);
  });
});
