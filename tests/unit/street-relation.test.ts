// src/domain/street-relation.ts, the one street-relation function: synthetic fixtures (exact metres), then the seven
// Saint-Pierre streets of Croix against the raw README §4.4 table (centre-lines measured in Lambert-93 against the
// 6-decimal QN05980M by the data's curator: an independent computation), then the consistency the issue asked for:
// the search's street answer, the street list and data/saint-pierre-streets.geojson give the same figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streetListStatus } from '../../scripts/lib/streets';
import type {
  MultiPolygonGeometry,
  PolygonGeometry,
  Position,
  QpvCollection,
  StreetCollection,
} from '../../src/domain/data-types';
import { STREET_STEP_M, streetRelation } from '../../src/domain/street-relation';
import { createQpvIndex } from '../../src/domain/verdict';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'street-relation');
const DATA = join(import.meta.dirname, '..', '..', 'data');

interface FixtureFeature {
  properties: { role: 'area' | 'line'; bandM?: number };
  geometry:
    | PolygonGeometry
    | MultiPolygonGeometry
    | { type: 'LineString'; coordinates: Position[] }
    | { type: 'MultiLineString'; coordinates: Position[][] };
}

describe('streetRelation (fixtures)', () => {
  for (const file of readdirSync(join(FIX, 'in')).sort()) {
    const name = file.replace('.geojson', '');
    it(name, () => {
      const fc = JSON.parse(readFileSync(join(FIX, 'in', file), 'utf8')) as { features: FixtureFeature[] };
      const area = fc.features.find((f) => f.properties.role === 'area')!;
      const line = fc.features.find((f) => f.properties.role === 'line')!;
      const expected = JSON.parse(readFileSync(join(FIX, 'out', `${name}.json`), 'utf8')) as {
        length_m: number;
        inside_m: number;
        boundary_m: number;
        outside_m: number;
        status: string;
        statut?: string;
      };
      const polygons =
        area.geometry.type === 'Polygon'
          ? [area.geometry.coordinates]
          : (area.geometry as MultiPolygonGeometry).coordinates;
      const qpv: QpvCollection = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'MultiPolygon', coordinates: polygons },
            properties: {
              code: 'QNTEST',
              nom: 'Test',
              insee: [],
              communes: [],
              precision_m: 0,
              source: 'test',
            },
          },
        ],
      };
      const lines =
        line.geometry.type === 'LineString'
          ? [line.geometry.coordinates as Position[]]
          : (line.geometry.coordinates as Position[][]);
      const r = streetRelation(createQpvIndex(qpv), lines, { setback_m: line.properties.bandM ?? 5 });
      // Sampling: ± half a step per change of class (at most 4 here), plus the projection (0.5 %).
      const tolerance = 4 * (STREET_STEP_M / 2) * 1.01 + 0.005 * expected.length_m;
      expect(Math.abs(r.length_m - expected.length_m)).toBeLessThan(0.005 * expected.length_m + 0.01);
      expect(Math.abs(r.inside_m - expected.inside_m)).toBeLessThan(tolerance);
      expect(Math.abs(r.boundary_m - expected.boundary_m)).toBeLessThan(tolerance);
      expect(Math.abs(r.outside_m - expected.outside_m)).toBeLessThan(tolerance);
      expect(r.inside_m + r.boundary_m + r.outside_m).toBeCloseTo(r.length_m, 6);
      expect(r.band_m).toBe(line.properties.bandM ?? 5);
      expect(r.status).toBe(expected.status);
      if (expected.statut) expect(streetListStatus(r, file, name)).toBe(expected.statut);
      else expect(() => streetListStatus(r, file, name)).toThrow(/hors de tout QPV/);
    });
  }

  it('returns zeros for a degenerate line', () => {
    const qpv = JSON.parse(readFileSync(join(DATA, 'qpv-2024.geojson'), 'utf8')) as QpvCollection;
    const r = streetRelation(createQpvIndex(qpv), [[[3.1, 50.6]], []]);
    expect(r.length_m).toBe(0);
    expect(r.inside_m + r.boundary_m + r.outside_m + r.geometric_inside_m).toBe(0);
  });
});

describe('the seven Saint-Pierre streets (raw README §4.4, Lambert-93, 6-decimal QN05980M)', () => {
  const qpv = JSON.parse(readFileSync(join(DATA, 'qpv-2024.geojson'), 'utf8')) as QpvCollection;
  const index = createQpvIndex(qpv);
  const streets = JSON.parse(
    readFileSync(join(DATA, 'saint-pierre-streets.geojson'), 'utf8'),
  ) as StreetCollection;
  // street → [length m, % strictly inside, % inside or within 5 m of the edge], copied from the README table.
  const README: Record<string, [number, number, number]> = {
    'Rue Paul Lafargue': [263, 100, 100],
    'Rue Saint-Pierre': [298, 100, 100],
    'Rue du Tonkin': [159, 99.8, 100],
    'Rue Saint-Jacques': [150, 99.7, 100],
    'Rue Chevreul': [312, 47.8, 100],
    'Rue Blanche': [111, 0.4, 100],
    'Rue Lavoisier': [183, 19, 75],
  };
  for (const [nom, [length, strict, within5]] of Object.entries(README)) {
    it(`${nom}: ${length} m, ${strict} % strictly inside, ${within5} % within 5 m`, () => {
      const street = streets.features.find((f) => f.properties.nom === nom)!;
      const lines = street.geometry.coordinates;
      const r = streetRelation(index, lines);
      // Lengths: the README rounds to 1 m; Lambert-93 vs our local frame differ by < 0.3 %.
      expect(Math.abs(r.length_m - length)).toBeLessThan(0.5 + 0.003 * length);
      // Shares: README to 0.1 %, our sampling ± 1 m per change of class (≤ 2 here).
      const slack = 2 * (STREET_STEP_M / 2) + 0.002 * length;
      expect(Math.abs(r.geometric_inside_m - (strict / 100) * r.length_m)).toBeLessThan(slack);
      // « within 5 m »: the same function with a band of 5 m (precision 0.1 m + set-back 4.9 m).
      const five = streetRelation(index, lines, { setback_m: 4.9 });
      expect(five.band_m).toBeCloseTo(5, 6);
      expect(Math.abs(five.length_m - five.outside_m - (within5 / 100) * five.length_m)).toBeLessThan(
        slack + 0.005 * length,
      );
      // The committed list file holds the answer-band figures of this very function.
      expect(street.properties.longueur_m).toBeCloseTo(r.length_m, 1);
      expect(street.properties.dedans_m).toBeCloseTo(r.inside_m, 1);
      expect(street.properties.limite_m).toBeCloseTo(r.boundary_m, 1);
      expect(street.properties.dehors_m).toBeCloseTo(r.outside_m, 1);
      expect(street.properties.marge_m).toBeCloseTo(r.band_m, 1);
    });
  }

  it('rue du Tonkin: « dans » for the search and the list; its end meets the boundary street', () => {
    const tonkin = streets.features.find((f) => f.properties.nom === 'Rue du Tonkin')!;
    const r = streetRelation(index, tonkin.geometry.coordinates);
    expect(r.status).toBe('dans');
    expect(r.qpv?.code).toBe('QN05980M');
    expect(tonkin.properties.statut).toBe('dedans');
    // The README: 99.8 % strictly inside, 100 % within 5 m: the end is at the edge.
    expect(r.nearest?.code).toBe('QN05980M');
    expect(r.nearest_m!).toBeLessThan(5);
    expect(r.boundary_m).toBeGreaterThan(0);
  });
});
