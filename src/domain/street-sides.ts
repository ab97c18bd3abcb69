// The two sides of a street whose centre-line is (part of) a QPV boundary. Where the official outline follows the
// street's axis, one row of houses is in the quartier and the other is not: a street-level answer has to be
// « en limite », but a resident knows which side they live on. This module builds the two sides (lines offset a
// few metres left and right of the axis), says which one is inside, and names them by what people see from the
// street (the streets that start on that side, when there are some).
//
// Pure planar geometry in a local metric frame centred on the street (./geo-math.ts, < 0.1 % error at this scale). Point-in-polygon is even-odd over every ring (holes included).

import type { Position } from './data-types';
import { localScale } from './geometry/projection.ts';

/** How far (m) from the axis each side is sampled: beyond the OpenStreetMap axis' own error (≈ 2–3 m) and the
 * outline's offset from it, within the row of houses (façades stand ≈ 5–8 m from the axis in Croix). */
export const SIDE_OFFSET_M = 8;

/** An axis sample farther than this (m) from the boundary is not « along » it. */
export const ALONG_LIMIT_M = 5;

/** Sampling step (m) along the axis. */
const STEP_M = 2;

/** A side sample this close (m) to the boundary (a corner at the street's end) counts for neither state. */
const CORNER_M = SIDE_OFFSET_M / 2;

/** Metres of a side on the other state that are still read as noise (a sample or two at a corner). */
const SIDE_NOISE_M = 4;

/** A street that starts this close (m) to a dead end of the axis continues it: it is on neither side. */
const END_JUNCTION_M = 12;

export type Compass = 'nord' | 'nord-est' | 'est' | 'sud-est' | 'sud' | 'sud-ouest' | 'ouest' | 'nord-ouest';

/** An outline coarser than this (m, its `precision_m`) cannot tell the two sides of a street apart. */
export const SIDE_PRECISION_LIMIT_M = 1;

export type SideId = 'gauche' | 'droite';

export type SideStatus = 'dans' | 'hors' | 'mixte';

/** A side of the street: where its houses are, and whether they are in the quartier. */
export interface StreetSide {
  id: SideId;
  /** Offset line(s), `SIDE_OFFSET_M` from the axis on that side (`[lon, lat]`), one per axis piece. */
  lines: Position[][];
  /** `dans`: every sample of that side is inside the outline; `hors`: none is; `mixte`: some are. */
  status: SideStatus;
  /** Metres of that side inside and outside the outline. */
  inside_m: number;
  outside_m: number;
  /** Names of the streets that start on that side (T-junctions), nearest the middle first. */
  facing: string[];
  /** Direction of that side seen from the axis (mean of the offsets, by length). */
  compass: Compass;
}

export interface StreetSides {
  /** Metres of axis within {@link ALONG_LIMIT_M} of the boundary. */
  along_m: number;
  length_m: number;
  /** Whether the boundary follows the street (≥ 30 m or a third of it along the boundary). */
  follows: boolean;
  /** Whether the outline is precise enough ({@link SIDE_PRECISION_LIMIT_M}) to answer for a side. */
  precise: boolean;
  sides: [StreetSide, StreetSide];
}

/** Another street that may start on one side (its centre-line pieces). */
export interface NeighbourStreet {
  nom: string;
  lines: readonly (readonly Position[])[];
}

export interface StreetSidesInput {
  /** Centre-line pieces of the street, `[lon, lat]`. */
  lines: readonly (readonly Position[])[];
  /** The QPV outline (MultiPolygon coordinates). */
  outline: readonly (readonly (readonly Position[])[])[];
  /** The outline's `precision_m`. */
  precision_m: number;
  /** Streets around, to name the sides (optional). */
  neighbours?: readonly NeighbourStreet[];
  /**
   * The streets starting on each side, already known (data/street-sides.json, computed by `npm run data` from the
   * neighbours with this very function): `neighbours` is then not read.
   */
  facing?: readonly [readonly string[], readonly string[]];
  /** Offset (m), default {@link SIDE_OFFSET_M}. */
  offset_m?: number;
}

type XY = [number, number];

