// The compact artifacts of `npm run data` (issue 10) against the source files they replace in the browser:
// every shard decodes to exactly the outlines of data/qpv-2024.geojson, the catalogue lists every QPV once, the
// street index lists the geocoder's streets (tests/unit/answers-unchanged.test.ts checks their answers), the
// guards reject broken files, and the search's first download stays within the byte budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { QpvCollection } from '../../src/domain/data-types';
import {
  type QpvCatalogue,
  type QpvShardFile,
  shardFeatures,
  shardIdOf,
  shardsFor,
} from '../../src/domain/qpv-shards';
import { checkQpvCatalogue, checkQpvShard } from '../../src/domain/qpv-shards-guards';
import { decodeStreets, type StreetIndexFile } from '../../src/domain/street-index-file';
import { checkStreetIndexFile } from '../../src/domain/street-index-guard';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const text = (name: string) => readFileSync(join(DATA, name), 'utf8');
const qpv = JSON.parse(text('qpv-2024.geojson')) as QpvCollection;
const catalogue = JSON.parse(text('qpv/catalogue.json')) as QpvCatalogue;
const streets = JSON.parse(text('streets.json')) as StreetIndexFile;
const shardNames = readdirSync(join(DATA, 'qpv', 'shards')).sort();
const shard = (id: string) => JSON.parse(text(`qpv/shards/${id}.json`)) as QpvShardFile;

describe('QPV catalogue and shards', () => {
  it('the catalogue lists every QPV once, in code order, with its shard', () => {
    expect(checkQpvCatalogue(catalogue)).toEqual({ ok: true });
    expect(catalogue.qpv.map((q) => q.code)).toEqual(qpv.features.map((f) => f.properties.code));
    expect(catalogue.qpv.filter((q) => q.mel)).toHaveLength(26);
    expect(catalogue.shards.map((s) => `${s.id}.json`)).toEqual(shardNames);
    const focus = catalogue.qpv.find((q) => q.code === 'QN05980M')!;
    expect(focus).toMatchObject({ shard: '059', precision_m: 0.1, mel: true });
  });

  it('the shards decode to exactly the outlines and properties of qpv-2024.geojson', () => {
    const decoded = shardNames.flatMap((name) => {
      const file = shard(name.replace('.json', ''));
      expect(checkQpvShard(file), name).toEqual({ ok: true });
      expect(file.qpv.every((q) => shardIdOf(q.code) === file.id)).toBe(true);
      return shardFeatures(file);
    });
    decoded.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
    expect(decoded).toHaveLength(qpv.features.length);
    decoded.forEach((f, i) => {
      const source = qpv.features[i]!;
      expect(f.properties).toEqual(source.properties);
      expect(f.bbox).toEqual(source.bbox);
      // Exact doubles, not « close »: the verdicts must not move by a hair.
      expect(f.geometry.coordinates).toEqual(source.geometry.coordinates);
    });
  });

  it('Croix is answered by the Nord shard and its southern neighbour', () => {
    expect(shardsFor(catalogue, [3.155, 50.686, 3.155, 50.686], 16)).toEqual(['059']);
    expect(streets.coverage.shards).toEqual(['059', '062']);
    // A point in Marseille needs the Bouches-du-Rhône shard only.
    expect(shardsFor(catalogue, [5.3698, 43.2965, 5.3698, 43.2965], 16)).toEqual(['013']);
  });

  it('the guards reject a broken ring, an unknown shard and a short column', () => {
    const file = shard('059');
    const broken = structuredClone(file);
    broken.qpv[0]!.polygons[0]![0]![2]! += 1;
    expect(checkQpvShard(broken)).toMatchObject({ ok: false, error: expect.stringMatching(/non fermé/) });
    const lost = structuredClone(catalogue);
    lost.qpv[0]!.shard = 'zzz';
    expect(checkQpvCatalogue(lost)).toMatchObject({ ok: false, error: expect.stringMatching(/inconnu/) });
    const short = structuredClone(streets);
    short.longueur_dm.pop();
    expect(checkStreetIndexFile(short)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/longueur_dm/),
    });
  });
});

describe('street index', () => {
  it('is valid and places every street inside its bbox', () => {
    expect(checkStreetIndexFile(streets)).toEqual({ ok: true });
    const decoded = decodeStreets(streets);
    expect(decoded.length).toBeGreaterThan(4000);
    for (const s of decoded) {
      expect(s.center[0]).toBeGreaterThanOrEqual(s.bbox[0]);
      expect(s.center[1]).toBeLessThanOrEqual(s.bbox[3]);
    }
    const tonkin = decoded.findIndex((s) => s.nom === 'Rue du Tonkin' && s.insee === '59163');
    expect(streets.statut[tonkin]).toBe('d');
    expect(streets.qpv[streets.qpv_ref[tonkin]!]![0]).toBe('QN05980M');
  });

  it('the search downloads ≤ 236 kB gzip of data before its first answer (350 kB − 114 kB of JavaScript)', () => {
    const gz = (name: string) => gzipSync(readFileSync(join(DATA, name)), { level: 9 }).length;
    const total =
      gz('streets.json') + streets.coverage.shards.reduce((sum, id) => sum + gz(`qpv/shards/${id}.json`), 0);
    expect(total).toBeLessThan(236_000);
  });
});
