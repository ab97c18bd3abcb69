/**
 * Facts of the MEL contract from data/contract.json: contract code, the QP2024 ↔ QP2015 correspondence of a QPV,
 * and the adulte-relais / FONJEP posts by year (known at the contract level only, said next to the table).
 */

import { ScrollRegion } from '../../lib/scroll-region.tsx';
import { useContractFacts } from '../planning/planning-data.ts';
import { count } from '../planning/planning-format.ts';

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** « QN05980M remplace QP059082 (2015) » for a QPV of the MEL contract; nothing for the others. */
export function QpvContractFacts({ code }: { code: string }) {
  const loaded = useContractFacts();
  if (loaded.state !== 'pret') return null;
  const row = loaded.data.qpv.find((qpv) => qpv.qp2024 === code);
  if (!row) return null;
  return (
    <>
      <dt>Contrat de ville</dt>
      <dd>
        {loaded.data.contrat.code} ({loaded.data.contrat.label}, {loaded.data.contrat.generation})
      </dd>
      <dt>Quartier de 2015</dt>
      <dd data-testid="qpv-remplace">
        {row.replaces.length === 0
          ? `${row.qp2024} est un nouveau quartier (aucun QPV de 2015)`
          : `${row.qp2024} remplace ${row.replaces.map((r) => `${r.code} (2015, ${r.label})`).join(', ')}${
              row.statut === 'MODIFIE' ? ', contour modifié' : ''
            }`}
      </dd>
    </>
  );
}

export function ContractFactsSection() {
  const loaded = useContractFacts();
  if (loaded.state === 'chargement') return <p role="status">Chargement des données du contrat…</p>;
  if (loaded.state === 'erreur') return <p role="alert">{loaded.message}</p>;
  const facts = loaded.data;
  const focus = facts.qpv.find((qpv) => qpv.qp2024 === 'QN05980M');
  return (
    <section aria-labelledby="contrat-donnees-titre">
      <h2 id="contrat-donnees-titre">Le contrat de la MEL en chiffres</h2>
      <p>
        Code du contrat de ville de la Métropole Européenne de Lille : <strong>{facts.contrat.code}</strong> (
        {facts.contrat.generation} ; {facts.contrat.previous_code} pour 2015-2023). Il couvre{' '}
        {facts.qpv.length} quartiers prioritaires.
      </p>
      {focus ? (
        <p data-testid="contrat-remplace">
          {focus.qp2024} ({focus.label}) remplace{' '}
          {focus.replaces.map((r) => `${r.code} (2015, ${r.label})`).join(', ')}
          {focus.statut === 'MODIFIE' ? ' : son contour a été modifié.' : '.'}
        </p>
      ) : null}
      <ScrollRegion label="Tableau des postes (défilement horizontal)">
        <table className="planning-table" data-testid="postes">
          <caption>Postes adulte-relais et FONJEP du contrat de la MEL, par année</caption>
          <thead>
            <tr>
              <th scope="col">Année</th>
              <th scope="col">Adultes-relais (postes)</th>
              <th scope="col">Adultes-relais (montant)</th>
              <th scope="col">FONJEP (postes)</th>
              <th scope="col">FONJEP (montant)</th>
              <th scope="col">
                Employeur à Croix, Roubaix, Tourcoing ou Wattrelos (adultes-relais / FONJEP)
              </th>
            </tr>
          </thead>
          <tbody>
            {facts.posts.map((year) => (
              <tr key={year.year}>
                <th scope="row">{year.year}</th>
                <td>{count(year.adulte_relais.count)}</td>
                <td>{euros.format(year.adulte_relais.amount_eur)}</td>
                <td>{count(year.fonjep.count)}</td>
                <td>{euros.format(year.fonjep.amount_eur)}</td>
                <td>
                  {count(year.employer_in_4_communes.adulte_relais)} /{' '}
                  {count(year.employer_in_4_communes.fonjep)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ul className="text-page-note">
        {facts.caveats.map((caveat) => (
          <li key={caveat}>{caveat}</li>
        ))}
      </ul>
    </section>
  );
}