function pointInRings(rings: readonly XY[][], p: XY): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
        inside = !inside;
    }
  }
  return inside;
}

function distanceToRings(rings: readonly XY[][], p: XY): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
      best = Math.min(best, Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]));
    }
  }
  return best;
}

/** Signed side of p relative to the nearest segment of a polyline: > 0 left, < 0 right; with its distance. */
function sideOf(line: readonly XY[], p: XY): { side: number; distance: number; along: number; foot: XY } {
  let best = Infinity;
  let side = 0;
  let along = 0;
  let foot: XY = [0, 0];
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    const t =
      len === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (len * len)));
    const d = Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    if (d < best) {
      best = d;
      side = dx * (p[1] - a[1]) - dy * (p[0] - a[0]);
      along = walked + t * len;
      foot = [a[0] + t * dx, a[1] + t * dy];
    }
    walked += len;
  }
  return { side, distance: best, along, foot };
}

/**
 * The two sides of a street against one QPV outline.
 *
 * @example
 * // An east-west street on the southern edge of a square QPV: the left (north) side is inside.
 * const s = streetSides({ lines: [[[0, 0], [0.001, 0]]], outline: [[[[0, 0], [0.002, 0], [0.002, 0.002], [0, 0.002], [0, 0]]]], precision_m: 0.1 });
 * s.sides[0].status; // → 'dans' (gauche); s.sides[1].status → 'hors'
 */
