/**
 * The data every map of the app draws besides its tiles: the communes (surfaces, limits, one label point each)
 * and the Saint-Pierre streets, from the loader (the panels use them too; the loader's cache keeps the objects
 * referentially stable, so the `<Source>`s never reload them). Roads, water and QPV outlines are static vector
 * tiles that MapLibre loads by itself.
 */
import type { FilterSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import type { CommuneCollection, StreetCollection } from '../../domain/data-types.ts';
import { labelPoints } from '../../domain/label-points.ts';
import { DataLoadError, loadCommunes, loadSaintPierreStreets } from '../../io/data-loader.ts';
import { roadLabelFilter } from '../../map/basemap-style.ts';

type Collection = GeoJSON.FeatureCollection;
const EMPTY: Collection = { type: 'FeatureCollection', features: [] };

export interface BaseMapData {
  communes: Collection;
  communeLabels: Collection;
  streets: Collection;
  /** Road names minus the Saint-Pierre streets, which carry their own labels (no name printed twice). */
  roadLabelFilter: FilterSpecification;
  /** Every file is loaded (the first `idle` after this is a complete map). */
  ready: boolean;
  /** French message when a file could not be loaded. */
  error: string | null;
}

export function useBaseMapData(): BaseMapData {
  const [communes, setCommunes] = useState<CommuneCollection | null>(null);
  const [streets, setStreets] = useState<StreetCollection | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const fail = (reason: unknown) => {
      if (cancelled) return;
      setError(
        reason instanceof DataLoadError
          ? reason.message
          : 'La carte n’a pas pu être préparée. Rechargez la page.',
      );
    };
    loadCommunes()
      .then((loaded) => !cancelled && setCommunes(loaded))
      .catch(fail);
    loadSaintPierreStreets()
      .then((loaded) => !cancelled && setStreets(loaded))
      .catch(fail);
    return () => {
      cancelled = true;
    };
  }, []);
  const communeLabels = useMemo(
    () => (communes ? labelPoints(communes.features, (p) => ({ nom: p.nom })) : EMPTY),
    [communes],
  );
  const filter = useMemo(
    () => roadLabelFilter(streets ? streets.features.map((street) => street.properties) : []),
    [streets],
  );
  return {
    // The loaders validated the files against the contracts of src/domain/data-types.ts.
    communes: (communes as Collection | null) ?? EMPTY,
    communeLabels,
    streets: (streets as Collection | null) ?? EMPTY,
    roadLabelFilter: filter,
    ready: communes !== null && streets !== null && error === null,
    error,
  };
}
