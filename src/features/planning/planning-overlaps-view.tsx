/**
 * What the selected (or just drawn) action overlaps among the planning layers: parks, IRIS, walking-access areas
 * and their residents (src/domain/planning/overlaps.ts).
 */
import { useMemo } from 'react';
import { planningOverlaps } from '../../domain/planning/overlaps.ts';
import { useAllActions, useSelectedAction } from '../actions/actions-state.ts';
import type { PlanningData } from './planning-data.ts';
import { count, percent } from './planning-format.ts';

export function PlanningOverlapsView({ data }: { data: PlanningData }) {
  const selectedId = useSelectedAction();
  const { all } = useAllActions();
  const action = selectedId ? all.find((a) => a.properties.id === selectedId) : undefined;
  const overlaps = useMemo(() => (action ? planningOverlaps(action.geometry, data) : null), [action, data]);
  return (
    <section className="planning-overlaps" aria-labelledby="amenagement-recoupe-titre" aria-live="polite">
      <h3 id="amenagement-recoupe-titre">Ce que recoupe une action</h3>
      {!action || !overlaps ? (
        <p className="planning-note">
          Choisissez une action dans « Actions du contrat » (ou dessinez-en une) : ses recoupements avec les
          parcs, les IRIS et les zones d’accès à pied s’affichent ici.
        </p>
      ) : (
        <>
          <p>
            <strong>{action.properties.titre}</strong>
            {action.properties.exemple ? ' (exemple fictif)' : ''} recoupe :
          </p>
          <ul className="planning-list" data-testid="amenagement-recoupements">
            <li>
              Parcs et jardins :{' '}
              {overlaps.parks.length === 0
                ? 'aucun'
                : overlaps.parks.map((p) => `${p.nom}${p.oms ? ' (OMS)' : ''}`).join(', ')}
            </li>
            <li>
              IRIS :{' '}
              {overlaps.iris.length === 0
                ? 'aucun'
                : overlaps.iris.map((p) => `${p.nom} (${percent(p.qpv_share)} dans le QPV)`).join(', ')}
            </li>
            <li>
              Zones d’accès à pied : {overlaps.access.length === 0 ? 'aucune' : count(overlaps.access.length)}
              {overlaps.residentsMax === null
                ? ''
                : ` — jusqu’à ${count(overlaps.residentsMax)} habitants dans la plus peuplée (les zones se chevauchent : ne pas additionner)`}
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
