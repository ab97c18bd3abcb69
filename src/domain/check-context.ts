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
import { decodeStreetLines, type StreetLinesFile } from './street-lines-file';
import { createQpvIndex, type QpvIndex, type StreetVerdict } from './verdict';

/** Everything a check needs, built once: QPV index, geocoder, covered area, memoised street verdicts. */
export interface CheckContext {
  /** Index of the QPV outlines loaded so far (rebuilt by {@link addQpvFeatures}). */
  index: QpvIndex;
  /**
   * The QPV outlines the context was created with; with `partial`, shards added later are in `loaded` only: read an
   * outline with {@link loadedOutline}.
   */
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
  /**
   * Streets starting on each side of a boundary street, precomputed (data/street-sides.json), by street id; null
   * until those centre-lines are attached ({@link addStreetLines}).
   */
  facing: Map<number, [string[], string[]]> | null;
  /** Streets of data/streets.json when the context was built from it (its ids), else null. */
  streetIndexSize: number | null;
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
  /** With `streetIndex`: data/street-sides.json, the centre-lines the side-of-the-street answers need. */
  streetLines?: StreetLinesFile;
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
  const geocoder = createGeocoder({
    ...(file ? { streetIndex: file } : { roads: input.roads, communes: input.communes }),
    addresses: input.addresses ?? null,
    ban: input.ban ?? null,
    fastPath: input.fastPath ?? true,
  });
  const ctx: CheckContext = {
    index: createQpvIndex(input.qpv),
    qpv: input.qpv,
    ban: input.ban ?? null,
    geocoder,
    area,
    streetVerdicts,
    partial: input.partial ?? false,
    catalogue: input.catalogue ?? null,
    coverage: file?.coverage ?? null,
    loaded: new Map(input.qpv.features.map((f) => [f.properties.code, f])),
    facing: null,
    streetIndexSize: file ? file.nom.length : null,
  };
  if (input.streetLines) addStreetLines(ctx, input.streetLines);
  return ctx;
}

/**
 * Whether the side-of-the-street answers still lack their centre-lines: a context built from the compact street
 * index before data/street-sides.json was attached (a context built from the roads has every centre-line).
 */
export function needsStreetLines(ctx: CheckContext): boolean {
  return ctx.streetIndexSize !== null && ctx.facing === null;
}

/**
 * Gives the compact index's streets their centre-lines from data/street-sides.json, and the streets starting on
 * each side of the boundary streets: from then on, side questions and pins are answered as with every road.
 */
export function addStreetLines(ctx: CheckContext, lines: StreetLinesFile): void {
  if (ctx.streetIndexSize === null || ctx.facing !== null) return;
  if (lines.rues !== ctx.streetIndexSize)
    throw new Error(
      'Les lignes des rues ne correspondent pas à l’index des rues (données de versions différentes) : rechargez la page.',
    );
  const facing = new Map<number, [string[], string[]]>();
  for (const entry of lines.streets) {
    const street = ctx.geocoder.streets[entry.rue];
    if (!street) continue;
    street.lines = decodeStreetLines(lines, entry);
    if (entry.cotes) facing.set(entry.rue, entry.cotes);
  }
  ctx.facing = facing;
}

/** The outline of a loaded QPV (the shards loaded so far in the browser), or undefined. */
export function loadedOutline(
  ctx: CheckContext,
  code: string,
): QpvCollection['features'][number] | undefined {
  return ctx.loaded.get(code);
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
