// The batch fast paths (exact street lookup, per-street verdict cache, precomputed tokens) must not change any
// answer: a few thousand generated queries (real street names, numbers, abbreviations, accents, typos, communes,
// postcodes, structured fields, prefixes) are compared with a reviewed fixture, one readable line per query
// (status, QPV code, precision, label, distance; the suggestions' labels). The fixture is never written by this
// test: a missing file fails; `REGEN=1` rewrites it, and the diff is reviewed like code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAddress } from '../../src/domain/check-address.ts';
import {
  type CheckContext,
  type CheckContextInput,
  createCheckContext,
} from '../../src/domain/check-context.ts';
import type { AddressTable } from '../../src/domain/data-types.ts';
import type { GeocodeMatch, StructuredAddress } from '../../src/domain/geocoder.ts';
import { type EquivalenceQuery, generateQueries, plainCheck } from './fast-path-queries.ts';

const FIXTURE = 'tests/fixtures/geocoder-fast-path/expected.json';
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** What a reviewer checks for a query: the answer as the resident reads it. */
type ReadableAnswer =
  | { suggestions: string[] }
  | {
      status: string;
      qpv: string | null;
      precision: string | null;
      label: string;
      distance_m: number | null;
    };

function readable(ctx: CheckContext, query: EquivalenceQuery): ReadableAnswer {
  if (query.kind === 'suggest') return { suggestions: ctx.geocoder.suggest(query.q, 8).map((m) => m.label) };
  const check = checkAddress(ctx, query.q);
  return {
    status: check.status,
    qpv: check.qpv?.code ?? null,
    precision: check.precision,
    label: check.label,
    distance_m: check.distance_m === undefined ? null : Math.round(check.distance_m * 10) / 10,
  };
}

/** The check as plain data (streets by id), for the fast-vs-general comparisons below. */
function answer(ctx: CheckContext, query: EquivalenceQuery): unknown {
  if (query.kind === 'suggest')
    return ctx.geocoder.suggest(query.q, 8).map((m) => ({ ...m, street: m.street.id }));
  return plainCheck(checkAddress(ctx, query.q));
}

/** Geocoder result as plain data (streets by id). */
function plainGeocode(ctx: CheckContext, query: string | StructuredAddress): unknown {
  const result = ctx.geocoder.geocode(query);
  const plain = (m: GeocodeMatch) => ({ ...m, street: m.street.id });
  return result.status === 'trouve'
    ? { ...result, match: plain(result.match), alternatives: result.alternatives.map(plain) }
    : { ...result, candidates: result.candidates.map(plain) };
}

/** Everything the fast path could change: the geocoder's answer (scores, alternatives) and the verdict. */
function fullAnswer(ctx: CheckContext, query: EquivalenceQuery): unknown {
  if (query.kind === 'suggest') return answer(ctx, query);
  return { geocode: plainGeocode(ctx, query.q), check: answer(ctx, query) };
}

const queries = generateQueries(320);
let data: CheckContextInput;
let ctx: CheckContext;

beforeAll(() => {
  data = {
    qpv: read('data/qpv-2024.geojson'),
    roads: read('data/roads.geojson'),
    communes: read('data/communes.geojson'),
    addresses: null,
  };
  ctx = createCheckContext(data);
  if (process.env.REGEN === '1') {
    const lines = queries.map((query) => JSON.stringify({ query, ...readable(ctx, query) }));
    writeFileSync(FIXTURE, `[\n${lines.join(',\n')}\n]\n`);
  }
});

describe('fast paths give the recorded answers', () => {
  it('covers a few thousand varied queries', () => {
    expect(queries.length).toBeGreaterThan(2_500);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['text', 'structured', 'suggest']));
  });

  it('answers every query as recorded in the reviewed fixture', () => {
    expect(existsSync(FIXTURE), `${FIXTURE} manquant : REGEN=1 le réécrit (à relire dans le diff)`).toBe(
      true,
    );
    const expected = read(FIXTURE) as ({ query: EquivalenceQuery } & ReadableAnswer)[];
    expect(expected.map((e) => e.query)).toEqual(JSON.parse(JSON.stringify(queries)));
    const differing = queries
      .map((query, i) => {
        const { query: _query, ...recorded } = expected[i]!;
        return { query, recorded, actual: readable(ctx, query) };
      })
      .filter(({ recorded, actual }) => JSON.stringify(recorded) !== JSON.stringify(actual));
    expect(differing.slice(0, 5)).toEqual([]);
  });
});

/** The same query with its house number(s) replaced: the fast path then reuses the street-level work. */
function renumbered(query: EquivalenceQuery, numero: number): EquivalenceQuery {
  const swap = (text: string) => text.replace(/\b\d{1,4}\b/, String(numero));
  if (query.kind === 'structured') {
    const n = query.q.numero;
    return { kind: 'structured', q: { ...query.q, numero: typeof n === 'number' ? numero : swap(n ?? '') } };
  }
  return { kind: query.kind, q: swap(query.q) };
}

