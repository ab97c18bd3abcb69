// House numbers of the geocoder's streets, from a BAN table (src/domain/ban/): which BAN streets belong to a street
// of the index, the exact look-up of a number (with its suffix), and the interpolation of a missing number.
// Nothing is copied per address: a street only keeps the ids of its BAN streets; numbers are found by bisection.

import { banPosition, interpolateNumber } from '../ban/numbers';
import type { BanTable } from '../ban/table';
import type { Position } from '../data-types';

/** The BAN rows of one street of the index. */
export interface StreetNumbers {
  table: BanTable;
  /** BAN street ids (several spellings of one name may share a street of the index). */
  banStreets: number[];
  /** `table.suffixes` normalised by the geocoder (« b » stays « b », « BIS » → « bis »), index + 1 = suffix code. */
  suffixes: readonly (string | null)[];
}

/**
 * Position of `numero` + `suffix` (normalised, null for none) on the street, or undefined.
 *
 * @example
 * findNumber(numbers, 12, null); // → [3.1540994, 50.6853518]
 */
export function findNumber(
  numbers: StreetNumbers,
  numero: number,
  suffix: string | null,
): Position | undefined {
  const { table } = numbers;
  for (const s of numbers.banStreets) {
    let lo = table.streetStart[s]!;
    let hi = table.streetStart[s + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table.numero[mid]! < numero) lo = mid + 1;
      else hi = mid;
    }
    const end = table.streetStart[s + 1]!;
    for (let i = lo; i < end && table.numero[i] === numero; i++) {
      const code = table.suffix[i]!;
      const value = code === 0 ? null : (numbers.suffixes[code - 1] ?? null);
      if (value === suffix) return banPosition(table, i);
    }
  }
  return undefined;
}

/** A missing number placed between its neighbours of the same parity (see ../ban/numbers.ts). */
export function interpolateOnStreet(
  numbers: StreetNumbers,
  numero: number,
): { position: Position; below: number; above: number } | null {
  for (const s of numbers.banStreets) {
    const found = interpolateNumber(numbers.table, s, numero);
    if (found) return found;
  }
  return null;
}

/** Positions of all the numbers of the street, in number order (draws a street the roads do not have). */
export function streetPoints(numbers: StreetNumbers): Position[] {
  const out: Position[] = [];
  for (const s of numbers.banStreets) {
    for (let i = numbers.table.streetStart[s]!; i < numbers.table.streetStart[s + 1]!; i++)
      out.push(banPosition(numbers.table, i));
  }
  return out;
}
