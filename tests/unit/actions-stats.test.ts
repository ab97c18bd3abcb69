// Area statistics of the greening / de-densification zones (Turf), on known polygons and on the real QPV.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaStatistics, croixPartOfQpv } from '../../src/domain/actions/stats.ts';
import type { PolygonGeometry } from '../../src/domain/data-types.ts';
import { formatArea, formatShare } from '../../src/domain/format.ts';
import { makeAction } from './actions-helpers.ts';

const R = 6_371_008.8; // Turf's earth radius (m)
const rad = (degrees: number) => (degrees * Math.PI) / 180;

function box(west: number, south: number, east: number, north: number): PolygonGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

// A 0.002° × 0.002° box in Saint-Pierre: on the sphere its area is R² · Δλ · (sin φ2 − sin φ1).
const ZONE = box(3.153, 50.685, 3.155, 50.687);
const ZONE_M2 = R * R * rad(0.002) * (Math.sin(rad(50.687)) - Math.sin(rad(50.685)));
const zoneFeature = { type: 'Feature' as const, properties: {}, geometry: ZONE };

describe('areaStatistics', () => {
  it('measures the zone within 0.1 % of the spherical formula (≈ 31 000 m²)', () => {
    const stats = areaStatistics([], zoneFeature);
    expect(ZONE_M2).toBeGreaterThan(30_000);
    expect(ZONE_M2).toBeLessThan(32_000);
    expect(Math.abs(stats.zone_m2 - ZONE_M2) / ZONE_M2).toBeLessThan(0.001);
    expect(stats.objectifs.map((row) => [row.objectif, row.polygones, row.dans_zone_m2])).toEqual([
      ['verdissement', 0, 0],
      ['dedensification', 0, 0],
    ]);
  });

  it('counts the part of a polygon inside the zone and its share', () => {
    // West half inside the zone, east half outside.
    const half = makeAction({ id: 'h' }, box(3.154, 50.685, 3.156, 50.687));
    const [verdissement] = areaStatistics([half], zoneFeature).objectifs;
    expect(verdissement!.polygones).toBe(1);
    expect(verdissement!.surface_m2 / ZONE_M2).toBeCloseTo(1, 2);
    expect(verdissement!.dans_zone_m2 / ZONE_M2).toBeCloseTo(0.5, 2);
    expect(verdissement!.part_zone).toBeCloseTo(0.5, 2);
  });

  it('counts overlapping polygons once and ignores points, lines and other objectives', () => {
    const actions = [
      makeAction({ id: 'a' }, box(3.153, 50.685, 3.154, 50.687)),
      makeAction({ id: 'b' }, box(3.153, 50.685, 3.154, 50.686)),
      makeAction({ id: 'c' }),
      makeAction(
        { id: 'd' },
        {
          type: 'LineString',
          coordinates: [
            [3.153, 50.685],
            [3.155, 50.687],
          ],
        },
      ),
      makeAction({ id: 'e', objectif: 'dedensification' }, box(3.154, 50.686, 3.155, 50.687)),
      makeAction({ id: 'f', objectif: 'habitat' }, box(3.153, 50.685, 3.155, 50.687)),
    ];
    const [verdissement, dedensification] = areaStatistics(actions, zoneFeature).objectifs;
    expect(verdissement!.polygones).toBe(2);
    expect(verdissement!.part_zone).toBeCloseTo(0.5, 2);
    expect(dedensification!.polygones).toBe(1);
    expect(dedensification!.part_zone).toBeCloseTo(0.25, 2);
  });
});

describe('croixPartOfQpv (real data)', () => {
  it('is QN05980M ∩ Croix (cadastre outline), 62 489 + 105 m² by the raw README (pyproj), within 1 %', () => {
    const qpv = JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8'));
    const communes = JSON.parse(readFileSync('data/communes.geojson', 'utf8'));
    const quartier = qpv.features.find(
      (f: { properties: { code: string } }) => f.properties.code === 'QN05980M',
    );
    const croix = communes.features.find(
      (f: { properties: { insee: string } }) => f.properties.insee === '59163',
    );
    const part = croixPartOfQpv(quartier.geometry, croix.geometry);
    expect(part).not.toBeNull();
    const stats = areaStatistics([], part!);
    expect(Math.abs(stats.zone_m2 / 62_594 - 1)).toBeLessThan(0.01);
  });
});

describe('formatting', () => {
  it.each([
    [950.4, '950 m²'],
    [12_345, '1,23 ha'],
    [822_550, '82,26 ha'],
    [8_225_500, '823 ha (8,23 km²)'],
  ])('formatArea(%d)', (value, expected) => expect(formatArea(value).replace(/\s/g, ' ')).toBe(expected));
  it('formatShare', () => {
    expect(formatShare(0.0734).replace(/\s/g, ' ')).toBe('7,3 %');
    expect(formatShare(0.25).replace(/\s/g, ' ')).toBe('25 %');
    expect(formatShare(0.25, { fixed: true }).replace(/\s/g, ' ')).toBe('25,0 %');
  });
});
