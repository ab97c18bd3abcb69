/**
 * Filters of the actions overlay: objective, enjeu, type of porteur, statut, year (the switch of the
 * illustrative examples is ActionsExamplesSwitch). They drive the map layer and the list together and are written to the permalink.
 */
import { useState } from 'react';
import { type ActionFilters, isUnfiltered, NO_FILTERS } from '../../domain/actions/filters.ts';
import {
  ENJEU_IDS,
  OBJECTIF_IDS,
  STATUT_LABELS,
  STATUTS,
  TYPE_PORTEUR_LABELS,
  TYPES_PORTEUR,
  YEAR_MAX,
  YEAR_MIN,
} from '../../domain/actions/model.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { ObjectiveMarker } from './actions-badges.tsx';
import { setFilters, useActionFilters } from './actions-state.ts';

type ListKey = 'objectifs' | 'enjeux' | 'porteurs' | 'statuts';

function toggle<T extends string>(values: readonly T[], value: T, checked: boolean): T[] {
  return checked ? [...values, value] : values.filter((candidate) => candidate !== value);
}

function CheckGroup<T extends string>(props: {
  legend: string;
  name: ListKey;
  options: readonly { value: T; label: string; marker?: { couleur: string; symbole: string } }[];
  selected: readonly T[];
  onChange: (values: T[]) => void;
}) {
  return (
    <fieldset className="actions-filter-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="actions-check">
          <input
            type="checkbox"
            name={`actions-${props.name}`}
            value={option.value}
            checked={props.selected.includes(option.value)}
            onChange={(event) => props.onChange(toggle(props.selected, option.value, event.target.checked))}
          />
          {option.marker ? <ObjectiveMarker objectif={option.marker} /> : null}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ActionsFilters({ objectives }: { objectives: ObjectivesFile }) {
  const filters = useActionFilters();
  const change = (patch: Partial<ActionFilters>) => setFilters({ ...filters, ...patch });
  const active =
    filters.objectifs.length +
    filters.enjeux.length +
    filters.porteurs.length +
    filters.statuts.length +
    (filters.annee === null ? 0 : 1);
  // Open at first when the permalink carries filters; then the user decides.
  const [open, setOpen] = useState(active > 0);
  return (
    <details
      className="actions-subsection"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Filtrer{active > 0 ? ` (${active} actif${active > 1 ? 's' : ''})` : ''}</summary>
      <p className="actions-note">Aucune case cochée dans un groupe : tout est affiché pour ce groupe.</p>
      <CheckGroup
        legend="Objectif de la ville"
        name="objectifs"
        options={objectives.objectifs
          .filter((objectif) => (OBJECTIF_IDS as readonly string[]).includes(objectif.id))
          .map((objectif) => ({
            value: objectif.id as (typeof OBJECTIF_IDS)[number],
            label: objectif.libelle_court,
            marker: objectif,
          }))}
        selected={filters.objectifs}
        onChange={(objectifs) => change({ objectifs })}
      />
      <CheckGroup
        legend="Enjeu de la Métropole"
        name="enjeux"
        options={objectives.enjeux
          .filter((enjeu) => (ENJEU_IDS as readonly string[]).includes(enjeu.id))
          .map((enjeu) => ({
            value: enjeu.id as (typeof ENJEU_IDS)[number],
            label: `${enjeu.numero}. ${enjeu.libelle_court}`,
          }))}
        selected={filters.enjeux}
        onChange={(enjeux) => change({ enjeux })}
      />
      <CheckGroup
        legend="Type de porteur"
        name="porteurs"
        options={TYPES_PORTEUR.map((value) => ({ value, label: TYPE_PORTEUR_LABELS[value] }))}
        selected={filters.porteurs}
        onChange={(porteurs) => change({ porteurs })}
      />
      <CheckGroup
        legend="Statut"
        name="statuts"
        options={STATUTS.map((value) => ({ value, label: STATUT_LABELS[value] }))}
        selected={filters.statuts}
        onChange={(statuts) => change({ statuts })}
      />
      <label className="actions-filter-year">
        Année
        <select
          value={filters.annee ?? ''}
          onChange={(event) =>
            change({ annee: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">Toutes (2024-2030)</option>
          {Array.from({ length: YEAR_MAX - YEAR_MIN + 1 }, (_, index) => YEAR_MIN + index).map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      {isUnfiltered(filters) ? null : (
        <button
          type="button"
          className="actions-link-button"
          onClick={() => setFilters({ ...NO_FILTERS, exemples: filters.exemples })}
        >
          Tout afficher
        </button>
      )}
    </details>
  );
}
