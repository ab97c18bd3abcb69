// The published register data/actions.geojson: valid, and its illustrative actions clearly fictitious and
// placed on real streets of Saint-Pierre (vertices of roads.geojson / saint-pierre-streets.geojson), zones
// inside the Croix part of QN05980M.
import { readFileSync } from 'node:fs';
import { booleanWithin, buffer } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { checkActionsRegister, parseActionsRegister } from '../../src/domain/actions/schema.ts';
import { croixPartOfQpv } from '../../src/domain/actions/stats.ts';
import { checkObjectivesFile } from '../../src/domain/objectives.ts';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const register = read('data/actions.geojson');
const actions = parseActionsRegister(register);

describe('data/actions.geojson', () => {
  it('passes checkActionsRegister (the data:check guard)', () => {
    expect(checkActionsRegister(register)).toEqual({ ok: true });
    expect(actions.length).toBe(register.features.length);
  });

  it('uses the ids of data/objectives.json', () => {
    const objectives = read('data/objectives.json');
    expect(checkObjectivesFile(objectives)).toEqual({ ok: true });
    const known = new Set(objectives.objectifs.map((o: { id: string }) => o.id));
    for (const action of actions) expect(known.has(action.properties.objectif)).toBe(true);
  });

  it('presents every example as fictitious', () => {
    const examples = actions.filter((action) => action.properties.exemple);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const { properties } of examples) {
      expect(properties.titre).toMatch(/^Exemple — /);
      expect(properties.description).toMatch(/^Action fictive, à titre d[’']illustration/);
      expect(properties.porteur).toBe('Exemple');
      expect(properties.lien).toBeUndefined();
      expect(properties.contact).toBeUndefined();
    }
  });

  it('places examples on real street vertices', () => {
    const vertices = new Set<string>();
    for (const road of read('data/roads.geojson').features) {
      for (const position of road.geometry.coordinates) vertices.add(position.join(','));
    }
    for (const street of read('data/saint-pierre-streets.geojson').features) {
      for (const line of street.geometry.coordinates)
        for (const position of line) vertices.add(position.join(','));
    }
    for (const action of actions.filter((a) => a.properties.exemple)) {
      const g = action.geometry;
      const positions =
        g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
      for (const position of positions)
        expect(vertices.has(position.join(',')), `${action.properties.id} ${position}`).toBe(true);
    }
  });

  it('draws example zones inside the Croix part of QN05980M', () => {
    const quartier = read('data/qpv-2024.geojson').features.find(
      (f: { properties: { code: string } }) => f.properties.code === 'QN05980M',
    );
    const croix = read('data/communes.geojson').features.find(
      (f: { properties: { insee: string } }) => f.properties.insee === '59163',
    );
    const part = croixPartOfQpv(quartier.geometry, croix.geometry)!;
    const zones = actions.filter((a) => a.geometry.type === 'Polygon');
    expect(zones.length).toBeGreaterThanOrEqual(2);
    // Zone vertices lie on road centre-lines (boulevard de la Limite among them), while the cadastre commune line
    // follows the edge of that boulevard: a strip of half its width (≈ 6 m, 184 m² of
    // exemple-jardin-saint-nicolas-chevreul) crosses it. Tolerance: 8 m, far less than a block.
    const widened = buffer(part, 8, { units: 'meters' })!;
    for (const zone of zones) expect(booleanWithin(zone, widened), zone.properties.id).toBe(true);
  });
});
