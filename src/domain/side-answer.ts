// « De quel côté de la rue est votre logement ? » — the question asked when a street-level answer is « en limite »
// because the QPV outline follows the street's axis (./street-sides.ts), and the answer for the side the resident
// chooses, or for the side a pin was placed on. Only when the outline is precise enough to tell the two sides
// apart (QN05980M is published at 6 decimals, ≈ 0.1 m); otherwise the answer stays « en limite » and says why.

import { type AddressCheck, type CheckPointOptions, checkPoint, type QpvRef } from './check-address';
import { type CheckContext, loadedOutline } from './check-context';
import type { Position } from './data-types';
import type { Street } from './geocoder';
import { localScale } from './geometry/projection.ts';
import {
  ALONG_LIMIT_M,
  type Compass,
  pointSide,
  SIDE_OFFSET_M,
  SIDE_PRECISION_LIMIT_M,
  type SideId,
  type SideStatus,
  type StreetSides,
  streetSides,
} from './street-sides';
import { pointVerdict } from './verdict';

export type { SideId, SideStatus } from './street-sides';

/** One of the two large buttons. */
export interface SideChoice {
  id: SideId;
  /** « Côté nord-est » */
  label: string;
  /** What people see from that side: « où commencent la rue Saint-Jacques et la rue du Tonkin ». */
  hint: string;
  status: SideStatus;
  /** Offset line(s) of that side, to draw. */
  lines: Position[][];
}

export interface SideQuestion {
  streetId: number;
  qpv: QpvRef;
  precision_m: number;
  /** Whether the outline is precise enough to answer for a side. */
  precise: boolean;
  choices: [SideChoice, SideChoice];
}

/** The side an answer is for (set on answers for a chosen side or a pin placed on one side). */
export interface SideOfAnswer {
  id: SideId;
  label: string;
}

/** What {@link answerForSide} and {@link checkPlacedPoint} add to an answer. */
export type SideCheck = AddressCheck & { cote?: SideOfAnswer };

/** A pin closer than this (m) to the street's axis is on neither side. */
export const PIN_CLEAR_M = 2;

/** Streets farther than this (m) from a pin are not « its » street. */
const PIN_STREET_M = 25;

const FR_ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const FR_INTEGER = new Intl.NumberFormat('fr-FR');

/** « Rue Saint-Jacques » → « la rue Saint-Jacques », « Avenue … » → « l’avenue … », « Boulevard … » → « le boulevard … ». */
export function withArticle(nom: string): string {
  const lower = nom.charAt(0).toLowerCase() + nom.slice(1);
  if (/^[aeiouyéèh]/i.test(nom)) return `l’${lower}`;
  if (
    /^(boulevard|chemin|quai|passage|sentier|square|clos|parvis|pont|mail|cours|carrefour|rond-point)\b/i.test(
      nom,
    )
  )
    return `le ${lower}`;
  return `la ${lower}`;
}

function list(names: readonly string[]): string {
  const parts = names.slice(0, 2).map(withArticle);
  return parts.length === 2 ? `${parts[0]} et ${parts[1]}` : (parts[0] ?? '');
}

const questions = new WeakMap<CheckContext, Map<string, SideQuestion | null>>();

// The outlines loaded so far (all of them in Node, the shards loaded in the browser).
const outlineOf = loadedOutline;

/** The streets around `street` that may start on one of its sides (with centre-lines). */
export function streetNeighbours(streets: readonly Street[], street: Street): Street[] {
  const [w, s, e, n] = street.bbox;
  const margin = 0.0005; // ≈ 35–55 m
  return streets.filter(
    (other) =>
      other.id !== street.id &&
      other.nom !== street.nom &&
      other.lines.length > 0 &&
      other.bbox[0] <= e + margin &&
      other.bbox[2] >= w - margin &&
      other.bbox[1] <= n + margin &&
      other.bbox[3] >= s - margin,
  );
}

