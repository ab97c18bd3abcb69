/**
 * Loads the data the address check needs (through src/io/data-loader.ts, the only fetcher) and builds the check
 * context once for the whole app: the search box, the map pin and any other caller share the same promise.
 * Light (issue 10): the compact street index (data/streets.json, each street's relation to the QPVs precomputed)
 * and the QPV shards of the covered area — never the road or QPV GeoJSON. On demand: the catalogue and the shards a
 * point elsewhere in France needs ({@link ensureQpvFor}); the centre-lines of the side-of-the-street answers, the
 * first time an answer is « en limite » ({@link ensureStreetLines}).
 */
import { useEffect, useState } from 'react';
import { checkPoint } from '../../domain/check-address.ts';
import {
  addQpvFeatures,
  addStreetLines,
  type CheckContext,
  createCheckContext,
  needsStreetLines,
  pointReach,
  qpvLoadedFor,
  setQpvCatalogue,
} from '../../domain/check-context.ts';
import type { Position } from '../../domain/data-types.ts';
import type { Street } from '../../domain/geocoder.ts';
import { qpvCollection } from '../../domain/qpv-shards.ts';
import { decodeStreetLines, type StreetLinesFile } from '../../domain/street-lines-file.ts';
import { loadBanTable } from '../../io/ban-storage.ts';
import {
  loadAddresses,
  loadQpvCatalogue,
  loadQpvShards,
  loadQpvShardsFor,
  loadStreetIndex,
  loadStreetLinesOf,
  loadStreetSides,
} from '../../io/data-loader.ts';
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
    shared = Promise.all([
      loadStreetIndex().then(async (streetIndex) => ({
        streetIndex,
        qpv: await loadQpvShards(streetIndex.coverage.shards),
      })),
      loadAddresses(),
      loadBanTable(),
    ]).then(([{ streetIndex, qpv }, addresses, ban]) => {
      const ctx = createCheckContext({
        qpv: qpvCollection(qpv),
        streetIndex,
        // Already fetched for an earlier context (before a BAN import): attached at once.
        ...(streetSides ? { streetLines: streetSides } : {}),
        partial: true,
        addresses,
        ban,
      });
      if (builtFor === version) ready = ctx;
      performance.mark(SHOWN_MARKS.answer);
      return ctx;
    });
    shared.catch(() => {
      shared = null;
    });
  }
  return shared;
}

/**
 * The context, with every QPV outline that can matter for a point placed at `point` with this uncertainty loaded
 * (the catalogue and the shards it designates are fetched the first time a point falls outside the covered area).
 */
export async function ensureQpvFor(
  ctx: CheckContext,
  point: readonly [number, number],
  uncertainty_m: number,
): Promise<CheckContext> {
  const [lon, lat] = point;
  const reach = pointReach(ctx, uncertainty_m);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || qpvLoadedFor(ctx, [lon, lat, lon, lat], reach))
    return ctx;
  setQpvCatalogue(ctx, await loadQpvCatalogue());
  addQpvFeatures(ctx, await loadQpvShardsFor([lon, lat], reach));
  return ctx;
}

/**
 * Runs `answer` once the QPV outlines that matter at `point` are loaded: at once in the covered area (its shards
 * come with the street index), after loading the catalogue and the shards elsewhere. On a load failure the answer
 * still runs: it then says the outlines are not loaded, never guesses.
 */
export function answerPoint(
  ctx: CheckContext,
  point: readonly [number, number],
  uncertainty_m: number,
  answer: (ready: CheckContext) => void,
): void {
  // A point « en limite » may be beside a boundary street: its side is answered with the street's centre-line.
  const withLines = (ready: CheckContext) => {
    if (!needsStreetLines(ready) || checkPoint(ready, point, { uncertainty_m }).status !== 'limite')
      answer(ready);
    else
      ensureStreetLines(ready).then(answer, () => {
        answer(ready);
      });
  };
  if (qpvLoadedFor(ctx, [point[0], point[1], point[0], point[1]], pointReach(ctx, uncertainty_m)))
    withLines(ctx);
  else
    ensureQpvFor(ctx, point, uncertainty_m).then(withLines, () => {
      withLines(ctx);
    });
}

/** data/street-sides.json once fetched. */
let streetSides: StreetLinesFile | null = null;

/**
 * The context with the centre-lines of the side-of-the-street answers attached (data/street-sides.json, 86 kB gzip,
 * fetched the first time an answer is « en limite »: a side question or a pin beside a boundary street needs them).
 */
export async function ensureStreetLines(ctx: CheckContext): Promise<CheckContext> {
  if (!needsStreetLines(ctx)) return ctx;
  streetSides = await loadStreetSides();
  addStreetLines(ctx, streetSides);
  return ctx;
}

/**
 * A street's centre-lines to draw it: its own when the context has them (data/street-sides.json, or its BAN points),
 * else from its commune's file (data/street-lines/<insee>.json, fetched the first time); null when none.
 */
export async function loadDrawnStreetLines(street: Street): Promise<Position[][] | null> {
  if (street.lines.length > 0) return street.lines as Position[][];
  const file = await loadStreetLinesOf(street.insee);
  const entry = file?.streets.find((e) => e.rue === street.id);
  return file && entry ? decodeStreetLines(file, entry) : null;
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
