/**
 * True on a phone-width screen (≤ 600 px): the file check then lists its results as cards instead of an
 * eight-column table. Follows the window as it is resized or turned.
 */
import { useSyncExternalStore } from 'react';

export const NARROW_SCREEN_QUERY = '(max-width: 600px)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW_SCREEN_QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
