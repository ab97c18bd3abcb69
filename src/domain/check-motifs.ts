// The French reasons of the address checks (./check-address.ts): point verdicts, street verdicts, outlines not
// loaded yet. Text only: which verdict applies is decided in ./check-address.ts.

import type { AddressCheck } from './check-address';
import type { Street } from './geocoder';
import { type PointVerdict, type QpvRef, STREET_SETBACK_M, type StreetVerdict } from './verdict';
/** The answer when the outlines needed are not loaded yet (never a guess). */
export function notLoaded(
  base: Pick<AddressCheck, 'precision' | 'label' | 'lon' | 'lat' | 'street'>,
): AddressCheck {
  return {
    ...base,
    status: 'introuvable',
    motif:
      'Les contours des quartiers prioritaires de cette zone ne sont pas encore chargés : réessayez dans un instant.',
  };
}

// One formatter each, built once: `toLocaleString` builds a new Intl.NumberFormat on every call (its result is by
// definition the same as `format` of a formatter with the same locale and options).
const FR_INTEGER = new Intl.NumberFormat('fr-FR');
const FR_ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export const FR_FIVE_DECIMALS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 5 });

/** Values remembered by one {@link cachedFormat} before it starts afresh. */
const FORMAT_CACHE_LIMIT = 4_096;

/**
 * `formatter.format`, remembering its strings: a file check formats a distance and a margin per row (≈ 0.4 µs
 * each), and distances in metres and margins repeat. The string is the formatter's own, so the same; −0 and
 * non-finite values (a `Map` key would merge −0 with 0) go to the formatter every time.
 *
 * @example
 * cachedFormat(new Intl.NumberFormat('fr-FR'))(1234); // → '1 234' (narrow no-break space)
 */
export function cachedFormat(formatter: Intl.NumberFormat): (value: number) => string {
  const known = new Map<number, string>();
  return (value) => {
    // −0 first: `Map` would find it under 0.
    if (value === 0 && 1 / value < 0) return formatter.format(value);
    let text = known.get(value);
    if (text !== undefined) return text;
    text = formatter.format(value);
    if (Number.isFinite(value)) {
      if (known.size >= FORMAT_CACHE_LIMIT) known.clear();
      known.set(value, text);
    }
    return text;
  };
}

const frInteger = cachedFormat(FR_INTEGER);
export const metres = (m: number) => `${frInteger(Math.round(m))} m`;
const qpvName = (q: QpvRef) => `${q.nom} (${q.code})`;
const oneDecimal = cachedFormat(FR_ONE_DECIMAL);

function bandExplanation(band: number, uncertainty: number): string {
  if (uncertainty === 0)
    return `marge de ${oneDecimal(band)} m : précision du tracé officiel, le point de la Base Adresse Nationale étant celui du contrôle officiel`;
  return `marge de ${oneDecimal(band)} m : précision du tracé officiel + ${oneDecimal(uncertainty)} m d’incertitude sur la position`;
}

type PointBase = Pick<AddressCheck, 'precision' | 'label' | 'lon' | 'lat' | 'street'>;

/**
 * The answer object of a point verdict, with the keys in the order `{ ...base, band_m, qpv?, status, distance_m,
 * motif }` (`street` only when `base` has it), built as literals: spreads cost a row of a file check much more.
 */
function pointCheck(
  base: PointBase,
  v: PointVerdict,
  status: AddressCheck['status'],
  distance_m: number | undefined,
  motif: string,
): AddressCheck {
  const { precision, label, lon, lat, street } = base;
  const band_m = v.band_m;
  const qpv = v.qpv;
  if ('street' in base) {
    return qpv
      ? { precision, label, lon, lat, street, band_m, qpv, status, distance_m, motif }
      : { precision, label, lon, lat, street, band_m, status, distance_m, motif };
  }
  return qpv
    ? { precision, label, lon, lat, band_m, qpv, status, distance_m, motif }
    : { precision, label, lon, lat, band_m, status, distance_m, motif };
}

