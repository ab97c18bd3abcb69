/**
 * « Verdir et aérer Saint-Pierre »: the planners' section of the map page's side panel. Closed by default; its
 * content and data are loaded only when it is opened (permalink `amenagement=1`), never on the resident's first
 * screen.
 */
import { lazy, Suspense } from 'react';
import { setPlanningOpen, usePlanning } from './planning-state.ts';
import './planning-panel.css';

const PlanningContent = lazy(() =>
  import('./planning-content.tsx').then((module) => ({ default: module.PlanningContent })),
);

export function PlanningPanel() {
  const { open } = usePlanning();
  return (
    <details
      className="planning-panel"
      open={open}
      onToggle={(event) => setPlanningOpen(event.currentTarget.open)}
    >
      <summary>
        <h2>Verdir et aérer Saint-Pierre</h2>
        <span className="planning-summary-hint"> — parcs, accès à pied, IRIS (pour les aménageurs)</span>
      </summary>
      {open ? (
        <Suspense fallback={<p role="status">Chargement de la vue aménagement…</p>}>
          <PlanningContent />
        </Suspense>
      ) : null}
    </details>
  );
}
