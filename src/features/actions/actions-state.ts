/**
 * Shared state of the actions overlay: the published register, the association's drafts (kept in the browser,
 * IndexedDB via idb-keyval, restored after a reload), the filters (mirrored in the permalink), the selected
 * action and the editor's step. The panel reaches the map through src/features/map/map-controller.ts.
 */
import { del, get, set } from 'idb-keyval';
import { useMemo } from 'react';
import {
  type ActionFilters,
  decodeFilters,
  encodeFilters,
  filterActions,
} from '../../domain/actions/filters.ts';
import { mergeActions } from '../../domain/actions/import-export.ts';
import type { ActionFeature, ActionGeometry, ActionGeometryType } from '../../domain/actions/model.ts';
import { parseActionsRegister, validateActionFeature } from '../../domain/actions/schema.ts';
import type { ObjectivesFile } from '../../domain/objectives.ts';
import { loadActionsRegister, loadObjectives } from '../../io/data-loader.ts';
import { createStore, useStore } from '../../lib/create-store.ts';
import { onNavigation, pageFromPath } from '../../lib/routing.ts';
import { readParam, replaceParams } from '../../lib/url-state.ts';

/** IndexedDB key of the drafts (versioned: a future format gets a new key and a migration). */
export const DRAFTS_KEY = 'perimetre-actions-brouillons-v1';
/** Drafts that could not be read back are set aside here rather than deleted. */
export const UNREADABLE_DRAFTS_KEY = 'perimetre-actions-brouillons-illisibles';

export type ActionsData =
  | { status: 'chargement' }
  | { status: 'erreur'; message: string }
  | { status: 'pret'; register: ActionFeature[]; objectives: ObjectivesFile };

export const actionsDataStore = createStore<ActionsData>({ status: 'chargement' });

export interface DraftsState {
  loaded: boolean;
  drafts: ActionFeature[];
  /** Set when the browser refuses to store data (private browsing, quota…): drafts live in memory only. */
  storageError: string | null;
  /** Number of stored drafts that could not be read back (kept aside, never deleted). */
  unreadable: number;
}
export const draftsStore = createStore<DraftsState>({
  loaded: false,
  drafts: [],
  storageError: null,
  unreadable: 0,
});

export const filtersStore = createStore<ActionFilters>(
  typeof window === 'undefined' ? decodeFilters(() => null) : decodeFilters((name) => readParam(name)),
);

// The URL is the truth: a link such as `/?objectifs=verdissement` (contract page) replaces the filters in force.
if (typeof window !== 'undefined') {
  onNavigation(() => {
    if (pageFromPath(window.location.pathname) === 'carte')
      filtersStore.set(decodeFilters((name) => readParam(name)));
  });
}

export const selectedActionStore = createStore<string | null>(null);

export type EditorState =
  | { step: 'ferme' }
  | { step: 'dessin'; geometryType: ActionGeometryType; editingId: string | null }
  | { step: 'formulaire'; geometry: ActionGeometry; editingId: string | null };
export const editorStore = createStore<EditorState>({ step: 'ferme' });

export const useActionsData = () => useStore(actionsDataStore);
export const useDrafts = () => useStore(draftsStore);
export const useActionFilters = () => useStore(filtersStore);
export const useSelectedAction = () => useStore(selectedActionStore);
export const useEditor = () => useStore(editorStore);

/** Updates the filters and the permalink together. */
export function setFilters(next: ActionFilters): void {
  filtersStore.set(next);
  replaceParams(encodeFilters(next));
}

let loading: Promise<void> | null = null;

/** Loads the register, the objectives and the drafts once (later calls share the first load). */
export function ensureActionsLoaded(): Promise<void> {
  loading ??= Promise.all([loadRegisterAndObjectives(), restoreDrafts()]).then(() => undefined);
  return loading;
}

async function loadRegisterAndObjectives(): Promise<void> {
  try {
    const [raw, objectives] = await Promise.all([loadActionsRegister(), loadObjectives()]);
    actionsDataStore.set({ status: 'pret', register: parseActionsRegister(raw), objectives });
  } catch (error) {
    loading = null;
    actionsDataStore.set({
      status: 'erreur',
      message: error instanceof Error ? error.message : 'Impossible de charger les actions.',
    });
  }
}

