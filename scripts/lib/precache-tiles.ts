// Which QPV tiles the service worker precaches: those of the covered area (QPV_TILES.fillBounds, every zoom),
// not the ≈ 6 000 of all France (3.9 MB, fetched on demand and kept by the worker's tile cache instead).
// Reads and writes nothing; used by vite.config.ts (precachePlugin `keep`). Light on purpose (no geojson-vt):
// Vite loads it with its config.

import { QPV_TILES } from '../../src/map/sources.ts';

const lonToX = (lon: number, z: number): number => ((lon + 180) / 360) * 2 ** z;
const latToY = (lat: number, z: number): number => {
  const rad = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z;
};

/**
 * True for every build file but the QPV tiles outside the covered area.
 *
 * @example
 * keepInPrecache('tiles/qpv/14/8335/5507.pbf'); // true (Croix)
 * keepInPrecache('tiles/qpv/12/2100/1500.pbf'); // false (elsewhere in France)
 */
export function keepInPrecache(fileName: string): boolean {
  const match = /^tiles\/qpv\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(fileName);
  if (!match) return true;
  const [z, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [w, s, e, n] = z < QPV_TILES.exactFromZoom ? QPV_TILES.fillBounds.low : QPV_TILES.fillBounds.exact;
  return (
    x >= Math.floor(lonToX(w, z)) &&
    x < Math.ceil(lonToX(e, z)) &&
    y >= Math.floor(latToY(n, z)) &&
    y < Math.ceil(latToY(s, z))
  );
}
