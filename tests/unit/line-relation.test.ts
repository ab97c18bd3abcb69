// src/domain/line-relation.ts: synthetic in/out fixtures, then the seven Saint-Pierre streets of Croix measured
// against the raw 6-decimal QN05980M (raw README §4.4 table).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../src/domain/data-types';
import {
  type AreaGeometry,
  type LineRelation,
  measureLineRelation,
  type PathGeometry,
  streetStatus,
} from '../../src/domain/line-relation';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'line-relation');
// Small raw sources copied with provenance (fixtures/line-relation/README.md): runs on a plain clone.
const RAW = join(FIX, 'raw');

interface FixtureFeature {
  properties: { role: 'area' | 'line'; bandM?: number };
  geometry: AreaGeometry | PathGeometry;
}

describe('measureLineRelation (fixtures)', () => {
  for (const file of readdirSync(join(FIX, 'in')).sort()) {
    const name = file.replace('.geojson', '');
    it(name, () => {
      const fc = JSON.parse(readFileSync(join(FIX, 'in', file), 'utf8')) as { features: FixtureFeature[] };
      const area = fc.features.find((f) => f.properties.role === 'area')!;
      const line = fc.features.find((f) => f.properties.role === 'line')!;
      const expected = JSON.parse(readFileSync(join(FIX, 'out', `${name}.json`), 'utf8')) as LineRelation & {
        statut: string;
      };
      const r = measureLineRelation(line.geometry as PathGeometry, area.geometry as AreaGeometry, {
        bandM: line.properties.bandM ?? 5,
      });
      expect(r.length_m).toBeCloseTo(expected.length_m, 0);
      expect(Math.abs(r.inside_m - expected.inside_m)).toBeLessThan(0.5);
      expect(Math.abs(r.boundary_m - expected.boundary_m)).toBeLessThan(0.5);
      expect(Math.abs(r.outside_m - expected.outside_m)).toBeLessThan(0.5);
      expect(r.inside_m + r.boundary_m + r.outside_m).toBeCloseTo(r.length_m, 6);
      expect(streetStatus(r)).toBe(expected.statut);
    });
  }

  it('returns zeros for an empty or degenerate line', () => {
    const area: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const r = measureLineRelation(
      {
        type: 'LineString',
        coordinates: [
          [0.5, 0.2],
          [0.5, 0.2],
        ],
      },
      area,
      { bandM: 5 },
    );
    expect(r).toEqual({ length_m: 0, inside_m: 0, boundary_m: 0, outside_m: 0 });
  });
});

describe('the seven Saint-Pierre streets against the 6-dp QN05980M (raw README §4.4)', () => {
  const qpv = JSON.parse(readFileSync(join(RAW, 'QN05980M_WGS84_6dp.geojson'), 'utf8')) as {
    features: { geometry: AreaGeometry }[];
  };
  const streets = JSON.parse(readFileSync(join(RAW, 'croix_saint_pierre_7_streets.geojson'), 'utf8')) as {
    features: { properties: { name: string }; geometry: { coordinates: Position[] } }[];
  };
  const measure = (name: string): LineRelation => {
    const lines = streets.features
      .filter((f) => f.properties.name === name)
      .map((f) => f.geometry.coordinates);
    return measureLineRelation({ type: 'MultiLineString', coordinates: lines }, qpv.features[0]!.geometry, {
      bandM: 5,
    });
  };

  it('Rue Paul Lafargue: 263 m, all inside', () => {
    const r = measure('Rue Paul Lafargue');
    expect(r.length_m).toBeGreaterThan(260);
    expect(r.length_m).toBeLessThan(266);
    expect(r.inside_m / r.length_m).toBeGreaterThan(0.95);
    expect(r.outside_m).toBe(0);
    expect(streetStatus(r)).toBe('dedans');
  });

  it('Rue Chevreul: 312 m, ≈ 48 % inside, the rest on the boundary', () => {
    const r = measure('Rue Chevreul');
    expect(Math.abs(r.length_m - 312)).toBeLessThan(3);
    expect(Math.abs(r.inside_m / r.length_m - 0.48)).toBeLessThan(0.05);
    expect(r.outside_m).toBeLessThan(1);
    expect(streetStatus(r)).toBe('limite');
  });

  it('Rue Blanche: 111 m, boundary street', () => {
    const r = measure('Rue Blanche');
    expect(Math.abs(r.length_m - 111)).toBeLessThan(3);
    expect(r.boundary_m / r.length_m).toBeGreaterThan(0.95);
    expect(streetStatus(r)).toBe('limite');
  });

  it('Rue Lavoisier: 183 m, ~50 m outside beyond the band', () => {
    const r = measure('Rue Lavoisier');
    expect(Math.abs(r.length_m - 183)).toBeLessThan(3);
    expect(Math.abs(r.outside_m - 50)).toBeLessThan(10);
    expect(streetStatus(r)).toBe('partiel');
  });

  it('Tonkin and Saint-Jacques are inside; Saint-Pierre has ~140 m within 1 m of the edge', () => {
    expect(streetStatus(measure('Rue du Tonkin'))).toBe('dedans');
    expect(streetStatus(measure('Rue Saint-Jacques'))).toBe('dedans');
    const sp = measure('Rue Saint-Pierre');
    expect(Math.abs(sp.length_m - 298)).toBeLessThan(3);
    expect(sp.outside_m).toBe(0);
    // Strictly inside with a zero-width band (README: 100 %), but the southern part hugs the edge.
    const strict = measureLineRelation(
      {
        type: 'MultiLineString',
        coordinates: streets.features
          .filter((f) => f.properties.name === 'Rue Saint-Pierre')
          .map((f) => f.geometry.coordinates),
      },
      qpv.features[0]!.geometry,
      { bandM: 0 },
    );
    expect(strict.inside_m / strict.length_m).toBeGreaterThan(0.99);
    expect(streetStatus(sp)).toBe('limite');
  });
});
