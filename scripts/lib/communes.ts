// Communes of the covered area (IGN Admin Express COG 2018, simplified, via gregoiredavid/france-geojson), with their
// postcodes from the La Poste base (npm codes-postaux).

import { createRequire } from 'node:module';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type {
  BBox,
  CommuneProperties,
  MultiPolygonGeometry,
  PolygonGeometry,
} from '../../src/domain/data-types';
import { DataFileError } from './errors';
import { bboxesMeet, bboxOf } from './geo';
import type { RawFeature } from './io';

interface PostcodeEntry {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
}

let postcodeIndex: Map<string, { postcodes: string[]; nom: string }> | null = null;

/** INSEE code → sorted distinct postcodes and name, from codes-postaux (La Poste base officielle). */
export function postcodeLookup(): Map<string, { postcodes: string[]; nom: string }> {
  if (postcodeIndex) return postcodeIndex;
  const require = createRequire(import.meta.url);
  const entries = require('codes-postaux/codes-postaux.json') as PostcodeEntry[];
  const index = new Map<string, { postcodes: string[]; nom: string }>();
  for (const e of entries) {
    const cur = index.get(e.codeCommune) ?? { postcodes: [], nom: e.nomCommune };
    if (!cur.postcodes.includes(e.codePostal)) cur.postcodes.push(e.codePostal);
    index.set(e.codeCommune, cur);
  }
  for (const v of index.values()) v.postcodes.sort();
  postcodeIndex = index;
  return index;
}

export type CommuneFeature = {
  type: 'Feature';
  bbox: BBox;
  geometry: PolygonGeometry | MultiPolygonGeometry;
  properties: CommuneProperties;
};

/** Keeps the communes whose outline meets `area`; sorted by INSEE code. */
export function selectCommunes(features: RawFeature[], label: string, area: BBox): CommuneFeature[] {
  const box = bboxPolygon(area);
  const postcodes = postcodeLookup();
  const out: CommuneFeature[] = [];
  for (const [i, f] of features.entries()) {
    const p = f.properties ?? {};
    const g = f.geometry;
    if (typeof p.code !== 'string' || typeof p.nom !== 'string') {
      throw new DataFileError(label, `feature ${i}: propriétés code/nom attendues`);
    }
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new DataFileError(label, `${p.code}: géométrie (Multi)Polygon attendue`);
    }
    const geometry = g as PolygonGeometry | MultiPolygonGeometry;
    const bbox = bboxOf(geometry.coordinates);
    if (!bboxesMeet(bbox, area)) continue;
    if (!booleanIntersects({ type: 'Feature', properties: {}, geometry }, box)) continue;
    out.push({
      type: 'Feature',
      bbox,
      geometry,
      properties: {
        insee: p.code,
        nom: p.nom,
        codes_postaux: postcodes.get(p.code)?.postcodes ?? [],
        source: 'admin-express-2018-simplifie',
      },
    });
  }
  return out.sort((a, b) => (a.properties.insee < b.properties.insee ? -1 : 1));
}
