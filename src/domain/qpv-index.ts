// Spatial index of the QPV outlines, built once and queried millions of times (resident's point, batch files, the
// bench). Pure TypeScript + flatbush; no Turf in the hot path.
//
// Layout (why each level exists):
// 1. A flatbush R-tree over the 1 584 feature bboxes: the prefilter. It is queried once per *coarse cell*
//    (0.005° ≈ 350 × 560 m) and the answer memoised, so a point costs one Map lookup instead of a tree walk.
//    A coarse cell keeps (a) the features whose bbox, grown by GRID_BAND_M, touches the cell — the only ones that
//    can contain the point or be within the band of it — and (b) the features that can be the *nearest* one from
//    anywhere in the cell (lower bound of their bbox distance ≤ the smallest upper bound of the boundary distance).
// 2. Per feature, built lazily on first use (a resident only ever touches a few QPVs; the index over all of France
//    stays small): every ring edge in a flat Float64Array; the edges cut in chunks of 16 consecutive edges with
//    their bbox (a one-level bounding-volume hierarchy: exact boundary distance visits only the chunks nearer than
//    the best distance so far); horizontal strips of edges for ray casting (only the edges that cross the point's
//    strip are tested); and a grid of ≈ 20 m cells flagged « entirely inside », « entirely outside » or « within
//    GRID_BAND_M of the boundary ». A point in a flagged cell is answered without touching a single edge.
// Everything is in degrees; distances are converted to metres with the local scale at the point (geo-math.ts).

import Flatbush from 'flatbush';
import type { BBox, QpvCollection } from './data-types';
import { coordinatesBbox } from './geometry/bbox';
import { boxDistanceSquared, localScale, segmentDistanceSquared } from './geometry/projection';
import {
  boundaryDistance,
  buildAccel,
  CHUNK,
  type FeatureAccel,
  GRID_BAND_M,
  INSIDE,
  OUTSIDE,
  pointInAccel,
} from './perimeter/feature-accel';

export { GRID_BAND_M } from './perimeter/feature-accel';

/**
 * Side of a coarse cell, degrees (≈ 350 × 560 m at 50.7° N). Smaller cells give tighter nearest-boundary
 * candidate lists but more cells to build and more cache misses for scattered points; measured on random MEL
 * points (CPU time): 0.01° ≈ 1.9 M points/s, 0.005° ≈ 1.95 M, 0.0025° ≈ 1.3 M. Each cell costs ~20 µs once.
 */
const COARSE_DEG = 0.005;

/** Code and name of a QPV. */
export interface QpvRef {
  code: string;
  nom: string;
}

/** Memoised answer of the R-tree for one coarse cell. */
export interface CoarseCell {
  /** Integer cell coordinates, checked on lookup (the Map key wraps around, see `cellAt`). */
  ix: number;
  iy: number;
  /** Local scale at the cell's centre (varies by < 1e-4 across a cell: < 1 cm per 100 m). */
  kx: number;
  ky: number;
  /** Features whose bbox grown by GRID_BAND_M touches the cell. */
  hits: Int32Array;
  /**
   * Candidate (feature, chunk) pairs for the nearest boundary from anywhere in the cell, sorted by their lower
   * bound (m) from the cell: a chunk whose lower bound exceeds the smallest upper bound of all chunks cannot hold
   * the nearest edge.
   */
  /**
   * Interleaved triples [squared lower bound (m²), feature, chunk], one array so that a point touches one block of
   * memory: random points over a city hit tens of thousands of cells, and cache misses dominate.
   */
  near: Float64Array;
}

/** Per-feature result of {@link QpvSpatialIndex.classify}. */
export interface FeatureHit {
  feature: number;
  inside: boolean;
  /** Distance (m) to the feature's boundary. */
  distance: number;
}

/**
 * The index itself. Build it with `createQpvIndex` (verdict.ts); the methods are the building blocks of the
 * verdicts and are exported for the bench and the tests.
 */
export class QpvSpatialIndex {
  readonly refs: readonly QpvRef[];
  /** `precision_m` of each feature (half a unit of the last coordinate decimal). */
  readonly precision: Float64Array;
  readonly maxPrecision: number;
  /** Extent of all outlines. */
  readonly extent: BBox;
  private readonly collection: QpvCollection;
  private readonly boxes: Float64Array;
  private readonly tree: Flatbush;
  private readonly accels: (FeatureAccel | undefined)[];
  private readonly coarse = new Map<number, CoarseCell>();
  private scratch = new Float64Array(64);

