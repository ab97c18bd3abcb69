/**
 * Fills the map's empty GeoJSON sources (see src/map/basemap-style.ts) with the datasets of `data/`, once per
 * map: the Saint-Pierre streets and communes come from the loader, because the panels use them too (roads, water
 * and the QPV outlines are static vector tiles that MapLibre loads by itself). Also provides the hatching image of the 300 m band on
 * demand. Data objects come from the loader's cache, so they stay referentially stable across renders and maps.
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { labelPoints } from '../../domain/label-points.ts';
import { DataLoadError, loadCommunes, loadSaintPierreStreets } from '../../io/data-loader.ts';
import { roadLabelFilter } from '../../map/basemap-style.ts';
import { MAP_COLOR } from '../../map/colors.ts';
import { BASEMAP_LAYER, HATCH_IMAGE, SOURCE } from '../../map/ids.ts';

type GeoJsonData = Parameters<GeoJSONSource['setData']>[0];

function setSourceData(map: MaplibreMap, id: string, data: unknown): void {
  const source = map.getSource<GeoJSONSource>(id);
  // The loaders validated the files against the contracts of src/domain/data-types.ts.
  source?.setData(data as GeoJsonData);
}

/** 8 × 8 px diagonal hatching in the band's colour, drawn once (no sprite file to ship). */
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

export interface MapDataStatus {
  /** Every source has its data (the first `idle` after this is a complete map). */
  ready: boolean;
  /** French message when a file could not be loaded. */
  error: string | null;
}

export function useMapData(map: MaplibreMap | null): MapDataStatus {
  const [status, setStatus] = useState<MapDataStatus>({ ready: false, error: null });
  useEffect(() => {
    if (!map) return;
    let cancelled = false;
    // The hatching exists before any band feature asks for it (a `styleimagemissing` listener comes too late
    // in MapLibre 6: the tile is drawn without it, leaving holes); the resolver covers a style reload.
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
    map.setMissingStyleImageResolver((id) => {
      if (id === HATCH_IMAGE && !map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
    });
    const fail = (error: unknown) => {
      if (cancelled) return;
      const message =
        error instanceof DataLoadError
          ? error.message
          : 'La carte n’a pas pu être préparée. Rechargez la page.';
      setStatus({ ready: false, error: message });
    };
    performance.mark('carte:style-charge');
    const streetsReady = loadSaintPierreStreets().then((streets) => {
      if (cancelled) return;
      setSourceData(map, SOURCE.streets, streets);
      // The Saint-Pierre streets carry their own labels: do not repeat their names from the road layer.
      map.setFilter(
        BASEMAP_LAYER.roadLabel,
        roadLabelFilter(streets.features.map((street) => street.properties)),
      );
    });
    const communesReady = loadCommunes().then((communes) => {
      if (cancelled) return;
      setSourceData(map, SOURCE.communes, communes);
      setSourceData(
        map,
        SOURCE.communeLabels,
        labelPoints(communes.features, (p) => ({ nom: p.nom })),
      );
    });
    Promise.all([streetsReady, communesReady])
      .then(() => !cancelled && setStatus({ ready: true, error: null }))
      .catch(fail);
    return () => {
      cancelled = true;
      map.setMissingStyleImageResolver(null);
    };
  }, [map]);
  return status;
}
