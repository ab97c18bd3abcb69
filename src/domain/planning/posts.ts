/**
 * Adulte-relais and FONJEP posts of the MEL contrat de ville by year (ANCT Ci.Ville, from Dauphin): counts,
 * amounts, and the posts whose employer's name names Croix, Roubaix, Tourcoing or Wattrelos. Posts are known at
 * contract level only (no QPV, no address): the name rule is a hint, not a location.
 */

import { stripAccents } from '../text.ts';
import type { ContractPostsYear } from './types.ts';

export interface PostRow {
  annee: number;
  dispositif: 'adulte-relais' | 'fonjep';
  raison_sociale: string;
  montant: number;
}

/** Upper case, no accents, every non-letter/digit run as one space. */
function normaliseName(name: string): string {
  return ` ${stripAccents(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()} `;
}

/**
 * The matching rule: the employer's name, upper-cased without accents and punctuation, contains the word
 * ROUBAIX, TOURCOING or WATTRELOS, or the word CROIX not followed by ROUGE (« Croix-Rouge française » and the
 * Tourcoing centre social « Marlière Croix Rouge » are not Croix).
 *
 * @example employerNamesFourCommunes('MJC CS DE CROIX') // true
 * @example employerNamesFourCommunes('CROIX-ROUGE FRANÇAISE') // false
 */
export function employerNamesFourCommunes(name: string): boolean {
  const n = normaliseName(name);
  if (/ (ROUBAIX|TOURCOING|WATTRELOS) /.test(n)) return true;
  return / CROIX (?!ROUGE )/.test(n);
}

/** Euros rounded to the cent (sums of decimal amounts). */
const cents = (v: number): number => Math.round(v * 100) / 100;

/** Counts and amounts by year, sorted by year. */
export function postsByYear(rows: readonly PostRow[]): ContractPostsYear[] {
  const years = new Map<number, ContractPostsYear>();
  for (const r of rows) {
    const y = years.get(r.annee) ?? {
      year: r.annee,
      adulte_relais: { count: 0, amount_eur: 0 },
      fonjep: { count: 0, amount_eur: 0 },
      employer_in_4_communes: { adulte_relais: 0, fonjep: 0 },
    };
    const key = r.dispositif === 'adulte-relais' ? 'adulte_relais' : 'fonjep';
    y[key].count++;
    y[key].amount_eur = cents(y[key].amount_eur + r.montant);
    if (employerNamesFourCommunes(r.raison_sociale)) y.employer_in_4_communes[key]++;
    years.set(r.annee, y);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
