// The batch fast paths (exact street lookup, per-street verdict cache, precomputed tokens) must not change any
// answer: a few thousand generated queries (real street names, numbers, abbreviations, accents, typos, communes,
// postcodes, structured fields, prefixes) are compared with a fixture recorded before the optimisation.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckContext, checkAddress, createCheckContext } from '../../src/domain/check-address.ts';
import { type EquivalenceQuery, generateQueries, plainCheck } from './fast-path-queries.ts';

const FIXTURE = 'tests/fixtures/geocoder-fast-path/expected.json';
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** JSON with sorted keys (undefined dropped), so that building an object in another order changes nothing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const digest = (value: unknown) => createHash('sha1').update(canonical(value)).digest('hex').slice(0, 16);

function answer(ctx: CheckContext, query: EquivalenceQuery): unknown {
  if (query.kind === 'suggest')
    return ctx.geocoder.suggest(query.q, 8).map((m) => ({ ...m, street: m.street.id }));
  return plainCheck(checkAddress(ctx, query.q));
}

const queries = generateQueries(320);
let ctx: CheckContext;

beforeAll(() => {
  ctx = createCheckContext({
    qpv: read('data/qpv-2024.geojson'),
    roads: read('data/roads.geojson'),
    communes: read('data/communes.geojson'),
    addresses: null,
  });
  if (process.env.UPDATE_FAST_PATH_FIXTURE === '1' || !existsSync(FIXTURE)) {
    const expected = queries.map((query) => ({ query, digest: digest(answer(ctx, query)) }));
    writeFileSync(FIXTURE, `${JSON.stringify(expected, null, 0).replaceAll('},{"query"', '},\n{"query"')}\n`);
  }
});

describe('fast paths give the recorded answers', () => {
  it('covers a few thousand varied queries', () => {
    expect(queries.length).toBeGreaterThan(2_500);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['text', 'structured', 'suggest']));
  });

  it('answers every query exactly as before the optimisation', () => {
    const expected = read(FIXTURE) as { query: EquivalenceQuery; digest: string }[];
    expect(expected.map((e) => e.query)).toEqual(JSON.parse(JSON.stringify(queries)));
    const differing = queries.filter((query, i) => digest(answer(ctx, query)) !== expected[i]!.digest);
    expect(differing.slice(0, 5)).toEqual([]);
  });
});
