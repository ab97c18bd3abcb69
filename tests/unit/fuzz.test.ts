// Property-based fuzzing (fast-check, seeded so that a failure replays) of two entry points that take anything a
// resident types or uploads (issue 15): the address normaliser and the actions importer. No input may throw,
// lose a feature from the report, or produce an unbounded output. Runs are kept small (≈ 1–3 s in all): the
// point is variety, not volume. No timing is asserted (performance belongs to `npm run bench`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listedProblems,
  MAX_IMPORT_FEATURES,
  MAX_LISTED_PROBLEMS,
  parseActionsFile,
} from '../../src/domain/actions/import-export.ts';
import { normalizeText, streetKey, tokenize, tokenizeQuery } from '../../src/domain/normalize.ts';

const SEED = 15;
/** Any string: full Unicode including lone surrogates, combining marks, ligatures, digits glued to letters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        '12',
        'bis',
        'r.',
        'Rue',
        'Œ',
        'ß',
        'é',
        'É',
        '-',
        "'",
        '’',
        ' ',
        '59170',
        'İ',
        'ﬁ',
        '\u0301',
        '\u00a0',
        '\t',
        '한',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
);

describe('fuzz: address normaliser (src/domain/normalize.ts)', () => {
  it('never throws; output is lower-case letters, digits and single spaces; bounded; idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = normalizeText(text);
        // Only letters and digits separated by single spaces, nothing at the ends.
        expect(out).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(out).toBe(out.toLowerCase());
        // Accents are gone (no combining mark survives).
        expect(/\p{M}/u.test(out)).toBe(false);
        // Bounded: NFD may split a character in up to 4 code units, a space may be inserted around digits.
        expect(out.length).toBeLessThanOrEqual(8 * text.length);
        // Normalising twice changes nothing (the geocoder normalises both the query and the index).
        expect(normalizeText(out)).toBe(out);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('tokenisers never throw and agree with the normalised text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenizeQuery(text);
        const normalized = normalizeText(text);
        expect(tokens.map((t) => t.raw).join(' ')).toBe(normalized);
        for (const word of tokenize(text)) expect(word).not.toBe('');
        expect(typeof streetKey(text)).toBe('string');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

const parse = (text: string) => parseActionsFile(text, Buffer.byteLength(text), () => 'genere');
/** Every refusal is one French sentence ending with « Rien n’a été importé. ». */
const FRENCH_REFUSAL = /^Le fichier .*Rien n’a été importé\.$/s;

/** Nested lists (or objects) `depth` levels deep, built with a loop. */
function nested(depth: number, inObjects: boolean): unknown {
  let value: unknown = [3.15, 50.68];
  for (let i = 0; i < depth; i++) value = inObjects ? { a: value } : [value];
  return value;
}

