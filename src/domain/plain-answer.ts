// The answer read line by line by a resident: one sentence of reason right under the state, and the details
// (distances, the tolerance band, how the position was found) behind « Pourquoi ? ». The full technical reason
// (`AddressCheck.motif`) stays the one of the file check and the CLI; this only re-words it for the screen.

import type { AddressCheck } from './check-address';
import type { SideCheck } from './side-answer';

/** Where a point answer's position comes from (the verdict card says it in words). */
export type AnswerSource = 'recherche' | 'carte' | 'position' | null;

/** Measured parts of a street that runs along a boundary (the Saint-Pierre list's figures), when known. */
export interface StreetParts {
  dedans_m: number;
  limite_m: number;
  dehors_m: number;
}

export interface PlainAnswer {
  /** One sentence, no figures beyond one distance. */
  reason: string;
  /** Lines for « Pourquoi ? ». */
  details: string[];
}

const FR_INTEGER = new Intl.NumberFormat('fr-FR');
const FR_ONE_DECIMAL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const metres = (m: number) => `${FR_INTEGER.format(Math.round(m))} m`;

/** How the position was found, in words. */
export function positionWords(check: AddressCheck, source: AnswerSource, accuracy_m?: number | null): string {
  if (check.precision === 'adresse') return 'position du numéro dans la Base Adresse Nationale';
  if (check.precision === 'adresse interpolée')
    return 'numéro placé entre les deux numéros voisins du même côté (Base Adresse Nationale) : position interpolée';
  if (check.precision === 'voie') return 'la rue entière : le numéro n’est pas localisé';
  if (source === 'position')
    return accuracy_m !== undefined && accuracy_m !== null
      ? `position de votre appareil, à ± ${metres(accuracy_m)} près`
      : 'position de votre appareil';
  return 'point placé sur la carte';
}

/**
 * @example
 * plainAnswer({ status: 'dans', precision: 'adresse', distance_m: 120, qpv: { code: 'QN05980M', nom: '…' }, … }, 'recherche').reason
 * // → 'L’adresse est à 120 m à l’intérieur de la limite du quartier.'
 */
export function plainAnswer(
  check: AddressCheck,
  source: AnswerSource,
  options: { accuracy_m?: number | null; parts?: StreetParts | null } = {},
): PlainAnswer {
  const subject =
    check.precision === 'adresse' || check.precision === 'adresse interpolée'
      ? 'L’adresse'
      : source === 'position'
        ? 'Votre position'
        : check.precision === 'point placé'
          ? 'Le point'
          : 'La rue';
  const d = check.distance_m;
  const q = check.qpv;
  let reason: string;
  const details: string[] = [`Position : ${positionWords(check, source, options.accuracy_m)}.`];
  // A street of a partly covered commune (Lille): that is the reason.
  if (check.partie && check.status === 'limite') {
    details.push(check.motif);
    return { reason: check.partie, details };
  }
  const cote = (check as SideCheck).cote;
  if (cote && check.status === 'limite') return { reason: check.motif, details };
  if (cote && check.status !== 'introuvable') {
    const inside = check.status === 'dans';
    reason = `${cote.label} de la rue : ${inside ? 'dans le' : 'hors du'} quartier, car la limite suit l’axe de la rue et elle est tracée avec précision.`;
    details.push(check.motif);
    return { reason, details };
  }
  switch (check.status) {
    case 'dans':
      reason =
        check.precision === 'voie'
          ? 'Toute la rue est dans le quartier : le numéro ne change pas la réponse.'
          : `${subject} est à ${metres(d ?? 0)} à l’intérieur de la limite du quartier.`;
      break;
    case 'hors':
      reason =
        check.precision === 'voie'
          ? q && d !== undefined
            ? `Toute la rue est hors quartier prioritaire ; le plus proche est à ${metres(d)}.`
            : 'Toute la rue est hors quartier prioritaire.'
          : q && d !== undefined
            ? `Le quartier prioritaire le plus proche est à ${metres(d)}.`
            : 'Aucun quartier prioritaire à proximité.';
      break;
    case 'limite':
      if (check.precision === 'voie') {
        const parts = options.parts;
        reason =
          parts && parts.dehors_m > 0
            ? `${metres(parts.dehors_m)} de la rue sont hors du quartier et ${metres(parts.limite_m)} longent sa limite : la réponse dépend du numéro et du côté de la rue.`
            : 'La limite du quartier suit ou traverse cette rue : la réponse dépend du numéro et du côté de la rue.';
      } else if (d !== undefined && check.motif.startsWith('Adresse reconnue approximativement')) {
        reason = 'L’adresse a été reconnue approximativement : vérifiez-la avant de vous fier à la réponse.';
      } else {
        reason = `${subject} est à ${metres(d ?? 0)} de la limite du quartier : trop près pour trancher.`;
      }
      break;
    default:
      reason = check.motif;
  }
  if (check.band_m !== undefined && check.status !== 'introuvable')
    details.push(
      `Marge d’incertitude autour de la limite : ${FR_ONE_DECIMAL.format(check.band_m)} m (précision du tracé officiel et de la position).`,
    );
  if (check.status !== 'introuvable') details.push(check.motif);
  return { reason, details };
}