function buildQuestion(ctx: CheckContext, street: Street, qpv: QpvRef): SideQuestion | null {
  const feature = outlineOf(ctx, qpv.code);
  if (!feature || street.lines.length === 0) return null;
  // In the browser the streets starting on each side of an indexed street come precomputed from every road
  // (data/street-sides.json); a street known from BAN points alone looks at the streets around it.
  const precomputed =
    ctx.facing && ctx.streetIndexSize !== null && street.id < ctx.streetIndexSize
      ? (ctx.facing.get(street.id) ?? [[], []])
      : null;
  const sides: StreetSides = streetSides({
    lines: street.lines,
    outline: feature.geometry.coordinates,
    precision_m: feature.properties.precision_m,
    ...(precomputed
      ? { facing: precomputed }
      : { neighbours: streetNeighbours(ctx.geocoder.streets, street) }),
  });
  if (!sides.follows) return null;
  const [left, right] = sides.sides;
  const choice = (side: typeof left, other: typeof left): SideChoice => ({
    id: side.id,
    label: `Côté ${side.compass}`,
    hint:
      side.facing.length > 0
        ? `là où ${side.facing.length > 1 ? 'commencent' : 'commence'} ${list(side.facing)}`
        : other.facing.length > 0
          ? `en face de ${list(other.facing.slice(0, 1))}`
          : '',
    status: side.status,
    lines: side.lines,
  });
  return {
    streetId: street.id,
    qpv,
    precision_m: feature.properties.precision_m,
    precise: sides.precise,
    choices: [choice(left, right), choice(right, left)],
  };
}

/**
 * The side question for a street-level answer, or null when the street does not run along a QPV boundary (the
 * answer does not depend on the side). Memoised per context and street.
 *
 * @example
 * const q = sideQuestion(ctx, checkAddress(ctx, 'rue blanche croix'));
 * q?.choices.map((c) => c.status); // → ['dans', 'hors']
 */
export function sideQuestion(ctx: CheckContext, check: AddressCheck): SideQuestion | null {
  if (check.precision !== 'voie' || !check.street || !check.qpv) return null;
  const street = ctx.geocoder.streets[check.street.id];
  if (!street) return null;
  let memo = questions.get(ctx);
  if (!memo) {
    memo = new Map();
    questions.set(ctx, memo);
  }
  const key = `${street.id}|${check.qpv.code}`;
  if (!memo.has(key)) memo.set(key, buildQuestion(ctx, street, check.qpv));
  return memo.get(key) ?? null;
}

/**
 * The answer for the side the resident chose: « dans » or « hors » when the whole side is on one side of a precise
 * outline, « en limite » (with the reason) when the side is partly in, or the outline too coarse.
 */
export function answerForSide(check: AddressCheck, question: SideQuestion, id: SideId): SideCheck {
  const choice = question.choices.find((c) => c.id === id)!;
  const cote: SideOfAnswer = { id, label: choice.label };
  const where = `${choice.label}${choice.hint ? ` (${choice.hint})` : ''}`;
  const precision = FR_ONE_DECIMAL.format(question.precision_m);
  const name = `${question.qpv.nom} (${question.qpv.code})`;
  const base = { ...check, cote };
  delete base.distance_m;
  if (!question.precise) {
    return {
      ...base,
      status: 'limite',
      motif: `${where} : le tracé officiel n’est précis qu’à ${precision} m près, ce qui ne permet pas de distinguer les deux côtés de la rue. Vérifiez sur sig.ville.gouv.fr.`,
    };
  }
  if (choice.status === 'mixte') {
    return {
      ...base,
      status: 'limite',
      motif: `${where} : une partie de ce côté est dans le quartier prioritaire ${name}, une partie dehors. La réponse dépend du numéro : placez votre logement sur la carte, ou vérifiez sur sig.ville.gouv.fr.`,
    };
  }
  const inside = choice.status === 'dans';
  return {
    ...base,
    status: inside ? 'dans' : 'hors',
    motif: `${where} : ${inside ? 'à l’intérieur du' : 'hors du'} quartier prioritaire ${name}. La limite officielle suit l’axe de la rue ; elle est tracée à ${precision} m près, et les maisons de ce côté sont à ${SIDE_OFFSET_M} m ou plus de l’axe.`,
  };
}

