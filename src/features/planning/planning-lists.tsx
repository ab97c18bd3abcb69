/**
 * The text equivalent of the planner's map layers: parks and gardens of Croix or inside QN05980M, their
 * walking-access areas with residents, the IRIS with a part inside the QPV, and the France services points.
 */

import type { PlanningData } from './planning-data.ts';
import { count, hectares, percent } from './planning-format.ts';

export function PlanningLists({ data }: { data: PlanningData }) {
  const parks = data.parks.features
    .map((park) => park.properties)
    .filter((p) => p.commune === 'Croix' || p.in_qpv_m2 > 0)
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const names = new Set(parks.map((p) => p.nom));
  const access = data.access.features
    .map((zone) => zone.properties)
    .filter((p) => names.has(p.nom))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const iris = data.iris.features
    .map((zone) => zone.properties)
    .filter((p) => p.qpv_share > 0)
    .sort((a, b) => b.qpv_share - a.qpv_share);
  const services = [...data.franceServices.features]
    .map((point) => point.properties)
    .sort((a, b) => a.distance_qpv_m - b.distance_qpv_m);
  return (
    <>
      <details>
        <summary>Liste des {parks.length} parcs et jardins de Croix ou dans le QPV</summary>
        <ul className="planning-list">
          {parks.map((p) => (
            <li key={p.id}>
              {p.nom} ({p.commune}) — {p.oms ? 'compté selon les critères OMS' : 'non compté (critères OMS)'}
              {p.cimetiere ? ', cimetière' : ''}
              {p.area_m2 === null ? ', connu par un point' : `, ${hectares(p.area_m2)}`}
              {p.in_qpv_m2 > 0 ? `, dont ${hectares(p.in_qpv_m2)} dans le QPV` : ''}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Zones d’accès à pied de ces parcs ({access.length})</summary>
        <ul className="planning-list">
          {access.map((p) => (
            <li key={p.id}>
              {p.nom} — {p.residents === null ? 'habitants non connus' : `${count(p.residents)} habitants`},{' '}
              {hectares(p.area_m2)}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>IRIS ayant une partie dans le QPV ({iris.length})</summary>
        <ul className="planning-list">
          {iris.map((p) => (
            <li key={p.code}>
              {p.nom} ({p.code}) — {percent(p.qpv_share)} de sa surface dans le QPV
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>France services près du QPV ({services.length})</summary>
        <ul className="planning-list">
          {services.map((p) => (
            <li key={p.id}>
              {p.nom}, {p.adresse}, {p.commune} —{' '}
              {p.inside_qpv ? 'dans le QPV' : `à ${count(p.distance_qpv_m)} m du QPV`}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
