// Small geometry helpers of the data build: fixed-decimal rounding, duplicate-vertex removal, bboxes.

import type { BBox, Position } from '../../src/domain/data-types';

/** Rounds to `dp` decimals; `+ 0` turns -0 into 0 so that output never contains "-0". */
export function round(v: number, dp: number): number {
  const f = 10 ** dp;
  return Math.round(v * f) / f + 0;
}

/** Rounds a position to `dp` decimals. */
export function roundPos(p: Position, dp: number): Position {
  return [round(p[0], dp), round(p[1], dp)];
}

/** Drops consecutive duplicate vertices (these add no length and no area). */
export function dropConsecutiveDuplicates(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Bbox of any nesting of positions. */
export function bboxOf(coords: unknown): BBox {
  const b: BBox = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as Position;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else if (Array.isArray(c)) {
      for (const child of c) walk(child);
    }
  };
  walk(coords);
  return b;
}

/** True when two bboxes overlap (touching counts). */
export function bboxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** True when the position lies in the bbox (edges included). */
export function inBBox(p: Position, b: BBox): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}

/** Number of decimals of a number as JSON writes it (3.1234 → 4; 1.5e-7 → 8). */
export function decimalsOf(v: number): number {
  const [mantissa = '', exponent] = String(v).split('e');
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, decimals - Number(exponent ?? 0));
}