  constructor(collection: QpvCollection) {
    this.collection = collection;
    const n = collection.features.length;
    this.refs = collection.features.map((f) => ({ code: f.properties.code, nom: f.properties.nom }));
    this.precision = Float64Array.from(collection.features, (f) => f.properties.precision_m);
    this.maxPrecision = n === 0 ? 0 : Math.max(...this.precision);
    this.boxes = new Float64Array(n * 4);
    this.accels = new Array(n).fill(undefined);
    const extent: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    // Flatbush needs at least one item; an empty collection gets a dummy box that nothing refers to.
    this.tree = new Flatbush(Math.max(1, n));
    for (let i = 0; i < n; i++) {
      const feature = collection.features[i]!;
      const box = feature.bbox ?? coordinatesBbox(feature.geometry.coordinates);
      this.boxes.set(box, i * 4);
      this.tree.add(box[0], box[1], box[2], box[3]);
      extent[0] = Math.min(extent[0], box[0]);
      extent[1] = Math.min(extent[1], box[1]);
      extent[2] = Math.max(extent[2], box[2]);
      extent[3] = Math.max(extent[3], box[3]);
    }
    if (n === 0) this.tree.add(0, 0, 0, 0);
    this.tree.finish();
    this.extent = extent;
  }

  get size(): number {
    return this.refs.length;
  }

  /** The feature's bbox. */
  bbox(feature: number): BBox {
    const b = this.boxes;
    const o = feature * 4;
    return [b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!];
  }

  /**
   * Inside/outside and boundary distance of a point for every feature whose boundary may be within `reachM`
   * metres (features farther than `reachM` and not containing the point are skipped). `distance` is exact when it is
   * ≤ max(reachM, GRID_BAND_M)… and for a containing feature whose boundary is farther than GRID_BAND_M it is exact
   * too (computed on demand): the verdicts always report true distances.
   */
  classify(cell: CoarseCell, lon: number, lat: number, reachM: number, out: FeatureHit[]): FeatureHit[] {
    out.length = 0;
    const kx = cell.kx;
    const ky = cell.ky;
    const candidates = reachM <= GRID_BAND_M ? cell.hits : this.search(lon, lat, reachM, kx, ky);
    const reach2 = reachM * reachM;
    const b = this.boxes;
    for (let c = 0; c < candidates.length; c++) {
      const f = candidates[c]!;
      const o = f * 4;
      if (boxDistanceSquared(lon, lat, b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!, kx, ky) > reach2) continue;
      const accel = this.accel(f);
      const ix = Math.floor((lon - accel.x0) / accel.cellX);
      const iy = Math.floor((lat - accel.y0) / accel.cellY);
      const inGrid = ix >= 0 && iy >= 0 && ix < accel.nx && iy < accel.ny;
      const state = inGrid ? accel.state[iy * accel.nx + ix]! : OUTSIDE;
      if (state === OUTSIDE && reachM <= GRID_BAND_M) continue; // farther than the band, not inside
      const inside = state === INSIDE ? true : state === OUTSIDE ? false : pointInAccel(accel, lon, lat);
      const distance = boundaryDistance(accel, lon, lat, kx, ky, Infinity, this.scratchFor(accel));
      if (!inside && distance > reachM) continue;
      out.push({ feature: f, inside, distance });
    }
    return out;
  }

  /**
   * Nearest boundary of any feature from a point: `{ feature, distance }` (metres), or `null` for an empty index.
   * Exact (planar in the local frame): the coarse cell's candidate chunks only prune, they never approximate.
   */
  nearest(cell: CoarseCell, lon: number, lat: number): { feature: number; distance: number } | null {
    if (!this.nearestInto(cell, lon, lat)) return null;
    return { feature: this.nearestFeature, distance: this.nearestDistance };
  }

  /** Result of the last {@link nearestInto} (fields, not an object: the hot path allocates nothing). */
  nearestFeature = -1;
  nearestDistance = Infinity;

