// Water polygons (Subway Builder `ocean_depth_index_contours.json`, OpenStreetMap-derived): each record is a
// Polygon with holes (raw README §4.2); records meeting the bbox are clipped to it and rounded.

import { bboxClip } from '@turf/turf';
import gjv from 'geojson-validation';
import type { BBox, PolygonGeometry, Position } from '../../src/domain/data-types';
import { DataFileError } from './errors';
import { bboxesMeet, dropConsecutiveDuplicates, roundPos } from './geo';

export type WaterFeature = { type: 'Feature'; geometry: PolygonGeometry; properties: Record<string, never> };

interface DepthRecord {
  b: BBox;
  p: Position[][];
}

function isDepthRecord(v: unknown): v is DepthRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { b?: unknown; p?: unknown };
  return (
    Array.isArray(r.b) &&
    r.b.length === 4 &&
    r.b.every((n) => typeof n === 'number') &&
    Array.isArray(r.p) &&
    r.p.length > 0 &&
    r.p.every((ring) => Array.isArray(ring))
  );
}

/** Reads `{depths:[{b,d,p}]}`, keeps the records meeting `focus`, clips them to it and rounds to `dp` decimals. */
export function selectWater(data: unknown, label: string, focus: BBox, dp = 6): WaterFeature[] {
  const depths = (data as { depths?: unknown } | null)?.depths;
  if (!Array.isArray(depths))
    throw new DataFileError(label, 'objet {"depths": [...]} attendu (expected {depths})');
  const out: WaterFeature[] = [];
  for (const [i, rec] of depths.entries()) {
    if (!isDepthRecord(rec))
      throw new DataFileError(label, `enregistrement ${i} invalide (record without b/p)`);
    if (!bboxesMeet(rec.b, focus)) continue;
    const polygon = { type: 'Polygon', coordinates: rec.p };
    const errors = gjv.isPolygon(polygon, true);
    if (errors.length > 0)
      throw new DataFileError(label, `enregistrement ${i}: ${errors.slice(0, 2).join('; ')}`);
    const clipped = bboxClip(
      { type: 'Feature', properties: {}, geometry: polygon as PolygonGeometry },
      focus,
    );
    const rings: Position[][] = [];
    for (const ring of clipped.geometry.coordinates as Position[][]) {
      const r = dropConsecutiveDuplicates(ring.map((c) => roundPos(c, dp)));
      if (r.length >= 4) rings.push(r);
      else if (rings.length === 0) break; // outer ring gone: nothing left of this record
    }
    if (rings.length === 0) continue;
    out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: {} });
  }
  return out;
}
