/**
 * The map page. Three blocks: the resident's question (search), the map with the answer over it (a bottom sheet on
 * phones, a card on wide screens) and the other panels (Saint-Pierre streets, layers and legend, actions), which
 * work without the map. On wide screens the question and the panels share the left column; on phones they come
 * before and after a map that fills the screen, so that the answer and the map are always seen together.
 * The map is lazy-loaded so the panels are usable before MapLibre arrives, and requested only once the search can
 * answer (./map-start.ts). The selected QPV is described over the
 * map, outside the lazy chunk, so that a keyboard selection from the list works even before the map is drawn.
 */
import { lazy, Suspense } from 'react';
import { ActionsPanel } from '../actions/actions-panel.tsx';
import { PlanningPanel } from '../planning/planning-panel.tsx';
import { AddressSearch } from '../search/address-search.tsx';
import { VerdictSheet } from '../search/verdict-sheet.tsx';
import { LayerPanel } from './layer-panel.tsx';
import { useMapStarted } from './map-start.ts';
import { QpvDetails } from './qpv-details.tsx';
import { StreetList } from './street-list.tsx';
import './map-page.css';

const MapView = lazy(() => import('./map-view.tsx'));

export function MapPage() {
  const mapStarted = useMapStarted();
  const loading = <p className="map-loading">Chargement de la carte…</p>;
  return (
    <div className="map-page">
      <div className="map-question">
        <AddressSearch />
      </div>
      <div className="map-area" id="zone-carte">
        <VerdictSheet />
        {mapStarted ? (
          <Suspense fallback={loading}>
            <MapView />
          </Suspense>
        ) : (
          loading
        )}
        <QpvDetails />
      </div>
      <div className="side-panel">
        <StreetList />
        <LayerPanel />
        <ActionsPanel />
        <PlanningPanel />
      </div>
    </div>
  );
}
