/// <reference lib="webworker" />
// Web Worker of the 300 m band (TVA 5,5 %, CGI art. 278 sexies): Turf's buffer takes 0.1–0.3 s per detailed QPV
// outline, several seconds for the QPVs of the MEL on a small machine, so it runs here, off the main thread, the
// first time the band is switched on. Receives the QPVs and the area, answers the merged band features.

import type { BBox, QpvCollection } from '../domain/data-types.ts';
import { type VatBandFeature, vatBand } from '../domain/vat-band.ts';

declare const self: DedicatedWorkerGlobalScope;

export type VatBandRequest = { qpvs: QpvCollection; area: BBox };
export type VatBandResponse = { ok: true; features: VatBandFeature[] } | { ok: false; error: string };

self.onmessage = (event: MessageEvent<VatBandRequest>) => {
  let response: VatBandResponse;
  try {
    response = { ok: true, features: vatBand(event.data.qpvs, { area: event.data.area }) };
  } catch (error) {
    response = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
