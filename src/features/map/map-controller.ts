/**
 * The one way into the main map (`<Map id="carte">`) for code that does not render inside it: answers, street
 * and QPV lists, the actions panel. Components rendered inside the map use react-map-gl's `useMap()` instead.
 *
 * ```ts
 * import { mapController } from '../map/map-controller.ts';
 * mapController.flyTo({ lon: 3.1545, lat: 50.6858 }, 17);   // centre on a point
 * mapController.fitBounds([3.15, 50.68, 3.16, 50.69]);       // show a bbox [w, s, e, n]
 * ```
 *
 * Camera moves are animated, or instant under `prefers-reduced-motion`, and bring the map into view (phones).
 * A move asked before the map is loaded (an address in the URL) is kept and made when the map attaches; the
 * other calls answer `null` while there is no map.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { BBox } from '../../domain/data-types.ts';
import { prefersReducedMotion } from '../../lib/reduced-motion.ts';
import { bringMapIntoView } from './map-into-view.ts';

type Padding = { top: number; bottom: number; left: number; right: number };

/** A camera move; without `padding` the move keeps its target clear of the answer shown over the map. */
export type CameraMove =
  | { kind: 'fly'; center: { lon: number; lat: number }; zoom?: number }
  | { kind: 'fit'; bbox: BBox; maxZoom?: number; padding?: number; duration?: number }
  | { kind: 'ease'; center: { lon: number; lat: number }; zoom: number; duration?: number };

/**
 * Camera padding that keeps the target out from under the answer shown over the map: below it on wide screens
 * (a card at the top left: padding on the left), above it on phones (a bottom sheet: padding at the bottom).
 */
function overlayPadding(map: MaplibreMap): Padding {
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

function move(map: MaplibreMap, request: CameraMove): void {
  bringMapIntoView();
  const animate = !prefersReducedMotion();
  if (request.kind === 'fit') {
    const [w, s, e, n] = request.bbox;
    const padding = request.padding ?? overlayPadding(map);
    const duration = animate ? (request.duration ?? 900) : 0;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding, maxZoom: request.maxZoom ?? 18, animate, duration },
    );
  } else if (request.kind === 'ease') {
    const { lon, lat } = request.center;
    map.easeTo({ center: [lon, lat], zoom: request.zoom, duration: animate ? (request.duration ?? 600) : 0 });
  } else {
    const target = {
      center: [request.center.lon, request.center.lat] as [number, number],
      zoom: request.zoom,
      padding: overlayPadding(map),
    };
    if (animate) map.flyTo(target);
    else map.jumpTo(target);
  }
}

/** Copies the map canvas while its drawing buffer is still valid, inside a `render` event. */
function captureCanvas(map: MaplibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const context = copy.getContext('2d');
        if (!context) throw new Error('Canvas 2D indisponible');
        context.drawImage(source, 0, 0);
        resolve(copy);
      } catch (error) {
        reject(error);
      }
    });
    map.triggerRepaint();
  });
}

let attached: MaplibreMap | null = null;
let pending: CameraMove | null = null;

export const mapController = {
  /** Called by the map view once its style is loaded; returns the detach function. */
  attach(map: MaplibreMap): () => void {
    attached = map;
    const waiting = pending;
    pending = null;
    if (waiting) move(map, waiting);
    return () => {
      if (attached === map) attached = null;
    };
  },

  /** Moves the camera now, or as soon as the map is loaded (only the last early move is kept). */
  move(request: CameraMove): void {
    if (attached) move(attached, request);
    else pending = request;
  },

  flyTo(center: { lon: number; lat: number }, zoom?: number): void {
    mapController.move({ kind: 'fly', center, ...(zoom === undefined ? {} : { zoom }) });
  },

  fitBounds(bbox: BBox, maxZoom?: number): void {
    mapController.move({ kind: 'fit', bbox, ...(maxZoom === undefined ? {} : { maxZoom }) });
  },

  /** Zoom, latitude of the centre and CSS width of the map (for a scale bar), null without a map. */
  view(): { lat: number; zoom: number; cssWidth: number } | null {
    if (!attached) return null;
    return {
      lat: attached.getCenter().lat,
      zoom: attached.getZoom(),
      cssWidth: attached.getCanvas().clientWidth,
    };
  },

  /** The map centre `[lon, lat]` (to place a point without a pointer), null without a map. */
  center(): [number, number] | null {
    if (!attached) return null;
    const { lng, lat } = attached.getCenter();
    return [lng, lat];
  },

  /**
   * A copy of the map as drawn, at least `minWidth` device pixels wide (print quality: drawn at a higher pixel
   * ratio for the capture, then the screen's is restored); null without a map.
   */
  async capture(minWidth = 0): Promise<HTMLCanvasElement | null> {
    const map = attached;
    if (!map) return null;
    const previous = map.getPixelRatio();
    const ratio = Math.max(previous, minWidth / map.getCanvas().clientWidth);
    if (ratio === previous) return captureCanvas(map);
    map.setPixelRatio(ratio);
    try {
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      return await captureCanvas(map);
    } finally {
      map.setPixelRatio(previous);
    }
  },
};
