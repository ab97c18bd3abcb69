/** Plain-French wording of a Saint-Pierre street's position relative to the QPV, shared by list and legend. */
import type { StreetProperties, StreetStatus } from '../../domain/data-types.ts';

export const STREET_STATUS_LABEL: Record<StreetStatus, string> = {
  dedans: 'dans le QPV',
  limite: 'en limite du QPV (la limite suit l’axe de la rue)',
  partiel: 'en partie hors du QPV',
};

/** Line pattern of each status on the map and in the legend (not colour-only). */
export const STREET_STATUS_PATTERN: Record<StreetStatus, string> = {
  dedans: 'trait plein',
  limite: 'tirets',
  partiel: 'pointillés',
};

const metres = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/**
 * `"312 m : 133 m dans le QPV, 178 m à moins de 15 m de la limite"` — the parts that are not zero; the same figures
 * and band as the search's street answer (src/domain/street-relation.ts).
 */
export function streetMeasures(street: StreetProperties): string {
  const parts = [
    street.dedans_m > 0 ? `${metres.format(street.dedans_m)} m dans le QPV` : null,
    street.limite_m > 0
      ? `${metres.format(street.limite_m)} m à moins de ${metres.format(street.marge_m)} m de la limite`
      : null,
    street.dehors_m > 0 ? `${metres.format(street.dehors_m)} m hors du QPV` : null,
  ].filter(Boolean);
  return `${metres.format(street.longueur_m)} m : ${parts.join(', ')}`;
}