  /** Allocation-free {@link nearest}: fills `nearestFeature` / `nearestDistance`; false for an empty index. */
  nearestInto(cell: CoarseCell, lon: number, lat: number): boolean {
    if (this.size === 0) return false;
    const kx = cell.kx;
    const ky = cell.ky;
    const px = lon * kx;
    const py = lat * ky;
    let best2 = Infinity;
    let bestFeature = -1;
    const near = cell.near;
    for (let c = 0; c < near.length; c += 3) {
      if (near[c]! >= best2) break;
      const f = near[c + 1]!;
      const accel = this.accels[f]!;
      const chunk = near[c + 2]!;
      const chunks = accel.chunks;
      const o = chunk * 4;
      if (
        boxDistanceSquared(lon, lat, chunks[o]!, chunks[o + 1]!, chunks[o + 2]!, chunks[o + 3]!, kx, ky) >=
        best2
      ) {
        continue;
      }
      const edges = accel.edges;
      for (let e = chunk * CHUNK, end = Math.min(accel.edgeCount, e + CHUNK); e < end; e++) {
        const eo = e * 4;
        const d2 = segmentDistanceSquared(
          px,
          py,
          edges[eo]! * kx,
          edges[eo + 1]! * ky,
          edges[eo + 2]! * kx,
          edges[eo + 3]! * ky,
        );
        if (d2 < best2) {
          best2 = d2;
          bestFeature = f;
        }
      }
    }
    this.nearestFeature = bestFeature;
    this.nearestDistance = Math.sqrt(best2);
    return bestFeature >= 0;
  }

  /** Exact distance (m) from a point to one feature's boundary; for tests and slow paths. */
  distanceToFeature(feature: number, lon: number, lat: number): number {
    const { kx, ky } = localScale(lat);
    const accel = this.accel(feature);
    return boundaryDistance(accel, lon, lat, kx, ky, Infinity, this.scratchFor(accel));
  }

  /** Even-odd point-in-polygon of one feature (holes and multipolygons included). */
  contains(feature: number, lon: number, lat: number): boolean {
    return pointInAccel(this.accel(feature), lon, lat);
  }

  /** Number of per-feature structures built so far (lazy), for the bench. */
  get builtFeatures(): number {
    let count = 0;
    for (const a of this.accels) if (a) count++;
    return count;
  }

  private scratchFor(accel: FeatureAccel): Float64Array {
    if (this.scratch.length < accel.chunkCount) this.scratch = new Float64Array(accel.chunkCount * 2);
    return this.scratch;
  }

  private search(lon: number, lat: number, reachM: number, kx: number, ky: number): number[] {
    // Degrees are converted with the point's scale and a 1 % margin: within a few km the scale barely changes.
    const dx = (reachM / kx) * 1.01;
    const dy = (reachM / ky) * 1.01;
    return this.size === 0 ? [] : this.tree.search(lon - dx, lat - dy, lon + dx, lat + dy);
  }

  private accel(feature: number): FeatureAccel {
    let accel = this.accels[feature];
    if (!accel) {
      accel = buildAccel(this.collection.features[feature]!.geometry.coordinates, this.bbox(feature));
      this.accels[feature] = accel;
    }
    return accel;
  }

  /** The memoised coarse cell of a point (see the file header). */
  cellAt(lon: number, lat: number): CoarseCell {
    const ix = Math.floor((lon + 180) / COARSE_DEG);
    const iy = Math.floor((lat + 90) / COARSE_DEG);
    // A small-integer key keeps the Map fast (V8 "Smi"); it wraps every 2^15 cells (≈ 80°), so the stored cell
    // coordinates are checked and a far-away namesake is simply replaced.
    const key = ((ix & 0x7fff) << 15) | (iy & 0x7fff);
    let cell = this.coarse.get(key);
    if (!cell || cell.ix !== ix || cell.iy !== iy) {
      cell = this.buildCoarseCell(ix, iy);
      this.coarse.set(key, cell);
    }
    return cell;
  }

