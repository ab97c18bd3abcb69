/**
 * The scale bar of an exported map: ground metres per CSS pixel of a Web-Mercator map (512-pixel tiles, as
 * MapLibre draws them) at a latitude and zoom, and a round length (1, 2 or 5 × 10ⁿ m) that fits a width.
 */

/** Equatorial circumference of the WGS 84 ellipsoid used by Web Mercator, metres. */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/**
 * @example metresPerPixel(0, 0) // 78 271.5 (one 512-px tile for the whole equator)
 */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  metres: number;
  /** Length of the bar in the same pixels as `metresPerPx`. */
  px: number;
  /** `« 100 m »`, `« 2 km »`. */
  label: string;
}

/**
 * The longest round length (1, 2, 5 × 10ⁿ m) whose bar is at most `maxPx` long.
 *
 * @example scaleBar(1, 150) // { metres: 100, px: 100, label: '100 m' }
 */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const max = metresPerPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [5, 2, 1].find((m) => m * power <= max) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / metresPerPx, label };
}
