// Guards of the compact QPV files (./qpv-shards.ts) as valibot schemas with French messages: the catalogue
// (`data/qpv/catalogue.json`) and one shard (`data/qpv/shards/<id>.json`). The rings of a shard (integer arrays of
// thousands of values) are checked by a loop wrapped as a valibot `custom` schema.
import * as v from 'valibot';
import { isBBox } from './data-guards.ts';
import type { BBox, GuardResult } from './data-types.ts';

const text = v.string('texte attendu');
const texts = v.array(text, 'liste de textes attendue');
const box = v.custom<BBox>(isBBox, 'bbox invalide');

const ShardRef = v.object({
  id: text,
  file: text,
  bbox: box,
  sha256: v.pipe(
    v.string('empreinte sha256 absente'),
    v.regex(/^[0-9a-f]{64}$/, 'empreinte sha256 invalide'),
  ),
});
const CatalogueEntry = v.object({
  code: text,
  nom: text,
  insee: texts,
  communes: texts,
  bbox: box,
  precision_m: v.pipe(v.number('nombre attendu'), v.minValue(0, 'nombre ≥ 0 attendu')),
  mel: v.boolean('true ou false attendu'),
  source: text,
  shard: text,
});
const Catalogue = v.object({
  qpv: v.array(v.unknown(), 'liste attendue'),
  shards: v.array(v.unknown(), 'liste attendue'),
});

/** « champ bbox : bbox invalide », or the message alone. */
function where(issues: readonly v.BaseIssue<unknown>[] | undefined): string {
  const issue = issues?.[0];
  if (!issue) return 'invalide';
  const keys = (issue.path ?? []).map((item) => String(item.key)).join('.');
  return keys ? `${keys} : ${issue.message}` : issue.message;
}

/** Guard for `data/qpv/catalogue.json`: valid shards, QPVs sorted by code, each in a known shard. */
export function checkQpvCatalogue(value: unknown): GuardResult {
  if (!v.is(Catalogue, value)) return { ok: false, error: 'catalogue.json : { qpv, shards } attendu' };
  const shardIds = new Set<string>();
  for (const [i, raw] of value.shards.entries()) {
    const shard = v.safeParse(ShardRef, raw, { abortEarly: true });
    if (!shard.success) return { ok: false, error: `catalogue.json : shard ${i} : ${where(shard.issues)}` };
    shardIds.add(shard.output.id);
  }
  let previous = '';
  for (const [i, raw] of value.qpv.entries()) {
    const entry = v.safeParse(CatalogueEntry, raw, { abortEarly: true });
    if (!entry.success) return { ok: false, error: `catalogue.json : QPV ${i} : ${where(entry.issues)}` };
    const { code, shard } = entry.output;
    if (!shardIds.has(shard))
      return { ok: false, error: `catalogue.json : ${code} : shard ${shard} inconnu` };
    if (code <= previous) return { ok: false, error: `catalogue.json : ${code} hors de l’ordre des codes` };
    previous = code;
  }
  return { ok: true };
}

/** Why the rings of a shard's QPV are not integer rings of ≥ 4 positions, closed (deltas adding up to 0). */
function ringsProblem(polygons: unknown[]): string | null {
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'polygone vide';
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 8 || ring.length % 2 !== 0 || !ring.every(Number.isInteger))
        return 'anneau invalide';
      let sx = 0;
      let sy = 0;
      for (let k = 2; k < ring.length; k += 2) {
        sx += ring[k] as number;
        sy += ring[k + 1] as number;
      }
      if (sx !== 0 || sy !== 0) return 'anneau non fermé';
    }
  }
  return null;
}

const EncodedQpv = v.pipe(
  v.object({
    code: text,
    decimals: v.pipe(v.number('entier attendu'), v.integer('entier attendu')),
    polygons: v.array(v.unknown(), 'liste attendue'),
    bbox: box,
    properties: v.object({
      code: text,
      nom: text,
      insee: texts,
      communes: texts,
      precision_m: v.number('nombre attendu'),
      source: text,
    }),
  }),
  v.check((q) => q.properties.code === q.code, 'properties.code diffère du code'),
);
const Shard = v.object({ id: text, qpv: v.array(v.unknown(), 'liste attendue') });

/** Guard for `data/qpv/shards/<id>.json`: integer rings of ≥ 4 positions, closed. */
export function checkQpvShard(value: unknown): GuardResult {
  if (!v.is(Shard, value)) return { ok: false, error: 'shard : { id, qpv } attendu' };
  for (const [i, raw] of value.qpv.entries()) {
    const q = v.safeParse(EncodedQpv, raw, { abortEarly: true });
    if (!q.success) return { ok: false, error: `shard ${value.id} : QPV ${i} : ${where(q.issues)}` };
    const rings = ringsProblem(q.output.polygons);
    if (rings) return { ok: false, error: `shard ${value.id} : ${q.output.code} : ${rings}` };
  }
  return { ok: true };
}