export function fromPointVerdict(
  v: PointVerdict,
  base: PointBase,
  uncertainty: number,
  subject: string,
): AddressCheck {
  const distance = v.distance_m ?? undefined;
  switch (v.status) {
    case 'dans':
      return pointCheck(
        base,
        v,
        'dans',
        distance,
        `${subject} à l’intérieur du quartier prioritaire ${qpvName(v.qpv!)}, à ${metres(v.distance_m!)} de sa limite (au-delà de la ${bandExplanation(v.band_m, uncertainty)}).`,
      );
    case 'hors':
      return pointCheck(
        base,
        v,
        'hors',
        distance,
        v.qpv
          ? `${subject} hors de tout quartier prioritaire : le plus proche, ${qpvName(v.qpv)}, est à ${metres(v.distance_m!)}.`
          : `${subject} hors de tout quartier prioritaire.`,
      );
    case 'limite': {
      const side = v.inside ? 'juste à l’intérieur' : 'juste à l’extérieur';
      const others = v.nearby.filter((n) => n.code !== v.qpv?.code);
      const also = others.length > 0 ? ` Il est aussi près de ${others.map(qpvName).join(', ')}.` : '';
      return pointCheck(
        base,
        v,
        'limite',
        distance,
        `${subject} ${side} du quartier prioritaire ${qpvName(v.qpv!)}, à ${metres(v.distance_m!)} de sa limite, dans la ${bandExplanation(v.band_m, uncertainty)}. Le tracé ne permet pas de trancher : vérifiez sur sig.ville.gouv.fr.${also}`,
      );
    }
  }
}

/** Street motifs (without the match's note) by verdict: a verdict belongs to one street of one context. */
const streetMotifs = new WeakMap<StreetVerdict, string>();

/** The French reason of a street-level verdict; the same for every house number, so written once per street. */
export function streetMotif(street: Street, verdict: StreetVerdict): string {
  const known = streetMotifs.get(verdict);
  if (known !== undefined) return known;
  // « la voie « Rue du Tonkin » (Croix) », never « la rue Rue du Tonkin ».
  const name = `« ${street.nom} » (${street.commune})`;
  let motif: string;
  switch (verdict.status) {
    case 'dans':
      // A street ending on a boundary street (dead end, T-junction) comes nearer at its end: say so.
      motif =
        verdict.nearest_m !== null && verdict.nearest_m < verdict.band_m
          ? `Toute la voie ${name} est à l’intérieur du quartier prioritaire ${qpvName(verdict.qpv!)} : son axe reste à ${metres(verdict.distance_m!)} ou plus de la limite, au-delà de la marge de ${oneDecimal(verdict.band_m)} m (précision du tracé + ${STREET_SETBACK_M} m entre l’axe et les façades), sauf à son extrémité, qui débouche sur la rue qui porte la limite (à ${metres(verdict.nearest_m)}) : les maisons de la voie restent du côté du quartier. Le numéro ne change pas la réponse.`
          : `Toute la voie ${name} est à l’intérieur du quartier prioritaire ${qpvName(verdict.qpv!)} : son axe reste à ${metres(verdict.distance_m!)} ou plus de la limite, au-delà de la marge de ${oneDecimal(verdict.band_m)} m (précision du tracé + ${STREET_SETBACK_M} m entre l’axe et les façades). Le numéro ne change pas la réponse.`;
      break;
    case 'hors':
      motif = verdict.qpv
        ? verdict.nearest_m !== null && verdict.nearest_m < verdict.distance_m!
          ? `Toute la voie ${name} est hors quartier prioritaire : le plus proche, ${qpvName(verdict.qpv)}, est à ${metres(verdict.distance_m!)} de la voie, sauf à son extrémité, qui débouche sur la rue qui porte sa limite (à ${metres(verdict.nearest_m)}) : les maisons de la voie restent hors du quartier. Le numéro ne change pas la réponse.`
          : `Toute la voie ${name} est hors quartier prioritaire : le plus proche, ${qpvName(verdict.qpv)}, est à ${metres(verdict.distance_m!)} de la voie. Le numéro ne change pas la réponse.`
        : `Toute la voie ${name} est hors quartier prioritaire.`;
      break;
    case 'limite': {
      const what =
        verdict.inside_m > 0 && verdict.outside_m > 0
          ? 'entre et sort du'
          : verdict.boundary_m > 0
            ? 'longe la limite du'
            : 'touche le';
      motif = `La voie ${name} ${what} quartier prioritaire ${verdict.qpv ? qpvName(verdict.qpv) : ''} : la réponse dépend du numéro et du côté de la rue. Placez votre logement sur la carte, ou vérifiez sur sig.ville.gouv.fr.`;
      break;
    }
  }
  streetMotifs.set(verdict, motif);
  return motif;
}
