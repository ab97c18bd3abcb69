/**
 * The MapLibre part of the file-check map (default export, lazy-loaded): BaseMap plus the rows coloured by status.
 * In mode 'corriger-ligne' a click places the point of the row being corrected (a route of the click dispatcher).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useCallback, useMemo, useRef } from 'react';
import { Layer, Source } from 'react-map-gl/maplibre';
import type { RowVerdict } from '../../domain/batch/row-checker.ts';
import {
  FILE_CHECK_SOURCE,
  fileCheckPointsLayer,
  fileCheckSelectedLayer,
} from '../../map/file-check-layers.ts';
import { SLOT } from '../../map/ids.ts';
import { type ClickRoute, MAP_ID, useMapClick } from '../map/map-clicks.ts';
import { BaseMap } from '../map/map-view.tsx';
import { placeCorrection } from './batch-state.ts';

interface RowPointProperties {
  ligne: number;
  statut: RowVerdict['status'];
  selection: boolean;
}

function toFeatures(verdicts: readonly RowVerdict[], correcting: number | null) {
  const features: GeoJSON.Feature<GeoJSON.Point, RowPointProperties>[] = [];
  verdicts.forEach((verdict, index) => {
    if (verdict.lon === null || verdict.lat === null) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [verdict.lon, verdict.lat] },
      properties: { ligne: index, statut: verdict.status, selection: index === correcting },
    });
  });
  return { type: 'FeatureCollection' as const, features };
}

/** Bounding box of the placed rows, or null when none has a position. */
function boundsOf(verdicts: readonly RowVerdict[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const { lon, lat } of verdicts) {
    if (lon === null || lat === null) continue;
    if (!box) box = [lon, lat, lon, lat];
    else box = [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
  }
  return box;
}

export default function FileCheckMapView({
  verdicts,
  correcting,
}: {
  verdicts: RowVerdict[];
  correcting: number | null;
}) {
  const verdictsAtLoad = useRef(verdicts);
  const data = useMemo(() => toFeatures(verdicts, correcting), [verdicts, correcting]);
  // Mode 'corriger-ligne': a click places the point of the row being corrected.
  const placing = useMemo<ClickRoute | null>(
    () =>
      correcting === null
        ? null
        : {
            mode: 'corriger-ligne',
            cursor: 'crosshair',
            handle: (click) => placeCorrection(correcting, click.lngLat[0], click.lngLat[1]),
          },
    [correcting],
  );
  useMapClick(MAP_ID.fileCheck, placing);
  // Frame the rows once, when the map is ready (not on every correction: the user may have zoomed in).
  const onMapReady = useCallback((map: MaplibreMap) => {
    const box = boundsOf(verdictsAtLoad.current);
    if (box) map.fitBounds(box, { padding: 40, maxZoom: 16, animate: false });
  }, []);
  return (
    <BaseMap id={MAP_ID.fileCheck} onMapReady={onMapReady}>
      <Source id={FILE_CHECK_SOURCE} type="geojson" data={data}>
        <Layer {...fileCheckPointsLayer} beforeId={SLOT.fileCheck} />
        <Layer {...fileCheckSelectedLayer} beforeId={SLOT.fileCheck} />
      </Source>
    </BaseMap>
  );
}
