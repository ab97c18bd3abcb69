/** Loads every file of the planner view once (shared by its map layers and its panel). */
import { useEffect, useState } from 'react';
import type {
  AccessCollection,
  ContractFacts,
  FranceServicesCollection,
  IrisCollection,
  ParkCollection,
  PlanningIndicators,
} from '../../domain/planning/types.ts';
import {
  loadContractFacts,
  loadPlanningAccess,
  loadPlanningFranceServices,
  loadPlanningIndicators,
  loadPlanningIris,
  loadPlanningParks,
} from '../../io/data-loader.ts';

export interface PlanningData {
  parks: ParkCollection;
  access: AccessCollection;
  iris: IrisCollection;
  franceServices: FranceServicesCollection;
  indicators: PlanningIndicators;
}

export type Loaded<T> =
  | { state: 'chargement' }
  | { state: 'erreur'; message: string }
  | { state: 'pret'; data: T };

function useLoaded<T>(enabled: boolean, load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'chargement' });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    load()
      .then((data) => !cancelled && setLoaded({ state: 'pret', data }))
      .catch(
        (error: unknown) =>
          !cancelled &&
          setLoaded({
            state: 'erreur',
            message: error instanceof Error ? error.message : 'Données indisponibles.',
          }),
      );
    return () => {
      cancelled = true;
    };
  }, [enabled, load]);
  return loaded;
}

const loadAll = async (): Promise<PlanningData> => {
  const [parks, access, iris, franceServices, indicators] = await Promise.all([
    loadPlanningParks(),
    loadPlanningAccess(),
    loadPlanningIris(),
    loadPlanningFranceServices(),
    loadPlanningIndicators(),
  ]);
  return { parks, access, iris, franceServices, indicators };
};

export const usePlanningData = (enabled: boolean) => useLoaded(enabled, loadAll);
export const useContractFacts = (enabled = true): Loaded<ContractFacts> =>
  useLoaded(enabled, loadContractFacts);
