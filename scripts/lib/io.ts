// Reading raw sources (with gzip / zip / JSON / GeoJSON checks that name the file on failure) and writing
// deterministic JSON (sorted keys, one feature per line, `\n` endings).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, strFromU8, unzipSync } from 'fflate';
import gjv from 'geojson-validation';
import { DataFileError } from './errors';

/** sha256 of a buffer or string, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads a file, failing with a message naming it when it is missing or empty. */
export function readSource(path: string, label = path): Uint8Array {
  if (!existsSync(path)) throw new DataFileError(label, 'fichier introuvable (file not found)');
  const buf = readFileSync(path);
  if (buf.length === 0) throw new DataFileError(label, 'fichier vide (empty file)');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/** Gunzips, failing with a message naming the file when the stream is truncated or not gzip. */
export function gunzip(data: Uint8Array, label: string): Uint8Array {
  if (data[0] !== 0x1f || data[1] !== 0x8b)
    throw new DataFileError(label, 'pas un fichier gzip (not gzip data)');
  let out: Uint8Array;
  try {
    out = gunzipSync(data);
  } catch (e) {
    throw new DataFileError(
      label,
      `gzip tronqué ou corrompu (truncated or corrupt gzip: ${(e as Error).message})`,
    );
  }
  // fflate does not check the trailer: compare the ISIZE field (uncompressed length mod 2^32) ourselves so that a
  // gzip cut exactly at a block boundary is still reported.
  const n = data.length;
  if (n < 18) throw new DataFileError(label, 'gzip tronqué (truncated gzip)');
  const isize = (data[n - 4]! | (data[n - 3]! << 8) | (data[n - 2]! << 16) | (data[n - 1]! << 24)) >>> 0;
  if (isize !== out.length % 2 ** 32)
    throw new DataFileError(label, 'gzip tronqué (truncated gzip: size mismatch)');
  return out;
}

/** Reads one member of a zip archive (exact path, or the unique member ending with `suffix`). */
export function unzipMember(
  data: Uint8Array,
  label: string,
  suffix: string,
): { name: string; data: Uint8Array } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => f.name.endsWith(suffix) });
  } catch (e) {
    throw new DataFileError(label, `zip illisible (unreadable zip: ${(e as Error).message})`);
  }
  const names = Object.keys(files).sort();
  if (names.length !== 1) {
    throw new DataFileError(
      label,
      `le zip doit contenir exactement un membre *${suffix} (found ${names.length})`,
    );
  }
  const name = names[0]!;
  return { name, data: files[name]! };
}

/** Decodes UTF-8 (BOM stripped). */
export function utf8(data: Uint8Array): string {
  const s = strFromU8(data);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Parses JSON, failing with a message naming the file when it is truncated or malformed. */
export function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataFileError(
      label,
      `JSON invalide ou tronqué (invalid or truncated JSON: ${(e as Error).message})`,
    );
  }
}

/** Minimal shape of a GeoJSON feature as read from a source, before typed checks. */
export interface RawFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

/** Validates a FeatureCollection with geojson-validation; returns its features. */
export function asFeatureCollection(value: unknown, label: string): RawFeature[] {
  const errors = gjv.valid(value, true);
  if (errors.length > 0) {
    const more = errors.length > 3 ? ` (+${errors.length - 3})` : '';
    throw new DataFileError(
      label,
      `GeoJSON invalide (invalid GeoJSON): ${errors.slice(0, 3).join('; ')}${more}`,
    );
  }
  const v = value as { type?: unknown; features?: unknown };
  if (v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    throw new DataFileError(label, 'une FeatureCollection est attendue (expected a FeatureCollection)');
  }
  return v.features as RawFeature[];
}

/** Reads (and gunzips when the name ends with .gz) a GeoJSON FeatureCollection. */
export function readFeatureCollection(
  path: string,
  label: string,
): { features: RawFeature[]; bytes: Uint8Array } {
  const bytes = readSource(path, label);
  const raw = path.endsWith('.gz') ? gunzip(bytes, label) : bytes;
  return { features: asFeatureCollection(parseJson(utf8(raw), label), label), bytes };
}

/** JSON.stringify with object keys sorted at every level (arrays keep their order). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/**
 * Serialises a FeatureCollection with sorted keys and one feature per line: compact, yet diffable in git and
 * byte-identical from run to run.
 */
export function featureCollectionText(features: readonly unknown[]): string {
  if (features.length === 0) return '{"features":[],"type":"FeatureCollection"}\n';
  return `{"features":[\n${features.map(stableStringify).join(',\n')}\n],"type":"FeatureCollection"}\n`;
}
