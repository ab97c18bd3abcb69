/**
 * The verdict on the map, rendered inside `<Map id="carte">`: a draggable pin at the answered point (the user sees
 * on which side of the QPV outline it falls), the matched street for street-level answers, and the « placer mon
 * logement » mode (click or tap places the pin; with the keyboard, Enter places it at the map centre, Escape
 * cancels). Dragging the pin re-runs the verdict for the new point.
 */
import { useEffect, useMemo, useState } from 'react';
import { Layer, Marker, type MarkerDragEvent, Source, useMap } from 'react-map-gl/maplibre';
import { localScale } from '../../domain/geometry/projection.ts';
import { type SideCheck, sideQuestion } from '../../domain/side-answer.ts';
import { FONT, SLOT } from '../../map/ids.ts';
import {
  makeAccuracyLayers,
  makeStreetSidesLayers,
  makeVerdictStreetLayers,
  STREET_SIDES_SOURCE_ID,
  VERDICT_ACCURACY_SOURCE_ID,
  VERDICT_COLOR,
  VERDICT_STREET_SOURCE_ID,
} from '../../map/verdict-layers.ts';
import { type ClickRoute, MAP_ID, useMapClick } from '../map/map-clicks.ts';
import { mapModeStore, useMapMode } from '../map/map-mode.ts';
import { MapModeBar } from '../map/map-mode-bar.tsx';
import { loadDrawnStreetLines, useCheckContext } from './use-check-context.ts';
import { placeHome } from './verdict-actions.ts';
import { useVerdict } from './verdict-state.ts';
import './verdict-layers.css';

const PIN_WORDS = {
  dans: 'dans le QPV',
  hors: 'hors QPV',
  limite: 'en limite',
  introuvable: 'position',
} as const;

export function VerdictLayers() {
  const { current } = useMap();
  const { check, accuracy_m } = useVerdict();
  const mode = useMapMode();
  const { ctx } = useCheckContext();

  // Placing mode: the next click/tap (or Enter on the focused map: its centre) places the home; Escape cancels.
  const placing = useMemo<ClickRoute | null>(
    () =>
      ctx
        ? {
            mode: 'placer-point',
            cursor: 'crosshair',
            handle(click) {
              placeHome(ctx, click.lngLat, click.map.getZoom());
              mapModeStore.set('navigation');
            },
            cancel: () => mapModeStore.set('navigation'),
          }
        : null,
    [ctx],
  );
  useMapClick(MAP_ID.main, placing);

  // The answered street's centre-lines: from the context, or its commune's line file (fetched after the answer).
  const [drawn, setDrawn] = useState<{ id: number; nom: string; lines: [number, number][][] } | null>(null);
  useEffect(() => {
    const street =
      ctx && check?.street && check.precision === 'voie' ? ctx.geocoder.streets[check.street.id] : null;
    if (!street) return;
    let alive = true;
    loadDrawnStreetLines(street).then(
      (lines) => {
        if (alive && lines && lines.length > 0)
          setDrawn({ id: street.id, nom: street.nom, lines: lines as [number, number][][] });
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [ctx, check]);
  const streetData = useMemo(() => {
    if (!ctx || !check?.street || check.precision !== 'voie' || drawn?.id !== check.street.id) return null;
    return {
      type: 'Feature' as const,
      properties: { nom: drawn.nom },
      geometry: { type: 'MultiLineString' as const, coordinates: drawn.lines },
    };
  }, [ctx, check, drawn]);

  // A device position: its accuracy circle (64-gon in the local frame).
  const accuracyData = useMemo(() => {
    if (!check || check.lon === null || check.lat === null || accuracy_m === null || !(accuracy_m > 0))
      return null;
    const { kx, ky } = localScale(check.lat);
    const ring: [number, number][] = [];
    for (let i = 0; i <= 64; i++) {
      const a = (i / 64) * 2 * Math.PI;
      ring.push([check.lon + (accuracy_m * Math.cos(a)) / kx, check.lat + (accuracy_m * Math.sin(a)) / ky]);
    }
    return {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
    };
  }, [check, accuracy_m]);
  const accuracyLayers = useMemo(() => makeAccuracyLayers(), []);

  // A street whose axis is the boundary: both sides, labelled « Dans le QPV » / « Hors QPV ».
  const sidesData = useMemo(() => {
    const question = ctx && check ? sideQuestion(ctx, check) : null;
    if (!question) return null;
    const chosen = (check as SideCheck).cote?.id ?? null;
    const words = question.precise
      ? { dans: 'Dans le QPV', hors: 'Hors QPV', mixte: 'En partie' }
      : { dans: 'À confirmer', hors: 'À confirmer', mixte: 'À confirmer' };
    return {
      type: 'FeatureCollection' as const,
      features: question.choices.flatMap((choice) =>
        choice.lines.map((line) => ({
          type: 'Feature' as const,
          properties: {
            etat: question.precise ? choice.status : 'mixte',
            texte: words[choice.status],
            choisi: chosen === choice.id,
          },
          geometry: { type: 'LineString' as const, coordinates: line },
        })),
      ),
    };
  }, [ctx, check]);
  const sidesLayers = useMemo(() => makeStreetSidesLayers(FONT.medium), []);

  const status = check && check.status !== 'introuvable' ? check.status : null;
  const layers = useMemo(() => (status ? makeVerdictStreetLayers(status) : []), [status]);

  const onDragEnd = (event: MarkerDragEvent) => {
    if (!ctx) return;
    placeHome(ctx, [event.lngLat.lng, event.lngLat.lat], current?.getMap().getZoom() ?? 17);
  };

  return (
    <>
      {mode === 'placer-point' ? (
        <MapModeBar
          instruction="Touchez la carte à l’endroit de votre logement (zoomez pour voir les rues). Au clavier : centrez la carte sur votre logement avec les flèches, puis Entrée."
          onCancel={() => mapModeStore.set('navigation')}
        />
      ) : null}
      {accuracyData ? (
        <Source id={VERDICT_ACCURACY_SOURCE_ID} type="geojson" data={accuracyData}>
          {accuracyLayers.map((layer) => (
            <Layer key={layer.id} {...layer} beforeId={SLOT.verdict} />
          ))}
        </Source>
      ) : null}
      {sidesData ? (
        <Source id={STREET_SIDES_SOURCE_ID} type="geojson" data={sidesData}>
          {sidesLayers.map((layer) => (
            <Layer key={layer.id} {...layer} beforeId={SLOT.verdict} />
          ))}
        </Source>
      ) : null}
      {streetData && status && !sidesData ? (
        <Source id={VERDICT_STREET_SOURCE_ID} type="geojson" data={streetData}>
          {layers.map((layer) => (
            <Layer key={layer.id} {...layer} beforeId={SLOT.verdict} />
          ))}
        </Source>
      ) : null}
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
