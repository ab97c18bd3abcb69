/**
 * Loads the data the address check needs (through src/io/data-loader.ts, the only fetcher) and builds the check
 * context once for the whole app: the search box, the map pin and any other caller share the same promise.
 * It still reads the road centre-lines and the QPV GeoJSON: the side-of-the-street answer and the drawn street need
 * the centre-lines, which the compact street index (data/streets.json) does not carry yet (issue 10, see README).
 */
import { useEffect, useState } from 'react';
import { type CheckContext, createCheckContext } from '../../domain/check-context.ts';
import { loadBanTable } from '../../io/ban-storage.ts';
import { loadAddresses, loadCommunes, loadQpv, loadRoads } from '../../io/data-loader.ts';
import { SHOWN_MARKS } from '../../io/register-sw.ts';
import { banStore, useBanState } from '../ban/ban-state.ts';

let shared: Promise<CheckContext> | null = null;
let ready: CheckContext | null = null;
/** The BAN version (src/features/ban/ban-state.ts) the context was built with. */
let builtFor = -1;

/** The shared check context (built on first call; a failed load can be retried). */
export function loadCheckContext(version = banStore.get().version): Promise<CheckContext> {
  if (builtFor !== version) {
    shared = null;
    ready = null;
    builtFor = version;
  }
  if (!shared) {
    shared = Promise.all([loadQpv(), loadRoads(), loadCommunes(), loadAddresses(), loadBanTable()]).then(
      ([qpv, roads, communes, addresses, ban]) => {
        const ctx = createCheckContext({ qpv, roads, communes, addresses, ban });
        if (builtFor === version) ready = ctx;
        performance.mark(SHOWN_MARKS.answer);
        return ctx;
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
  const { version } = useBanState();
  const [state, setState] = useState<CheckContextState>({ ctx: ready, error: null });
  const current = state.ctx && builtFor === version ? state.ctx : null;
  useEffect(() => {
    if (current) return;
    let alive = true;
    loadCheckContext(version).then(
      (ctx) => alive && builtFor === version && setState({ ctx, error: null }),
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
  }, [current, version]);
  return current === state.ctx ? state : { ctx: current, error: state.error };
}
