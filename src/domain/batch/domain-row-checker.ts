// The RowChecker backed by the project's domain data. INTERIM: until src/domain/check-address.ts (issue 4) lands,
// points are tested here with a plain even-odd point-in-polygon and a ±15 m boundary band, and text addresses are
// reported as not found with an explicit reason. It will delegate to `checkAddress` / `pointVerdict` so that the
// file check and the resident search always agree.

import type {
  AddressTable,
  CommuneCollection,
  Position,
  QpvCollection,
  RoadCollection,
} from '../data-types.ts';
import { makeLocalProjection } from '../line-relation.ts';
import type { RowQuery } from './column-mapping.ts';
import { notFound, PRECISION_FILE_POINT, type RowChecker, type RowVerdict } from './row-checker.ts';

/** The datasets the checker needs, loaded by the caller (data-loader in the browser, fs in Node). */
export interface BatchData {
  qpv: QpvCollection;
  roads: RoadCollection;
  communes: CommuneCollection;
  addresses: AddressTable | null;
  /** « QP 2024 » + decree, from data/manifest.json. */
  geographyVersion: string;
}

const BAND_M = 15;

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function pointInRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Creates the checker from loaded data.
 *
 * @example
 * const checker = createDomainRowChecker(data);
 * checker.check({ kind: 'point', lon: 3.165, lat: 50.684 }).status; // 'dans' | 'hors' | 'limite'
 */
export function createDomainRowChecker(data: BatchData): RowChecker {
  const project = makeLocalProjection(3.15, 50.68);
  // Margin of the bbox test, in degrees (≈ 15 m at 50.7° N is 0.00021° of longitude): a bit more to be safe.
  const margin = 0.0005;
  function pointVerdict(lon: number, lat: number): RowVerdict {
    const p = project([lon, lat]);
    let best: { code: string; nom: string; inside: boolean; distance: number } | null = null;
    for (const feature of data.qpv.features) {
      const bbox = feature.bbox;
      if (bbox && (lon < bbox[0] - margin || lon > bbox[2] + margin || lat < bbox[1] - margin || lat > bbox[3] + margin)) {
        continue;
      }
      let inside = false;
      let distance = Number.POSITIVE_INFINITY;
      for (const polygon of feature.geometry.coordinates) {
        let insidePolygon = false;
        polygon.forEach((ring, index) => {
          const inRing = pointInRing(lon, lat, ring);
          if (index === 0) insidePolygon = inRing;
          else if (inRing) insidePolygon = false;
          for (let k = 1; k < ring.length; k += 1) {
            distance = Math.min(distance, distanceToSegment(p, project(ring[k - 1]!), project(ring[k]!)));
          }
        });
        if (insidePolygon) inside = true;
      }
      if (!best || (inside && !best.inside) || (inside === best.inside && distance < best.distance)) {
        best = { code: feature.properties.code, nom: feature.properties.nom, inside, distance };
      }
    }
    const base = { precision: PRECISION_FILE_POINT, label: '', lon, lat };
    if (!best) return { ...base, status: 'hors', qpvCode: '', qpvNom: '', distanceM: null, motif: '' };
    const distanceM = Math.round(best.distance * 10) / 10;
    if (distanceM <= BAND_M) {
      return {
        ...base,
        status: 'limite',
        qpvCode: best.code,
        qpvNom: best.nom,
        distanceM,
        motif: `À ${distanceM} m de la limite du QPV : à confirmer sur sig.ville.gouv.fr.`,
      };
    }
    if (best.inside) return { ...base, status: 'dans', qpvCode: best.code, qpvNom: best.nom, distanceM, motif: '' };
    return { ...base, status: 'hors', qpvCode: '', qpvNom: '', distanceM, motif: '' };
  }
  return {
    geographyVersion: data.geographyVersion,
    check(query: RowQuery): RowVerdict {
      if (query.kind === 'point') return pointVerdict(query.lon, query.lat);
      return notFound('Géocodage hors ligne pas encore disponible : placez le point à la main ou ajoutez des coordonnées.');
    },
  };
}
