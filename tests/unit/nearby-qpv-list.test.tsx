// The list of the MEL's QPVs shows the 26 QPVs of the contract (data/contract.json, copied by hand from the ANCT
// correspondence table), Armentières' two included — not only those of the covered communes.
import { readFileSync } from 'node:fs';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const loaded: string[] = [];
vi.mock('../../src/io/data-loader.ts', () => ({
  loadCommunes: async () => {
    loaded.push('communes');
    return JSON.parse(readFileSync('data/communes.geojson', 'utf8'));
  },
  loadQpvCatalogue: async () => {
    loaded.push('catalogue');
    return JSON.parse(readFileSync('data/qpv/catalogue.json', 'utf8'));
  },
  loadQpvFeature: async () => null,
}));

const { NearbyQpvList } = await import('../../src/features/search/nearby-qpv-list.tsx');
const contract = JSON.parse(readFileSync('data/contract.json', 'utf8')) as { qpv: { qp2024: string }[] };

describe('NearbyQpvList', () => {
  it('lists the 26 QPVs of the MEL contract, Armentières included', async () => {
    render(<NearbyQpvList />);
    await screen.findByText(/\(26\)/);
    const items = within(document.querySelector('.nearby-qpv-items') as HTMLElement).getAllByRole('listitem');
    expect(contract.qpv).toHaveLength(26);
    expect(items).toHaveLength(26);
    const text = items.map((item) => item.textContent ?? '').join('\n');
    for (const { qp2024 } of contract.qpv) expect(text).toContain(qp2024);
    expect(text).toMatch(/Armentières/);
  });
});

describe('NearbyQpvList, loading (issue 10: not on the default phone view)', () => {
  const observers: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit }[] = [];
  afterEach(() => {
    vi.unstubAllGlobals();
    observers.length = 0;
  });

  it('loads the catalogue only once the list comes within a screen of the viewport, never the communes', async () => {
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
          observers.push({ callback, options });
        }
        observe() {}
        disconnect() {}
      },
    );
    loaded.length = 0;
    render(<NearbyQpvList />);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(loaded).toEqual([]);
    expect(screen.getByText('Chargement des quartiers…')).toBeTruthy();
    expect(observers).toHaveLength(1);
    expect(observers[0]!.options?.rootMargin).toBe('100% 0px');
    await act(async () => {
      observers[0]!.callback(
        [{ isIntersecting: true } as IntersectionObserverEntry],
        {} as IntersectionObserver,
      );
    });
    await screen.findByText(/\(26\)/);
    expect(loaded).toEqual(['catalogue']);
  });
});
