// The seven Saint-Pierre streets of Croix (raw README §4.4): one MultiLineString per street name, measured against
// the QN05980M outline with src/domain/line-relation.ts.

import type { MultiLineStringGeometry, Position, StreetProperties } from '../../src/domain/data-types';
import { type AreaGeometry, measureLineRelation, streetStatus } from '../../src/domain/line-relation';
import { DataFileError } from './errors';
import { dropConsecutiveDuplicates, round, roundPos } from './geo';
import type { RawFeature } from './io';

/**
 * Half-width of the boundary band, metres. 5 m is the band the raw README §4.4 used for its table, and it covers
 * the 4-dp rounding error (≤ 5.6 m N-S) as well as the 1-2 m offset of the centre-lines that follow the QPV edge.
 */
export const STREET_BAND_M = 5;
export const CROIX_INSEE = '59163';
export const EXPECTED_STREETS = 7;

export type StreetFeature = {
  type: 'Feature';
  geometry: MultiLineStringGeometry;
  properties: StreetProperties;
};

/** `Rue du Tonkin` → `rue-du-tonkin`. */
export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Groups the segments by name, rounds to 6 dp and measures each street against `qpv`. */
export function buildStreets(features: RawFeature[], label: string, qpv: AreaGeometry): StreetFeature[] {
  const byName = new Map<string, Position[][]>();
  for (const [i, f] of features.entries()) {
    const name = f.properties?.name;
    if (typeof name !== 'string' || name.trim() === '' || f.geometry?.type !== 'LineString') {
      throw new DataFileError(label, `feature ${i}: LineString nommée attendue`);
    }
    const line = dropConsecutiveDuplicates((f.geometry.coordinates as Position[]).map((p) => roundPos(p, 6)));
    byName.set(name.trim(), [...(byName.get(name.trim()) ?? []), line]);
  }
  if (byName.size !== EXPECTED_STREETS) {
    throw new DataFileError(label, `${EXPECTED_STREETS} rues attendues, ${byName.size} trouvées`);
  }
  const out: StreetFeature[] = [];
  for (const [nom, lines] of byName) {
    // Segment order of the source is kept within a street except for a deterministic sort on the first vertex.
    lines.sort((a, b) => a[0]![0] - b[0]![0] || a[0]![1] - b[0]![1]);
    const geometry: MultiLineStringGeometry = { type: 'MultiLineString', coordinates: lines };
    const r = measureLineRelation(geometry, qpv, { bandM: STREET_BAND_M });
    out.push({
      type: 'Feature',
      geometry,
      properties: {
        id: slugify(nom),
        nom,
        insee: CROIX_INSEE,
        longueur_m: round(r.length_m, 1),
        dedans_m: round(r.inside_m, 1),
        limite_m: round(r.boundary_m, 1),
        dehors_m: round(r.outside_m, 1),
        statut: streetStatus(r),
      },
    });
  }
  return out.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
}
