/**
 * « Partager » an answer: a link that reopens it (`?adresse=` for a typed address, `?point=lat,lon` for a pin or a
 * device position), through the phone's share sheet when there is one, else copied to the clipboard, else shown.
 * Nothing is sent anywhere by the app itself: the user chooses where the link goes.
 */

import { replaceParams } from '../../lib/url-state.ts';
import type { VerdictState } from './verdict-state.ts';

/** `lat,lon` with 6 decimals (≈ 0.1 m), the form `?point=` reads back. */
export function encodePoint(lon: number, lat: number): string {
  return `${lat.toFixed(6)},${lon.toFixed(6)}`;
}

/** Reads `?point=lat,lon`; null when absent or not two finite numbers in range. */
export function decodePoint(value: string | null): [number, number] | null {
  if (!value) return null;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2) return null;
  const [lat, lon] = parts as [number, number];
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  return [lon, lat];
}

/** Puts the answer in the URL and hands the link over; returns the French notice to show. */
export async function shareAnswer(verdict: VerdictState): Promise<string> {
  const check = verdict.check;
  if (!check) return '';
  if (verdict.query) replaceParams({ adresse: verdict.query, point: null });
  else if (check.lon !== null && check.lat !== null)
    replaceParams({ adresse: null, point: encodePoint(check.lon, check.lat) });
  const link = window.location.href;
  const what = verdict.query ? 'l’adresse recherchée' : 'la position du point';
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: 'Périmètre — adresse et quartier prioritaire', url: link });
      return '';
    } catch (error) {
      // The user closed the share sheet: nothing to say.
      if (error instanceof DOMException && error.name === 'AbortError') return '';
    }
  }
  try {
    await navigator.clipboard.writeText(link);
    return `Lien copié : il contient ${what}.`;
  } catch {
    return `Copiez ce lien (il contient ${what}) : ${link}`;
  }
}