export function streetSides(input: StreetSidesInput): StreetSides {
  const offset = input.offset_m ?? SIDE_OFFSET_M;
  const first = input.lines.find((l) => l.length > 0)?.[0] ?? [0, 0];
  const { kx, ky } = localScale(first[1]);
  const project = (p: Position): XY => [(p[0] - first[0]) * kx, (p[1] - first[1]) * ky];
  const unproject = (p: XY): Position => [first[0] + p[0] / kx, first[1] + p[1] / ky];
  const rings: XY[][] = input.outline.flatMap((polygon) =>
    polygon.map((ring) => ring.map((p) => project(p))),
  );
  const axes: XY[][] = input.lines.filter((l) => l.length >= 2).map((l) => l.map((p) => project(p)));

  let length = 0;
  let along = 0;
  // Mean left normal, weighted by length: the compass direction of the left side.
  let normalX = 0;
  let normalY = 0;
  const sides = [
    { id: 'gauche' as const, sign: 1, lines: [] as Position[][], inside: 0, outside: 0 },
    { id: 'droite' as const, sign: -1, lines: [] as Position[][], inside: 0, outside: 0 },
  ];
  for (const axis of axes) {
    const pieces: Position[][] = [[], []];
    for (let i = 1; i < axis.length; i++) {
      const a = axis[i - 1]!;
      const b = axis[i]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      const nx = -dy / len;
      const ny = dx / len;
      normalX += nx * len;
      normalY += ny * len;
      const steps = Math.max(1, Math.ceil(len / STEP_M));
      const piece = len / steps;
      for (let k = 0; k <= steps; k++) {
        const t = k / steps;
        const p: XY = [a[0] + t * dx, a[1] + t * dy];
        // Each sample stands for `piece` metres (half at the segment's ends).
        const weight = k === 0 || k === steps ? piece / 2 : piece;
        length += weight;
        if (distanceToRings(rings, p) <= ALONG_LIMIT_M) along += weight;
        for (let s = 0; s < 2; s++) {
          const side = sides[s]!;
          const q: XY = [p[0] + side.sign * offset * nx, p[1] + side.sign * offset * ny];
          if (distanceToRings(rings, q) < CORNER_M) {
            // a corner of the outline at the street's end: neither
          } else if (pointInRings(rings, q)) side.inside += weight;
          else side.outside += weight;
          if (k === 0 || k === steps) pieces[s]!.push(unproject(q));
        }
      }
    }
    for (let s = 0; s < 2; s++) if (pieces[s]!.length >= 2) sides[s]!.lines.push(pieces[s]!);
  }

  // Streets starting on each side: an end of a neighbour within a few metres of the axis, its other end away on
  // one side. Sorted by distance to the middle of the street (the one people most likely pass).
  const facing: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  const middle = length / 2;
  const endCount = new Map<string, { p: XY; n: number }>();
  for (const axis of axes) {
    for (const p of [axis[0]!, axis[axis.length - 1]!]) {
      const key = `${p[0].toFixed(2)},${p[1].toFixed(2)}`;
      endCount.set(key, { p, n: (endCount.get(key)?.n ?? 0) + 1 });
    }
  }
  const deadEnds = [...endCount.values()].filter((e) => e.n === 1).map((e) => e.p);
  const nearDeadEnd = (p: XY) => deadEnds.some((e) => Math.hypot(e[0] - p[0], e[1] - p[1]) < END_JUNCTION_M);
  for (const neighbour of input.facing ? [] : (input.neighbours ?? [])) {
    for (const raw of neighbour.lines) {
      if (raw.length < 2) continue;
      const line = raw.map((p) => project(p));
      for (const [end, next] of [
        [line[0]!, line[1]!],
        [line[line.length - 1]!, line[line.length - 2]!],
      ] as const) {
        for (const axis of axes) {
          const at = sideOf(axis, end);
          if (at.distance > offset || nearDeadEnd(end)) continue;
          const away = sideOf(axis, next);
          if (Math.abs(away.side) < 1e-9 || away.distance <= at.distance) continue;
          const s = away.side > 0 ? 0 : 1;
          const known = facing[s].get(neighbour.nom);
          const score = Math.abs(at.along - middle);
          if (known === undefined || score < known) facing[s].set(neighbour.nom, score);
        }
      }
    }
  }

  const status = (inside: number, outside: number): SideStatus =>
    outside <= SIDE_NOISE_M && inside > 0 ? 'dans' : inside <= SIDE_NOISE_M ? 'hors' : 'mixte';
  const compass = (sign: number): Compass => {
    const angle = (Math.atan2(sign * normalX, sign * normalY) * 180) / Math.PI; // 0 = north, clockwise
    const names: Compass[] = [
      'nord',
      'nord-est',
      'est',
      'sud-est',
      'sud',
      'sud-ouest',
      'ouest',
      'nord-ouest',
    ];
    return names[(Math.round(angle / 45) + 8) % 8]!;
  };
  const round = (m: number) => Math.round(m * 10) / 10;
  const built = sides.map((side, s) => ({
    id: side.id,
    lines: side.lines,
    status: status(side.inside, side.outside),
    inside_m: round(side.inside),
    outside_m: round(side.outside),
    facing: input.facing
      ? [...input.facing[s]!]
      : [...facing[s]!.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([nom]) => nom),
    compass: compass(side.sign),
  })) as [StreetSide, StreetSide];
  return {
    along_m: round(along),
    length_m: round(length),
    follows: along >= 30 || (length > 0 && along >= length / 3),
    precise: input.precision_m <= SIDE_PRECISION_LIMIT_M,
    sides: built,
  };
}

/**
 * Which side of a street a point is on, how far from the axis (m), and the foot of the perpendicular on the axis.
 *
 * @example
 * pointSide([[[0, 0], [0.001, 0]]], [0.0005, 0.0001]); // → { side: 'gauche', distance_m: ≈ 11.1, foot: [0.0005, 0] }
 */
export function pointSide(
  lines: readonly (readonly Position[])[],
  point: Position,
): { side: SideId; distance_m: number; foot: Position } | null {
  const { kx, ky } = localScale(point[1]);
  const project = (q: Position): XY => [(q[0] - point[0]) * kx, (q[1] - point[1]) * ky];
  const p = project(point);
  let best: { side: number; distance: number; foot: XY } | null = null;
  for (const raw of lines) {
    if (raw.length < 2) continue;
    const at = sideOf(
      raw.map((q) => project(q)),
      p,
    );
    if (!best || at.distance < best.distance) best = at;
  }
  if (!best || best.side === 0) return null;
  return {
    side: best.side > 0 ? 'gauche' : 'droite',
    distance_m: best.distance,
    foot: [point[0] + best.foot[0] / kx, point[1] + best.foot[1] / ky],
  };
}
