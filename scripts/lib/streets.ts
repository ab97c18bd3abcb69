// The seven Saint-Pierre streets of Croix (raw README §4.4): one MultiLineString per street name, related to the QPVs
// with src/domain/street-relation.ts — the same function, band and answer as the search's street-level answer.

import type { MultiLineStringGeometry, Position, StreetProperties } from '../../src/domain/data-types';
import { type StreetRelation, streetRelation } from '../../src/domain/street-relation';
import { stripAccents } from '../../src/domain/text.ts';
import type { QpvIndex } from '../../src/domain/verdict';
import { DataFileError } from './errors';
import { dropConsecutiveDuplicates, round, roundPos } from './geo';
import type { RawFeature } from './io';

/** Metres outside beyond the band below which a `limite` street is not called « partiel » (sampling noise). */
export const OUTSIDE_TOLERANCE_M = 1;
export const CROIX_INSEE = '59163';
export const EXPECTED_STREETS = 7;

export type StreetFeature = {
  type: 'Feature';
  geometry: MultiLineStringGeometry;
  properties: StreetProperties;
};

/** `Rue du Tonkin` → `rue-du-tonkin`. */
export function slugify(s: string): string {
  return stripAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The list's reading of the street answer: `dans` → `dedans`; `limite` → `partiel` when more than 1 m lies outside
 * beyond the band, else `limite`. No Saint-Pierre street is `hors` (that would be a data error).
 */
export function streetListStatus(
  r: StreetRelation,
  label: string,
  nom: string,
): StreetFeature['properties']['statut'] {
  if (r.status === 'dans') return 'dedans';
  if (r.status === 'hors') throw new DataFileError(label, `${nom} : hors de tout QPV`);
  return r.outside_m > OUTSIDE_TOLERANCE_M ? 'partiel' : 'limite';
}

/** Groups the segments by name, rounds to 6 dp and relates each street to the QPVs of `index`. */
export function buildStreets(features: RawFeature[], label: string, index: QpvIndex): StreetFeature[] {
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
    const r = streetRelation(index, lines);
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
        marge_m: round(r.band_m, 1),
        statut: streetListStatus(r, label, nom),
      },
    });
  }
  return out.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
}
