/**
 * When the map page starts loading the map — MapLibre, its worker, the style's tiles and glyphs, ≈ 500 kB gzip
 * (issue 10). The resident's answer comes first: the map chunk is requested once the search can answer (its data
 * arrived and its index is built, or failed to) and the page is idle, so that on a phone the two never compete for
 * bandwidth and CPU. If by then the resident is in the search form (focus or text) without an answer yet, the map
 * waits for that answer — and starts after the frame that paints it — at most {@link HOLD_MAX_MS}. Anything that
 * needs the map sooner starts it at once: a map tool (« Placer mon logement »…), or a search that is still not ready
 * after {@link START_CAP_MS}. Once started, the map stays loaded for the visit.
 */
import { useEffect } from 'react';
import { createStore, useStore } from '../../lib/create-store.ts';
import { loadCheckContext } from '../search/use-check-context.ts';
import { mapModeStore } from './map-mode.ts';

/** Longest wait, after the search is ready, for the answer to the question being asked. */
export const HOLD_MAX_MS = 3_000;
/** Longest wait for the search to become ready (a slow or failing network must not leave the page without map). */
export const START_CAP_MS = 8_000;
/**
 * `performance.mark` set once, when the map is asked for: `npm run bench` measures from it the map's own path to
 * « carte prête » (scripts/bench/map-load.ts), apart from the wait for the search.
 */
export const MAP_START_MARK = 'perimetre:carte-demandee';

const started = createStore(false);
let armed = false;
let searchReady = false;
let held = false;
let unsubscribe: (() => void) | null = null;

function start(): void {
  if (started.get()) return;
  performance.mark(MAP_START_MARK);
  started.set(true);
}

function whenIdle(run: () => void): void {
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 1);
}

function arm(): void {
  if (armed) return;
  armed = true;
  const cap = window.setTimeout(start, START_CAP_MS);
  const ready = () => {
    window.clearTimeout(cap);
    searchReady = true;
    // At the first idle moment: input already queued (a tap in the box, typed text) is handled before the choice.
    whenIdle(() => {
      if (!held) start();
      else window.setTimeout(start, HOLD_MAX_MS);
    });
  };
  loadCheckContext().then(ready, ready);
  unsubscribe = mapModeStore.subscribe(() => {
    if (mapModeStore.get() !== 'navigation') start();
  });
}

/**
 * Called by the search while the resident is at the question and has no answer yet (`true`: focus in the search
 * form or text in the box) and when that ends (`false`: answered, or left the form empty).
 */
export function holdMapForQuestion(waiting: boolean): void {
  held = waiting;
  // After the frame that paints the answer: the map chunk's evaluation must not delay it.
  if (!waiting && searchReady) window.requestAnimationFrame(() => window.setTimeout(start, 0));
}

/** True once the map may load (see the module comment); arms the rule on first use. */
export function useMapStarted(): boolean {
  useEffect(arm, []);
  return useStore(started);
}

/** Test helper: back to a fresh page. */
export function resetMapStartForTests(): void {
  unsubscribe?.();
  unsubscribe = null;
  started.set(false);
  armed = false;
  searchReady = false;
  held = false;
}
