// Import and export of actions files: bad files refused whole, bad features reported one by one, good kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  MAX_IMPORT_BYTES,
  mergeActions,
  parseActionsFile,
  serializeActions,
  translateTrace,
} from '../../src/domain/actions/import-export.ts';
import { makeAction } from './actions-helpers.ts';

const DIR = 'tests/fixtures/actions';
let counter = 0;
const newId = () => `nouveau-${++counter}`;
function parseFixture(name: string) {
  const text = readFileSync(`${DIR}/${name}`, 'utf8');
  return parseActionsFile(text, Buffer.byteLength(text), newId);
}
function problemsOf(name: string) {
  const result = parseFixture(name);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseActionsFile — whole-file errors', () => {
  it('refuses a file that is not JSON', () => {
    expect(parseFixture('not-json.geojson')).toEqual({
      ok: false,
      error: 'Le fichier n’est pas un GeoJSON lisible (JSON invalide). Rien n’a été importé.',
    });
  });

  it('refuses a single Feature (not a FeatureCollection)', () => {
    const result = parseFixture('not-collection.geojson');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain('FeatureCollection');
  });

  it('refuses an oversized file before parsing it', () => {
    const result = parseActionsFile('{}', MAX_IMPORT_BYTES + 1, newId);
    expect(result).toEqual({
      ok: false,
      error: 'Le fichier dépasse 5 Mo : ce n’est pas un fichier d’actions. Rien n’a été importé.',
    });
  });
});

describe('parseActionsFile — per-feature problems', () => {
  it('keeps a valid action as is', () => {
    const result = problemsOf('valid.geojson');
    expect(result.problems).toEqual([]);
    expect(result.features.map((f) => f.properties.id)).toEqual(['fixture-1']);
  });

  it.each([
    ['wrong-geometry.geojson', 'géométrie : Type de géométrie non pris en charge : MultiPoint'],
    ['bad-objective.geojson', 'objectif : Objectif inconnu : « embellissement ».'],
    ['fin-before-debut.geojson', 'fin : La fin ne peut pas précéder le début.'],
    ['javascript-url.geojson', 'lien : Le lien doit être une adresse web complète'],
  ])('%s is reported as action n° 1', (name, reason) => {
    const result = problemsOf(name);
    expect(result.features).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.numero).toBe(1);
    expect(result.problems[0]!.reason).toContain(reason);
  });

  it('keeps the good features of a mixed file and numbers the bad ones', () => {
    const result = problemsOf('mixed.geojson');
    expect(result.features.map((f) => f.properties.id)).toEqual(['fixture-1', 'ligne']);
    expect(result.problems.map((p) => p.numero)).toEqual([2, 3, 4]);
    expect(result.problems[1]!.reason).toBe(
      'GeoJSON invalide : une position n’est pas une liste de nombres.',
    );
  });

  it('gives an id to a feature without one and reports duplicate ids', () => {
    const feature = JSON.parse(readFileSync(`${DIR}/valid.geojson`, 'utf8')).features[0];
    const withoutId = { ...feature, properties: { ...feature.properties, id: undefined } };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [withoutId, feature, feature] });
    const result = parseActionsFile(text, text.length, () => 'genere');
    if (!result.ok) throw new Error(result.error);
    expect(result.features.map((f) => f.properties.id)).toEqual(['genere', 'fixture-1']);
    expect(result.problems).toEqual([
      { numero: 3, reason: 'identifiant en double « fixture-1 » dans le fichier.' },
    ]);
  });
});

describe('translateTrace', () => {
  it.each([
    ['must be a JSON Object', 'ce n’est pas un objet JSON'],
    ['must have a member with the name "geometry"', 'le membre « geometry » manque'],
    ['type must be "Feature"', 'le type doit être « Feature »'],
    ['The first and last positions must be equivalent', 'le contour n’est pas fermé'],
    ['something new', 'structure non conforme à la norme GeoJSON'],
  ])('%s', (message, expected) => expect(translateTrace(message)).toBe(expected));

  it('reports non-object features in French', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [null, { type: 'Feature' }] });
    const result = parseActionsFile(text, text.length, newId);
    expect(result.ok ? result.problems : []).toEqual([
      { numero: 1, reason: 'GeoJSON invalide : ce n’est pas un objet JSON.' },
      { numero: 2, reason: 'GeoJSON invalide : le membre « properties » manque.' },
    ]);
  });
});

describe('export', () => {
  it('export then import gives the same features', () => {
    const actions = [
      makeAction({ id: 'x1', budget: 1200, lien: 'https://example.org', contact: 'a@b.fr' }),
      makeAction(
        { id: 'x2', exemple: true },
        {
          type: 'LineString',
          coordinates: [
            [3.15, 50.68],
            [3.16, 50.69],
          ],
        },
      ),
    ];
    const text = serializeActions(actions);
    expect(text.endsWith('}\n')).toBe(true);
    const result = parseActionsFile(text, text.length, newId);
    expect(result).toEqual({ ok: true, features: actions, problems: [] });
  });

  it('merges by id: same id replaced, new appended', () => {
    const drafts = [makeAction({ id: 'a', titre: 'A' }), makeAction({ id: 'b', titre: 'B' })];
    const merged = mergeActions(drafts, [makeAction({ id: 'b', titre: 'B2' }), makeAction({ id: 'c' })]);
    expect(merged.map((a) => `${a.properties.id}:${a.properties.titre}`)).toEqual([
      'a:A',
      'b:B2',
      'c:Action',
    ]);
    expect(drafts).toHaveLength(2);
  });

  it('names files by kind and date', () => {
    expect(exportFileName('proposition', '2026-11-25')).toBe('actions-croix-proposition-2026-11-25.geojson');
  });
});
