/**
 * The indicators of QN05980M, its Croix part and Croix side by side: one table (row and column headers, a
 * caption), readable with a screen reader and a keyboard. Figures come from data/planning/indicators.json.
 */
import type { PlanningIndicators, TerritoryIndicators } from '../../domain/planning/types.ts';
import { ScrollRegion } from '../../lib/scroll-region.tsx';
import { count, hectares, percent } from './planning-format.ts';

const ROWS: { label: string; value: (t: TerritoryIndicators) => string }[] = [
  { label: 'Surface', value: (t) => hectares(t.area_m2) },
  { label: 'Surface de parcs et jardins à l’intérieur', value: (t) => hectares(t.park_area_m2) },
  { label: 'Part de la surface en parcs et jardins', value: (t) => percent(t.park_share) },
  {
    label: 'Parcs et jardins (dont comptés selon les critères OMS)',
    value: (t) => `${count(t.parks)} (${count(t.parks_oms)})`,
  },
  {
    label: 'Parcs accessibles à pied (zone d’accès qui touche le territoire)',
    value: (t) => (t.parks_reachable === null ? 'non disponible' : count(t.parks_reachable)),
  },
  {
    label: 'Habitants avec moins de 3 m² de parc chacun (2019)',
    value: (t) =>
      t.residents_under_3m2_share === null ? 'non disponible' : percent(t.residents_under_3m2_share),
  },
];

export function PlanningIndicatorsTable({ indicators }: { indicators: PlanningIndicators }) {
  return (
    <ScrollRegion label="Tableau des indicateurs (défilement horizontal)">
      <table className="planning-table" data-testid="planning-indicateurs">
        <caption>Indicateurs de {indicators.qpv}, de sa partie de Croix et de Croix</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            {indicators.territories.map((territory) => (
              <th key={territory.id} scope="col">
                {territory.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {indicators.territories.map((territory) => (
                <td key={territory.id}>{row.value(territory)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
