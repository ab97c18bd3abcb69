/**
 * What happens when an answer arrives, whoever asked (search box, click on the map, device position): store it,
 * move the camera to the answer and the nearest stretch of QPV boundary (the map controller honours
 * prefers-reduced-motion), forget any previously shared address or point.
 */
import { answerViewBox, nearestBoundaryPoint } from '../../domain/answer-view.ts';
import type { AddressCheck } from '../../domain/check-address.ts';
import { type CheckContext, loadedOutline, needsStreetLines } from '../../domain/check-context.ts';
import type { BBox } from '../../domain/data-types.ts';
import { localScale } from '../../domain/geometry/projection.ts';
import { coarsenView, decodeView, encodeView } from '../../domain/permalink.ts';
import { checkPlacedPoint } from '../../domain/side-answer.ts';
import { DEFAULT_UNCERTAINTY_M } from '../../domain/verdict.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';
import { mapController } from '../map/map-controller.ts';
import { answerPoint, ensureStreetLines } from './use-check-context.ts';
import { showVerdict, type VerdictOrigin } from './verdict-state.ts';

/** Zoom at which a house and its side of the street are visible. */
export const VERDICT_ZOOM = 17;

export function presentCheck(
  ctx: CheckContext,
  check: AddressCheck,
  origin: VerdictOrigin,
  query: string | null,
  options: PresentOptions = {},
): void {
  // A street « en limite » may run along the boundary: its side question needs the centre-lines (fetched once).
  if (check.precision === 'voie' && check.status === 'limite' && needsStreetLines(ctx))
    ensureStreetLines(ctx).then(
      () => show(ctx, check, origin, query, options),
      () => show(ctx, check, origin, query, options),
    );
  else show(ctx, check, origin, query, options);
}

interface PresentOptions {
  moveCamera?: boolean;
  keepSharedAddress?: boolean;
  accuracy_m?: number;
}

function show(
  ctx: CheckContext,
  check: AddressCheck,
  origin: VerdictOrigin,
  query: string | null,
  options: PresentOptions,
): void {
  showVerdict(check, origin, query, options.accuracy_m ?? null);
  // The typed address goes into the URL only when the user presses « Partager »; the view already in the URL
  // (the user may have zoomed onto the home before placing the pin) is made coarse right away (issue 15, D13).
  const view = decodeView(readParam('carte'));
  replaceParams({
    ...(options.keepSharedAddress ? {} : { adresse: null, point: null }),
    ...(view ? { carte: encodeView(coarsenView(view)) } : {}),
  });
  if (options.moveCamera === false || check.lon === null || check.lat === null) return;
  const street = check.street ? ctx.geocoder.streets[check.street.id] : undefined;
  // The street's bbox (no centre-lines in the browser's street index; a street known from BAN points alone has none).
  if (check.precision === 'voie' && street && street.bbox[0] <= street.bbox[2])
    mapController.fitBounds(street.bbox, VERDICT_ZOOM);
  else {
    const box = answerBox(ctx, check, check.lon, check.lat, options.accuracy_m);
    if (box) mapController.fitBounds(box, VERDICT_ZOOM);
    else mapController.flyTo({ lon: check.lon, lat: check.lat }, VERDICT_ZOOM);
  }
}

/** The point, its nearest QPV boundary (within 2 km) and, for a device position, its accuracy circle. */
function answerBox(
  ctx: CheckContext,
  check: AddressCheck,
  lon: number,
  lat: number,
  radius: number | undefined,
): BBox | null {
  const feature = check.qpv ? loadedOutline(ctx, check.qpv.code) : undefined;
  const nearest = feature ? nearestBoundaryPoint(feature.geometry.coordinates, [lon, lat]) : null;
  const box = answerViewBox([lon, lat], nearest);
  if (radius === undefined) return box;
  const { kx, ky } = localScale(lat);
  const circle: BBox = [lon - radius / kx, lat - radius / ky, lon + radius / kx, lat + radius / ky];
  return box
    ? [
        Math.min(box[0], circle[0]),
        Math.min(box[1], circle[1]),
        Math.max(box[2], circle[2]),
        Math.max(box[3], circle[3]),
      ]
    : circle;
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

/** Verdict of a point placed on the map (click, tap, drag or Enter at the map centre), for its side of a boundary street. */
export function placeHome(ctx: CheckContext, point: [number, number], zoom: number): void {
  const uncertainty_m = pointerUncertainty(point[1], zoom);
  // Outside the covered area, the QPV shards there are loaded first (./use-check-context.ts).
  answerPoint(ctx, point, uncertainty_m, (ready) =>
    presentCheck(ready, checkPlacedPoint(ready, point, { uncertainty_m }), 'carte', null, {
      moveCamera: false,
    }),
  );
}
