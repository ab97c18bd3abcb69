// The road centre-lines the browser reads instead of data/roads.geojson (src/domain/street-lines-file.ts):
// data/street-sides.json (the streets the side-of-the-street answers need, with the streets starting on each side)
// and data/street-lines/<insee>.json (every street of a commune, to draw the answered street).
//
// Which streets data/street-sides.json holds, so that the browser's answers are those computed with every road:
// - every street with a side question: its axis follows the outline of its answer's QPV (`streetSides(…).follows`,
//   the condition of src/domain/side-answer.ts); the streets starting on each side are computed here, from all
//   the roads, with the same function;
// - every street a pin beside it may be answered for (`checkPlacedPoint`): its axis comes within ALONG_LIMIT_M of
//   a precise outline (precision ≤ SIDE_PRECISION_LIMIT_M) — kept when the sampled distance of its axis to such an
//   outline is ≤ PIN_STREET_LIMIT_M (the sampled distance exceeds the true one by at most 1 m, street-relation.ts).
// A side question needs its axis within ALONG_LIMIT_M of the outline, so only streets whose sampled nearest
// boundary is within PIN_STREET_LIMIT_M are examined.

import type { QpvCollection } from '../../src/domain/data-types';
import { qpvCollection } from '../../src/domain/qpv-shards';
import { streetNeighbours } from '../../src/domain/side-answer';
import {
  decodeStreetLines,
  encodeStreetLines,
  type StreetLinesFile,
  streetLinesText,
} from '../../src/domain/street-lines-file';
import { streetRelation } from '../../src/domain/street-relation';
import { ALONG_LIMIT_M, SIDE_PRECISION_LIMIT_M, streetSides } from '../../src/domain/street-sides';
import { createQpvIndex } from '../../src/domain/verdict';
import type { RelatedStreets } from './artifacts';
import { DataFileError } from './errors';

/** Sampled axis-to-boundary distance (m) under which a street is examined / kept for pins. */
export const PIN_STREET_LIMIT_M = ALONG_LIMIT_M + SIDE_PRECISION_LIMIT_M + 2;

/** Directory of the per-commune line files in data/ (every file in it is written by this script). */
export const STREET_LINES_DIR = 'street-lines';

function exact(file: StreetLinesFile, streets: RelatedStreets, label: string): void {
  for (const entry of file.streets) {
    const want = streets[entry.rue]!.street.lines;
    if (JSON.stringify(decodeStreetLines(file, entry)) !== JSON.stringify(want))
      throw new DataFileError(label, `rue ${entry.rue} ne se décode pas à l’identique`);
  }
}

/** `street-sides.json` and `street-lines/<insee>.json` → text, with the counts of streets. */
export function streetLinesTexts(
  streets: RelatedStreets,
  qpv: QpvCollection,
): { files: Map<string, string>; counts: Map<string, number> } {
  const byCode = new Map(qpv.features.map((f) => [f.properties.code, f]));
  const all = streets.map((s) => s.street);
  const precise = qpvCollection(
    qpv.features.filter((f) => f.properties.precision_m <= SIDE_PRECISION_LIMIT_M),
  );
  const preciseIndex = createQpvIndex(precise);
  const kept: { id: number; lines: (typeof all)[number]['lines']; facing?: [string[], string[]] }[] = [];
  for (const { street, relation } of streets) {
    if (street.lines.length === 0 || relation.nearest_m === null || relation.nearest_m > PIN_STREET_LIMIT_M)
      continue;
    const feature = relation.qpv ? byCode.get(relation.qpv.code) : undefined;
    const sides = feature
      ? streetSides({
          lines: street.lines,
          outline: feature.geometry.coordinates,
          precision_m: feature.properties.precision_m,
          neighbours: streetNeighbours(all, street),
        })
      : null;
    if (sides?.follows) {
      kept.push({
        id: street.id,
        lines: street.lines,
        facing: [sides.sides[0].facing, sides.sides[1].facing],
      });
      continue;
    }
    const near = precise.features.length > 0 ? streetRelation(preciseIndex, street.lines).nearest_m : null;
    if (near !== null && near <= PIN_STREET_LIMIT_M) kept.push({ id: street.id, lines: street.lines });
  }
  // South-west corner of the streets, whole 10^-6 degrees (the first point of each piece is an offset from it).
  const origin: [number, number] = [
    Math.min(...all.map((s) => s.bbox[0])),
    Math.min(...all.map((s) => s.bbox[1])),
  ];
  const files = new Map<string, string>();
  const counts = new Map<string, number>();
  const sidesFile = encodeStreetLines(streets.length, origin, kept);
  exact(sidesFile, streets, 'data/street-sides.json');
  files.set('street-sides.json', streetLinesText(sidesFile));
  counts.set('street-sides.json', kept.length);
  const byCommune = new Map<string, typeof all>();
  for (const street of all) {
    if (street.lines.length === 0) continue;
    byCommune.set(street.insee, [...(byCommune.get(street.insee) ?? []), street]);
  }
  for (const insee of [...byCommune.keys()].sort()) {
    const list = byCommune.get(insee)!;
    const file = encodeStreetLines(streets.length, origin, list);
    const name = `${STREET_LINES_DIR}/${insee}.json`;
    exact(file, streets, `data/${name}`);
    files.set(name, streetLinesText(file));
    counts.set(name, list.length);
  }
  return { files, counts };
}
