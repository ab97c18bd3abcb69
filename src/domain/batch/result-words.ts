// How a row's answer reads on the results page: the QPV named once (in its own line), the reason without repeating
// that long name, and the flags (« reconnue approximativement », « corrigé à la main ») in words. The export keeps
// the full reason (export.ts): a line of a CSV must stand alone.

import { APPROXIMATE_LABEL, CORRECTED_LABEL, type RowVerdict } from './row-checker.ts';

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
