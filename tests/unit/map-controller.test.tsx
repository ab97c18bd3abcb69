// The map controller (src/features/map/map-controller.ts): what callers ask of the map before it exists waits
// for it, camera moves honour prefers-reduced-motion, and the queries answer null without a map.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mapController } from '../../src/features/map/map-controller.ts';

function fakeMap() {
  return {
    fitBounds: vi.fn(),
    flyTo: vi.fn(),
    jumpTo: vi.fn(),
    easeTo: vi.fn(),
    getContainer: () => ({ closest: () => null }),
    getCenter: () => ({ lng: 3.1545, lat: 50.6858 }),
    getZoom: () => 15.5,
    getCanvas: () => ({ clientWidth: 800 }),
  };
}

const detachers: (() => void)[] = [];
afterEach(() => {
  for (const detach of detachers.splice(0)) detach();
  vi.unstubAllGlobals();
});

describe('mapController', () => {
  it('keeps the last move asked before the map exists and makes it once the map attaches', () => {
    expect(mapController.view()).toBeNull();
    expect(mapController.center()).toBeNull();
    mapController.flyTo({ lon: 3.1, lat: 50.6 }, 16);
    mapController.fitBounds([3.15, 50.68, 3.16, 50.69], 17);
    const map = fakeMap();
    detachers.push(mapController.attach(map as unknown as MaplibreMap));
    expect(map.flyTo).not.toHaveBeenCalled();
    expect(map.fitBounds).toHaveBeenCalledTimes(1);
    expect(map.fitBounds.mock.calls[0]![0]).toEqual([
      [3.15, 50.68],
      [3.16, 50.69],
    ]);
    expect(map.fitBounds.mock.calls[0]![1]).toMatchObject({ maxZoom: 17, animate: true });
    expect(mapController.center()).toEqual([3.1545, 50.6858]);
    expect(mapController.view()).toEqual({ lat: 50.6858, zoom: 15.5, cssWidth: 800 });
  });

  it('jumps instead of flying under prefers-reduced-motion, and forgets a detached map', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce') }));
    const map = fakeMap();
    const detach = mapController.attach(map as unknown as MaplibreMap);
    mapController.flyTo({ lon: 3.1, lat: 50.6 }, 16);
    expect(map.flyTo).not.toHaveBeenCalled();
    expect(map.jumpTo).toHaveBeenCalledWith(expect.objectContaining({ center: [3.1, 50.6], zoom: 16 }));
    mapController.fitBounds([3.15, 50.68, 3.16, 50.69]);
    expect(map.fitBounds.mock.calls[0]![1]).toMatchObject({ animate: false, duration: 0 });
    detach();
    expect(mapController.view()).toBeNull();
    mapController.flyTo({ lon: 3.2, lat: 50.7 });
    expect(map.jumpTo).toHaveBeenCalledTimes(1);
  });
});
