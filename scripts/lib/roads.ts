// Road centre-lines of the area (FrancePack LIL roads, OpenStreetMap-derived): selection by bbox, 6-dp rounding,
// commune of the midpoint.

import { along, booleanPointInPolygon, length as turfLength } from '@turf/turf';
import type {
  BBox,
  LineStringGeometry,
  Position,
  RoadClass,
  RoadProperties,
} from '../../src/domain/data-types';
import type { CommuneFeature } from './communes';
import { DataFileError } from './errors';
import { bboxOf, dropConsecutiveDuplicates, inBBox, roundPos } from './geo';
import type { RawFeature } from './io';

export type RoadFeature = { type: 'Feature'; geometry: LineStringGeometry; properties: RoadProperties };

const CLASSES: readonly string[] = ['highway', 'major', 'minor'];

/** Extent of every vertex of the roads file: the "area" of the app. */
export function roadsExtent(features: RawFeature[]): BBox {
  return bboxOf(features.map((f) => f.geometry?.coordinates));
}

/** INSEE code of the commune containing the point, or null. */
export function communeAt(p: Position, communes: CommuneFeature[]): string | null {
  for (const c of communes) {
    if (!inBBox(p, c.bbox)) continue;
    if (booleanPointInPolygon(p, c.geometry)) return c.properties.insee;
  }
  return null;
}

/** Roads with at least one vertex in `focus`, rounded to `dp` decimals, sorted deterministically. */
export function selectRoads(
  features: RawFeature[],
  label: string,
  focus: BBox,
  communes: CommuneFeature[],
  dp = 6,
): RoadFeature[] {
  const out: { key: string; f: RoadFeature }[] = [];
  for (const [i, f] of features.entries()) {
    const g = f.geometry;
    if (g?.type !== 'LineString') throw new DataFileError(label, `feature ${i}: LineString attendue`);
    const coords = g.coordinates as Position[];
    if (!coords.some((p) => inBBox(p, focus))) continue;
    const p = f.properties ?? {};
    const classe = p.roadClass;
    if (typeof classe !== 'string' || !CLASSES.includes(classe)) {
      throw new DataFileError(label, `feature ${i}: roadClass inconnu (${String(classe)})`);
    }
    const line = dropConsecutiveDuplicates(coords.map((c) => roundPos(c, dp)));
    if (line.length < 2) continue;
    const name = typeof p.name === 'string' ? p.name.trim() : '';
    const geometry: LineStringGeometry = { type: 'LineString', coordinates: line };
    const lineFeature = { type: 'Feature' as const, properties: {}, geometry };
    const mid = along(lineFeature, turfLength(lineFeature) / 2).geometry.coordinates as Position;
    const properties: RoadProperties = {
      nom: name === '' ? null : name,
      classe: classe as RoadClass,
      insee: communeAt(mid, communes),
    };
    const key = `${properties.insee ?? '~'}\u0000${properties.nom ?? '~'}\u0000${classe}\u0000${JSON.stringify(line)}`;
    out.push({ key, f: { type: 'Feature', geometry, properties } });
  }
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out.map((x) => x.f);
}
