/**
 * What happens when an answer arrives, whoever asked (search box, click on the map, device position): store it,
 * move the camera (the map view honours prefers-reduced-motion), forget any previously shared address.
 */
import { type AddressCheck, type CheckContext, checkPoint } from '../domain/check-address.ts';
import { coarsenView, decodeView, encodeView } from '../domain/permalink.ts';
import { DEFAULT_UNCERTAINTY_M } from '../domain/verdict.ts';
import { requestFitBounds, requestFlyTo } from '../state/map-state.ts';
import { showVerdict, type VerdictOrigin } from '../state/verdict-state.ts';
import { readParam, replaceParams } from '../url-state.ts';

/** Zoom at which a house and its side of the street are visible. */
export const VERDICT_ZOOM = 17;

export function presentCheck(
  ctx: CheckContext,
  check: AddressCheck,
  origin: VerdictOrigin,
  query: string | null,
  options: { moveCamera?: boolean; keepSharedAddress?: boolean } = {},
): void {
  showVerdict(check, origin, query);
  // The typed address goes into the URL only when the user presses « Partager »; the view already in the URL
  // (the user may have zoomed onto the home before placing the pin) is made coarse right away (issue 15, D13).
  const view = decodeView(readParam('carte'));
  replaceParams({
    ...(options.keepSharedAddress ? {} : { adresse: null }),
    ...(view ? { carte: encodeView(coarsenView(view)) } : {}),
  });
  if (options.moveCamera === false || check.lon === null || check.lat === null) return;
  const street = check.street ? ctx.geocoder.streets[check.street.id] : undefined;
  if (check.precision === 'voie' && street && street.lines.length > 0)
    requestFitBounds(street.bbox, VERDICT_ZOOM);
  else requestFlyTo({ lon: check.lon, lat: check.lat }, VERDICT_ZOOM);
}

/**
 * Uncertainty of a point placed with a pointer at a zoom level: ~4 px of the map (a fingertip or a mouse click),
 * never less than the default 10 m. At zoom 17 (0.75 m/px in Croix) that is the default; zoomed out at 13,
 * ± 48 m, and the band widens accordingly.
 */
export function pointerUncertainty(lat: number, zoom: number): number {
  const metresPerPixel = (156_543.034 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
  return Math.max(DEFAULT_UNCERTAINTY_M, Math.round(4 * metresPerPixel));
}

/** Verdict of a point placed on the map (click, tap, drag or Enter at the map centre). */
export function placeHome(ctx: CheckContext, point: [number, number], zoom: number): void {
  const check = checkPoint(ctx, point, { uncertainty_m: pointerUncertainty(point[1], zoom) });
  presentCheck(ctx, check, 'carte', null, { moveCamera: false });
}
