/**
 * Drawing the geometry of a new (or redrawn) action with terra-draw, while the editor is at its `dessin` step.
 * terra-draw and its MapLibre adapter are loaded on demand (only associations drawing need them). While
 * drawing, the map mode is `dessin` so that no other tool reacts to clicks; a bar over the map says what to do and
 * has « Terminer » (lines, zones: the same as Enter) and « Annuler » (the same as Escape) for touch screens.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import type { ActionGeometry, ActionGeometryType } from '../../domain/actions/model.ts';
import { validateActionGeometry } from '../../domain/actions/schema.ts';
import { ACTIONS_DRAW_PREFIX } from '../../map/actions-layers.ts';
import { mapModeStore } from '../map/map-mode.ts';
import { MapModeBar } from '../map/map-mode-bar.tsx';
import { editorStore, useEditor } from './actions-state.ts';

const MODE_BY_TYPE: Record<ActionGeometryType, 'point' | 'linestring' | 'polygon'> = {
  Point: 'point',
  LineString: 'linestring',
  Polygon: 'polygon',
};

const TOUCH_INSTRUCTIONS: Record<ActionGeometryType, string> = {
  Point: 'Touchez la carte à l’endroit de l’action.',
  LineString: 'Touchez la carte pour chaque point de la ligne, puis « Terminer ».',
  Polygon: 'Touchez la carte pour chaque coin de la zone, puis « Terminer ».',
};

interface DrawSession {
  stop(): void;
}

async function startDrawing(
  map: MaplibreMap,
  geometryType: ActionGeometryType,
  onFinish: (geometry: ActionGeometry) => void,
): Promise<DrawSession> {
  const [
    { TerraDraw, TerraDrawPointMode, TerraDrawLineStringMode, TerraDrawPolygonMode },
    { TerraDrawMapLibreGLAdapter },
  ] = await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: ACTIONS_DRAW_PREFIX }),
    modes: [new TerraDrawPointMode(), new TerraDrawLineStringMode(), new TerraDrawPolygonMode()],
  });
  draw.start();
  draw.setMode(MODE_BY_TYPE[geometryType]);
  draw.on('finish', (id) => {
    const feature = draw.getSnapshotFeature(id);
    const checked = validateActionGeometry(feature?.geometry);
    if (checked.ok) onFinish(checked.geometry);
  });
  return {
    stop() {
      draw.clear();
      draw.stop();
    },
  };
}

export function ActionsDraw() {
  const { current } = useMap();
  const map = current?.getMap();
  const editor = useEditor();
  const geometryType = editor.step === 'dessin' ? editor.geometryType : null;
  const editingId = editor.step === 'dessin' ? editor.editingId : null;

  useEffect(() => {
    if (!map || !geometryType) return;
    let session: DrawSession | null = null;
    let cancelled = false;
    mapModeStore.set('dessin');
    startDrawing(map, geometryType, (geometry) => {
      editorStore.set({ step: 'formulaire', geometry, editingId });
    })
      .then((started) => {
        if (cancelled) started.stop();
        else session = started;
      })
      .catch(() => {
        editorStore.set({ step: 'ferme' });
      });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') editorStore.set({ step: 'ferme' });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      cancelled = true;
      window.removeEventListener('keydown', onKey);
      // Stopping inside the finish handler would tear terra-draw down mid-event: defer it by a tick.
      const running = session;
      if (running) setTimeout(() => running.stop(), 0);
      if (mapModeStore.get() === 'dessin') mapModeStore.set('navigation');
    };
  }, [map, geometryType, editingId]);

  if (!map || !geometryType) return null;
  // terra-draw finishes a line or a zone on Enter (its `keyEvents.finish`), listened for on the map canvas.
  const finish =
    geometryType === 'Point'
      ? undefined
      : () => map.getCanvas().dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
  return (
    <MapModeBar
      instruction={TOUCH_INSTRUCTIONS[geometryType]}
      onFinish={finish}
      onCancel={() => editorStore.set({ step: 'ferme' })}
    />
  );
}
