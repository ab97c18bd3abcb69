import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreetCollection } from '../../src/domain/data-types.ts';

const streets = JSON.parse(readFileSync('data/saint-pierre-streets.geojson', 'utf8')) as StreetCollection;

vi.mock('../../src/io/data-loader.ts', () => ({
  loadSaintPierreStreets: () => Promise.resolve(streets),
  loadCommunes: () => new Promise(() => undefined),
}));

const { StreetList } = await import('../../src/features/map/street-list.tsx');
const { LayerPanel } = await import('../../src/features/map/layer-panel.tsx');
const { mapState } = await import('../../src/features/map/map-state.ts');
const { mapController } = await import('../../src/features/map/map-controller.ts');

describe('StreetList', () => {
  beforeEach(() => {
    mapState.set((state) => ({ ...state, selectedStreet: null }));
  });

  it('lists every street with its status in words and its metres', async () => {
    render(<StreetList />);
    const items = await screen.findAllByRole('button');
    expect(items).toHaveLength(streets.features.length);
    const lavoisier = screen.getByRole('button', { name: /Rue Lavoisier/ });
    expect(lavoisier.textContent).toContain('en partie hors du QPV');
    expect(lavoisier.textContent).toMatch(/183\sm : 148\sm à moins de 15\sm de la limite, 35\sm hors du QPV/);
    const tonkin = screen.getByRole('button', { name: /Rue du Tonkin/ });
    expect(tonkin.textContent).toContain('dans le QPV');
    expect(screen.getByRole('button', { name: /Rue Blanche/ }).textContent).toContain(
      'la limite suit l’axe de la rue',
    );
  });

  it('selects a street and asks the map to show its extent', async () => {
    render(<StreetList />);
    const button = await screen.findByRole('button', { name: /Rue Chevreul/ });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    act(() => fireEvent.click(button));
    expect(mapState.get().selectedStreet).toBe('rue-chevreul');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    // The move was asked before any map existed: the controller makes it when the map attaches.
    const fitBounds = vi.fn();
    const detach = mapController.attach({
      fitBounds,
      getContainer: () => document.createElement('div'),
    } as unknown as import('maplibre-gl').Map);
    detach();
    expect(fitBounds).toHaveBeenCalledTimes(1);
    const chevreul = streets.features.find((street) => street.properties.id === 'rue-chevreul')!;
    const points = chevreul.geometry.coordinates.flat();
    const [[west, south], [east, north]] = fitBounds.mock.calls[0]![0] as [
      [number, number],
      [number, number],
    ];
    expect(west).toBe(Math.min(...points.map((p) => p[0])));
    expect(south).toBe(Math.min(...points.map((p) => p[1])));
    expect(east).toBe(Math.max(...points.map((p) => p[0])));
    expect(north).toBe(Math.max(...points.map((p) => p[1])));
    expect(fitBounds.mock.calls[0]![1]).toMatchObject({ maxZoom: 17.5 });
  });
});

describe('LayerPanel', () => {
  it('toggles the 300 m band, labelled as the VAT rule, and records it in the URL', () => {
    render(<LayerPanel />);
    const band = screen.getByRole('checkbox', { name: /Bande de 300 m — TVA à 5,5 %/ });
    expect((band as HTMLInputElement).checked).toBe(false);
    act(() => fireEvent.click(band));
    expect(mapState.get().layers).toEqual(['qpv', 'rues', 'bande300']);
    expect(new URLSearchParams(window.location.search).get('couches')).toBe('qpv,rues,bande300');
    act(() => fireEvent.click(screen.getByRole('checkbox', { name: /Quartiers prioritaires 2024/ })));
    act(() => fireEvent.click(screen.getByRole('checkbox', { name: /Rues de Saint-Pierre/ })));
    act(() => fireEvent.click(band));
    expect(mapState.get().layers).toEqual([]);
    expect(new URLSearchParams(window.location.search).get('couches')).toBe('aucune');
  });

  it('keeps the online basemap off until chosen, and warns about the third party', () => {
    render(<LayerPanel />);
    const online = screen.getByRole('checkbox', { name: /en ligne/ }) as HTMLInputElement;
    expect(online.checked).toBe(false);
    expect(document.getElementById(online.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /envoie des requêtes à OpenStreetMap France/,
    );
    act(() => fireEvent.click(online));
    expect(mapState.get().onlineBasemap).toBe(true);
    expect(window.location.search).not.toMatch(/osm|en-ligne/);
  });
});
