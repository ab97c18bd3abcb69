/**
 * Applies the shared map state (src/features/map/map-state.ts) to the MapLibre instance: layer visibility, selection
 * outlines, the opt-in online basemap, the lazily computed 300 m band, and camera requests from any panel.
 * Imperative on purpose: the style object stays constant, so React never diffs (or resets) the loaded data.
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { BBox } from '../../domain/data-types.ts';
import { bboxIntersects, collectionBbox } from '../../domain/geometry/bbox.ts';
import { LAYER_KEYS } from '../../domain/permalink.ts';
import type { VatBandFeature } from '../../domain/vat-band.ts';
import { loadCommunes, loadQpvShardsFor } from '../../io/data-loader.ts';
import { useStore } from '../../lib/create-store.ts';
import { prefersReducedMotion } from '../../lib/reduced-motion.ts';
import { LAYERS_HIDDEN_BY_ONLINE, onlineLayer, onlineSource } from '../../map/basemap-style.ts';
import { BASEMAP_LAYER, ONLINE_LAYER, OVERLAY_LAYER, SOURCE } from '../../map/ids.ts';
import { LAYER_GROUPS, selectedQpvFilter, selectedStreetFilter } from '../../map/overlay-layers.ts';
import type { VatBandRequest, VatBandResponse } from '../../workers/vat-band-worker.ts';
import { bringMapIntoView } from './map-into-view.ts';
import { cameraRequestStore, useMapState, vatBandStatusStore } from './map-state.ts';

/** The 300 m band for the QPVs that reach the covered communes (the MEL), computed in a worker. */
async function computeBand(): Promise<VatBandFeature[]> {
  const communes = await loadCommunes();
  const area = collectionBbox(communes);
  // Only the QPVs near the area travel to the worker (≈ 0.01° ≥ 700 m margin, more than the band), from the
  // shards of that box (never the whole QPV file).
  const margin: BBox = [area[0] - 0.01, area[1] - 0.01, area[2] + 0.01, area[3] + 0.01];
  const near = (await loadQpvShardsFor(margin, 0)).filter(
    (qpv) => qpv.bbox && bboxIntersects(qpv.bbox, margin),
  );
  const worker = new Worker(new URL('../../workers/vat-band-worker.ts', import.meta.url), { type: 'module' });
  try {
    const response = await new Promise<VatBandResponse>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<VatBandResponse>) => resolve(event.data);
      worker.onerror = () => reject(new Error('Calcul de la bande de 300 m impossible.'));
      const request: VatBandRequest = { qpvs: { type: 'FeatureCollection', features: near }, area };
      worker.postMessage(request);
    });
    if (!response.ok) throw new Error(response.error);
    return response.features;
  } finally {
    worker.terminate();
  }
}

/**
 * Camera padding that keeps the target out from under the answer shown over the map: below it on wide screens
 * (a card at the top left: padding on the left), above it on phones (a bottom sheet: padding at the bottom).
 */
function overlayPadding(map: MaplibreMap): { top: number; bottom: number; left: number; right: number } {
  const base = { top: 48, bottom: 48, left: 48, right: 48 };
  const sheet = map.getContainer().closest('.map-area')?.querySelector('.verdict-sheet');
  if (!sheet) return base;
  const area = map.getContainer().getBoundingClientRect();
  const box = sheet.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return base;
  // Keep at least a third of the map for the target whatever the overlay's size.
  if (box.width > area.width * 0.6)
    return { ...base, bottom: Math.min(area.height * 0.66, area.bottom - box.top + 24) };
  return { ...base, left: Math.min(area.width * 0.66, box.right - area.left + 24) };
}

export function useMapSync(map: MaplibreMap | null): void {
  const state = useMapState();
  const camera = useStore(cameraRequestStore);
  const doneRequest = useRef(0);
  const bandStarted = useRef(false);

  useEffect(() => {
    if (!map) return;
    const shown = new Set(state.layers);
    for (const key of LAYER_KEYS) {
      for (const id of LAYER_GROUPS[key]) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', shown.has(key) ? 'visible' : 'none');
      }
    }
  }, [map, state.layers]);

  // The band is computed only the first time it is switched on, in a worker (Turf buffer: seconds on this data).
  const bandOn = state.layers.includes('bande300');
  useEffect(() => {
    if (!map || !bandOn || bandStarted.current) return;
    bandStarted.current = true;
    vatBandStatusStore.set('calcul');
    computeBand()
      .then((features) => {
        map.getSource<GeoJSONSource>(SOURCE.vatBand)?.setData({ type: 'FeatureCollection', features });
        vatBandStatusStore.set('pret');
      })
      .catch(() => {
        bandStarted.current = false;
        vatBandStatusStore.set('erreur');
      });
  }, [map, bandOn]);

  useEffect(() => {
    map?.setFilter(OVERLAY_LAYER.qpvSelectedLine, selectedQpvFilter(state.selectedQpv));
  }, [map, state.selectedQpv]);

  useEffect(() => {
    map?.setFilter(OVERLAY_LAYER.streetSelected, selectedStreetFilter(state.selectedStreet));
  }, [map, state.selectedStreet]);

  useEffect(() => {
    if (!map) return;
    const on = state.onlineBasemap;
    if (on && !map.getSource(SOURCE.online)) {
      map.addSource(SOURCE.online, onlineSource());
      map.addLayer(onlineLayer(), BASEMAP_LAYER.communeFill);
    } else if (!on && map.getSource(SOURCE.online)) {
      map.removeLayer(ONLINE_LAYER);
      map.removeSource(SOURCE.online);
    }
    for (const id of LAYERS_HIDDEN_BY_ONLINE)
      map.setLayoutProperty(id, 'visibility', on ? 'none' : 'visible');
  }, [map, state.onlineBasemap]);

  useEffect(() => {
    if (!map || !camera || camera.id <= doneRequest.current) return;
    doneRequest.current = camera.id;
    bringMapIntoView();
    const animate = !prefersReducedMotion();
    const padding = overlayPadding(map);
    if (camera.kind === 'fit') {
      const [w, s, e, n] = camera.bbox;
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding, maxZoom: camera.maxZoom ?? 18, animate, duration: animate ? 900 : 0 },
      );
    } else {
      const target = {
        center: [camera.center.lon, camera.center.lat] as [number, number],
        zoom: camera.zoom,
        padding,
      };
      if (animate) map.flyTo(target);
      else map.jumpTo(target);
    }
  }, [map, camera]);
}
