/**
 * What happens when an answer arrives, whoever asked (search box, click on the map, device position): store it,
 * move the camera (the map view honours prefers-reduced-motion), forget any previously shared address.
 */
import {
  type AddressCheck,
  type CheckContext,
  checkPoint,
  pointReach,
  qpvLoadedFor,
} from '../domain/check-address.ts';
import { DEFAULT_UNCERTAINTY_M } from '../domain/verdict.ts';
import { requestFitBounds, requestFlyTo } from '../state/map-state.ts';
import { showVerdict, type VerdictOrigin } from '../state/verdict-state.ts';
import { replaceParams } from '../url-state.ts';
import { ensureQpvFor } from './use-check-context.ts';

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
  // The typed address goes into the URL only when the user presses « Partager ».
  if (!options.keepSharedAddress) replaceParams({ adresse: null });
  if (options.moveCamera === false || check.lon === null || check.lat === null) return;
  const street = check.street ? ctx.geocoder.streets[check.street.id] : undefined;
  // The street's bbox (no centre-lines in the browser's street index; a street known from BAN points alone has none).
  if (check.precision === 'voie' && street && street.bbox[0] <= street.bbox[2])
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
  const uncertainty_m = pointerUncertainty(point[1], zoom);
  answerPoint(ctx, point, uncertainty_m, (ready) => {
    presentCheck(ready, checkPoint(ready, point, { uncertainty_m }), 'carte', null, { moveCamera: false });
  });
}

/**
 * Runs `answer` once the QPV outlines that matter at `point` are loaded: at once in the covered area (its shards
 * come with the street index), after loading the catalogue and the shards elsewhere. On a load failure the answer
 * still runs: it then says the outlines are not loaded, never guesses.
 */
export function answerPoint(
  ctx: CheckContext,
  point: readonly [number, number],
  uncertainty_m: number,
  answer: (ready: CheckContext) => void,
): void {
  if (qpvLoadedFor(ctx, [point[0], point[1], point[0], point[1]], pointReach(ctx, uncertainty_m)))
    answer(ctx);
  else
    ensureQpvFor(point, uncertainty_m).then(answer, () => {
      answer(ctx);
    });
}
