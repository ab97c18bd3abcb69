/**
 * State of the planner view « Verdir et aérer Saint-Pierre »: open or not (permalink `amenagement=1`), and which of
 * its layers are shown. Its data is loaded only once the view is opened (never on the resident's first screen).
 */

import { createStore, useStore } from '../../lib/create-store.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';
import { PLANNING_TOGGLES, type PlanningToggle } from '../../map/planning-layers.ts';

export interface PlanningState {
  open: boolean;
  layers: PlanningToggle[];
}

export const planningStore = createStore<PlanningState>({
  open: typeof window !== 'undefined' && readParam('amenagement') === '1',
  layers: [...PLANNING_TOGGLES],
});

export const usePlanning = () => useStore(planningStore);

export function setPlanningOpen(open: boolean): void {
  planningStore.set((state) => (state.open === open ? state : { ...state, open }));
  replaceParams({ amenagement: open ? '1' : null });
}

export function setPlanningLayer(layer: PlanningToggle, shown: boolean): void {
  planningStore.set((state) => ({
    ...state,
    layers: shown
      ? PLANNING_TOGGLES.filter((key) => key === layer || state.layers.includes(key))
      : state.layers.filter((key) => key !== layer),
  }));
}
