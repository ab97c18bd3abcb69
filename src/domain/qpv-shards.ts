// The verdict geometry in compact shards (issue 10): `data/qpv/catalogue.json` lists every QPV without its outline
// (code, name, communes, bbox, precision, MEL, shard) and the shards; `data/qpv/shards/<id>.json` holds the exact
// outlines of one département's QPVs, as integers (coordinates × 10^decimals) delta-encoded along each ring, so
// decoding gives back the very same doubles as data/qpv-2024.geojson (checked by `npm run data`).
//
// Which shards a place needs: {@link candidateQpvs} keeps every QPV that can contain a point of a box, be the
// nearest one to it, or have its boundary within `reachM` of it — from the catalogue's bboxes alone (lower bound of
// the distance to a bbox ≤ the smallest upper bound of the distance to any QPV's boundary). A verdict computed with
// the QPVs of those shards is therefore the verdict computed with all of France (tests/unit/answers-unchanged).
// Pure TypeScript: used by the build (encode), the data loader and the tests (decode); guards in ./qpv-shards-guards.ts.

import type { BBox, MultiPolygonGeometry, Position, QpvCollection, QpvProperties } from './data-types';
import { localScale } from './geometry/projection.ts';

/** One QPV of the catalogue (no geometry). */
export interface QpvCatalogueEntry {
  code: string;
  nom: string;
  insee: string[];
  communes: string[];
  bbox: BBox;
  precision_m: number;
  /** In the Métropole européenne de Lille. */
  mel: boolean;
  /** Which copy of the ANCT layer the outline comes from. */
  source: string;
  /** Id of the shard holding the outline. */
  shard: string;
}

export interface QpvShardRef {
  id: string;
  bbox: BBox;
  /** Path relative to `data/`. */
  file: string;
  /** sha256 of the shard file. */
  sha256: string;
}

/** `data/qpv/catalogue.json`. */
export interface QpvCatalogue {
  qpv: QpvCatalogueEntry[];
  shards: QpvShardRef[];
}

/**
 * One QPV in a shard: its properties and bbox (a shard is self-contained: the search needs no catalogue) and its
 * outline, `polygons[p][r]` = `[x0, y0, dx1, dy1, …]` in units of 10^-decimals degree.
 */
export interface EncodedQpv {
  code: string;
  properties: QpvProperties;
  bbox: BBox;
  decimals: number;
  polygons: number[][][];
}

/** `data/qpv/shards/<id>.json`. */
export interface QpvShardFile {
  id: string;
  qpv: EncodedQpv[];
}

/** Shard of a QPV code: its département (`QN05980M` → `059`, `QN02A01M` → `02A`, `QN97101M` → `971`). */
export function shardIdOf(code: string): string {
  return code.slice(2, 5);
}

/** Smallest number of decimals (≤ 9) that writes every coordinate exactly, or null. */
export function exactDecimals(polygons: readonly (readonly (readonly Position[])[])[]): number | null {
  for (let d = 0; d <= 9; d++) {
    const scale = 10 ** d;
    let ok = true;
    for (const polygon of polygons)
      for (const ring of polygon)
        for (const [x, y] of ring)
          if (Math.round(x * scale) / scale !== x || Math.round(y * scale) / scale !== y) ok = false;
    if (ok) return d;
  }
  return null;
}

/** Encodes a QPV; throws when its outline cannot be written exactly with ≤ 9 decimals. */
export function encodeQpv(feature: {
  bbox: BBox;
  geometry: MultiPolygonGeometry;
  properties: QpvProperties;
}): EncodedQpv {
  const { geometry, properties, bbox } = feature;
  const code = properties.code;
  const decimals = exactDecimals(geometry.coordinates);
  if (decimals === null) throw new RangeError(`${code}: coordonnées à plus de 9 décimales`);
  const scale = 10 ** decimals;
  const polygons = geometry.coordinates.map((polygon) =>
    polygon.map((ring) => {
      const flat: number[] = [];
      let px = 0;
      let py = 0;
      for (const [x, y] of ring) {
        const ix = Math.round(x * scale);
        const iy = Math.round(y * scale);
        flat.push(ix - px, iy - py);
        px = ix;
        py = iy;
      }
      return flat;
    }),
  );
  return { code, properties, bbox, decimals, polygons };
}

