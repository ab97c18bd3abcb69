// What an action overlaps among parks, IRIS and walking-access areas. Expected values come from the construction
// of the hand-made squares below (which square a shape crosses is read off the coordinates), not from the code.
import { describe, expect, it } from 'vitest';
import { type PlanningLayersData, planningOverlaps } from '../../src/domain/planning/overlaps.ts';

type Ring = [number, number][];
const square = (w: number, s: number, size: number): Ring[] => [
  [
    [w, s],
    [w + size, s],
    [w + size, s + size],
    [w, s + size],
    [w, s],
  ],
];
const poly = (coordinates: Ring[]) => ({ type: 'Polygon' as const, coordinates });

// Around Croix: park A 3.150–3.152 / 50.680–50.682, park B 3.160–3.162, a park known by one point, two IRIS
// (west and east of 3.156), two access areas (A's, large; B's).
const data: PlanningLayersData = {
  parks: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: poly(square(3.15, 50.68, 0.002)),
        properties: {
          id: 'A',
          nom: 'Parc A',
          commune: 'Croix',
          oms: true,
          actif: true,
          area_m2: 1,
          in_qpv_m2: 0,
          cimetiere: false,
        },
      },
      {
        type: 'Feature',
        geometry: poly(square(3.16, 50.68, 0.002)),
        properties: {
          id: 'B',
          nom: 'Square B',
          commune: 'Croix',
          oms: false,
          actif: true,
          area_m2: 1,
          in_qpv_m2: 0,
          cimetiere: false,
        },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [3.17, 50.69] },
        properties: {
          id: 'C',
          nom: 'Jardin C',
          commune: 'Croix',
          oms: true,
          actif: true,
          area_m2: null,
          in_qpv_m2: 0,
          cimetiere: false,
        },
      },
    ],
  },
  iris: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: poly(square(3.14, 50.67, 0.016)),
        properties: {
          code: '591630101',
          nom: 'Ouest',
          insee: '59163',
          area_m2: 1,
          qpv_m2: 0,
          qpv_share: 0.25,
        },
      },
      {
        type: 'Feature',
        geometry: poly([
          [
            [3.156, 50.67],
            [3.18, 50.67],
            [3.18, 50.7],
            [3.156, 50.7],
            [3.156, 50.67],
          ],
        ]),
        properties: { code: '591630102', nom: 'Est', insee: '59163', area_m2: 1, qpv_m2: 0, qpv_share: 0 },
      },
    ],
  },
  access: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: poly(square(3.148, 50.678, 0.006)),
        properties: { id: 'acces-A', nom: 'Parc A', oms: true, residents: 1200, area_m2: 1 },
      },
      {
        type: 'Feature',
        geometry: poly(square(3.159, 50.679, 0.004)),
        properties: { id: 'acces-B', nom: 'Square B', oms: false, residents: 800, area_m2: 1 },
      },
    ],
  },
};

describe('planningOverlaps', () => {
  it('a zone inside park A meets A, the west IRIS and A’s access area', () => {
    const result = planningOverlaps(poly(square(3.1505, 50.6805, 0.0005)), data);
    expect(result.parks).toEqual([{ id: 'A', nom: 'Parc A', oms: true }]);
    expect(result.iris).toEqual([{ code: '591630101', nom: 'Ouest', qpv_share: 0.25 }]);
    expect(result.access.map((zone) => zone.id)).toEqual(['acces-A']);
    expect(result.residentsMax).toBe(1200);
  });

  it('a line from A to B crosses both parks, both IRIS and both access areas (residents not added up)', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [3.151, 50.681],
        [3.161, 50.681],
      ] as [number, number][],
    };
    const result = planningOverlaps(line, data);
    expect(result.parks.map((park) => park.id)).toEqual(['A', 'B']);
    expect(result.iris.map((zone) => zone.nom)).toEqual(['Ouest', 'Est']);
    expect(result.access.map((zone) => zone.id)).toEqual(['acces-A', 'acces-B']);
    expect(result.residentsMax).toBe(1200);
  });

  it('a point far from everything meets nothing', () => {
    const result = planningOverlaps({ type: 'Point', coordinates: [3.2, 50.75] }, data);
    expect(result).toEqual({ parks: [], iris: [], access: [], residentsMax: null });
  });

  it('a point on the park known by a point meets it', () => {
    const result = planningOverlaps({ type: 'Point', coordinates: [3.17, 50.69] }, data);
    expect(result.parks.map((park) => park.id)).toEqual(['C']);
    expect(result.iris.map((zone) => zone.nom)).toEqual(['Est']);
  });
});
