// The two sides of a boundary street (src/domain/street-sides.ts) against hand-computed geometry, and the side
// question / pin answer on rue Blanche (src/domain/side-answer.ts) checked against Turf's point-in-polygon.
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/domain/check-address.ts';
import { type CheckContext, createCheckContext } from '../../src/domain/check-context.ts';
import type { Position, QpvCollection } from '../../src/domain/data-types.ts';

type QpvFeature = QpvCollection['features'][number];

import { answerForSide, checkPlacedPoint, sideQuestion, withArticle } from '../../src/domain/side-answer.ts';
import { pointSide, streetSides } from '../../src/domain/street-sides.ts';

// A 0.002° square at the equator (≈ 222 m a side); 0.001° of longitude ≈ 111.3 m, of latitude ≈ 110.6 m there.
const SQUARE: Position[][][] = [
  [
    [
      [0, 0],
      [0.002, 0],
      [0.002, 0.002],
      [0, 0.002],
      [0, 0],
    ],
  ],
];
// West → east along the southern edge: the left-hand side (north) is inside.
const SOUTH_EDGE: Position[][] = [
  [
    [0.0005, 0],
    [0.0015, 0],
  ],
];

describe('streetSides', () => {
  it('finds the inside and outside sides of a street whose axis is the boundary', () => {
    const s = streetSides({ lines: SOUTH_EDGE, outline: SQUARE, precision_m: 0.1 });
    expect(s.follows).toBe(true);
    expect(s.precise).toBe(true);
    // 0.001° of longitude at the equator = 111.32 m (WGS 84: a · π/180 / 1000).
    expect(s.length_m).toBeCloseTo(111.3, 0);
    expect(s.along_m).toBeCloseTo(111.3, 0);
    const [left, right] = s.sides;
    expect([left.id, left.status, left.compass]).toEqual(['gauche', 'dans', 'nord']);
    expect([right.id, right.status, right.compass]).toEqual(['droite', 'hors', 'sud']);
    // The offset lines are 8 m north and south of the axis: 8 / 110 574 m per degree of latitude.
    expect(left.lines[0]![0]![1]).toBeCloseTo(8 / 110_574, 7);
    expect(right.lines[0]![0]![1]).toBeCloseTo(-8 / 110_574, 7);
  });

  it('names a side by the streets that start on it, not by the street that continues it', () => {
    const s = streetSides({
      lines: SOUTH_EDGE,
      outline: SQUARE,
      precision_m: 0.1,
      neighbours: [
        {
          nom: 'Rue du Nord',
          lines: [
            [
              [0.001, 0],
              [0.001, 0.001],
            ],
          ],
        },
        {
          nom: 'Rue du Sud',
          lines: [
            [
              [0.0008, -0.001],
              [0.0008, 0],
            ],
          ],
        },
        {
          nom: 'Rue qui continue',
          lines: [
            [
              [0.0015, 0],
              [0.0025, 0],
            ],
          ],
        },
      ],
    });
    expect(s.sides[0].facing).toEqual(['Rue du Nord']);
    expect(s.sides[1].facing).toEqual(['Rue du Sud']);
  });

  it('does not split a street that stays inside, and says when the outline is too coarse', () => {
    const inside = streetSides({
      lines: [
        [
          [0.0005, 0.001],
          [0.0015, 0.001],
        ],
      ],
      outline: SQUARE,
      precision_m: 0.1,
    });
    expect(inside.follows).toBe(false);
    expect(inside.sides.map((side) => side.status)).toEqual(['dans', 'dans']);
    expect(streetSides({ lines: SOUTH_EDGE, outline: SQUARE, precision_m: 5.6 }).precise).toBe(false);
  });

  it('tells which side a point is on', () => {
    const side = pointSide(SOUTH_EDGE, [0.001, 0.0001]);
    expect(side?.side).toBe('gauche');
    // 0.0001° of latitude at the equator = 11.06 m.
    expect(side?.distance_m).toBeCloseTo(11.06, 1);
    expect(side?.foot[0]).toBeCloseTo(0.001, 9);
    expect(side?.foot[1]).toBeCloseTo(0, 9);
    expect(pointSide(SOUTH_EDGE, [0.001, -0.0001])?.side).toBe('droite');
  });

  it('puts the right article before a street name', () => {
    expect(withArticle('Rue Saint-Jacques')).toBe('la rue Saint-Jacques');
    expect(withArticle('Avenue Gustave Delory')).toBe('l’avenue Gustave Delory');
    expect(withArticle('Boulevard de Lyon')).toBe('le boulevard de Lyon');
  });
});

describe('the side of rue Blanche (Croix), on the published data', () => {
  let ctx: CheckContext;
  let outline: QpvFeature;
  beforeAll(() => {
    const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
    const qpv = read('data/qpv-2024.geojson');
    ctx = createCheckContext({
      qpv,
      roads: read('data/roads.geojson'),
      communes: read('data/communes.geojson'),
      addresses: null,
    });
    outline = qpv.features.find((f: QpvFeature) => f.properties.code === 'QN05980M');
  });

  it('asks the side, and answers « dans » for one side and « hors » for the other', () => {
    const check = checkAddress(ctx, 'rue blanche croix');
    expect(check.status).toBe('limite');
    const question = sideQuestion(ctx, check);
    expect(question?.precise).toBe(true);
    const statuses = question!.choices.map((c) => c.status).sort();
    expect(statuses).toEqual(['dans', 'hors']);
    for (const choice of question!.choices) {
      // Turf: the vertices of that side's line are inside (or outside) the official outline — but for its two
      // ends, at the corners of the outline where the street meets the next one.
      for (const line of choice.lines)
        for (const p of line.slice(1, -1))
          expect(booleanPointInPolygon(p, outline), `${choice.label} ${p}`).toBe(choice.status === 'dans');
      const answer = answerForSide(check, question!, choice.id);
      expect(answer.status).toBe(choice.status);
      expect(answer.motif).toContain('0,1 m');
    }
    // What people see: the streets that start on the inside side.
    const inside = question!.choices.find((c) => c.status === 'dans')!;
    expect(inside.hint).toContain('rue Saint-Jacques');
  });

  it('answers a pin placed 6 m from the axis for its side, and keeps a pin on the axis « en limite »', () => {
    const street = ctx.geocoder.streets.find((s) => s.nom === 'Rue Blanche' && s.insee === '59163')!;
    const question = sideQuestion(ctx, checkAddress(ctx, 'rue blanche croix'))!;
    for (const choice of question.choices) {
      // A point 6 m from the axis toward that side's offset line (which is 8 m away): 3/4 of the way.
      const line = choice.lines[0]!;
      const sidePoint = line[Math.floor(line.length / 2)]!;
      const probe = pointSide(street.lines, sidePoint)!;
      const pin: Position = [
        probe.foot[0] + (sidePoint[0] - probe.foot[0]) * 0.75,
        probe.foot[1] + (sidePoint[1] - probe.foot[1]) * 0.75,
      ];
      expect(booleanPointInPolygon(pin, outline)).toBe(choice.status === 'dans');
      expect(checkPlacedPoint(ctx, pin, { uncertainty_m: 10 }).status).toBe(choice.status);
      expect(checkPlacedPoint(ctx, probe.foot, { uncertainty_m: 10 }).status).toBe('limite');
    }
  });
});
