/**
 * Images the map's layers use, drawn at runtime (no sprite file to ship): the hatching of the 300 m band.
 * react-map-gl has no image component: the image is added once the style is loaded, before any band feature
 * asks for it (a `styleimagemissing` listener comes too late in MapLibre 6: the tile is drawn without it,
 * leaving holes); the resolver covers a style reload.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { MAP_COLOR } from '../../map/colors.ts';
import { HATCH_IMAGE } from '../../map/ids.ts';

/** 8 × 8 px diagonal hatching in the band's colour. */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(MAP_COLOR.vatBand.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      data.set([r, g, b, on ? 200 : 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/**
 * Adds the images once (idempotent). Called on the style's first `styledata`, before any tile is drawn: an image
 * added after the first complete frame would cost one more frame before the map is idle (issue 10).
 */
export function addMapImages(map: MaplibreMap): void {
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
}

export function useMapImages(map: MaplibreMap | null): void {
  useEffect(() => {
    if (!map) return;
    addMapImages(map);
    map.setMissingStyleImageResolver((id) => {
      if (id === HATCH_IMAGE) addMapImages(map);
    });
    return () => {
      map.setMissingStyleImageResolver(null);
    };
  }, [map]);
}
