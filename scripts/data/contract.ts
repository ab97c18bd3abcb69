// contract.ts — data/contract.json (PLANNING-CONTRACT.md), called by scripts/build-data.ts.
//
// Reads (raw dir): qp2024-qp2015-correspondance/correspondance_qp2024_qp2015_MEL.csv (the 26 MEL rows),
//   anct-civille-mel/postes_adultes_relais_fonjep_MEL_2020_2025.csv (adulte-relais and FONJEP posts of the MEL
//   contract, codes CV192 and CN05911M).
// Writes (returned as text, written by build-data.ts): data/contract.json — the contract codes, the QP2024 ↔ QP2015
//   rows, the posts by year (src/domain/planning/posts.ts), caveats and sources.

import { type PostRow, postsByYear } from '../../src/domain/planning/posts';
import type { ContractFacts, ContractQpv, QpvStatut } from '../../src/domain/planning/types';
import { parseCsv } from '../lib/csv';
import { DataFileError } from '../lib/errors';
import { stableStringify } from '../lib/io';
import type { RawReaders } from './planning';

export const CONTRACT_RAW = {
  correspondance: 'qp2024-qp2015-correspondance/correspondance_qp2024_qp2015_MEL.csv',
  posts: 'anct-civille-mel/postes_adultes_relais_fonjep_MEL_2020_2025.csv',
} as const;

const STATUTS: readonly string[] = ['MODIFIE', 'INCHANGE', 'NOUVEAU'];
const CONTRACT_CODES: readonly string[] = ['CV192', 'CN05911M'];

/** Builds data/contract.json; `melCodes` are the 26 MEL QPV codes of the QPV list (cross-checked). */
export function buildContract(read: RawReaders, melCodes: ReadonlySet<string>): string {
  const cLabel = read.label(CONTRACT_RAW.correspondance);
  const qpv: ContractQpv[] = parseCsv(read.text(CONTRACT_RAW.correspondance), cLabel, ',', [
    'qp2024',
    'label_qp2024',
    'statut',
    'qp2015_1',
    'label_qp2015_1',
  ]).map((r, i) => {
    if (!/^QN\d{5}[A-Z]$/.test(r.qp2024 ?? ''))
      throw new DataFileError(cLabel, `ligne ${i + 2}: code QP2024`);
    if (!STATUTS.includes(r.statut ?? ''))
      throw new DataFileError(cLabel, `ligne ${i + 2}: statut ${r.statut}`);
    const replaces = [1, 2, 3]
      .map((n) => ({ code: (r[`qp2015_${n}`] ?? '').trim(), label: (r[`label_qp2015_${n}`] ?? '').trim() }))
      .filter((x) => x.code !== '');
    return { qp2024: r.qp2024!, label: r.label_qp2024!.trim(), statut: r.statut as QpvStatut, replaces };
  });
  qpv.sort((a, b) => (a.qp2024 < b.qp2024 ? -1 : 1));
  // The 26 MEL rows, and every MEL QPV of the QPV layer among them (a test layer may hold fewer).
  const codes = new Set(qpv.map((q) => q.qp2024));
  const missing = [...melCodes].filter((c) => !codes.has(c));
  if (qpv.length !== 26 || codes.size !== 26 || missing.length > 0) {
    throw new DataFileError(
      cLabel,
      `les 26 QPV de la MEL attendus (${qpv.length} lignes; absents : ${missing.join(', ')})`,
    );
  }

  const pLabel = read.label(CONTRACT_RAW.posts);
  const rows: PostRow[] = parseCsv(read.text(CONTRACT_RAW.posts), pLabel, ',', [
    'dispositif',
    'annee',
    'code_cv',
    'raison_sociale',
    'montant',
  ]).map((r, i) => {
    const annee = Number(r.annee);
    const montant = Number(r.montant);
    if (!CONTRACT_CODES.includes(r.code_cv ?? ''))
      throw new DataFileError(pLabel, `ligne ${i + 2}: code_cv ${r.code_cv}`);
    if (r.dispositif !== 'adulte-relais' && r.dispositif !== 'fonjep')
      throw new DataFileError(pLabel, `ligne ${i + 2}: dispositif ${r.dispositif}`);
    if (!Number.isInteger(annee) || !Number.isFinite(montant))
      throw new DataFileError(pLabel, `ligne ${i + 2}: année ou montant illisible`);
    return { annee, dispositif: r.dispositif, raison_sociale: r.raison_sociale ?? '', montant };
  });

  const facts: ContractFacts = {
    contrat: {
      code: 'CN05911M',
      label: '59 - Métropole Européenne de Lille',
      generation: '2024-2030',
      previous_code: 'CV192',
    },
    qpv,
    posts: postsByYear(rows),
    caveats: [
      'Les postes adulte-relais et FONJEP sont connus au niveau du contrat de ville de la MEL seulement : ni quartier, ni adresse. Un poste peut servir n’importe lequel des 26 QPV.',
      '« Employeur dans les 4 communes » : postes dont le nom de l’employeur contient Roubaix, Tourcoing, Wattrelos ou Croix (sauf « Croix-Rouge »). Un employeur de ces communes dont le nom ne les cite pas (ex. centre social Marlière Croix Rouge, à Tourcoing) n’est pas compté ; un employeur qui les cite peut agir ailleurs.',
      'Code du contrat : CV192 pour la génération 2015–2023, CN05911M pour 2024–2030 (même contrat de la MEL). Des postes sans code de contrat dans la source (2023–2025) ne peuvent pas être attribués et ne sont pas comptés.',
      'Montants 2025 nettement plus faibles par poste (versement partiel ou première tranche, probablement).',
      'Correspondance QP2024 ↔ QP2015 : 26 lignes de la MEL recopiées à la main depuis une copie du fichier ANCT, vérifiées contre la liste des QPV 2024 ; aucun contour 2015 n’est disponible.',
    ],
    sources: [
      'ANCT – Dauphin, subventions politique de la ville (Ci.Ville, Licence Ouverte 2.0)',
      'Source : ANCT, correspondance QP2024 – QP2015 (Licence Ouverte)',
      'Source : ANCT, quartiers prioritaires de la politique de la ville, génération 2024',
    ],
  };
  return `${JSON.stringify(JSON.parse(stableStringify(facts)), null, 2)}\n`;
}
