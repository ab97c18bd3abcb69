/**
 * Registers the service worker written by `vite build` (scripts/vite-precache-plugin.ts → dist/sw.js), which
 * makes the app and its data usable offline after the first visit. Only in production builds, only over
 * http(s) (a file:// copy or `vite dev` has no worker), only where the browser supports it.
 *
 * A new deployment installs a new worker that waits; `updateAvailable` then turns true and the page offers
 * « Mettre à jour » (src/app/update-prompt.tsx). `applyUpdate` activates the waiting worker and
 * reloads once it controls the page, so the page never mixes files of two versions.
 */
import { createStore } from '../lib/create-store.ts';

/** True when a new version is installed and waits for the user's go-ahead. */
export const updateAvailable = createStore<boolean>(false);

let waiting: ServiceWorker | null = null;
let registration: Promise<ServiceWorkerRegistration | null> | null = null;

/** Whether this page may register a worker at all (exported for tests). */
export function canRegister(env: { prod: boolean; protocol: string; hasServiceWorker: boolean }): boolean {
  return env.prod && (env.protocol === 'http:' || env.protocol === 'https:') && env.hasServiceWorker;
}

function offer(worker: ServiceWorker | null): void {
  // Without a controller this is the very first install: nothing to update, the page is already current.
  if (!worker || !navigator.serviceWorker.controller) return;
  waiting = worker;
  updateAvailable.set(true);
}

function watch(reg: ServiceWorkerRegistration): void {
  offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const installing = reg.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
    });
  });
  // A long-open tab (a planner's) still hears about a deployment: check when the tab comes back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reg.update().catch(() => undefined);
  });
}

/** Performance marks of the map page: the first complete map frame, the search able to answer. */
export const SHOWN_MARKS = { map: 'perimetre:carte-prete', answer: 'perimetre:recherche-prete' } as const;

/** Resolves once a performance mark with this name exists (now or later). */
function whenMarked(name: string): Promise<void> {
  if (performance.getEntriesByName(name, 'mark').length > 0) return Promise.resolve();
  return new Promise((done) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name).length === 0) return;
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'mark', buffered: true });
  });
}

/**
 * When precaching may start without competing with what the user came for: after the page's load, and on the
 * map page only once the map and the search's first answer are shown (both marks; at most 60 s, for a map that
 * never gets there, e.g. without WebGL).
 */
function pageShown(): Promise<void> {
  const loaded =
    document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise<void>((done) => window.addEventListener('load', () => done(), { once: true }));
  if (window.location.pathname !== import.meta.env.BASE_URL) return loaded;
  const shown = Promise.all([loaded, whenMarked(SHOWN_MARKS.map), whenMarked(SHOWN_MARKS.answer)]);
  const cap = new Promise<void>((done) => window.setTimeout(done, 60_000));
  return Promise.race([shown.then(() => undefined), cap]);
}

/** Registers `sw.js` once (idempotent: React StrictMode runs effects twice). Resolves to null when skipped. */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (registration) return registration;
  const allowed = canRegister({
    prod: import.meta.env.PROD,
    protocol: window.location.protocol,
    hasServiceWorker: 'serviceWorker' in navigator,
  });
  if (!allowed) {
    registration = Promise.resolve(null);
    return registration;
  }
  registration = pageShown()
    .then(() =>
      navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, {
        scope: import.meta.env.BASE_URL,
      }),
    )
    .then((reg) => {
      watch(reg);
      return reg;
    })
    // Offline use is a bonus: a failed registration must never break the page.
    .catch(() => null);
  return registration;
}

/** Activates the waiting version, then reloads the page once the new worker controls it. */
export function applyUpdate(): void {
  if (!waiting) return;
  let reloaded = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloaded) return;
    reloaded = true;
    window.location.reload();
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
