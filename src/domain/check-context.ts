// The context of an address check, built once: QPV index, geocoder, covered area, memoised street verdicts, and in
// the browser which QPV outlines are loaded so far (an answer waits for those that matter). Split from
// ./check-address.ts, which answers the checks.

import type { BanTable } from './ban/table';
import type {
  AddressTable,
  BBox,
  CommuneCollection,
  Position,
  QpvCollection,
  RoadCollection,
} from './data-types';
import { createGeocoder, type Geocoder, type GeocoderInput } from './geocoder';
import { candidateQpvs, type QpvCatalogue, qpvCollection } from './qpv-shards';
import { decodeStreetRelation, type StreetIndexFile } from './street-index-file';
import { createQpvIndex, type QpvIndex, type StreetVerdict } from './verdict';

/** Everything a check needs, built once: QPV index, geocoder, covered area, memoised street verdicts. */
export interface CheckContext {
  /** Index of the QPV outlines loaded so far (rebuilt by {@link addQpvFeatures}). */
  index: QpvIndex;
  /** The QPV outlines the index was built from (to draw an answer's nearest boundary, the sides of a street). */
  qpv: QpvCollection;
  /** BAN points (house numbers), when imported: the pin names the nearest address. */
  ban: BanTable | null;
  geocoder: Geocoder;
  /** Extent of the covered communes. */
  area: BBox;
  /** Street verdicts known so far (precomputed in data/streets.json, or computed), by street id. */
  streetVerdicts: Map<number, StreetVerdict>;
  /** Only some outlines are loaded (the browser): answer a point only when those that matter there are. */
  partial: boolean;
  /** Every QPV without outline (with `partial`; may come later, {@link setQpvCatalogue}). */
  catalogue: QpvCatalogue | null;
  /** QPVs that answer the covered area (from data/streets.json), with `partial`. */
  coverage: StreetIndexFile['coverage'] | null;
  /** Outlines loaded so far, by code. */
  loaded: Map<string, QpvCollection['features'][number]>;
}

export interface CheckContextInput {
  /** QPV outlines: all of them (Node), or the shards loaded so far (the browser, with `catalogue`). */
  qpv: QpvCollection;
  /** Road centre-lines and communes (Node), or `streetIndex` (the browser). */
  roads?: RoadCollection;
  communes?: CommuneCollection;
  /** data/streets.json: the streets with their relation to the QPVs precomputed. */
  streetIndex?: StreetIndexFile;
  /**
   * True when `qpv` holds only some outlines (the browser): a point is then answered only once every QPV that can
   * matter there is loaded — known from `streetIndex.coverage` in the covered area, from `catalogue` elsewhere.
   */
  partial?: boolean;
  /** data/qpv/catalogue.json (with `partial`; or later, {@link setQpvCatalogue}). */
  catalogue?: QpvCatalogue | null;
  addresses?: AddressTable | null;
  /** BAN points in the compact form (browser import, `data/ban/`, CLI `--ban`). */
  ban?: BanTable | null;
  /** See {@link GeocoderInput.fastPath} (default true; the answers are the same). */
  fastPath?: boolean;
}

/**
 * Builds the shared context once (QPV index + geocoder, ≈ 0.2 s for the whole area).
 *
 * @example
 * const ctx = createCheckContext({ qpv, roads, communes, addresses: null });
 * checkAddress(ctx, '12 rue Paul Lafargue Croix').status; // → 'dans'
 */
export function createCheckContext(input: CheckContextInput): CheckContext {
  const area: BBox = input.streetIndex
    ? [...input.streetIndex.area]
    : [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (ring: Position[]) => {
    for (const [x, y] of ring) {
      area[0] = Math.min(area[0], x);
      area[1] = Math.min(area[1], y);
      area[2] = Math.max(area[2], x);
      area[3] = Math.max(area[3], y);
    }
  };
  if (!input.streetIndex) {
    for (const f of input.communes?.features ?? []) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) for (const ring of polygon) visit(ring);
    }
  }
  const streetVerdicts = new Map<number, StreetVerdict>();
  const file = input.streetIndex;
  if (file)
    for (let id = 0; id < file.nom.length; id++) streetVerdicts.set(id, decodeStreetRelation(file, id));
  return {
    index: createQpvIndex(input.qpv),
    qpv: input.qpv,
    ban: input.ban ?? null,
    geocoder: createGeocoder({
      ...(file ? { streetIndex: file } : { roads: input.roads, communes: input.communes }),
      addresses: input.addresses ?? null,
      ban: input.ban ?? null,
      fastPath: input.fastPath ?? true,
    }),
    area,
    streetVerdicts,
    partial: input.partial ?? false,
    catalogue: input.catalogue ?? null,
    coverage: file?.coverage ?? null,
    loaded: new Map(input.qpv.features.map((f) => [f.properties.code, f])),
  };
}

/** Adds QPV outlines (e.g. a shard just loaded) and rebuilds the index; returns whether anything was new. */
export function addQpvFeatures(ctx: CheckContext, features: QpvCollection['features']): boolean {
  let added = false;
  for (const f of features) {
    if (ctx.loaded.has(f.properties.code)) continue;
    ctx.loaded.set(f.properties.code, f);
    added = true;
  }
  if (added) ctx.index = createQpvIndex(qpvCollection([...ctx.loaded.values()]));
  return added;
}

/**
 * Whether every QPV that can contain, be nearest to, or be within `reachM` of some point of `box` is loaded — the
 * condition for an answer identical to the one computed with every QPV of France.
 */
export function qpvLoadedFor(ctx: CheckContext, box: BBox, reachM: number): boolean {
  if (!ctx.partial) return true;
  const c = ctx.coverage;
  if (
    c &&
    reachM <= c.reach_m &&
    box[0] >= c.bbox[0] &&
    box[1] >= c.bbox[1] &&
    box[2] <= c.bbox[2] &&
    box[3] <= c.bbox[3]
  )
    return c.qpv.every((code) => ctx.loaded.has(code));
  const catalogue = ctx.catalogue;
  if (!catalogue) return false;
  return candidateQpvs(catalogue.qpv, box, reachM).every((i) => ctx.loaded.has(catalogue.qpv[i]!.code));
}

/** Gives a partial context the catalogue (loaded after the first answer: points outside the covered area). */
export function setQpvCatalogue(ctx: CheckContext, catalogue: QpvCatalogue): void {
  ctx.catalogue = catalogue;
}

/** Reach (m) a point verdict needs around a position: its uncertainty + the widest outline precision. */
export function pointReach(ctx: CheckContext, uncertainty: number): number {
  return uncertainty + Math.max(ctx.index.maxPrecision, 6);
}
