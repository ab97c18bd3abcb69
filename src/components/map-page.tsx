/**
 * The map page: a side panel (search and verdict, Saint-Pierre streets, layers and legend, actions) that
 * works without the map, and the map itself, lazy-loaded so the panel is usable before MapLibre arrives.
 * The selected QPV is described over the map (a bottom sheet on narrow screens), outside the lazy chunk so
 * that a keyboard selection from the list works even before the map is drawn.
 */
import { lazy, Suspense } from 'react';
import { ActionsPanel } from './actions-panel.tsx';
import { AddressSearch } from './address-search.tsx';
import { LayerPanel } from './layer-panel.tsx';
import { PlanningPanel } from './planning-panel.tsx';
import { QpvDetails } from './qpv-details.tsx';
import { StreetList } from './street-list.tsx';

const MapView = lazy(() => import('./map-view.tsx'));

export function MapPage() {
  return (
    <div className="map-page">
      <div className="side-panel">
        <AddressSearch />
        <StreetList />
        <LayerPanel />
        <ActionsPanel />
        <PlanningPanel />
      </div>
      <div className="map-area">
        <Suspense fallback={<p className="map-loading">Chargement de la carte…</p>}>
          <MapView />
        </Suspense>
        <QpvDetails />
      </div>
    </div>
  );
}
