/**
 * Loads the data the address check needs (through src/data-loader.ts, the only fetcher) and builds the check
 * context once for the whole app: the search box, the map pin and any other caller share the same promise.
 * Light on purpose (issue 10): the compact street index (data/streets.json, each street's relation to the QPVs
 * precomputed) and the QPV shards of the covered area — never the road or QPV GeoJSON. A point elsewhere in France
 * loads the catalogue and its shards first ({@link ensureQpvFor}).
 */
import { useEffect, useState } from 'react';
import {
  loadAddresses,
  loadQpvCatalogue,
  loadQpvShards,
  loadQpvShardsFor,
  loadStreetIndex,
} from '../data-loader.ts';
import {
  addQpvFeatures,
  type CheckContext,
  createCheckContext,
  pointReach,
  qpvLoadedFor,
  setQpvCatalogue,
} from '../domain/check-address.ts';
import { qpvCollection } from '../domain/qpv-shards.ts';
import { SHOWN_MARKS } from '../register-sw.ts';

let shared: Promise<CheckContext> | null = null;
let ready: CheckContext | null = null;

/** The shared check context (built on first call; a failed load can be retried). */
export function loadCheckContext(): Promise<CheckContext> {
  if (!shared) {
    shared = Promise.all([
      loadStreetIndex().then(async (streetIndex) => ({
        streetIndex,
        qpv: await loadQpvShards(streetIndex.coverage.shards),
      })),
      loadAddresses(),
    ]).then(([{ streetIndex, qpv }, addresses]) => {
      ready = createCheckContext({ qpv: qpvCollection(qpv), streetIndex, addresses, partial: true });
      performance.mark(SHOWN_MARKS.answer);
      return ready;
    });
    shared.catch(() => {
      shared = null;
    });
  }
  return shared;
}

/**
 * The shared context, with every QPV outline that can matter for a point placed at `point` with this uncertainty
 * loaded (catalogue and shards fetched first when the point is outside the covered area).
 */
export async function ensureQpvFor(
  point: readonly [number, number],
  uncertainty_m: number,
): Promise<CheckContext> {
  const ctx = await loadCheckContext();
  const [lon, lat] = point;
  const reach = pointReach(ctx, uncertainty_m);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || qpvLoadedFor(ctx, [lon, lat, lon, lat], reach))
    return ctx;
  setQpvCatalogue(ctx, await loadQpvCatalogue());
  addQpvFeatures(ctx, await loadQpvShardsFor([lon, lat], reach));
  return ctx;
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
