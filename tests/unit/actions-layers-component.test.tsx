// ActionsLayers with react-map-gl mocked (no WebGL in jsdom): the map sources receive exactly the filtered
// actions, one anchor per action, and the layer ids of src/map/actions-layers.ts.
import { readFileSync } from 'node:fs';
import { act, cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const register = JSON.parse(readFileSync('data/actions.geojson', 'utf8'));
const objectives = JSON.parse(readFileSync('data/objectives.json', 'utf8'));

vi.mock('../../src/io/data-loader.ts', () => ({
  loadActionsRegister: async () => register,
  loadObjectives: async () => objectives,
}));
vi.mock('idb-keyval', () => ({ get: async () => undefined, set: async () => {}, del: async () => {} }));
vi.mock('react-map-gl/maplibre', () => ({
  useMap: () => ({}),
  Source: ({ id, data, children }: { id: string; data: { features: unknown[] }; children: ReactNode }) => (
    <div data-testid={`source-${id}`} data-count={data.features.length}>
      {children}
    </div>
  ),
  Layer: ({ id }: { id: string }) => <div data-testid={`layer-${id}`} />,
}));

const { ActionsLayers } = await import('../../src/features/actions/actions-layers.tsx');
const { setFilters } = await import('../../src/features/actions/actions-state.ts');
const { NO_FILTERS } = await import('../../src/domain/actions/filters.ts');

afterEach(() => cleanup());

describe('ActionsLayers', () => {
  it('feeds the sources with the filtered actions', async () => {
    act(() => setFilters({ ...NO_FILTERS, exemples: true }));
    render(<ActionsLayers />);
    const shapes = await screen.findByTestId('source-actions');
    const anchors = screen.getByTestId('source-actions-ancres');
    expect(shapes.dataset.count).toBe(String(register.features.length));
    expect(anchors.dataset.count).toBe(String(register.features.length));
    for (const id of ['actions-zones', 'actions-lignes', 'actions-marqueurs', 'actions-lettres']) {
      expect(screen.getByTestId(`layer-${id}`)).toBeTruthy();
    }
    act(() => setFilters({ ...NO_FILTERS, exemples: true, objectifs: ['dedensification'] }));
    const expected = register.features.filter(
      (f: { properties: { objectif: string } }) => f.properties.objectif === 'dedensification',
    ).length;
    expect(screen.getByTestId('source-actions').dataset.count).toBe(String(expected));
    expect(screen.getByTestId('source-actions-ancres').dataset.count).toBe(String(expected));
    // Only the illustrative examples, hidden: nothing to draw, so no source at all (issue 10).
    act(() => setFilters({ ...NO_FILTERS, exemples: false }));
    expect(screen.queryByTestId('source-actions')).toBeNull();
    expect(screen.queryByTestId('source-actions-ancres')).toBeNull();
  });
});
