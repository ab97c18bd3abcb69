/**
 * The objective's marker as drawn on the map (its colour and its letter), reused in the legend, the list and
 * the detail so that the text and the map speak the same visual language. The letter is hidden from screen
 * readers: the objective's name follows it in text.
 */
import type { Objectif } from '../../domain/objectives.ts';

export function ObjectiveMarker({ objectif }: { objectif: Pick<Objectif, 'couleur' | 'symbole'> }) {
  return (
    <span className="action-marker" style={{ backgroundColor: objectif.couleur }} aria-hidden="true">
      {objectif.symbole}
    </span>
  );
}

export function ObjectiveBadge({ objectif }: { objectif: Objectif }) {
  return (
    <span className="action-badge action-badge-objectif">
      <ObjectiveMarker objectif={objectif} />
      {objectif.libelle_court}
    </span>
  );
}
