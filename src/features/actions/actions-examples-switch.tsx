/**
 * The switch of the fictitious example actions: off by default (residents first see only real content), kept in
 * the permalink (`exemples=1`); they are drawn under the resident's pin, never over it.
 */

import { useVerdict } from '../search/verdict-state.ts';
import { setFilters, useActionFilters } from './actions-state.ts';

export function ActionsExamplesSwitch({ examples }: { examples: number }) {
  const filters = useActionFilters();
  const answerShown = useVerdict().check !== null;
  if (examples === 0) return null;
  return (
    <div className="actions-examples">
      <label className="actions-check actions-examples-switch">
        <input
          type="checkbox"
          checked={filters.exemples}
          aria-describedby="actions-exemples-aide"
          onChange={(event) => setFilters({ ...filters, exemples: event.target.checked })}
        />
        Voir des exemples d’actions (fictives)
      </label>
      <p id="actions-exemples-aide" className="actions-note">
        {examples} exemple{examples > 1 ? 's' : ''} imaginé{examples > 1 ? 's' : ''} pour montrer l’outil : ce
        ne sont pas des actions prévues.
        {filters.exemples && answerShown ? ' Ils restent sous l’épingle de votre adresse.' : ''}
      </p>
    </div>
  );
}
