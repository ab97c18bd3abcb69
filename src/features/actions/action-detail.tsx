/**
 * The detail of the selected action. Every value is rendered as text by React (never as HTML): an imported
 * file may contain anything. A link is shown only for an http(s) URL, opened without access to this page.
 */
import { useEffect, useRef, useState } from 'react';
import { type ActionFeature, STATUT_LABELS, TYPE_PORTEUR_LABELS } from '../../domain/actions/model.ts';
import { isWebUrl } from '../../domain/actions/schema.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { ObjectiveBadge } from './actions-badges.tsx';
import { showActionOnMap } from './actions-map.ts';
import { deleteDraft, editorStore, selectedActionStore } from './actions-state.ts';

const GEOMETRY_LABELS: Record<ActionFeature['geometry']['type'], string> = {
  Point: 'Point',
  LineString: 'Ligne',
  Polygon: 'Zone',
};

function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

export interface ActionDetailProps {
  action: ActionFeature;
  objectives: ObjectivesFile;
  isDraft: boolean;
}

export function ActionDetail({ action, objectives, isDraft }: ActionDetailProps) {
  const p = action.properties;
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const objectif = objectives.objectifs.find((candidate) => candidate.id === p.objectif);
  const enjeux = objectives.enjeux.filter((enjeu) => (p.enjeux as string[]).includes(enjeu.id));

  // A newly selected action resets the delete confirmation and takes the focus (its heading).
  const shownId = p.id;
  useEffect(() => {
    setConfirming(shownId === '');
    heading.current?.focus();
  }, [shownId]);

  const edit = () => editorStore.set({ step: 'formulaire', geometry: action.geometry, editingId: p.id });
  return (
    <section className="action-detail" aria-labelledby="action-detail-titre">
      <h3 id="action-detail-titre" ref={heading} tabIndex={-1}>
        {p.titre}
      </h3>
      <p className="action-badges">
        {objectif ? <ObjectiveBadge objectif={objectif} /> : null}
        {p.exemple ? <span className="action-badge action-badge-exemple">Exemple</span> : null}
        {isDraft ? <span className="action-badge action-badge-brouillon">Brouillon</span> : null}
      </p>
      {p.exemple ? (
        <p className="actions-note">
          Action fictive, montrée à titre d’illustration : elle n’est pas prévue.
        </p>
      ) : null}
      {p.description ? <p className="action-description">{p.description}</p> : null}
      <dl className="action-fields">
        <dt>Objectif de la ville</dt>
        <dd>{objectif?.libelle ?? p.objectif}</dd>
        <dt>Enjeux de la Métropole</dt>
        <dd>
          <ul>
            {enjeux.map((enjeu) => (
              <li key={enjeu.id}>
                {enjeu.numero}. {enjeu.libelle_court}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Porteur</dt>
        <dd>
          {p.porteur} ({TYPE_PORTEUR_LABELS[p.type_porteur]})
        </dd>
        <dt>Statut</dt>
        <dd>{STATUT_LABELS[p.statut]}</dd>
        <dt>Période</dt>
        <dd>{p.debut === p.fin ? formatDate(p.debut) : `${formatDate(p.debut)} – ${formatDate(p.fin)}`}</dd>
        <dt>Forme</dt>
        <dd>{GEOMETRY_LABELS[action.geometry.type]}</dd>
        {p.budget !== undefined ? (
          <>
            <dt>Budget</dt>
            <dd>
              {p.budget.toLocaleString('fr-FR', {
                style: 'currency',
                currency: 'EUR',
                maximumFractionDigits: 0,
              })}
            </dd>
          </>
        ) : null}
        {p.contact ? (
          <>
            <dt>Contact</dt>
            <dd>{p.contact}</dd>
          </>
        ) : null}
        {p.lien && isWebUrl(p.lien) ? (
          <>
            <dt>Lien</dt>
            <dd>
              <a href={p.lien} target="_blank" rel="noopener noreferrer">
                {p.lien}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions-buttons">
        <button type="button" onClick={() => showActionOnMap(action)}>
          Voir sur la carte
        </button>
        {isDraft ? (
          <>
            <button type="button" onClick={edit}>
              Modifier
            </button>
            {confirming ? (
              <button
                type="button"
                className="actions-button-danger"
                onClick={() => {
                  void deleteDraft(p.id);
                }}
              >
                Confirmer la suppression
              </button>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                Supprimer
              </button>
            )}
          </>
        ) : null}
        <button type="button" onClick={() => selectedActionStore.set(null)}>
          Fermer
        </button>
      </div>
    </section>
  );
}
