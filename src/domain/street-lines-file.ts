// Road centre-lines for the browser, without the road file (issue 10): written by `npm run data`.
// - `data/street-sides.json`: the centre-lines the side-of-the-street logic needs (./side-answer.ts), loaded with the
//   check context — every street whose side question exists (its axis follows a QPV boundary), with the streets
//   starting on each of its sides (« là où commence la rue … ») precomputed, and every street whose axis comes close
//   enough to a precise outline for a pin placed beside it to be answered for its side.
// - `data/street-lines/<insee>.json`: every street of one commune, to draw the answered street; fetched on demand.
// Streets are referred to by their id (position in data/streets.json). Coordinates are the road file's own
// (6 decimals) as integers in 10^-6 degree: the first point of a piece from `origin_e6`, the next ones as deltas
// from the previous point; decoding gives back the very same doubles (checked by `npm run data`).

import type { GuardResult, Position } from './data-types';

/** One street: its id, its pieces (flat deltas) and, in data/street-sides.json, the streets starting on each side. */
export interface StreetLinesEntry {
  rue: number;
  lignes: number[][];
  /** Names of the streets starting on the left (gauche) and right (droite) side (./street-sides.ts, `facing`). */
  cotes?: [string[], string[]];
}

/** `data/street-sides.json` and `data/street-lines/<insee>.json`. */
export interface StreetLinesFile {
  /** Number of streets in data/streets.json (the ids refer to it). */
  rues: number;
  origin_e6: [number, number];
  streets: StreetLinesEntry[];
}

/** Encodes some streets' pieces (`ids` in increasing order). */
export function encodeStreetLines(
  count: number,
  origin: Position,
  streets: readonly { id: number; lines: readonly (readonly Position[])[]; facing?: [string[], string[]] }[],
): StreetLinesFile {
  const o: [number, number] = [Math.round(origin[0] * 1e6), Math.round(origin[1] * 1e6)];
  return {
    rues: count,
    origin_e6: o,
    streets: streets.map(({ id, lines, facing }) => ({
      rue: id,
      lignes: lines.map((line) => {
        const flat: number[] = [];
        let [px, py] = o;
        for (const [x, y] of line) {
          const ix = Math.round(x * 1e6);
          const iy = Math.round(y * 1e6);
          flat.push(ix - px, iy - py);
          px = ix;
          py = iy;
        }
        return flat;
      }),
      ...(facing ? { cotes: facing } : {}),
    })),
  };
}

/** The pieces of one entry, as in the road file. */
export function decodeStreetLines(file: StreetLinesFile, entry: StreetLinesEntry): Position[][] {
  return entry.lignes.map((flat) => {
    const line: Position[] = [];
    let [x, y] = file.origin_e6;
    for (let i = 0; i < flat.length; i += 2) {
      x += flat[i]!;
      y += flat[i + 1]!;
      line.push([x / 1e6, y / 1e6]);
    }
    return line;
  });
}

/** The file as text: one street a line (diffable), `\n` endings. */
export function streetLinesText(file: StreetLinesFile): string {
  return `{"rues":${file.rues},"origin_e6":${JSON.stringify(file.origin_e6)},"streets":[\n${file.streets.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
}

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Guard for data/street-sides.json and data/street-lines/<insee>.json: shapes, ids in order, pieces of pairs. */
export function checkStreetLinesFile(v: unknown): GuardResult {
  const fail = (error: string): GuardResult => ({ ok: false, error: `lignes des rues : ${error}` });
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('objet attendu');
  const f = v as Record<string, unknown>;
  if (!isInt(f.rues) || f.rues < 0) return fail('nombre de rues invalide');
  if (!Array.isArray(f.origin_e6) || f.origin_e6.length !== 2 || !f.origin_e6.every(isInt))
    return fail('origine invalide');
  if (!Array.isArray(f.streets)) return fail('liste des rues absente');
  let last = -1;
  for (const s of f.streets as unknown[]) {
    if (typeof s !== 'object' || s === null) return fail('rue invalide');
    const e = s as Record<string, unknown>;
    if (!isInt(e.rue) || e.rue <= last || e.rue >= f.rues) return fail(`identifiant de rue ${String(e.rue)}`);
    last = e.rue;
    if (
      !Array.isArray(e.lignes) ||
      !e.lignes.every((l) => Array.isArray(l) && l.length >= 4 && l.length % 2 === 0 && l.every(isInt))
    )
      return fail(`rue ${e.rue} : tronçons invalides`);
    if (e.cotes !== undefined && !(Array.isArray(e.cotes) && e.cotes.length === 2 && e.cotes.every(isNames)))
      return fail(`rue ${e.rue} : côtés invalides`);
  }
  return { ok: true };
}
