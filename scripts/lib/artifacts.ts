// The compact artifacts the browser reads instead of the source GeoJSON (issue 10): data/streets.json (street index
// with each street's relation to the QPVs, src/domain/street-index-file.ts), data/qpv/catalogue.json and
// data/qpv/shards/<département>.json (verdict geometry, src/domain/qpv-shards.ts). Deterministic: fixed orders,
// integers or already-rounded numbers, `\n` endings.

import type { BBox, CommuneCollection, QpvCollection, RoadCollection } from '../../src/domain/data-types';
import type { Street } from '../../src/domain/geocoder';
import { createGeocoder } from '../../src/domain/geocoder';
import { communeCoverage } from '../../src/domain/geocoder/coverage';
import {
  candidateQpvs,
  decodeQpv,
  encodeQpv,
  type QpvCatalogue,
  type QpvShardFile,
  shardIdOf,
} from '../../src/domain/qpv-shards';
import { encodeStreetIndex, type StreetIndexFile } from '../../src/domain/street-index-file';
import { type StreetRelation, streetRelation } from '../../src/domain/street-relation';
import type { QpvIndex } from '../../src/domain/verdict';
import { TERRITORY } from '../../src/territory/territory';
import { DataFileError } from './errors';
import { sha256 } from './io';
import type { QpvFeature } from './qpv';

/** Margin (degrees) around the communes' extent and reach (m) the street index's `coverage` answers for. */
export const COVERAGE_MARGIN_DEG = 0.01;
export const COVERAGE_REACH_M = 1000;

/** The geocoder's streets with their relation to the QPVs (computed once for the street index and the lines). */
export type RelatedStreets = { street: Street; relation: StreetRelation }[];

/** The geocoder's own street list: the browser's geocoder rebuilds exactly these streets, in this order. */
export function relatedStreets(
  roads: RoadCollection,
  communes: CommuneCollection,
  index: QpvIndex,
): RelatedStreets {
  const geocoder = createGeocoder({ roads, communes, addresses: null });
  return geocoder.streets.map((street) => ({
    street,
    relation: streetRelation(
      index,
      street.lines.length > 0 ? street.lines : [[street.center, street.center]],
    ),
  }));
}

/** Street index text (`data/streets.json`) and its street count. */
export function streetIndexText(
  streets: RelatedStreets,
  communes: CommuneCollection,
  qpv: readonly QpvFeature[],
): { text: string; count: number } {
  const area: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of communes.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons)
      for (const ring of polygon)
        for (const [x, y] of ring) {
          area[0] = Math.min(area[0], x);
          area[1] = Math.min(area[1], y);
          area[2] = Math.max(area[2], x);
          area[3] = Math.max(area[3], y);
        }
  }
  const m = COVERAGE_MARGIN_DEG;
  const box: BBox = [area[0] - m, area[1] - m, area[2] + m, area[3] + m].map(
    (v) => Math.round(v * 1e5) / 1e5,
  ) as BBox;
  const needed = candidateQpvs(qpv, box, COVERAGE_REACH_M).map((i) => qpv[i]!.properties.code);
  const file = encodeStreetIndex(
    {
      area,
      coverage: {
        bbox: box,
        reach_m: COVERAGE_REACH_M,
        qpv: needed,
        shards: [...new Set(needed.map(shardIdOf))].sort(),
      },
      // Each commune's coverage by the road data, as the geocoder computes it from the outline (coverage.ts).
      communes: [...communes.features]
        .map((f): StreetIndexFile['communes'][number] => {
          const c = communeCoverage(
            f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
            [...TERRITORY.roadsBox] as BBox,
          );
          return [f.properties.insee, f.properties.nom, f.properties.codes_postaux, c.couverture, c.cote];
        })
        .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    },
    streets,
  );
  // One field per line: compact, yet diffable.
  const lines = Object.entries(file).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return { text: `{\n${lines.join(',\n')}\n}\n`, count: file.nom.length };
}

/** Catalogue text and shard texts (`qpv/shards/<id>.json` → text). Checks that every outline decodes exactly. */
export function qpvShardTexts(
  qpv: readonly QpvFeature[],
  melCodes: ReadonlySet<string>,
): { catalogue: string; shards: Map<string, string> } {
  const groups = new Map<string, QpvFeature[]>();
  for (const f of qpv) {
    const id = shardIdOf(f.properties.code);
    groups.set(id, [...(groups.get(id) ?? []), f]);
  }
  const shards = new Map<string, string>();
  const refs: QpvCatalogue['shards'] = [];
  for (const id of [...groups.keys()].sort()) {
    const features = groups.get(id)!;
    const file: QpvShardFile = {
      id,
      qpv: features.map((f) => {
        const encoded = encodeQpv(f);
        if (JSON.stringify(decodeQpv(encoded).coordinates) !== JSON.stringify(f.geometry.coordinates))
          throw new DataFileError(
            `data/qpv/shards/${id}.json`,
            `${f.properties.code} ne se décode pas à l’identique`,
          );
        return encoded;
      }),
    };
    const text = `{"id":${JSON.stringify(id)},"qpv":[\n${file.qpv.map((q) => JSON.stringify(q)).join(',\n')}\n]}\n`;
    const path = `qpv/shards/${id}.json`;
    shards.set(path, text);
    const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of features) {
      bbox[0] = Math.min(bbox[0], f.bbox[0]);
      bbox[1] = Math.min(bbox[1], f.bbox[1]);
      bbox[2] = Math.max(bbox[2], f.bbox[2]);
      bbox[3] = Math.max(bbox[3], f.bbox[3]);
    }
    refs.push({ id, bbox, file: path, sha256: sha256(text) });
  }
  const catalogue: QpvCatalogue = {
    qpv: qpv.map((f) => ({
      code: f.properties.code,
      nom: f.properties.nom,
      insee: f.properties.insee,
      communes: f.properties.communes,
      bbox: f.bbox,
      precision_m: f.properties.precision_m,
      mel: melCodes.has(f.properties.code),
      source: f.properties.source,
      shard: shardIdOf(f.properties.code),
    })),
    shards: refs,
  };
  const text = `{"qpv":[\n${catalogue.qpv.map((q) => JSON.stringify(q)).join(',\n')}\n],"shards":[\n${refs.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
  return { catalogue: text, shards };
}

/** Shapes the build's QPV features as a collection (they already are sorted by code). */
export function asQpvCollection(qpv: readonly QpvFeature[]): QpvCollection {
  return { type: 'FeatureCollection', features: [...qpv] };
}
