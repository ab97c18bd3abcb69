/**
 * The app's pages and a tiny history-API router. Paths are French and stable: they are shared in e-mails
 * and printed in reports. The map keeps its own view in the query string (see src/features/map/map-state.ts).
 */
import { useSyncExternalStore } from 'react';

export type PageId = 'carte' | 'fichier' | 'contrat' | 'sources' | 'accessibilite';

export const PAGES: ReadonlyArray<{ id: PageId; path: string; label: string }> = [
  { id: 'carte', path: '/', label: 'Carte' },
  { id: 'fichier', path: '/verifier-un-fichier', label: 'Vérifier un fichier' },
  { id: 'contrat', path: '/contrat-de-ville', label: 'Le Contrat de Ville' },
  { id: 'sources', path: '/sources', label: 'Sources et mentions' },
  { id: 'accessibilite', path: '/accessibilite', label: 'Accessibilité' },
];

export function pageFromPath(pathname: string): PageId {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return PAGES.find((page) => page.path === clean)?.id ?? 'carte';
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const navigationListeners = new Set<() => void>();

/**
 * Calls `listener` after every in-app navigation (link or back/forward button), once the new URL is in place:
 * features whose state lives in the query string (the actions filters) read it again from there.
 */
export function onNavigation(listener: () => void): () => void {
  navigationListeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    navigationListeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  if (path === `${window.location.pathname}${window.location.search}`) return;
  if (path === window.location.pathname && !path.includes('?')) return;
  window.history.pushState(null, '', path);
  for (const listener of navigationListeners) listener();
  for (const listener of listeners) listener();
}

export function usePage(): PageId {
  return useSyncExternalStore(
    subscribe,
    () => pageFromPath(window.location.pathname),
    () => 'carte',
  );
}
