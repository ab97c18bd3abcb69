// The map's one click dispatcher (src/features/map/map-clicks.ts): routes registered by components, chosen by
// the map mode, the layers hit and their priority; Escape cancels the current tool; the map is told which
// layers to report and which cursor to show. A fake map stands in for MapLibre (no WebGL in jsdom).
import { act, cleanup, render } from '@testing-library/react';
import type { MapGeoJSONFeature, Map as MaplibreMap } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ClickRoute,
  dispatchMapCancel,
  dispatchMapClick,
  type MapClick,
  useClickTargets,
  useMapClick,
} from '../../src/features/map/map-clicks.ts';
import { mapModeStore } from '../../src/features/map/map-mode.ts';

afterEach(() => {
  cleanup();
  mapModeStore.set('navigation');
});

const feature = (layer: string, properties: Record<string, unknown>, x: number, y: number) =>
  ({ layer: { id: layer }, properties, x, y }) as unknown as MapGeoJSONFeature & { x: number; y: number };

/** A map with an action marker at (100, 100) and a QPV everywhere. */
const marker = feature('actions-marqueurs', { id: 'a1' }, 100, 100);
const qpv = feature('qpv-surface', { code: 'QN05980M' }, 0, 0);
const fakeMap = {
  getLayer: (id: string) => (['actions-marqueurs', 'qpv-surface'].includes(id) ? {} : undefined),
  queryRenderedFeatures: (
    [[x0, y0], [x1, y1]]: [[number, number], [number, number]],
    { layers }: { layers: string[] },
  ) =>
    [marker].filter((f) => layers.includes(f.layer.id) && f.x >= x0 && f.x <= x1 && f.y >= y0 && f.y <= y1),
} as unknown as MaplibreMap;

function clickAt(x: number, y: number, features: MapGeoJSONFeature[]): MapClick {
  return { map: fakeMap, lngLat: [3.15, 50.68], point: { x, y }, features };
}

function Route({ route }: { route: ClickRoute }) {
  useMapClick('carte', route);
  return null;
}

function Targets({ report }: { report: (targets: ReturnType<typeof useClickTargets>) => void }) {
  report(useClickTargets('carte'));
  return null;
}

describe('dispatchMapClick', () => {
  const action = vi.fn();
  const select = vi.fn();
  const place = vi.fn();
  const cancel = vi.fn();
  const routes: ClickRoute[] = [
    { mode: 'navigation', layers: ['qpv-surface'], evenWithoutHit: true, handle: (_c, hits) => select(hits) },
    {
      mode: 'navigation',
      layers: ['actions-marqueurs', 'actions-lettres'],
      tolerance: 6,
      priority: 10,
      handle: (_c, hits) => action(hits),
    },
    { mode: 'placer-point', cursor: 'crosshair', handle: (c) => place(c.lngLat), cancel },
  ];

  it('gives a click to the first route of the mode that is hit, highest priority first', () => {
    let targets: ReturnType<typeof useClickTargets> | undefined;
    const view = render(
      <>
        {routes.map((route, i) => (
          <Route key={String(i)} route={route} />
        ))}
        <Targets report={(t) => (targets = t)} />
      </>,
    );
    expect(new Set(targets?.interactiveLayerIds)).toEqual(
      new Set(['qpv-surface', 'actions-marqueurs', 'actions-lettres']),
    );
    expect(targets?.cursor).toBeUndefined();

    // 4 px from the marker (within the tap tolerance), over the QPV: the action only.
    expect(dispatchMapClick('carte', clickAt(104, 97, [qpv]))).toBe(true);
    expect(action).toHaveBeenCalledWith([marker]);
    expect(select).not.toHaveBeenCalled();

    // Far from the marker: the QPV route, with the QPV hit; then on nothing: still the QPV route (clears).
    dispatchMapClick('carte', clickAt(300, 300, [qpv]));
    expect(select).toHaveBeenLastCalledWith([qpv]);
    dispatchMapClick('carte', clickAt(300, 300, []));
    expect(select).toHaveBeenLastCalledWith([]);
    expect(action).toHaveBeenCalledTimes(1);
    expect(place).not.toHaveBeenCalled();

    // Placing the home: every click is the placing tool's, whatever is under it; Escape cancels it.
    act(() => mapModeStore.set('placer-point'));
    expect(targets?.cursor).toBe('crosshair');
    dispatchMapClick('carte', clickAt(100, 100, [qpv]));
    expect(place).toHaveBeenCalledWith([3.15, 50.68]);
    expect(action).toHaveBeenCalledTimes(1);
    expect(select).toHaveBeenCalledTimes(2);
    dispatchMapCancel('carte');
    expect(cancel).toHaveBeenCalledTimes(1);

    // Drawing: no route, the click is left to terra-draw; another map's routes are not this map's.
    act(() => mapModeStore.set('dessin'));
    expect(dispatchMapClick('carte', clickAt(100, 100, [qpv]))).toBe(false);
    act(() => mapModeStore.set('navigation'));
    expect(dispatchMapClick('carte-fichier', clickAt(100, 100, [qpv]))).toBe(false);

    // Unmounted, the routes are gone.
    view.unmount();
    expect(dispatchMapClick('carte', clickAt(300, 300, [qpv]))).toBe(false);
  });
});
