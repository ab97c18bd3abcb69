/**
 * Loads the data the address check needs (through src/data-loader.ts, the only fetcher) and builds the check
 * context (QPV index + geocoder) once for the whole app: the search box, the map pin and any other caller share
 * the same promise.
 */
import { useEffect, useState } from 'react';
import { loadAddresses, loadCommunes, loadQpv, loadRoads } from '../data-loader.ts';
import { type CheckContext, createCheckContext } from '../domain/check-address.ts';
import { SHOWN_MARKS } from '../register-sw.ts';

let shared: Promise<CheckContext> | null = null;
let ready: CheckContext | null = null;

/** The shared check context (built on first call; a failed load can be retried). */
export function loadCheckContext(): Promise<CheckContext> {
  if (!shared) {
    shared = Promise.all([loadQpv(), loadRoads(), loadCommunes(), loadAddresses()]).then(
      ([qpv, roads, communes, addresses]) => {
        ready = createCheckContext({ qpv, roads, communes, addresses });
        performance.mark(SHOWN_MARKS.answer);
        return ready;
      },
    );
    shared.catch(() => {
      shared = null;
    });
  }
  return shared;
}

export interface CheckContextState {
  ctx: CheckContext | null;
  error: string | null;
}

/** React access to the shared context: `ctx` is null while loading; `error` holds a French message on failure. */
export function useCheckContext(): CheckContextState {
  const [state, setState] = useState<CheckContextState>({ ctx: ready, error: null });
  useEffect(() => {
    if (state.ctx) return;
    let alive = true;
    loadCheckContext().then(
      (ctx) => alive && setState({ ctx, error: null }),
      (error: unknown) =>
        alive &&
        setState({
          ctx: null,
          error:
            error instanceof Error ? error.message : 'Les données de la carte n’ont pas pu être chargées.',
        }),
    );
    return () => {
      alive = false;
    };
  }, [state.ctx]);
  return state;
}
