/**
 * The 300 m band of the TVA 5,5 % rule, computed only the first time it is switched on, in a worker (Turf
 * buffer: seconds on this data). Its progress is shown next to its toggle (`vatBandStatusStore`).
 */
import { useEffect, useRef, useState } from 'react';
import type { BBox } from '../../domain/data-types.ts';
import { bboxIntersects, collectionBbox } from '../../domain/geometry/bbox.ts';
import type { VatBandFeature } from '../../domain/vat-band.ts';
import { loadCommunes, loadQpvShardsFor } from '../../io/data-loader.ts';
import type { VatBandRequest, VatBandResponse } from '../../workers/vat-band-worker.ts';
import { vatBandStatusStore } from './map-state.ts';

/** The band for the QPVs that reach the covered communes (the MEL). */
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

/** The band's features once computed (null before); the computation starts when `on` first becomes true. */
export function useVatBand(on: boolean): GeoJSON.FeatureCollection | null {
  const [band, setBand] = useState<GeoJSON.FeatureCollection | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!on || started.current) return;
    started.current = true;
    vatBandStatusStore.set('calcul');
    computeBand()
      .then((features) => {
        setBand({ type: 'FeatureCollection', features });
        vatBandStatusStore.set('pret');
      })
      .catch(() => {
        started.current = false;
        vatBandStatusStore.set('erreur');
      });
  }, [on]);
  return band;
}