/** Compass word of a direction (dx east, dy north), for « côté nord-est ». */
function compassOf(dx: number, dy: number): Compass {
  const names: Compass[] = ['nord', 'nord-est', 'est', 'sud-est', 'sud', 'sud-ouest', 'ouest', 'nord-ouest'];
  const angle = (Math.atan2(dx, dy) * 180) / Math.PI;
  return names[(Math.round(angle / 45) + 8) % 8]!;
}

/**
 * A point placed by hand (pin, shared `?point=`): the usual point answer, except that a pin « en limite » beside a
 * street whose axis is the boundary, clearly on one side (≥ {@link PIN_CLEAR_M} from the axis), is answered for
 * that side: the side is tested {@link SIDE_OFFSET_M} from the axis, beyond the outline's precision.
 *
 * @example
 * checkPlacedPoint(ctx, [3.15869, 50.67787], { uncertainty_m: 10 }).status; // a façade of rue Blanche → 'dans' or 'hors'
 */
export function checkPlacedPoint(
  ctx: CheckContext,
  point: readonly [number, number],
  options: CheckPointOptions = {},
): SideCheck {
  const check = checkPoint(ctx, point, options);
  if (check.status !== 'limite' || !check.qpv || check.lon === null || check.lat === null) return check;
  const feature = outlineOf(ctx, check.qpv.code);
  if (!feature || feature.properties.precision_m > SIDE_PRECISION_LIMIT_M) return check;
  const p: Position = [point[0], point[1]];
  const { kx, ky } = localScale(p[1]);
  const reach = PIN_STREET_M / Math.min(kx, ky);
  const near: { street: Street; side: NonNullable<ReturnType<typeof pointSide>> }[] = [];
  for (const street of ctx.geocoder.streets) {
    const [w, s, e, n] = street.bbox;
    if (
      street.lines.length === 0 ||
      p[0] < w - reach ||
      p[0] > e + reach ||
      p[1] < s - reach ||
      p[1] > n + reach
    )
      continue;
    const side = pointSide(street.lines, p);
    if (side && side.distance_m <= PIN_STREET_M) near.push({ street, side });
  }
  near.sort((a, b) => a.side.distance_m - b.side.distance_m);
  // The nearest street whose axis is the boundary there (a side street starting on it does not count).
  const best = near.find(({ side }) => {
    const axis = pointVerdict(ctx.index, [side.foot[0], side.foot[1]], { uncertainty_m: ALONG_LIMIT_M });
    return axis.status === 'limite' && axis.qpv?.code === check.qpv?.code;
  });
  if (!best || best.side.distance_m < PIN_CLEAR_M) return check;
  const { foot, distance_m } = best.side;
  // The side, tested SIDE_OFFSET_M from the axis in the pin's direction.
  const dx = (p[0] - foot[0]) * kx;
  const dy = (p[1] - foot[1]) * ky;
  const unit = SIDE_OFFSET_M / Math.hypot(dx, dy);
  const probe: [number, number] = [foot[0] + (dx * unit) / kx, foot[1] + (dy * unit) / ky];
  const side = pointVerdict(ctx.index, probe, { uncertainty_m: 0 });
  if (side.status === 'limite') return check;
  const inside = side.status === 'dans' && side.qpv?.code === check.qpv.code;
  const label = `Côté ${compassOf(dx, dy)}`;
  const precision = FR_ONE_DECIMAL.format(feature.properties.precision_m);
  const name = `${check.qpv.nom} (${check.qpv.code})`;
  const street = best.street.nom;
  const result: SideCheck = {
    ...check,
    status: inside ? 'dans' : 'hors',
    cote: { id: best.side.side, label },
    motif: `Le point est du ${label.toLowerCase()} de ${withArticle(street)}, à ${FR_INTEGER.format(Math.round(distance_m))} m de son axe. La limite du quartier prioritaire ${name} suit l’axe de cette rue ; elle est tracée à ${precision} m près : ce côté est ${inside ? 'à l’intérieur' : 'hors'} du quartier.`,
  };
  delete result.distance_m;
  return result;
}
