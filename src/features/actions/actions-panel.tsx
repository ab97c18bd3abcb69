/**
 * The contract's actions, one collapsible section of the map page's side panel: count and legend by
 * objective, filters (mirrored in the permalink), the detail of the selected action, the list of the actions
 * shown (the text equivalent of the map), area statistics, the PNG export of the view, the associations'
 * editor and the import / export of their drafts.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { countByObjectif, FILTER_PARAMS } from '../../domain/actions/filters.ts';
import { STATUT_LABELS, TYPE_PORTEUR_LABELS } from '../../domain/actions/model.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { metresPerPixel, scaleBar } from '../../domain/scale-bar.ts';
import { downloadBlob } from '../../io/download.ts';
import { readParam } from '../../lib/url-state.ts';
import { mapController } from '../map/map-controller.ts';
import { ActionDetail } from './action-detail.tsx';
import { ActionEditor } from './action-editor.tsx';
import { ActionsExamplesSwitch } from './actions-examples-switch.tsx';
import { ActionsFiles } from './actions-files.tsx';
import { ActionsFilters } from './actions-filters.tsx';
import { ActionsLegend } from './actions-legend.tsx';
import { ActionsList } from './actions-list.tsx';
import { composeActionsPng, isoToday, legendEntries, PNG_MIN_WIDTH } from './actions-png-export.ts';
import {
  ensureActionsLoaded,
  useActionFilters,
  useActionsData,
  useAllActions,
  useDrafts,
  useEditor,
  useFilteredActions,
  useSelectedAction,
} from './actions-state.ts';
import './actions-panel.css';

// Turf's overlay code (intersect, union) is only needed when a planner opens the statistics.
const ActionsStats = lazy(() =>
  import('./actions-stats.tsx').then((module) => ({ default: module.ActionsStats })),
);

const SOURCES = [
  'Sources : ANCT, quartiers prioritaires 2024 (décret n° 2023-1314) ; fond de carte © contributeurs OpenStreetMap ;',
  'communes IGN Admin Express 2018 (simplifié) ; objectifs : délibération du conseil municipal de Croix ; actions : registre Périmètre et brouillons de ce navigateur.',
];

function usePngExport(objectives: ObjectivesFile | null) {
  const shown = useFilteredActions();
  const filters = useActionFilters();
  const [message, setMessage] = useState('');
  const run = async () => {
    if (!mapController.view() || !objectives) {
      setMessage('La carte n’est pas encore prête : réessayez dans un instant.');
      return;
    }
    setMessage('Préparation de l’image…');
    try {
      const mapCanvas = await mapController.capture(PNG_MIN_WIDTH);
      if (!mapCanvas) throw new Error('carte absente');
      const view = mapController.view();
      // Device pixels of the capture per CSS pixel of the map on screen.
      const scale = view ? mapCanvas.width / view.cssWidth : window.devicePixelRatio || 1;
      const bar = view ? scaleBar(metresPerPixel(view.lat, view.zoom) / scale, 160 * scale) : null;
      const label = (id: string) =>
        [...objectives.objectifs, ...objectives.enjeux].find((entry) => entry.id === id)?.libelle_court ?? id;
      const parts = [
        filters.objectifs.length ? `objectifs : ${filters.objectifs.map(label).join(', ')}` : '',
        filters.enjeux.length ? `enjeux : ${filters.enjeux.map(label).join(', ')}` : '',
        filters.porteurs.length
          ? `porteurs : ${filters.porteurs.map((p) => TYPE_PORTEUR_LABELS[p]).join(', ')}`
          : '',
        filters.statuts.length ? `statuts : ${filters.statuts.map((s) => STATUT_LABELS[s]).join(', ')}` : '',
        filters.annee === null ? '' : `année ${filters.annee}`,
        filters.exemples
          ? 'exemples fictifs affichés (anneau gris ou pointillés : action fictive, non prévue)'
          : 'exemples fictifs masqués',
      ].filter(Boolean);
      const canvas = composeActionsPng(
        mapCanvas,
        {
          title: 'Actions du Contrat de Ville et des Solidarités 2024-2030 — Croix, Saint-Pierre',
          subtitle: `${shown.length} action${shown.length > 1 ? 's' : ''} affichée${shown.length > 1 ? 's' : ''}`,
          legend: legendEntries(objectives.objectifs, countByObjectif(shown)),
          filtersText: `Filtres : ${parts.join(' ; ')}.`,
          dateText: `Export du ${new Date().toLocaleDateString('fr-FR', { dateStyle: 'long' })} depuis Périmètre.`,
          sources: SOURCES,
          scaleBar: bar,
        },
        scale,
      );
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('export');
      downloadBlob(blob, `actions-croix-carte-${isoToday()}.png`);
      setMessage('Image enregistrée dans vos téléchargements.');
    } catch {
      setMessage('L’image n’a pas pu être créée dans ce navigateur.');
    }
  };
  return { run, message };
}

function hasFilterParams(): boolean {
  return typeof window !== 'undefined' && FILTER_PARAMS.some((name) => readParam(name) !== null);
}

export function ActionsPanel() {
  const [open, setOpen] = useState(hasFilterParams);
  const data = useActionsData();
  const { all, draftIds } = useAllActions();
  const { drafts, storageError, unreadable } = useDrafts();
  const shown = useFilteredActions();
  const selectedId = useSelectedAction();
  const editor = useEditor();
  const objectives = data.status === 'pret' ? data.objectives : null;
  const png = usePngExport(objectives);

  useEffect(() => {
    void ensureActionsLoaded();
  }, []);
  // A click on an action on the map opens the section so that its detail is visible.
  useEffect(() => {
    if (selectedId !== null || editor.step !== 'ferme') setOpen(true);
  }, [selectedId, editor.step]);

  const selected = selectedId ? all.find((action) => action.properties.id === selectedId) : undefined;
  return (
    <details className="actions-panel" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2>Actions du contrat</h2>
      </summary>
      {data.status === 'chargement' ? <p role="status">Chargement des actions…</p> : null}
      {data.status === 'erreur' ? <p role="alert">{data.message}</p> : null}
      {storageError ? <p className="actions-report-error">{storageError}</p> : null}
      {unreadable > 0 ? (
        <p className="actions-note">
          {unreadable} brouillon(s) enregistré(s) n’ont pas pu être relus ; ils sont conservés à part dans ce
          navigateur.
        </p>
      ) : null}
      {objectives ? (
        <>
          <ActionsExamplesSwitch examples={all.filter((action) => action.properties.exemple).length} />
          <ActionsLegend objectives={objectives} shown={shown} all={all} />
          <ActionsFilters objectives={objectives} />
          {selected ? (
            <ActionDetail
              action={selected}
              objectives={objectives}
              isDraft={draftIds.has(selected.properties.id)}
            />
          ) : null}
          <ActionsList actions={shown} objectives={objectives} draftIds={draftIds} selectedId={selectedId} />
          <div className="actions-buttons">
            <button type="button" onClick={() => void png.run()}>
              Exporter la vue en image (PNG)
            </button>
          </div>
          <p role="status" className="actions-note">
            {png.message}
          </p>
          <Suspense fallback={null}>
            <ActionsStats actions={shown} objectives={objectives} />
          </Suspense>
          <ActionEditor objectives={objectives} />
          <ActionsFiles drafts={drafts} />
        </>
      ) : null}
    </details>
  );
}
