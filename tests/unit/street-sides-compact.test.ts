// The side of the street from the compact artifacts (issue 10): the browser's context — data/streets.json,
// data/street-sides.json and only the covered area's QPV shards, never the road or QPV GeoJSON — asks the same side
// questions and answers pins the same way as the context built from every road centre-line and every QPV outline
// (the Node path, the truth here: it reads data/roads.geojson, which the compact file is not derived from at run
// time). Every street whose axis comes near a boundary is compared, and seeded pins around QN05980M's outline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AddressCheck, checkAddress } from '../../src/domain/check-address.ts';
import { type CheckContext, createCheckContext } from '../../src/domain/check-context.ts';
import type { QpvCollection } from '../../src/domain/data-types.ts';
import { type QpvShardFile, qpvCollection, shardFeatures } from '../../src/domain/qpv-shards.ts';
import { answerForSide, checkPlacedPoint, sideQuestion } from '../../src/domain/side-answer.ts';
import type { StreetIndexFile } from '../../src/domain/street-index-file.ts';
import {
  checkStreetLinesFile,
  decodeStreetLines,
  type StreetLinesFile,
} from '../../src/domain/street-lines-file.ts';

const REPO = join(import.meta.dirname, '..', '..');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(REPO, 'data', name), 'utf8')) as T;

let full: CheckContext;
let light: CheckContext;
let streetIndex: StreetIndexFile;
let sides: StreetLinesFile;

beforeAll(() => {
  full = createCheckContext({
    qpv: read<QpvCollection>('qpv-2024.geojson'),
    roads: read('roads.geojson'),
    communes: read('communes.geojson'),
    addresses: null,
  });
  streetIndex = read<StreetIndexFile>('streets.json');
  sides = read<StreetLinesFile>('street-sides.json');
  const shards = streetIndex.coverage.shards.flatMap((id) =>
    shardFeatures(read<QpvShardFile>(`qpv/shards/${id}.json`)),
  );
  light = createCheckContext({
    qpv: qpvCollection(shards),
    streetIndex,
    streetLines: sides,
    partial: true,
    addresses: null,
  });
}, 120_000);

/** A street-level answer for street `id` with its precomputed relation's QPV (what the search shows). */
function streetAnswer(id: number): AddressCheck | null {
  const v = light.streetVerdicts.get(id)!;
  const s = light.geocoder.streets[id]!;
  if (!v.qpv) return null;
  return {
    status: v.status,
    qpv: v.qpv,
    precision: 'voie',
    label: s.nom,
    lon: s.center[0],
    lat: s.center[1],
    motif: '',
    street: { id, nom: s.nom, insee: s.insee, commune: s.commune },
  };
}

describe('side of the street from data/street-sides.json', () => {
  it('is a valid file: exact road coordinates, ids of data/streets.json', () => {
    expect(checkStreetLinesFile(sides)).toEqual({ ok: true });
    expect(sides.rues).toBe(streetIndex.nom.length);
    const first = sides.streets[0]!;
    expect(decodeStreetLines(sides, first)).toEqual(full.geocoder.streets[first.rue]!.lines);
    expect(checkStreetLinesFile({ ...sides, streets: [...sides.streets].reverse() }).ok).toBe(false);
  });

  it('asks the same side question as the road file, for every street near a boundary', () => {
    let asked = 0;
    const differing: string[] = [];
    for (let id = 0; id < streetIndex.nom.length; id++) {
      const nearest = light.streetVerdicts.get(id)!.nearest_m;
      // A question needs ≥ 30 m of axis within 5 m of the outline: far streets are not examined (time).
      if (nearest === null || nearest > 30) continue;
      const check = streetAnswer(id);
      if (!check) continue;
      const want = sideQuestion(full, check);
      const got = sideQuestion(light, check);
      if (want) asked += 1;
      if (JSON.stringify(got) !== JSON.stringify(want)) differing.push(`${id} ${check.label}`);
    }
    expect(differing.slice(0, 10)).toEqual([]);
    expect(asked).toBeGreaterThan(300);
  }, 120_000);

  it('rue Blanche (Croix): north-east side « Dans », south-west side « Hors », named by the streets there', () => {
    const check = checkAddress(light, 'rue blanche croix');
    expect(check.status).toBe('limite');
    const question = sideQuestion(light, check)!;
    expect(question.precise).toBe(true);
    const byLabel = Object.fromEntries(question.choices.map((c) => [c.label, c.status]));
    expect(byLabel).toEqual({ 'Côté nord-est': 'dans', 'Côté sud-ouest': 'hors' });
    const inside = question.choices.find((c) => c.status === 'dans')!;
    expect(inside.hint).toContain('rue Saint-Jacques');
    expect(answerForSide(check, question, inside.id).status).toBe('dans');
  });

  it('answers pins around the QN05980M outline as the road file does (side of a boundary street included)', () => {
    const outline = full.loaded.get('QN05980M')!;
    // Seeded pins 0–12 m either side of the outline's vertices.
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const vertices = outline.geometry.coordinates.flat(2);
    const differing: string[] = [];
    let sided = 0;
    for (let i = 0; i < 1500; i++) {
      const [x, y] = vertices[Math.floor(random() * vertices.length)]!;
      const angle = random() * 2 * Math.PI;
      const metres = random() * 12;
      const pin: [number, number] = [
        x + (metres * Math.cos(angle)) / 70_700,
        y + (metres * Math.sin(angle)) / 111_200,
      ];
      const want = checkPlacedPoint(full, pin, { uncertainty_m: 10 });
      const got = checkPlacedPoint(light, pin, { uncertainty_m: 10 });
      if (want.cote) sided += 1;
      if (JSON.stringify(got) !== JSON.stringify(want)) differing.push(pin.join(', '));
    }
    expect(differing.slice(0, 10)).toEqual([]);
    expect(sided).toBeGreaterThan(100);
  }, 120_000);
});
