// How a row's answer reads on the results page: the QPV named once (in its own line), the reason without repeating
// that long name, and the flags (« reconnue approximativement », « corrigé à la main ») in words. The export keeps
// the full reason (export.ts): a line of a CSV must stand alone.

import type { AddressCheck, Precision } from '../check-address.ts';
import { plainAnswer } from '../plain-answer.ts';
import { APPROXIMATE_LABEL, CORRECTED_LABEL, PRECISION_FILE_POINT, type RowVerdict } from './row-checker.ts';

const PRECISIONS: readonly string[] = ['adresse', 'adresse interpolée', 'voie', 'point placé'];

/** The row's verdict as the domain answer it was flattened from (what `plainAnswer` reads). */
function asCheck(verdict: RowVerdict): AddressCheck {
  const precision: Precision | null = PRECISIONS.includes(verdict.precision)
    ? (verdict.precision as Precision)
    : verdict.precision === PRECISION_FILE_POINT
      ? 'point placé'
      : null;
  return {
    status: verdict.status,
    precision,
    label: verdict.label,
    lon: verdict.lon,
    lat: verdict.lat,
    motif: verdict.motif,
    ...(verdict.qpvCode ? { qpv: { code: verdict.qpvCode, nom: verdict.qpvNom } } : {}),
    ...(verdict.distanceM === null ? {} : { distance_m: verdict.distanceM }),
  };
}

/**
 * The answer in one plain sentence, as the resident search words it (plain-answer.ts); the full reason goes behind
 * « Pourquoi ? ». A row not found keeps its reason: that is what to fix.
 *
 * @example
 * plainReason({ status: 'dans', precision: 'voie', … }); // 'Toute la rue est dans le quartier : le numéro ne change pas la réponse.'
 */
export function plainReason(verdict: RowVerdict): string {
  if (verdict.status === 'introuvable') return verdict.motif;
  const source =
    verdict.precision === PRECISION_FILE_POINT || verdict.precision === 'point placé' ? 'carte' : 'recherche';
  return plainAnswer(asCheck(verdict), source).reason;
}

/**
 * The reason without the QPV's name and code when the row already names that QPV.
 *
 * @example
 * shortMotif({ qpvNom: 'Blanc Seau', qpvCode: 'QN05980M', motif: 'La voie longe la limite du quartier prioritaire Blanc Seau (QN05980M) : …' })
 * // 'La voie longe la limite du quartier prioritaire : …'
 */
export function shortMotif(verdict: Pick<RowVerdict, 'qpvNom' | 'qpvCode' | 'motif'>): string {
  if (!verdict.qpvNom || !verdict.qpvCode) return verdict.motif;
  return verdict.motif.split(` ${verdict.qpvNom} (${verdict.qpvCode})`).join('');
}

/**
 * The flags of a row, in words, in the order shown.
 *
 * @example
 * rowFlags({ approximate: true, correctedAddress: '12 rue Chevreul Croix' }); // ['reconnue approximativement', 'corrigé à la main']
 */
export function rowFlags(verdict: Pick<RowVerdict, 'approximate' | 'correctedAddress'>): string[] {
  const flags: string[] = [];
  if (verdict.approximate) flags.push(APPROXIMATE_LABEL);
  if (verdict.correctedAddress !== undefined) flags.push(CORRECTED_LABEL);
  return flags;
}
