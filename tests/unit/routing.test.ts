import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/lib/create-store.ts';
import { pageFromPath } from '../../src/lib/routing.ts';

describe('pageFromPath', () => {
  it.each([
    ['/', 'carte'],
    ['/verifier-un-fichier', 'fichier'],
    ['/verifier-un-fichier/', 'fichier'],
    ['/contrat-de-ville', 'contrat'],
    ['/sources', 'sources'],
    ['/accessibilite', 'accessibilite'],
    ['/inconnu', 'carte'],
  ])('%s → %s', (path, page) => {
    expect(pageFromPath(path)).toBe(page);
  });
});

describe('createStore', () => {
  it('notifies subscribers on change only, and stops after unsubscribe', () => {
    const store = createStore({ count: 0 });
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get().count));
    store.set((previous) => ({ count: previous.count + 1 }));
    const same = store.get();
    store.set(same);
    unsubscribe();
    store.set({ count: 5 });
    expect(seen).toEqual([1]);
    expect(store.get().count).toBe(5);
  });
});
