// Hostile or oversized actions files (issue 15, D9–D12): each answer is a French message or a bounded report,
// never a thrown error, a flooded report or a list of thousands. Expected values are counted by hand from the
// generated input (depth, number of features, vertices), not taken from the code under test.
import { describe, expect, it } from 'vitest';
import { actionBounds } from '../../src/domain/actions/bounds.ts';
import {
  draftsCapacityError,
  listedProblems,
  MAX_DRAFTS,
  MAX_IMPORT_FEATURES,
  MAX_LISTED_PROBLEMS,
  MAX_POSITIONS,
  parseActionsFile,
  scanJson,
  serializeActions,
} from '../../src/domain/actions/import-export.ts';
import type { Position } from '../../src/domain/data-types.ts';
import { makeAction } from './actions-helpers.ts';

const newId = (() => {
  let n = 0;
  return () => `genere-${++n}`;
})();
const parse = (text: string) => parseActionsFile(text, Buffer.byteLength(text), newId);
const collection = (features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;

/** A square-ish ring of `n` vertices (closed) around Croix, as a 150 000-vertex traced shape would be. */
function ring(n: number): Position[] {
  const points: Position[] = [];
  for (let i = 0; i < n - 1; i++) {
    const angle = (2 * Math.PI * i) / (n - 1);
    // 6 decimals (≈ 0.1 m), as a GIS export writes them: 150 000 vertices then weigh ≈ 3.5 Mo, under the 5 Mo cap.
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    points.push([round(3.155 + 0.004 * Math.cos(angle)), round(50.686 + 0.002 * Math.sin(angle))]);
  }
  points.push(points[0]!);
  return points;
}

describe('D9: coordinates nested 100 000 deep', () => {
  it('gives a French problem for that feature, no stack overflow, and keeps the good ones', () => {
    let nested = '[3.15,50.68]';
    for (let i = 0; i < 100_000; i++) nested = `[${nested}]`;
    const deep = `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${nested}}}`;
    const good = serializeActions([makeAction({ id: 'bon' })]);
    const goodFeature = JSON.stringify(JSON.parse(good).features[0]);
    const result = parse(collection([deep, goodFeature]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.features.map((f) => f.properties.id)).toEqual(['bon']);
    expect(result.problems).toEqual([
      {
        numero: 1,
        reason: 'structure imbriquée sur plus de 16 niveaux : ce n’est pas une action GeoJSON.',
      },
    ]);
  });

  it('also when the nesting is in the properties', () => {
    let nested = '1';
    for (let i = 0; i < 100_000; i++) nested = `{"a":${nested}}`;
    const feature = `{"type":"Feature","properties":{"objectif":${nested}},"geometry":{"type":"Point","coordinates":[3.15,50.68]}}`;
    const result = parse(collection([feature]));
    expect(result.ok && result.problems[0]?.reason).toMatch(/^structure imbriquée/);
  });

  it('scanJson walks without recursion: depth and positions counted by hand', () => {
    expect(scanJson([[1, 2], [3, 4], 'x'], 16)).toEqual({ tooDeep: false, positions: 2 });
    expect(scanJson({ a: { b: { c: [[[0, 0]]] } } }, 6)).toEqual({ tooDeep: false, positions: 1 });
    expect(scanJson({ a: { b: { c: [[[0, 0]]] } } }, 5).tooDeep).toBe(true);
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(scanJson(deep, 16).tooDeep).toBe(true);
  });
});

describe('D10: 100 000 invalid features', () => {
  it('refuses the file whole, with the count, before checking any feature', () => {
    const result = parse(collection(Array.from({ length: 100_000 }, () => '{}')));
    expect(result).toEqual({
      ok: false,
      error: `Le fichier contient 100\u202f000 entités : un import en accepte au plus ${MAX_IMPORT_FEATURES} (une structure a quelques dizaines d’actions). Découpez le fichier. Rien n’a été importé.`,
    });
  });

  it('a file at the limit gets a bounded report: 20 listed, the rest counted', () => {
    const result = parse(collection(Array.from({ length: MAX_IMPORT_FEATURES }, () => '{}')));
    if (!result.ok) throw new Error(result.error);
    expect(result.problems).toHaveLength(MAX_IMPORT_FEATURES);
    const { listed, others } = listedProblems(result.problems);
    expect(MAX_LISTED_PROBLEMS).toBe(20);
    expect(listed.map((p) => p.numero)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(others).toBe(MAX_IMPORT_FEATURES - 20);
  });

  it('never echoes a huge value: a 1 Mo objective is cut to 40 characters', () => {
    const huge = 'x'.repeat(1_000_000);
    const action = JSON.parse(serializeActions([makeAction({ id: 'a1' })])).features[0];
    action.properties.objectif = huge;
    action.properties.enjeux = [huge];
    const result = parse(collection([JSON.stringify(action)]));
    if (!result.ok) throw new Error(result.error);
    const reason = result.problems[0]!.reason;
    expect(reason).toContain(`Objectif inconnu : « ${'x'.repeat(40)}… »`);
    expect(reason).toContain(`Enjeu inconnu : « ${'x'.repeat(40)}… »`);
    expect(reason.length).toBeLessThan(600);
  });
});

describe('D11: 15 000 valid actions', () => {
  const many = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => makeAction({ id: `${prefix}-${i}` }));

  it('refuses the file whole (no 15 000-item list)', () => {
    const text = collection(many(15_000, 'a').map((action) => JSON.stringify(action)));
    expect(Buffer.byteLength(text)).toBeLessThan(5 * 1024 * 1024);
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(
      /^Le fichier contient 15\u202f000 entités : .* au plus 500/,
    );
  });

  it('refuses an import that would take the drafts past the limit; replacements do not count', () => {
    const drafts = many(MAX_DRAFTS - 10, 'd');
    expect(draftsCapacityError(drafts, many(10, 'n'))).toBeNull();
    expect(draftsCapacityError(drafts, [...many(10, 'n'), ...many(50, 'd')])).toBeNull();
    expect(draftsCapacityError(drafts, many(11, 'n'))).toBe(
      `Cet import ajouterait 11 actions à vos ${MAX_DRAFTS - 10} brouillons : ce navigateur en garde au plus ${MAX_DRAFTS}. Supprimez ou exportez des brouillons d’abord. Rien n’a été importé.`,
    );
  });
});

describe('D12: a 150 000-vertex polygon', () => {
  it('is reported with its vertex count instead of being imported', () => {
    const action = JSON.parse(serializeActions([makeAction({ id: 'grand' })])).features[0];
    action.geometry = { type: 'Polygon', coordinates: [ring(150_000)] };
    const result = parse(collection([JSON.stringify(action)]));
    if (!result.ok) throw new Error(result.error);
    expect(result.features).toEqual([]);
    expect(result.problems).toEqual([
      {
        numero: 1,
        reason: `géométrie : 150\u202f000 points, au-delà de 10\u202f000 : simplifiez-la avant de l’importer (par exemple avec « Simplifier » dans QGIS).`,
      },
    ]);
    expect(MAX_POSITIONS).toBe(10_000);
  });

  it('a polygon at the limit imports', () => {
    const action = JSON.parse(serializeActions([makeAction({ id: 'limite' })])).features[0];
    action.geometry = { type: 'Polygon', coordinates: [ring(MAX_POSITIONS)] };
    const result = parse(collection([JSON.stringify(action)]));
    expect(result.ok && result.features.map((f) => f.properties.id)).toEqual(['limite']);
  });

  it('« Voir sur la carte » frames any polygon, even 150 000 vertices, without throwing', () => {
    const coordinates = ring(150_000);
    // Independent expectation: the ring is an ellipse of half-axes 0.004° × 0.002° around (3.155, 50.686); its
    // extreme vertices, rounded to 6 decimals, are the axis ends (within 1e-6°).
    const [[west, south], [east, north]] = actionBounds({ type: 'Polygon', coordinates: [coordinates] });
    expect(east).toBeCloseTo(3.159, 6);
    expect(west).toBeCloseTo(3.151, 6);
    expect(north).toBeCloseTo(50.688, 6);
    expect(south).toBeCloseTo(50.684, 6);
    expect(actionBounds({ type: 'Point', coordinates: [3.1, 50.6] })).toEqual([
      [3.1, 50.6],
      [3.1, 50.6],
    ]);
  });
});