  private buildCoarseCell(ix: number, iy: number): CoarseCell {
    const minX = ix * COARSE_DEG - 180;
    const minY = iy * COARSE_DEG - 90;
    const maxX = minX + COARSE_DEG;
    const maxY = minY + COARSE_DEG;
    const { kx, ky } = localScale(minY + COARSE_DEG / 2);
    if (this.size === 0) {
      return {
        ix,
        iy,
        kx,
        ky,
        hits: new Int32Array(0),
        near: new Float64Array(0),
      };
    }
    // Conservative scales over the cell: the smallest metres-per-degree turns metres into the largest degrees.
    const farLat = Math.max(Math.abs(minY), Math.abs(maxY));
    const nearLat = Math.min(Math.abs(minY), Math.abs(maxY));
    const kxMin = localScale(Math.min(89.9, farLat + 0.5)).kx;
    const kxMax = localScale(minY <= 0 && maxY >= 0 ? 0 : nearLat).kx;
    const kyMin = localScale(0).ky;
    const kyMax = localScale(90).ky;
    const bandX = GRID_BAND_M / kxMin;
    const bandY = GRID_BAND_M / kyMin;
    const hits = Int32Array.from(this.tree.search(minX - bandX, minY - bandY, maxX + bandX, maxY + bandY));

    // Upper bound of the boundary distance from anywhere in the cell: the boundary touches every side of the
    // feature's bbox, so from a point q it is at most max(|q − s1|, |q − s2|) for each side s1s2; that function is
    // convex in q, so over the cell its maximum is at a corner.
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    const corners = [minX, minY, maxX, minY, maxX, maxY, minX, maxY];
    const upperBound = (f: number): number => {
      const o = f * 4;
      const [bx0, by0, bx1, by1] = [
        this.boxes[o]!,
        this.boxes[o + 1]!,
        this.boxes[o + 2]!,
        this.boxes[o + 3]!,
      ];
      const sides = [
        [bx0, by0, bx1, by0],
        [bx1, by0, bx1, by1],
        [bx0, by1, bx1, by1],
        [bx0, by0, bx0, by1],
      ];
      let best = Infinity;
      for (const [sx0, sy0, sx1, sy1] of sides) {
        let worst = 0;
        for (let k = 0; k < 8; k += 2) {
          const qx = corners[k]!;
          const qy = corners[k + 1]!;
          worst = Math.max(
            worst,
            Math.hypot((qx - sx0!) * kxMax, (qy - sy0!) * kyMax),
            Math.hypot((qx - sx1!) * kxMax, (qy - sy1!) * kyMax),
          );
        }
        best = Math.min(best, worst);
      }
      return best;
    };
    let bound = Infinity;
    for (const f of this.tree.neighbors(cx, cy, 8)) bound = Math.min(bound, upperBound(f));
    const degX = Math.min(360, bound / kxMin);
    const degY = Math.min(180, bound / kyMin);
    const scored: { f: number; lower: number }[] = [];
    for (const f of this.tree.search(minX - degX, minY - degY, maxX + degX, maxY + degY)) {
      const o = f * 4;
      const dx = Math.max(0, this.boxes[o]! - maxX, minX - this.boxes[o + 2]!) * kxMin;
      const dy = Math.max(0, this.boxes[o + 1]! - maxY, minY - this.boxes[o + 3]!) * kyMin;
      const lower = Math.hypot(dx, dy);
      if (lower <= bound) scored.push({ f, lower });
    }
    // Refine to chunks. Upper bound of a chunk from anywhere in the cell: distance to its first vertex, convex in
    // the query point, so maximal at a corner of the cell.
    const pairs: { f: number; chunk: number; lower: number }[] = [];
    let chunkBound = bound;
    for (const { f } of scored) {
      const accel = this.accel(f);
      for (let c = 0; c < accel.chunkCount; c++) {
        const o = c * 4;
        const ch = accel.chunks;
        const dx = Math.max(0, ch[o]! - maxX, minX - ch[o + 2]!) * kxMin;
        const dy = Math.max(0, ch[o + 1]! - maxY, minY - ch[o + 3]!) * kyMin;
        const lower = Math.hypot(dx, dy);
        if (lower > chunkBound) continue;
        const vx = accel.edges[c * CHUNK * 4]!;
        const vy = accel.edges[c * CHUNK * 4 + 1]!;
        let upper = 0;
        for (let k = 0; k < 8; k += 2) {
          upper = Math.max(upper, Math.hypot((corners[k]! - vx) * kxMax, (corners[k + 1]! - vy) * kyMax));
        }
        chunkBound = Math.min(chunkBound, upper);
        pairs.push({ f, chunk: c, lower });
      }
    }
    const kept = pairs.filter((p) => p.lower <= chunkBound);
    kept.sort((a, b) => a.lower - b.lower || a.f - b.f || a.chunk - b.chunk);
    return {
      ix,
      iy,
      kx,
      ky,
      hits,
      near: Float64Array.from(kept.flatMap((p) => [p.lower * p.lower, p.f, p.chunk])),
    };
  }
}