/** Decodes an outline (exact inverse of {@link encodeQpv}). */
export function decodeQpv(encoded: EncodedQpv): MultiPolygonGeometry {
  const scale = 10 ** encoded.decimals;
  return {
    type: 'MultiPolygon',
    coordinates: encoded.polygons.map((polygon) =>
      polygon.map((flat) => {
        const ring: Position[] = [];
        let ix = 0;
        let iy = 0;
        for (let i = 0; i + 1 < flat.length; i += 2) {
          ix += flat[i]!;
          iy += flat[i + 1]!;
          ring.push([ix / scale, iy / scale]);
        }
        return ring;
      }),
    ),
  };
}

/** The features of a shard, as in data/qpv-2024.geojson. */
export function shardFeatures(shard: QpvShardFile): QpvCollection['features'] {
  return shard.qpv.map((q) => ({
    type: 'Feature',
    bbox: q.bbox,
    geometry: decodeQpv(q),
    properties: q.properties,
  }));
}

/** A collection sorted by code, as data/qpv-2024.geojson (the index's tie-breaks follow the order). */
export function qpvCollection(features: QpvCollection['features']): QpvCollection {
  return {
    type: 'FeatureCollection',
    features: [...features].sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1)),
  };
}

/**
 * Indices (in `entries`) of every QPV that can contain a point of `box`, be the nearest QPV to it, or have its
 * boundary within `reachM` metres of it. Conservative: bounds use the smallest metres-per-degree for lower bounds
 * and the largest for upper bounds over the latitudes involved.
 *
 * Upper bound of the boundary distance from a point q to a QPV: its boundary touches every side of its bbox, so it
 * is at most max(|q − s1|, |q − s2|) for each side s1s2 — convex in q, so over `box` maximal at a corner.
 */
export function candidateQpvs(entries: readonly { bbox: BBox }[], box: BBox, reachM: number): number[] {
  const [x0, y0, x1, y1] = box;
  let upper = Infinity;
  const corners = [x0, y0, x1, y0, x1, y1, x0, y1];
  const lows: number[] = [];
  for (const { bbox } of entries) {
    const [bx0, by0, bx1, by1] = bbox;
    const latFar = Math.min(89.9, Math.max(Math.abs(y0), Math.abs(y1), Math.abs(by0), Math.abs(by1)));
    const crossesEquator = Math.min(y0, by0) <= 0 && Math.max(y1, by1) >= 0;
    const latNear = crossesEquator ? 0 : Math.min(Math.abs(y0), Math.abs(y1), Math.abs(by0), Math.abs(by1));
    const low = localScale(latFar);
    const high = localScale(latNear);
    const kyLow = localScale(0).ky;
    const kyHigh = localScale(90).ky;
    const dx = Math.max(0, bx0 - x1, x0 - bx1) * low.kx;
    const dy = Math.max(0, by0 - y1, y0 - by1) * kyLow;
    lows.push(Math.hypot(dx, dy));
    const sides = [
      [bx0, by0, bx1, by0],
      [bx1, by0, bx1, by1],
      [bx0, by1, bx1, by1],
      [bx0, by0, bx0, by1],
    ] as const;
    for (const [sx0, sy0, sx1, sy1] of sides) {
      let worst = 0;
      for (let k = 0; k < 8; k += 2) {
        const qx = corners[k]!;
        const qy = corners[k + 1]!;
        worst = Math.max(
          worst,
          Math.hypot((qx - sx0) * high.kx, (qy - sy0) * kyHigh),
          Math.hypot((qx - sx1) * high.kx, (qy - sy1) * kyHigh),
        );
      }
      upper = Math.min(upper, worst);
    }
  }
  const limit = Math.max(upper, reachM);
  const out: number[] = [];
  lows.forEach((low, i) => {
    if (low <= limit) out.push(i);
  });
  return out;
}

/** The shard ids needed to answer anywhere in `box` with a band up to `reachM` (sorted). */
export function shardsFor(catalogue: QpvCatalogue, box: BBox, reachM: number): string[] {
  const ids = new Set(candidateQpvs(catalogue.qpv, box, reachM).map((i) => catalogue.qpv[i]!.shard));
  return [...ids].sort();
}
