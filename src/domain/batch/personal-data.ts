// Columns that look like personal data the check does not need: names, birth dates, contact details, social
// security or benefit numbers. The page warns before the check and offers to leave them out of the export (the file
// never leaves the device either way). Decided on the header name only, normalised as for the column mapping.

import { normaliseHeader } from './column-mapping.ts';
import { SNIFF_CELL_CHARS } from './limits.ts';

export type PersonalKind = 'nom' | 'naissance' | 'contact' | 'identifiant';

export const PERSONAL_KIND_LABELS: Record<PersonalKind, string> = {
  nom: 'nom ou prénom',
  naissance: 'date de naissance ou âge',
  contact: 'courriel ou téléphone',
  identifiant: 'numéro de sécurité sociale ou d’allocataire',
};

export interface PersonalColumn {
  index: number;
  name: string;
  kind: PersonalKind;
}

/** Words of a header naming a place, a structure or an action, never a person (« Nom de la commune », « Nom voie »). */
const NOT_A_PERSON =
  /\b(commune|ville|voie|rue|quartier|qpv|structure|association|action|projet|atelier|residence|batiment|fichier|lieu|site|ecole|etablissement)\b/;

/** Patterns on the normalised header (lower case, no accents, words separated by single spaces). */
const PATTERNS: readonly [PersonalKind, RegExp][] = [
  ['naissance', /\b(naissance|naiss|ddn|birth|birthday|dob|age)\b|\bnee? (e )?le\b|^ne e?$/],
  [
    'identifiant',
    /\b(nir|secu|securite sociale|nss|n ss|no ss|insee personne|allocataire|matricule caf|num caf|n caf)\b/,
  ],
  ['contact', /\b(e ?mail|courriel|mel|telephone|tel|portable|mobile|phone|gsm)\b/],
  [
    'nom',
    /^(nom|noms|prenom|prenoms|nom prenom|prenom nom|nom et prenom|nom de famille|nom d usage|nom de naissance|nom complet|nom du beneficiaire|nom beneficiaire|prenom du beneficiaire|beneficiaire nom|name|first name|last name|firstname|lastname|surname|full name|civilite|identite)$|\b(nom|prenom|prenoms|surname)\b/,
  ],
];

/**
 * The kind of personal data a header names, or null.
 *
 * @example
 * personalKind('Date de naissance'); // 'naissance'
 * personalKind('Nom de la commune'); // null
 */
export function personalKind(header: string): PersonalKind | null {
  const key = normaliseHeader(header.slice(0, SNIFF_CELL_CHARS));
  if (key === '') return null;
  for (const [kind, pattern] of PATTERNS) {
    if (!pattern.test(key)) continue;
    if (kind === 'nom' && NOT_A_PERSON.test(key)) continue;
    return kind;
  }
  return null;
}

/**
 * The columns of a file with a header that look like personal data, leaving out the columns used for the check.
 * A file without a header row (generated names « Colonne 1 ») has none.
 *
 * @example
 * personalColumns(['Nom', 'Adresse', 'Né le'], [1]); // [{ index: 0, name: 'Nom', kind: 'nom' }, { index: 2, name: 'Né le', kind: 'naissance' }]
 */
export function personalColumns(header: readonly string[] | null, used: readonly number[]): PersonalColumn[] {
  if (!header) return [];
  const skip = new Set(used);
  const found: PersonalColumn[] = [];
  header.forEach((name, index) => {
    if (skip.has(index)) return;
    const kind = personalKind(name);
    if (kind) found.push({ index, name, kind });
  });
  return found;
}
