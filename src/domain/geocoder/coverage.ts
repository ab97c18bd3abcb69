// Which communes the street data cover: entirely, partly or not at all. The road centre-lines were selected in a
// rectangle (data/README.md: roads with a vertex in [3.06899, 50.59904, 3.213861, 50.74904], recorded in
// src/territory/territory.ts); a commune outline cut by that rectangle is only partly known, and a street « not
// found » there may simply be in the part the map does not have. Share = area of the outline inside the rectangle /
// area of the outline (planar, local frame), by clipping each ring to the rectangle (Sutherland–Hodgman).

import type { BBox, Position } from '../data-types';

export type Coverage = 'entiere' | 'partielle' | 'aucune';

/** Which side(s) of a partly covered commune the data have: the rectangle's cut edges, seen from the commune. */
export type CoveredSide = 'est' | 'ouest' | 'nord' | 'sud';

export interface CommuneCoverage {
  couverture: Coverage;
  /** Share of the commune's area inside the data's rectangle, 0–1 (rounded to 3 decimals). */
  part: number;
  /** Where the known part lies (« la partie est »): the opposite of the edges that cut the commune. */
  cote: CoveredSide | null;
}

/** Below / above these shares a commune counts as not covered / entirely covered (outline generalisation noise). */
const NONE_BELOW = 0.01;
const ALL_ABOVE = 0.99;

function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(sum) / 2;
}

function clipRing(ring: readonly Position[], box: BBox): Position[] {
  type Edge = (p: Position) => boolean;
  const edges: [Edge, (a: Position, b: Position) => Position][] = [
    [(p) => p[0] >= box[0], (a, b) => cutX(a, b, box[0])],
    [(p) => p[0] <= box[2], (a, b) => cutX(a, b, box[2])],
    [(p) => p[1] >= box[1], (a, b) => cutY(a, b, box[1])],
    [(p) => p[1] <= box[3], (a, b) => cutY(a, b, box[3])],
  ];
  let out: Position[] = ring.slice();
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) out.push(cut(previous, current));
        out.push(current);
      } else if (inside(previous)) out.push(cut(previous, current));
    }
    if (out.length === 0) break;
  }
  return out;
}

const cutX = (a: Position, b: Position, x: number): Position => [
  x,
  a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]),
];
const cutY = (a: Position, b: Position, y: number): Position => [
  a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]),
  y,
];

/**
 * Coverage of a commune (its polygons, holes included) by the data's rectangle.
 *
 * @example
 * communeCoverage([[[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]]], [1, -1, 3, 2]);
 * // → { couverture: 'partielle', part: 0.5, cote: 'est' }
 */
export function communeCoverage(
  polygons: readonly (readonly (readonly Position[])[])[],
  box: BBox,
): CommuneCoverage {
  let total = 0;
  let inside = 0;
  const extent: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    polygon.forEach((ring, k) => {
      const sign = k === 0 ? 1 : -1;
      total += sign * ringArea(ring);
      inside += sign * ringArea(clipRing(ring, box));
      if (k === 0)
        for (const [x, y] of ring) {
          extent[0] = Math.min(extent[0], x);
          extent[1] = Math.min(extent[1], y);
          extent[2] = Math.max(extent[2], x);
          extent[3] = Math.max(extent[3], y);
        }
    });
  }
  const part = total > 0 ? Math.round((inside / total) * 1000) / 1000 : 0;
  const couverture: Coverage = part < NONE_BELOW ? 'aucune' : part > ALL_ABOVE ? 'entiere' : 'partielle';
  let cote: CoveredSide | null = null;
  if (couverture === 'partielle') {
    // The edge cutting the commune the most (in share of its extent) says where the known part is not.
    const width = extent[2] - extent[0];
    const height = extent[3] - extent[1];
    const cuts: [CoveredSide, number][] = [
      ['est', (box[0] - extent[0]) / width], // cut on the west: the east is known
      ['ouest', (extent[2] - box[2]) / width],
      ['nord', (box[1] - extent[1]) / height],
      ['sud', (extent[3] - box[3]) / height],
    ];
    cuts.sort((a, b) => b[1] - a[1]);
    cote = cuts[0]![1] > 0 ? cuts[0]![0] : null;
  }
  return { couverture, part, cote };
}

/** A commune associée (Hellemmes, Lomme…) and whether the data's rectangle holds it. */
export interface AssociatedCommune {
  nom: string;
  codePostal: string;
  inRoadsBox: boolean;
}

const joinFr = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;

/**
 * For a street of a partly covered commune with communes associées (Lille: Hellemmes, Lomme): what its label adds,
 * and the sentence that keeps its answer from being taken as certain. Street names are unique within a commune,
 * but not across its former communes: Hellemmes has its own « Place de la République », and so may Lomme, which the
 * data do not have. Null otherwise (a street found in another partly covered commune is the one meant).
 *
 * @example
 * partialCoverageWords('Lille', 'partielle', 'est', [{ nom: 'Hellemmes', codePostal: '59260', inRoadsBox: true }]).zone
 * // → 'partie est, dont Hellemmes'
 */
export function partialCoverageWords(
  nom: string,
  couverture: Coverage,
  cote: CoveredSide | null,
  associated: readonly AssociatedCommune[],
): { zone: string; partie: string } | null {
  if (couverture !== 'partielle' || associated.length === 0) return null;
  const inside = associated.filter((a) => a.inRoadsBox).map((a) => a.nom);
  const part = cote ? `partie ${cote}` : 'une partie';
  const zone = `${part}${inside.length > 0 ? `, dont ${joinFr(inside)}` : ''}`;
  const partie = `${coverageSentence(nom, couverture, cote, associated)} : une voie du même nom peut exister dans le reste de la commune. Vérifiez qu’il s’agit bien de votre rue, ou placez votre logement sur la carte.`;
  return { zone, partie };
}

/**
 * What the map's data hold of a commune, as a sentence without its full stop: « Seule la partie est de Lille, dont
 * Hellemmes, figure dans les données de la carte (sans Lomme) », « Capinghem ne figure pas dans les données de la
 * carte »; empty for an entirely covered commune.
 */
export function coverageSentence(
  nom: string,
  couverture: Coverage,
  cote: CoveredSide | null,
  associated: readonly AssociatedCommune[],
): string {
  if (couverture === 'entiere') return '';
  if (couverture === 'aucune') return `${nom} ne figure pas dans les données de la carte`;
  const inside = associated.filter((a) => a.inRoadsBox).map((a) => a.nom);
  const outside = associated.filter((a) => !a.inRoadsBox).map((a) => a.nom);
  const known = cote ? `la partie ${cote} de ${nom}` : `une partie de ${nom}`;
  const without = outside.length > 0 ? ` (sans ${joinFr(outside)})` : '';
  return `Seule ${known}${inside.length > 0 ? `, dont ${joinFr(inside)},` : ''} figure dans les données de la carte${without}`;
}
