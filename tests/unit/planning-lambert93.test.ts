// Lambert-93 measures of the planning view (src/domain/planning/lambert93.ts) against independent truths: a
// rectangle measured by hand, Turf's geodesic area, and the figures of the raw README (pyproj/shapely).
import { readFileSync } from 'node:fs';
import { pointToLineDistance, polygonToLine, area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { MultiPolygonGeometry, PolygonGeometry, Position } from '../../src/domain/data-types.ts';
import {
  areaM2,
  distanceToAreaM,
  distanceToOutlineM,
  fromLambert93,
  intersectionAreaPlanar,
  planarArea,
  planarBbox,
  projectArea,
  toLambert93,
} from '../../src/domain/planning/lambert93.ts';

type Area = PolygonGeometry | MultiPolygonGeometry;
const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const qpv = json<{ features: { properties: { code: string }; geometry: Area }[] }>('data/qpv-2024.geojson');
const focus = qpv.features.find((f) => f.properties.code === 'QN05980M')!.geometry;
const communes = json<{ features: { properties: { insee: string; source: string }; geometry: Area }[] }>(
  'data/communes.geojson',
);
const commune = (insee: string): Area =>
  communes.features.find((f) => f.properties.insee === insee)!.geometry;

/** A rectangle drawn in Lambert-93 metres, written in WGS 84. */
function l93Rectangle(x: number, y: number, w: number, h: number): PolygonGeometry {
  const ring: [number, number][] = [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: [ring.map(fromLambert93)] };
}

describe('Lambert-93 projection and areas', () => {
  it('projects QN05980M onto the Lambert-93 bbox of the raw README (pyproj): X 710472–715117, Y 7064594–7068520', () => {
    const [x0, y0, x1, y1] = planarBbox(projectArea(focus)).map(Math.round);
    expect(Math.abs(x0! - 710472)).toBeLessThanOrEqual(1);
    expect(Math.abs(y0! - 7064594)).toBeLessThanOrEqual(1);
    expect(Math.abs(x1! - 715117)).toBeLessThanOrEqual(1);
    expect(Math.abs(y1! - 7068520)).toBeLessThanOrEqual(1);
  });

  it('round-trips a point to the millimetre', () => {
    const p: Position = [3.155, 50.686];
    const back = fromLambert93(toLambert93(p));
    expect(Math.abs(back[0] - p[0])).toBeLessThan(1e-8);
    expect(Math.abs(back[1] - p[1])).toBeLessThan(1e-8);
  });

  it('measures a 120 m × 250 m rectangle as 30 000 m² (by hand); Turf’s sphere gives 0.5–1 % less', () => {
    const [x, y] = toLambert93([3.155, 50.686]);
    const rect = l93Rectangle(x, y, 120, 250);
    expect(areaM2(rect)).toBeCloseTo(30_000, 1);
    const geodesic = turfArea({ type: 'Feature', properties: {}, geometry: rect });
    // Lambert-93 enlarges lengths north of its secant parallels (44° and 49° N): at Croix (50.7° N) a planar
    // area is ≈ 0.7 % larger than Turf's spherical one. Both routes must agree within 1 %, Turf being smaller.
    expect(geodesic).toBeLessThan(30_000);
    expect(Math.abs(geodesic / 30_000 - 1)).toBeLessThan(0.01);
  });

  it('subtracts holes', () => {
    const [x, y] = toLambert93([3.155, 50.686]);
    const outer = l93Rectangle(x, y, 100, 100).coordinates[0]!;
    const hole = l93Rectangle(x + 10, y + 10, 20, 30).coordinates[0]!;
    expect(areaM2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(10_000 - 600, 1);
  });

  it('intersects two overlapping rectangles: 60 m × 40 m in common (by hand)', () => {
    const [x, y] = toLambert93([3.155, 50.686]);
    const a = projectArea(l93Rectangle(x, y, 100, 100));
    const b = projectArea(l93Rectangle(x + 40, y + 60, 100, 100));
    expect(intersectionAreaPlanar(a, b)).toBeCloseTo(60 * 40, 1);
    const apart = projectArea(l93Rectangle(x + 500, y, 10, 10));
    expect(intersectionAreaPlanar(a, apart)).toBe(0);
  });

  it('gives QN05980M 8.2255 km² (raw README, 6-dp polygon)', () => {
    expect(Math.abs(areaM2(focus) / 8_225_500 - 1)).toBeLessThan(0.001);
  });

  it('splits QN05980M by the cadastre communes as the raw README (shapely/pyproj) does, within 1 %', () => {
    const planar = projectArea(focus);
    const part = (insee: string): number => intersectionAreaPlanar(planar, projectArea(commune(insee)));
    // Croix: 62 489 m² in one piece plus three slivers of 59, 6 and 40 m².
    expect(Math.abs(part('59163') / (62_489 + 105) - 1)).toBeLessThan(0.01);
    expect(Math.abs(part('59512') / 7_353_000 - 1)).toBeLessThan(0.01);
    expect(Math.abs(part('59650') / 567_000 - 1)).toBeLessThan(0.01);
    expect(Math.abs(part('59599') / 242_000 - 1)).toBeLessThan(0.01);
    expect(communes.features.find((f) => f.properties.insee === '59163')!.properties.source).toBe('cadastre');
  });

  it('measures a point’s distance to the outline like Turf does (within 0.5 %)', () => {
    const outline = polygonToLine({ type: 'Feature', properties: {}, geometry: focus as PolygonGeometry });
    // Tourcoing's France services (raw README: 2.0 km) and a point inside, near Roubaix town hall.
    for (const p of [
      [3.178777, 50.73093],
      [3.200721, 50.685211],
    ] as Position[]) {
      const lines = outline.type === 'FeatureCollection' ? outline.features : [outline];
      const turf = Math.min(
        ...lines.map((line) =>
          pointToLineDistance(p, line as never, { units: 'meters', method: 'geodesic' }),
        ),
      );
      expect(Math.abs(distanceToOutlineM(p, focus) / turf - 1)).toBeLessThan(0.005);
    }
    expect(distanceToAreaM([3.200721, 50.685211], focus)).toBe(0);
  });

  it('a planar area is positive whatever the ring orientation', () => {
    const cw: [number, number][][][] = [
      [
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ],
      ],
    ];
    expect(planarArea(cw)).toBe(100);
  });
});
