/**
 * Legend of the actions overlay: each objective's colour and letter with the number of actions shown and
 * known, plus how examples and drafts are drawn. The count is announced politely when filters change.
 */
import { countByObjectif } from '../../domain/actions/filters.ts';
import type { ActionFeature, ObjectifId } from '../../domain/actions/model.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { ObjectiveMarker } from './actions-badges.tsx';

export interface ActionsLegendProps {
  objectives: ObjectivesFile;
  shown: readonly ActionFeature[];
  all: readonly ActionFeature[];
}

export function ActionsLegend({ objectives, shown, all }: ActionsLegendProps) {
  const shownCounts = countByObjectif(shown);
  const allCounts = countByObjectif(all);
  return (
    <div className="actions-legend">
      <p role="status" className="actions-count">
        {shown.length === all.length
          ? `${all.length} action${all.length > 1 ? 's' : ''} sur la carte.`
          : `${shown.length} action${shown.length > 1 ? 's' : ''} affichée${shown.length > 1 ? 's' : ''} sur ${all.length}.`}
      </p>
      <ul aria-label="Légende des objectifs">
        {objectives.objectifs.map((objectif) => {
          const id = objectif.id as ObjectifId;
          return (
            <li key={objectif.id}>
              <ObjectiveMarker objectif={objectif} />
              <span>
                {objectif.libelle_court}{' '}
                <span className="actions-legend-count">
                  {shownCounts[id] ?? 0}
                  {shownCounts[id] !== allCounts[id] ? ` / ${allCounts[id] ?? 0}` : ''}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      <p className="actions-note">
        Chaque action porte la lettre de son objectif. Anneau gris, trait ou contour en pointillés : exemple
        fictif.
      </p>
    </div>
  );
}
