// communes-cadastre.ts — cadastre outlines for the covered communes (issue 12).
//
// Reads: autmel-geoservice-data/communes_MEL_cadastre_etalab_bbox.geojson (AUT-MEL, GPL-3.0; Etalab / DGFiP
//   cadastre, LO 2.0), already parsed by scripts/build-data.ts.
// Writes nothing itself: replaces, in the communes selected from the simplified 2018 file, the outline of every
//   commune present in the cadastre file (rounded to 6 decimals, consecutive duplicates dropped) and sets the
//   `source` property ('cadastre' or 'admin-express-2018-simplifie'); data/communes.geojson is written by
//   build-data.ts.

import type { MultiPolygonGeometry, PolygonGeometry, Position } from '../../src/domain/data-types';
import type { CommuneFeature } from '../lib/communes';
import { DataFileError } from '../lib/errors';
import { bboxOf, dropConsecutiveDuplicates, roundPos } from '../lib/geo';
import type { RawFeature } from '../lib/io';

/** Rounds every ring to `dp` decimals and drops the vertices that rounding made duplicate. */
export function roundArea(
  g: PolygonGeometry | MultiPolygonGeometry,
  dp = 6,
): PolygonGeometry | MultiPolygonGeometry {
  const ring = (r: Position[]): Position[] => dropConsecutiveDuplicates(r.map((p) => roundPos(p, dp)));
  const poly = (rings: Position[][]): Position[][] => rings.map(ring).filter((r) => r.length >= 4);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: poly(g.coordinates) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map(poly).filter((p) => p.length > 0) };
}

/**
 * Swaps in the cadastre outlines. Returns the communes (same order, INSEE-sorted) and the INSEE codes that now
 * carry a cadastre outline.
 */
export function withCadastreOutlines(
  communes: CommuneFeature[],
  cadastre: RawFeature[],
  label: string,
): { communes: CommuneFeature[]; cadastre: Set<string> } {
  const byInsee = new Map<string, PolygonGeometry | MultiPolygonGeometry>();
  for (const [i, f] of cadastre.entries()) {
    const insee = f.properties?.idInsee;
    const g = f.geometry;
    if (typeof insee !== 'string' || !/^59\d{3}$/.test(insee))
      throw new DataFileError(label, `entité ${i}: idInsee attendu (missing idInsee)`);
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      throw new DataFileError(label, `${insee}: géométrie (Multi)Polygon attendue`);
    if (byInsee.has(insee)) throw new DataFileError(label, `${insee} en double (duplicate)`);
    byInsee.set(insee, g as PolygonGeometry | MultiPolygonGeometry);
  }
  const used = new Set<string>();
  const out = communes.map((c): CommuneFeature => {
    const g = byInsee.get(c.properties.insee);
    if (!g) return { ...c, properties: { ...c.properties, source: 'admin-express-2018-simplifie' } };
    used.add(c.properties.insee);
    const geometry = roundArea(g);
    return {
      type: 'Feature',
      bbox: bboxOf(geometry.coordinates),
      geometry,
      properties: { ...c.properties, source: 'cadastre' },
    };
  });
  if (!used.has('59163')) throw new DataFileError(label, 'Croix (59163) absente du cadastre');
  return { communes: out, cadastre: used };
}
