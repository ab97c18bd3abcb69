/**
 * Filtering the actions shown on the map and in the list. One pure function decides, so that the map layer and
 * the list (its accessible equivalent) can never disagree. An empty selection means "no filter" on that axis.
 */

import {
  type ActionFeature,
  ENJEU_IDS,
  type EnjeuId,
  OBJECTIF_IDS,
  type ObjectifId,
  STATUTS,
  type StatutAction,
  TYPES_PORTEUR,
  type TypePorteur,
  YEAR_MAX,
  YEAR_MIN,
} from './model.ts';
import { parseDateBounds } from './schema.ts';

export interface ActionFilters {
  objectifs: ObjectifId[];
  enjeux: EnjeuId[];
  porteurs: TypePorteur[];
  statuts: StatutAction[];
  /** Actions running during that year (debut ≤ year ≤ fin), or `null` for every year. */
  annee: number | null;
  /** Show the illustrative actions (`exemple: true`): off unless the user asks (« Voir des exemples »). */
  exemples: boolean;
}

export const NO_FILTERS: ActionFilters = {
  objectifs: [],
  enjeux: [],
  porteurs: [],
  statuts: [],
  annee: null,
  exemples: false,
};

/**
 * The years an action runs, from its `debut` year to its `fin` year.
 *
 * @example actionYears(action) // [2025, 2027] for debut '2025-03-01', fin '2027'
 */
export function actionYears(action: ActionFeature): [number, number] {
  const start = parseDateBounds(action.properties.debut)?.year ?? YEAR_MIN;
  const end = parseDateBounds(action.properties.fin)?.year ?? YEAR_MAX;
  return [start, end];
}

/**
 * True when the action passes every filter.
 *
 * @example actionMatches(action, { ...NO_FILTERS, objectifs: ['verdissement'] })
 */
export function actionMatches(action: ActionFeature, filters: ActionFilters): boolean {
  const p = action.properties;
  if (!filters.exemples && p.exemple) return false;
  if (filters.objectifs.length > 0 && !filters.objectifs.includes(p.objectif)) return false;
  if (filters.enjeux.length > 0 && !p.enjeux.some((enjeu) => filters.enjeux.includes(enjeu))) return false;
  if (filters.porteurs.length > 0 && !filters.porteurs.includes(p.type_porteur)) return false;
  if (filters.statuts.length > 0 && !filters.statuts.includes(p.statut)) return false;
  if (filters.annee !== null) {
    const [start, end] = actionYears(action);
    if (filters.annee < start || filters.annee > end) return false;
  }
  return true;
}

/**
 * The actions passing the filters, in their original order.
 *
 * @example filterActions(actions, { ...NO_FILTERS, annee: 2026 }).length
 */
export function filterActions(actions: readonly ActionFeature[], filters: ActionFilters): ActionFeature[] {
  return actions.filter((action) => actionMatches(action, filters));
}

/**
 * Number of actions per objective (all six keys present, 0 when none): the legend's counts.
 *
 * @example countByObjectif(actions).verdissement // 3
 */
export function countByObjectif(actions: readonly ActionFeature[]): Record<ObjectifId, number> {
  const counts = Object.fromEntries(OBJECTIF_IDS.map((id) => [id, 0])) as Record<ObjectifId, number>;
  for (const action of actions) counts[action.properties.objectif] += 1;
  return counts;
}

/** True when no filter restricts the list (every axis open; the examples switch is not a filter). */
export function isUnfiltered(filters: ActionFilters): boolean {
  return (
    filters.annee === null &&
    filters.objectifs.length === 0 &&
    filters.enjeux.length === 0 &&
    filters.porteurs.length === 0 &&
    filters.statuts.length === 0
  );
}

/** Permalink parameters owned by the actions overlay. */
export const FILTER_PARAMS = ['objectifs', 'enjeux', 'porteurs', 'statuts', 'annee', 'exemples'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

function readList<T extends string>(allowed: readonly T[], raw: string | null): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(',').map((value) => value.trim()));
  // Unknown values (old or hand-edited links) are dropped rather than failing the whole link.
  return allowed.filter((value) => wanted.has(value));
}

/**
 * Reads the filters from permalink parameters; unknown values are ignored.
 *
 * @example decodeFilters((name) => new URLSearchParams('objectifs=verdissement&annee=2026').get(name))
 */
export function decodeFilters(read: (name: FilterParam) => string | null): ActionFilters {
  const year = Number(read('annee'));
  return {
    objectifs: readList(OBJECTIF_IDS, read('objectifs')),
    enjeux: readList(ENJEU_IDS, read('enjeux')),
    porteurs: readList(TYPES_PORTEUR, read('porteurs')),
    statuts: readList(STATUTS, read('statuts')),
    annee: Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX ? year : null,
    exemples: read('exemples') === '1',
  };
}

/**
 * Writes the filters as permalink parameters; `null` removes a parameter (default value).
 *
 * @example encodeFilters({ ...NO_FILTERS, exemples: true }) // { objectifs: null, …, exemples: '1' }
 */
export function encodeFilters(filters: ActionFilters): Record<FilterParam, string | null> {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : null);
  return {
    objectifs: list(filters.objectifs),
    enjeux: list(filters.enjeux),
    porteurs: list(filters.porteurs),
    statuts: list(filters.statuts),
    annee: filters.annee === null ? null : String(filters.annee),
    exemples: filters.exemples ? '1' : null,
  };
}
