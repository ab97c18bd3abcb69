/**
 * The 300 m band of the reduced VAT rate (5,5 %) for social home ownership: dwellings located in a QPV or
 * entirely within 300 m of its limit (CGI art. 278 sexies, as amended by LF 2024 art. 86; domain.md §6). This is
 * a planning aid, not a QPV: the band is labelled with its rule everywhere it is shown. The 500 m variant for
 * renewal (NPNRU) sites is the same computation with `distanceM: 500`.
 */
import { booleanIntersects, buffer, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox, QpvCollection } from './data-types.ts';
import { bboxIntersects, coordinatesBbox, widenBbox } from './geometry/bbox.ts';

export interface VatBandProperties {
  /** Codes of the QPVs whose bands merged into this polygon. */
  codes: string[];
  distance_m: number;
}

export type VatBandFeature = Feature<Polygon | MultiPolygon, VatBandProperties>;

export interface VatBandOptions {
  /** Only QPVs whose bbox, widened by the distance, meets this area. */
  area: BBox;
  /** Buffer distance in metres (300 by default). */
  distanceM?: number;
  /** Buffer arc resolution (Turf `steps` per quarter circle); 8 keeps corners within ≈ 6 m at 300 m. */
  steps?: number;
}

/**
 * Buffers each QPV of the area by `distanceM` and merges overlapping bands, so that neighbouring QPVs give one
 * clean outline. The result covers the QPVs themselves too (the rule is "in the QPV or within 300 m").
 *
 * @param qpvs the 2024 QPV collection (each feature has a `bbox`)
 * @returns one feature per group of touching bands, with the codes it covers
 * @example
 * const band = vatBand(qpvs, { area: [3.10, 50.64, 3.22, 50.72] });
 * band.features[0].properties.codes; // ['QN05980M', …]
 */
export function vatBand(qpvs: QpvCollection, options: VatBandOptions): VatBandFeature[] {
  const distanceM = options.distanceM ?? 300;
  if (!(distanceM > 0)) throw new RangeError('La distance de la bande doit être positive.');
  const steps = options.steps ?? 8;
  const buffered: VatBandFeature[] = [];
  for (const qpv of qpvs.features) {
    if (!qpv.bbox || !bboxIntersects(widenBbox(qpv.bbox, distanceM), options.area)) continue;
    const grown = buffer(qpv as unknown as Feature<MultiPolygon>, distanceM, { units: 'meters', steps });
    if (!grown) continue;
    buffered.push({
      type: 'Feature',
      geometry: grown.geometry,
      properties: { codes: [qpv.properties.code], distance_m: distanceM },
    });
  }
  return mergeTouching(buffered);
}

/** Merges bands whose polygons meet (bbox pre-check, then Turf), keeping the list of codes they cover. */
function mergeTouching(bands: VatBandFeature[]): VatBandFeature[] {
  const merged: VatBandFeature[] = [];
  for (const band of bands) {
    let current = band;
    // Repeat: a union may make `current` touch a group that it did not touch before.
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < merged.length; i++) {
        const other = merged[i]!;
        if (!bboxIntersects(boxOf(current), boxOf(other)) || !booleanIntersects(current, other)) continue;
        const joined = union(featureCollection([current, other]));
        if (!joined) continue;
        current = {
          type: 'Feature',
          geometry: joined.geometry,
          properties: {
            codes: [...other.properties.codes, ...current.properties.codes].sort(),
            distance_m: band.properties.distance_m,
          },
        };
        merged.splice(i, 1);
        changed = true;
        break;
      }
    }
    merged.push(current);
  }
  return merged.sort((a, b) => (a.properties.codes[0]! < b.properties.codes[0]! ? -1 : 1));
}

function boxOf(feature: VatBandFeature): BBox {
  return coordinatesBbox(feature.geometry.coordinates);
}