// Numbers that are also street words of the area (« Rue du 8 Mai 1945 », « Boulevard Albert 1er », « M 6 »…),
// one a typo away from a word (1944), and plain ones.
const NUMBERS = [7, 8, 1, 6, 21, 1944, 1945, 1918, 112, 3];

describe('fast path and general path give the same answers', () => {
  it('on every generated query and its renumbered copies', () => {
    const general = createCheckContext({ ...data, fastPath: false });
    const fast = createCheckContext(data);
    let compared = 0;
    for (const query of queries) {
      for (const variant of [query, ...NUMBERS.map((n) => renumbered(query, n))]) {
        expect(fullAnswer(fast, variant), JSON.stringify(variant)).toEqual(fullAnswer(general, variant));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(25_000);
  }, 180_000); // ≈ 25 s on a quiet 2-core machine: thousands of queries through both paths

  it('with BAN address points (known numbers, suffixes, numbers absent from the BAN)', () => {
    const streets = createCheckContext(data).geocoder.streets.filter((_, i) => i % 23 === 0);
    const rows: AddressTable['rows'] = [];
    for (const street of streets) {
      const [lon, lat] = street.center;
      for (let n = 1; n <= 12; n += 1) {
        rows.push([
          n,
          null,
          street.nom,
          street.codes_postaux[0] ?? '',
          street.insee,
          lon + n * 1e-5,
          lat,
          'entrée',
        ]);
        if (n % 4 === 0)
          rows.push([
            n,
            'bis',
            street.nom,
            street.codes_postaux[0] ?? '',
            street.insee,
            lon,
            lat + n * 1e-5,
            'entrée',
          ]);
      }
    }
    const addresses: AddressTable = {
      columns: ['numero', 'rep', 'nom_voie', 'code_postal', 'code_insee', 'lon', 'lat', 'type_position'],
      rows,
    };
    const general = createCheckContext({ ...data, addresses, fastPath: false });
    const fast = createCheckContext({ ...data, addresses });
    let precise = 0;
    for (const street of streets) {
      for (const numero of ['4', '4 bis', '4 b', '4 ter', '5', '13', '8 bis', '1']) {
        for (const text of [`${numero} ${street.nom} ${street.commune}`, `${street.nom} ${numero}`]) {
          const expected = checkAddress(general, text);
          expect(plainGeocode(fast, text), text).toEqual(plainGeocode(general, text));
          expect(checkAddress(fast, text), text).toEqual(expected);
          if (expected.precision === 'adresse') precise += 1;
        }
      }
    }
    expect(precise).toBeGreaterThan(streets.length);
  });

  it('does not reuse a street when a number is itself a street word (« Square du 11 Novembre »)', () => {
    const general = createCheckContext({ ...data, fastPath: false });
    const fast = createCheckContext(data);
    const sequence = [
      'Square du 11 Novembre Neuville-en-Ferrain',
      'Square du 7 Novembre Neuville-en-Ferrain',
      'Square du 9 Novembre Neuville-en-Ferrain',
      'Square du 11 Novembre Neuville-en-Ferrain',
      'M 7',
      'M 6',
      'M 6',
      'A 23',
      'A 22',
    ];
    for (const text of sequence) {
      expect(plainGeocode(fast, text), text).toEqual(plainGeocode(general, text));
      expect(checkAddress(fast, text), text).toEqual(checkAddress(general, text));
    }
    // The 11 is part of the square's name, not a house number; there is no « Square du 7 Novembre ».
    expect(checkAddress(fast, 'Square du 11 Novembre Neuville-en-Ferrain').label).toBe(
      'Square du 11 Novembre, 59960 Neuville-en-Ferrain',
    );
    expect(checkAddress(fast, 'Square du 7 Novembre Neuville-en-Ferrain').status).toBe('introuvable');
  });

  it('keeps approximate readings uncertain on the fast path (never « dans » / « hors »)', () => {
    const fast = createCheckContext(data);
    // First query records the street's template, the next ones reuse it.
    for (const n of [3, 5, 7, 9]) {
      const r = checkAddress(fast, `${n} rue paul lafarge croix`);
      expect(r.status).toBe('limite');
      expect(r.motif).toMatch(/approximativement/);
    }
    for (const n of [3, 5, 7]) expect(checkAddress(fast, `${n} rue paul lafargue croix`).status).toBe('dans');
  });
});

describe('words that are names of Object.prototype members', () => {
  it('are plain words, not abbreviations or suffixes (no crash, no « function Object() » in a label)', () => {
    for (const text of ['rue constructor croix', '12 constructor rue blanche croix', 'r. valueOf 12']) {
      const r = checkAddress(ctx, text);
      expect(r.label).not.toMatch(/function|native code/);
      expect(r.motif.length).toBeGreaterThan(20);
    }
  });
});
