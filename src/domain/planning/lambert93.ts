/**
 * Lambert-93 (EPSG:2154, the French official planar projection) for area and distance figures of the planning
 * view: WGS 84 [lon, lat] → metres with `proj4`, planar areas by the shoelace formula, intersections with Turf
 * (polyclip) on the projected coordinates, distances to an outline. Used by the data pipeline (`npm run data`) and
 * the tests; the browser does not import this module (proj4 is a devDependency).
 */
import { bboxClip, booleanIntersects, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import type { MultiPolygonGeometry, PolygonGeometry, Position } from '../data-types.ts';

/** EPSG:2154 definition (RGF93 v1 / Lambert-93), as published by IGN / epsg.io. */
export const LAMBERT93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';

const converter = proj4('WGS84', LAMBERT93);

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
/** A MultiPolygon's coordinates in Lambert-93 metres: polygons → rings → [x, y]. */
export type PlanarPolygons = [number, number][][][];

/** WGS 84 [lon, lat] → Lambert-93 [x, y] in metres. */
export function toLambert93(p: Position): [number, number] {
  const [x, y] = converter.forward([p[0], p[1]]);
  return [x as number, y as number];
}

/** Lambert-93 [x, y] in metres → WGS 84 [lon, lat]. */
export function fromLambert93(p: [number, number]): Position {
  const [lon, lat] = converter.inverse([p[0], p[1]]);
  return [lon as number, lat as number];
}

/** The polygons of a (Multi)Polygon, projected to Lambert-93. */
export function projectArea(g: AreaGeometry): PlanarPolygons {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map(toLambert93)));
}

/** Signed shoelace area of a ring (any orientation, closed or not). */
function ringArea(ring: readonly [number, number][]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** Planar area of projected polygons: |outer ring| − Σ |holes|, summed over the polygons, in m². */
export function planarArea(polys: PlanarPolygons): number {
  let total = 0;
  for (const [outer, ...holes] of polys) {
    if (!outer) continue;
    total += Math.abs(ringArea(outer));
    for (const hole of holes) total -= Math.abs(ringArea(hole));
  }
  return total;
}

/** Area of a WGS 84 (Multi)Polygon, measured in Lambert-93, in m². */
export function areaM2(g: AreaGeometry): number {
  return planarArea(projectArea(g));
}

function planarFeature(polys: PlanarPolygons): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polys } };
}

/** Intersection of two projected areas (Lambert-93), or null when they do not overlap. */
export function intersectPlanar(a: PlanarPolygons, b: PlanarPolygons): PlanarPolygons | null {
  const out = intersect(featureCollection([planarFeature(a), planarFeature(b)]));
  if (!out) return null;
  const g = out.geometry;
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PlanarPolygons;
}

/** Area of the intersection of two projected areas, in m² (0 when they only touch or are apart). */
export function intersectionAreaPlanar(a: PlanarPolygons, b: PlanarPolygons): number {
  // polyclip's exact arithmetic is the slow part of the pipeline: both sides are first clipped (floats,
  // Sutherland–Hodgman) to the common bbox, which changes no area inside it, then tested cheaply.
  const ba = planarBbox(a);
  const bb = planarBbox(b);
  const box: [number, number, number, number] = [
    Math.max(ba[0], bb[0]) - 1,
    Math.max(ba[1], bb[1]) - 1,
    Math.min(ba[2], bb[2]) + 1,
    Math.min(ba[3], bb[3]) + 1,
  ];
  if (box[0] > box[2] || box[1] > box[3]) return 0;
  const ca = clipToBox(a, box);
  const cb = clipToBox(b, box);
  if (ca.length === 0 || cb.length === 0) return 0;
  if (!booleanIntersects(planarFeature(ca), planarFeature(cb))) return 0;
  const inter = intersectPlanar(ca, cb);
  return inter ? planarArea(inter) : 0;
}

/** Polygons clipped to a box (rings that vanish are dropped). */
function clipToBox(polys: PlanarPolygons, box: [number, number, number, number]): PlanarPolygons {
  const out: PlanarPolygons = [];
  for (const rings of polys) {
    const clipped = bboxClip({ type: 'Polygon', coordinates: rings }, box).geometry.coordinates as [
      number,
      number,
    ][][];
    const kept = clipped.filter((r) => r.length >= 4 && Math.abs(ringArea(r)) > 0);
    if (kept.length > 0 && kept[0] === clipped[0]) out.push(kept);
  }
  return out;
}

/** Bbox of projected polygons: [minX, minY, maxX, maxY]. */
export function planarBbox(polys: PlanarPolygons): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polys)
    for (const ring of rings)
      for (const [x, y] of ring) {
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      }
  return b;
}

/** Distance from a point to a segment, in the plane. */
function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance in metres (Lambert-93) from a point to the nearest edge of an area's outline (holes included). */
export function distanceToOutlineM(point: Position, g: AreaGeometry): number {
  const p = toLambert93(point);
  let best = Infinity;
  for (const rings of projectArea(g))
    for (const ring of rings)
      for (let i = 0; i + 1 < ring.length; i++)
        best = Math.min(best, segmentDistance(p, ring[i]!, ring[i + 1]!));
  return best;
}

/** True when a projected point lies inside projected polygons (boundary included). */
export function pointInPlanar(p: [number, number], polys: PlanarPolygons): boolean {
  return booleanPointInPolygon(p, planarFeature(polys));
}

/** True when the point lies inside the area (boundary included). */
export function pointInArea(point: Position, g: AreaGeometry): boolean {
  return booleanPointInPolygon(point, { type: 'Feature', properties: {}, geometry: g });
}

/** Distance in metres from a point to an area: 0 inside, else the distance to its outline. */
export function distanceToAreaM(point: Position, g: AreaGeometry): number {
  return pointInArea(point, g) ? 0 : distanceToOutlineM(point, g);
}