const position = fc.oneof(
  fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })),
  fc.constant([3.1549, 50.6872]),
  fc.jsonValue({ maxDepth: 2 }),
);
const geometry = fc.oneof(
  fc.record({ type: fc.constant('Point'), coordinates: position }),
  fc.record({ type: fc.constant('LineString'), coordinates: fc.array(position, { maxLength: 5 }) }),
  fc.record({
    type: fc.constant('Polygon'),
    coordinates: fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 2 }),
  }),
  fc.record({ type: fc.string({ maxLength: 12 }), coordinates: fc.jsonValue({ maxDepth: 3 }) }),
  fc.integer({ min: 1, max: 40 }).map((depth) => ({ type: 'Polygon', coordinates: nested(depth, false) })),
  fc.jsonValue({ maxDepth: 3 }),
);
const properties = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
      titre: fc.oneof(fc.string({ maxLength: 160 }), fc.jsonValue({ maxDepth: 2 })),
      description: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(null)),
      objectif: fc.oneof(
        fc.constantFrom('verdissement', 'habitat', 'associations'),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      enjeux: fc.oneof(fc.constant(['enjeu-1']), fc.jsonValue({ maxDepth: 3 })),
      porteur: fc.string({ maxLength: 20 }),
      type_porteur: fc.constantFrom('ville', 'mel', 'Association', 'inconnu'),
      statut: fc.constantFrom('projet', 'En cours', 'réalisé', 'fini'),
      debut: fc.oneof(fc.constantFrom('2025', 2026, '2026-02-30', '2031'), fc.jsonValue({ maxDepth: 2 })),
      fin: fc.oneof(fc.constantFrom('2027', 2030, '2024'), fc.jsonValue({ maxDepth: 2 })),
      budget: fc.oneof(fc.constantFrom('12 000,50 €', -3, 'beaucoup'), fc.double()),
      lien: fc.oneof(
        fc.constantFrom('https://example.org', 'javascript:alert(1)'),
        fc.string({ maxLength: 20 }),
      ),
      exemple: fc.jsonValue({ maxDepth: 1 }),
      profond: fc.integer({ min: 0, max: 40 }).map((depth) => nested(depth, true)),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const feature = fc.oneof(
  fc.record({ type: fc.constant('Feature'), geometry, properties }, { requiredKeys: ['type'] }),
  fc.jsonValue({ maxDepth: 4 }),
);

describe('fuzz: actions importer (src/domain/actions/import-export.ts)', () => {
  it('any text: a French refusal or a report, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 6 })), (text) => {
        const result = parse(text);
        if (!result.ok) expect(result.error).toMatch(FRENCH_REFUSAL);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('GeoJSON-ish collections: every feature is either imported or reported, once, in order', () => {
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 30 }), (features) => {
        const result = parse(JSON.stringify({ type: 'FeatureCollection', features }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // No feature is lost: imported + reported = the features of the file, and each problem is numbered.
        expect(result.features.length + result.problems.length).toBe(features.length);
        const numbers = result.problems.map((p) => p.numero);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const problem of result.problems) {
          expect(problem.numero).toBeGreaterThanOrEqual(1);
          expect(problem.numero).toBeLessThanOrEqual(features.length);
          // Bounded: echoed values are cut, so one reason stays a readable sentence.
          expect(problem.reason.length).toBeLessThan(1_200);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('deep nesting anywhere (up to 100 000 levels): a French problem, never a stack overflow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 17, max: 100_000 }),
        fc.constantFrom('coordinates', 'properties', 'feature'),
        (depth, where) => {
          const deep = nested(depth, where === 'properties');
          const raw =
            where === 'coordinates'
              ? { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: deep } }
              : where === 'properties'
                ? {
                    type: 'Feature',
                    properties: { titre: deep },
                    geometry: { type: 'Point', coordinates: [3, 50] },
                  }
                : deep;
          // JSON.stringify recurses too: build the text by hand for the deepest cases.
          const text = `{"type":"FeatureCollection","features":[${stringifyDeep(raw)}]}`;
          const result = parse(text);
          expect(result.ok && result.problems).toEqual([
            {
              numero: 1,
              reason: 'structure imbriquée sur plus de 16 niveaux : ce n’est pas une action GeoJSON.',
            },
          ]);
        },
      ),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('huge feature arrays: refused whole past the limit, a bounded report below it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * MAX_IMPORT_FEATURES }),
        fc.jsonValue({ maxDepth: 2 }),
        (n, item) => {
          const text = `{"type":"FeatureCollection","features":[${Array(n)
            .fill(JSON.stringify(item) ?? 'null')
            .join(',')}]}`;
          const result = parse(text);
          if (n > MAX_IMPORT_FEATURES) {
            expect(result.ok ? '' : result.error).toMatch(
              /^Le fichier contient .* entités : un import en accepte au plus 500/,
            );
            return;
          }
          if (!result.ok) throw new Error(result.error);
          expect(result.features.length + result.problems.length).toBe(n);
          const { listed, others } = listedProblems(result.problems);
          expect(listed.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS);
          expect(listed.length + others).toBe(result.problems.length);
        },
      ),
      { seed: SEED, numRuns: 30 },
    );
  });
});

/** JSON text of a value nested arbitrarily deep, without recursion (JSON.stringify would overflow). */
function stringifyDeep(value: unknown): string {
  let prefix = '';
  let suffix = '';
  let node = value;
  for (;;) {
    if (Array.isArray(node) && node.length === 1 && typeof node[0] === 'object' && node[0] !== null) {
      prefix += '[';
      suffix = `]${suffix}`;
      node = node[0];
      continue;
    }
    if (
      typeof node === 'object' &&
      node !== null &&
      !Array.isArray(node) &&
      Object.keys(node).length === 1 &&
      'a' in node
    ) {
      prefix += '{"a":';
      suffix = `}${suffix}`;
      node = (node as { a: unknown }).a;
      continue;
    }
    break;
  }
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    // A feature wrapper: its members are shallow except the one deep member, handled by recursion on that one only.
    const entries = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${stringifyDeep(v)}`);
    return `${prefix}{${entries.join(',')}}${suffix}`;
  }
  return `${prefix}${JSON.stringify(node)}${suffix}`;
}
