/**
 * The data every map of the app draws besides its tiles: the Saint-Pierre streets, from the loader (the panels use
 * them too; the loader's cache keeps the objects referentially stable, so the `<Source>`s never reload them).
 * Roads, water, QPV and commune outlines (surfaces, limits, names) are static vector tiles that MapLibre loads by
 * itself: the map never downloads data/communes.geojson (issue 10).
 */
import type { FilterSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import type { StreetCollection } from '../../domain/data-types.ts';
import { DataLoadError, loadSaintPierreStreets } from '../../io/data-loader.ts';
import { roadLabelFilter } from '../../map/basemap-style.ts';

type Collection = GeoJSON.FeatureCollection;
const EMPTY: Collection = { type: 'FeatureCollection', features: [] };

export interface BaseMapData {
  streets: Collection;
  /** Road names minus the Saint-Pierre streets, which carry their own labels (no name printed twice). */
  roadLabelFilter: FilterSpecification;
  /** Every file is loaded (the first `idle` after this is a complete map). */
  ready: boolean;
  /** French message when a file could not be loaded. */
  error: string | null;
}

export function useBaseMapData(): BaseMapData {
  const [streets, setStreets] = useState<StreetCollection | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadSaintPierreStreets()
      .then((loaded) => !cancelled && setStreets(loaded))
      .catch((reason: unknown) => {
        if (cancelled) return;
        setError(
          reason instanceof DataLoadError
            ? reason.message
            : 'La carte n’a pas pu être préparée. Rechargez la page.',
        );
      });
    return () => {
      cancelled = true;
    };
  }, []);
  const filter = useMemo(
    () => roadLabelFilter(streets ? streets.features.map((street) => street.properties) : []),
    [streets],
  );
  return {
    // The loader validated the file against the contracts of src/domain/data-types.ts.
    streets: (streets as Collection | null) ?? EMPTY,
    roadLabelFilter: filter,
    ready: streets !== null && error === null,
    error,
  };
}
