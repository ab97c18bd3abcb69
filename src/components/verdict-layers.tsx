/**
 * The verdict on the map, rendered inside `<Map id="carte">`: a draggable pin at the answered point (the user sees
 * on which side of the QPV outline it falls), the matched street for street-level answers, and the « placer mon
 * logement » mode (click or tap places the pin; with the keyboard, Enter places it at the map centre, Escape
 * cancels). Dragging the pin re-runs the verdict for the new point.
 */
import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { Layer, Marker, type MarkerDragEvent, useMap } from 'react-map-gl/maplibre';
import { makeVerdictStreetLayers, VERDICT_COLOR } from '../map/verdict-layers.ts';
import { mapModeStore, useMapMode } from '../state/map-mode.ts';
import { useVerdict } from '../state/verdict-state.ts';
import { useCheckContext } from './use-check-context.ts';
import { placeHome } from './verdict-actions.ts';
import './verdict-layers.css';

const PIN_WORDS = {
  dans: 'dans le QPV',
  hors: 'hors QPV',
  limite: 'en limite',
  introuvable: 'position',
} as const;

export function VerdictLayers() {
  const { current } = useMap();
  const { check } = useVerdict();
  const mode = useMapMode();
  const { ctx } = useCheckContext();

  // Placing mode: the next click/tap (or Enter on the focused map) places the home; Escape cancels.
  useEffect(() => {
    const map = current?.getMap();
    if (!map || !ctx || mode !== 'placer-point') return;
    const canvas = map.getCanvas();
    const previousCursor = canvas.style.cursor;
    canvas.style.cursor = 'crosshair';
    const done = () => mapModeStore.set('navigation');
    const onClick = (event: MapMouseEvent) => {
      placeHome(ctx, [event.lngLat.lng, event.lngLat.lat], map.getZoom());
      done();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        const centre = map.getCenter();
        placeHome(ctx, [centre.lng, centre.lat], map.getZoom());
        done();
      } else if (event.key === 'Escape') done();
    };
    map.on('click', onClick);
    canvas.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      canvas.removeEventListener('keydown', onKey);
      canvas.style.cursor = previousCursor;
    };
  }, [current, ctx, mode]);

  // The matched street is drawn from the basemap tiles (its name and commune), not from a road file.
  const street = check?.precision === 'voie' && check.street ? check.street : null;
  const status = check && check.status !== 'introuvable' ? check.status : null;
  const streetNom = street?.nom ?? null;
  const streetInsee = street?.insee ?? null;
  const layers = useMemo(
    () =>
      status && streetNom !== null && streetInsee !== null
        ? makeVerdictStreetLayers(status, { nom: streetNom, insee: streetInsee })
        : [],
    [status, streetNom, streetInsee],
  );

  const onDragEnd = (event: MarkerDragEvent) => {
    if (!ctx) return;
    placeHome(ctx, [event.lngLat.lng, event.lngLat.lat], current?.getMap().getZoom() ?? 17);
  };

  return (
    <>
      {layers.map((layer) => (
        <Layer key={`${layer.id}-${streetNom}-${streetInsee}`} {...layer} />
      ))}
      {check && check.lon !== null && check.lat !== null ? (
        <Marker longitude={check.lon} latitude={check.lat} anchor="bottom" draggable onDragEnd={onDragEnd}>
          <div
            className={`verdict-pin verdict-pin-${check.status}`}
            role="img"
            aria-label={`Épingle : ${check.label}, ${PIN_WORDS[check.status]}. Faites-la glisser pour corriger la position.`}
            title="Faites glisser l’épingle pour corriger la position"
          >
            <svg viewBox="0 0 24 32" width="30" height="40" aria-hidden="true" focusable="false">
              <path
                d="M12 0C5.4 0 0 5.4 0 12c0 8.6 12 20 12 20s12-11.4 12-20C24 5.4 18.6 0 12 0z"
                fill={status ? VERDICT_COLOR[status] : '#1d4e89'}
                stroke="#ffffff"
                strokeWidth="2"
              />
              <circle cx="12" cy="12" r="4.5" fill="#ffffff" />
            </svg>
          </div>
        </Marker>
      ) : null}
    </>
  );
}
