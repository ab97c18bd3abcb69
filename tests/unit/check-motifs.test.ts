// The French reasons of point answers (src/domain/check-motifs.ts), built per row of a file check: the remembered
// number formats must give Intl's own strings, and the answer objects keep the keys and their order of the
// `{ ...base, band_m, qpv?, status, distance_m, motif }` they replace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPoint } from '../../src/domain/check-address.ts';
import { createCheckContext } from '../../src/domain/check-context.ts';
import { cachedFormat, fromPointVerdict, metres } from '../../src/domain/check-motifs.ts';
import type { QpvCollection } from '../../src/domain/data-types.ts';
import { createQpvIndex, pointVerdict } from '../../src/domain/verdict.ts';

const qpv = JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8')) as QpvCollection;

describe('cachedFormat', () => {
  const integer = new Intl.NumberFormat('fr-FR');
  const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  const values = [
    0,
    1,
    7,
    12,
    999,
    1_000,
    1_234,
    9_999,
    12_345,
    49_999,
    123_456,
    1_234_567,
    -3,
    -1_500,
    0.05,
    0.1,
    0.15,
    1.25,
    5.6,
    10.04,
    10.05,
    999.95,
    1_000.5,
    2_345.67,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    -0.04,
  ];

  it('gives the formatter’s own strings, the first time and from memory', () => {
    for (const formatter of [integer, oneDecimal]) {
      const format = cachedFormat(formatter);
      for (let round = 0; round < 2; round++)
        for (const value of values) expect(format(value)).toBe(formatter.format(value));
    }
  });

  it('writes thousands with the narrow no-break space, and keeps −0 apart from 0', () => {
    const format = cachedFormat(integer);
    expect(format(1_234)).toBe('1\u202f234');
    expect(format(0)).toBe('0');
    expect(format(-0)).toBe('-0');
    expect(format(0)).toBe('0');
    expect(cachedFormat(oneDecimal)(12_345.67)).toBe('12\u202f345,7');
  });

  it('stays right past its size limit (every integer to 10 000, twice)', () => {
    const format = cachedFormat(integer);
    for (let round = 0; round < 2; round++)
      for (let value = 0; value <= 10_000; value++) expect(format(value)).toBe(integer.format(value));
  });

  it('metres rounds then formats', () => {
    expect(metres(1_234.6)).toBe('1\u202f235 m');
    expect(metres(0.4)).toBe('0 m');
  });
});

describe('fromPointVerdict', () => {
  const index = createQpvIndex(qpv);
  const street = { id: 3, nom: 'Rue de test', insee: '59163', commune: 'Croix' };
  // Inside QN05980M (22 Rue de la Halle, Roubaix), outside (23 Rue de la Gare, Croix), near its boundary.
  const points: [number, number][] = [
    [3.176018, 50.6905],
    [3.1455546, 50.674685],
    [3.1637744, 50.6840667],
  ];

  it('keeps the keys and their order of the spread it replaces, with and without a street', () => {
    for (const point of points) {
      const v = pointVerdict(index, point, { uncertainty_m: 10 });
      for (const base of [
        { precision: 'adresse' as const, label: 'x', lon: point[0], lat: point[1], street },
        { precision: 'point placé' as const, label: 'x', lon: point[0], lat: point[1] },
      ]) {
        const answer = fromPointVerdict(v, base, 10, 'Le point est');
        const expected = Object.keys({
          ...base,
          band_m: 0,
          ...(v.qpv ? { qpv: 0 } : {}),
          status: 0,
          distance_m: 0,
          motif: 0,
        });
        expect(Object.keys(answer)).toEqual(expected);
        expect(answer).toMatchObject({
          ...base,
          band_m: v.band_m,
          status: v.status,
          distance_m: v.distance_m,
        });
        if (v.qpv) expect(answer.qpv).toBe(v.qpv);
      }
    }
  });

  it('writes the reason with the distance and the margin in French figures', () => {
    const read = (name: string) => JSON.parse(readFileSync(`data/${name}`, 'utf8'));
    const ctx = createCheckContext({ qpv, roads: read('roads.geojson'), communes: read('communes.geojson') });
    const inside = checkPoint(ctx, points[0]!, { uncertainty_m: 10 });
    expect(inside.status).toBe('dans');
    expect(inside.motif).toMatch(
      /^Le point est à l’intérieur du quartier prioritaire .* \(QN05980M\), à \d+ m de sa limite \(au-delà de la marge de \d+(,\d)? m : précision du tracé officiel \+ 10 m d’incertitude sur la position\)\.$/,
    );
    const far = checkPoint(ctx, points[1]!, { uncertainty_m: 0 });
    expect(far.motif).toMatch(/est à 1\u202f\d{3} m\.$/);
  });
});
