/**
 * State of the resident's question « Mon adresse est-elle en QPV ? », shared by the side panel (search box,
 * verdict card) and the map (pin, street highlight). The answer itself comes from src/domain/check-address.ts.
 */
import type { AddressCheck } from '../../domain/check-address.ts';
import { createStore, useStore } from '../../lib/create-store.ts';

/** Where the current answer comes from. */
export type VerdictOrigin = 'recherche' | 'carte' | 'position';

export interface VerdictState {
  /** The answer shown, or null before any question. */
  check: AddressCheck | null;
  origin: VerdictOrigin | null;
  /** The text typed by the user for this answer (used by « Partager »), null for a point. */
  query: string | null;
  /** Accuracy (m) of a device position, drawn as a circle around the pin; null otherwise. */
  accuracy_m: number | null;
}

export const EMPTY_VERDICT: VerdictState = { check: null, origin: null, query: null, accuracy_m: null };

export const verdictStore = createStore<VerdictState>(EMPTY_VERDICT);

export function useVerdict(): VerdictState {
  return useStore(verdictStore);
}

export function showVerdict(
  check: AddressCheck,
  origin: VerdictOrigin,
  query: string | null = null,
  accuracy_m: number | null = null,
): void {
  verdictStore.set({ check, origin, query, accuracy_m });
}

export function clearVerdict(): void {
  verdictStore.set(EMPTY_VERDICT);
}
