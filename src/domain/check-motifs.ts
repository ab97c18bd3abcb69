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
export const metres = (m: number) => `${FR_INTEGER.format(Math.round(m))} m`;
const qpvName = (q: QpvRef) => `${q.nom} (${q.code})`;
const oneDecimal = (m: number) => FR_ONE_DECIMAL.format(m);

function bandExplanation(band: number, uncertainty: number): string {
  if (uncertainty === 0)
    return `marge de ${oneDecimal(band)} m : précision du tracé officiel, le point de la Base Adresse Nationale étant celui du contrôle officiel`;
  return `marge de ${oneDecimal(band)} m : précision du tracé officiel + ${oneDecimal(uncertainty)} m d’incertitude sur la position`;
}

export function fromPointVerdict(
  v: PointVerdict,
  base: Pick<AddressCheck, 'precision' | 'label' | 'lon' | 'lat' | 'street'>,
  uncertainty: number,
  subject: string,
): AddressCheck {
  const common = { ...base, band_m: v.band_m, ...(v.qpv ? { qpv: v.qpv } : {}) };
  const distance = v.distance_m ?? undefined;
  switch (v.status) {
    case 'dans':
      return {
        ...common,
        status: 'dans',
        distance_m: distance,
        motif: `${subject} à l’intérieur du quartier prioritaire ${qpvName(v.qpv!)}, à ${metres(v.distance_m!)} de sa limite (au-delà de la ${bandExplanation(v.band_m, uncertainty)}).`,
      };
    case 'hors':
      return {
        ...common,
        status: 'hors',
        distance_m: distance,
        motif: v.qpv
          ? `${subject} hors de tout quartier prioritaire : le plus proche, ${qpvName(v.qpv)}, est à ${metres(v.distance_m!)}.`
          : `${subject} hors de tout quartier prioritaire.`,
      };
    case 'limite': {
      const side = v.inside ? 'juste à l’intérieur' : 'juste à l’extérieur';
      const others = v.nearby.filter((n) => n.code !== v.qpv?.code);
      const also = others.length > 0 ? ` Il est aussi près de ${others.map(qpvName).join(', ')}.` : '';
      return {
        ...common,
        status: 'limite',
        distance_m: distance,
        motif: `${subject} ${side} du quartier prioritaire ${qpvName(v.qpv!)}, à ${metres(v.distance_m!)} de sa limite, dans la ${bandExplanation(v.band_m, uncertainty)}. Le tracé ne permet pas de trancher : vérifiez sur sig.ville.gouv.fr.${also}`,
      };
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
