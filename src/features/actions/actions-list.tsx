/**
 * The list of the actions shown on the map (same filtered array as the map layer): the accessible,
 * text equivalent of the overlay. Selecting an item shows its detail and moves the map to it.
 */

import { actionYears } from '../../domain/actions/filters.ts';
import { type ActionFeature, STATUT_LABELS } from '../../domain/actions/model.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { ObjectiveMarker } from './actions-badges.tsx';
import { showActionOnMap } from './actions-map.ts';
import { selectedActionStore } from './actions-state.ts';

export interface ActionsListProps {
  actions: readonly ActionFeature[];
  objectives: ObjectivesFile;
  draftIds: ReadonlySet<string>;
  selectedId: string | null;
}

export function ActionsList({ actions, objectives, draftIds, selectedId }: ActionsListProps) {
  if (actions.length === 0) {
    return <p className="actions-empty">Aucune action ne correspond aux filtres.</p>;
  }
  return (
    <ul className="actions-list" aria-label="Actions affichées sur la carte">
      {actions.map((action) => {
        const p = action.properties;
        const objectif = objectives.objectifs.find((candidate) => candidate.id === p.objectif);
        const [start, end] = actionYears(action);
        return (
          <li key={p.id} data-action-id={p.id}>
            <button
              type="button"
              className="actions-list-item"
              aria-current={p.id === selectedId ? 'true' : undefined}
              onClick={() => {
                selectedActionStore.set(p.id);
                showActionOnMap(action);
              }}
            >
              {objectif ? <ObjectiveMarker objectif={objectif} /> : null}
              <span className="actions-list-text">
                <span className="actions-list-title">{p.titre}</span>
                <span className="actions-list-meta">
                  {objectif?.libelle_court ?? p.objectif} · {STATUT_LABELS[p.statut]} ·{' '}
                  {start === end ? start : `${start}–${end}`}
                  {p.exemple ? <span className="action-badge action-badge-exemple">Exemple</span> : null}
                  {draftIds.has(p.id) ? (
                    <span className="action-badge action-badge-brouillon">Brouillon</span>
                  ) : null}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