async function restoreDrafts(): Promise<void> {
  try {
    const stored: unknown = await get(DRAFTS_KEY);
    const raw = Array.isArray(stored) ? stored : [];
    const valid: ActionFeature[] = [];
    const invalid: unknown[] = [];
    for (const entry of raw) {
      const result = validateActionFeature(entry);
      if (result.ok) valid.push(result.feature);
      else invalid.push(entry);
    }
    if (invalid.length > 0) {
      const previous: unknown = await get(UNREADABLE_DRAFTS_KEY);
      await set(UNREADABLE_DRAFTS_KEY, [...(Array.isArray(previous) ? previous : []), ...invalid]);
      await set(DRAFTS_KEY, valid);
    }
    draftsStore.set({ loaded: true, drafts: valid, storageError: null, unreadable: invalid.length });
  } catch {
    draftsStore.set({
      loaded: true,
      drafts: [],
      storageError:
        'Ce navigateur ne permet pas de conserver vos brouillons (navigation privée ?). Exportez-les avant de fermer la page.',
      unreadable: 0,
    });
  }
}

// Writes are chained so that two quick saves reach IndexedDB in order.
let writing: Promise<void> = Promise.resolve();

function persist(drafts: ActionFeature[]): Promise<void> {
  writing = writing.then(async () => {
    try {
      await set(DRAFTS_KEY, drafts);
      draftsStore.set((state) => (state.storageError ? { ...state, storageError: null } : state));
    } catch {
      draftsStore.set((state) => ({
        ...state,
        storageError:
          'L’enregistrement dans le navigateur a échoué : vos brouillons restent affichés, exportez-les pour les garder.',
      }));
    }
  });
  return writing;
}

/** Adds or replaces a draft (by id) and stores the drafts. */
export function saveDraft(action: ActionFeature): Promise<void> {
  const drafts = mergeActions(draftsStore.get().drafts, [action]);
  draftsStore.set((state) => ({ ...state, drafts }));
  return persist(drafts);
}

/** Removes a draft and stores the drafts. */
export function deleteDraft(id: string): Promise<void> {
  const drafts = draftsStore.get().drafts.filter((action) => action.properties.id !== id);
  draftsStore.set((state) => ({ ...state, drafts }));
  if (selectedActionStore.get() === id) selectedActionStore.set(null);
  return persist(drafts);
}

/** Merges imported actions into the drafts (same id = replaced). The `exemple` flag is kept as imported. */
export function importDrafts(actions: readonly ActionFeature[]): Promise<void> {
  const drafts = mergeActions(draftsStore.get().drafts, actions);
  draftsStore.set((state) => ({ ...state, drafts }));
  return persist(drafts);
}

/** For tests: forget the drafts stored in this browser. */
export async function clearStoredDrafts(): Promise<void> {
  await del(DRAFTS_KEY);
}

export interface AllActions {
  /** Published actions, then the drafts; a draft with the id of a published action replaces it. */
  all: ActionFeature[];
  draftIds: ReadonlySet<string>;
}

/**
 * Every action known to this browser. Derived with `useMemo` so the map source receives a stable array.
 *
 * @example const { all, draftIds } = useAllActions();
 */
export function useAllActions(): AllActions {
  const data = useActionsData();
  const { drafts } = useDrafts();
  return useMemo(() => {
    const register = data.status === 'pret' ? data.register : [];
    const draftIds = new Set(drafts.map((action) => action.properties.id));
    return {
      all: [...register.filter((action) => !draftIds.has(action.properties.id)), ...drafts],
      draftIds,
    };
  }, [data, drafts]);
}

/**
 * The actions passing the current filters (shared by the map, the list and the legend). The fictitious examples
 * are off unless the user switches them on; they never cover a resident's answer: the pin is an HTML marker
 * above the map canvas, and the matched street's layers are added after (so above) the actions' layers.
 */
export function useFilteredActions(): ActionFeature[] {
  const { all } = useAllActions();
  const filters = useActionFilters();
  return useMemo(() => filterActions(all, filters), [all, filters]);
}
