/**
 * The only place where the browser reads the datasets of `data/`. Each file is bundled by Vite as a static
 * asset with a content hash (so it is cached and precached for offline use), fetched once, validated once
 * with the guards of `src/domain`, then trusted. All requests stay on the app's own origin.
 */
import actionsUrl from '../../data/actions.geojson?url';
import communesUrl from '../../data/communes.geojson?url';
import objectivesUrl from '../../data/objectives.json?url';
import qpvCatalogueUrl from '../../data/qpv/catalogue.json?url';
import streetsUrl from '../../data/saint-pierre-streets.geojson?url';
import streetSidesUrl from '../../data/street-sides.json?url';
import streetIndexUrl from '../../data/streets.json?url';
import { banTableFromShard, checkBanShard } from '../domain/ban/shard.ts';
import { type BanTable, mergeBanTables } from '../domain/ban/table.ts';
import { checkAddressTable, checkCommuneCollection, checkStreetCollection } from '../domain/data-guards.ts';
import type {
  AddressTable,
  BBox,
  CommuneCollection,
  GuardResult,
  QpvCollection as QpvFeatures,
  StreetCollection,
} from '../domain/data-types.ts';
import { checkObjectivesFile, type ObjectivesFile } from '../domain/objectives.ts';
import {
  checkAccessCollection,
  checkContractFacts,
  checkFranceServicesCollection,
  checkIrisCollection,
  checkParkCollection,
  checkPlanningIndicators,
} from '../domain/planning/guards.ts';
import type {
  AccessCollection,
  ContractFacts,
  FranceServicesCollection,
  IrisCollection,
  ParkCollection,
  PlanningIndicators,
} from '../domain/planning/types.ts';
import { type QpvCatalogue, type QpvShardFile, shardFeatures, shardsFor } from '../domain/qpv-shards.ts';
import { checkQpvCatalogue, checkQpvShard } from '../domain/qpv-shards-guards.ts';
import type { StreetIndexFile } from '../domain/street-index-file.ts';
import { checkStreetIndexFile } from '../domain/street-index-guard.ts';
import { checkStreetLinesFile, type StreetLinesFile } from '../domain/street-lines-file.ts';

/** The QPV shards (`npm run data`): their URLs only (a few kB in the bundle); each file is fetched on demand. */
const shardUrls = import.meta.glob<string>('../../data/qpv/shards/*.json', {
  // Never inlined as data: URLs (Vite inlines files under 4 kB): the small shards would weigh on the initial JS.
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

/** Centre-lines of every street of a commune (`npm run data`): URLs only; a file is fetched to draw a street. */
const streetLineUrls = import.meta.glob<string>('../../data/street-lines/*.json', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

/** Optional BAN address points: present only after `npm run data -- --ban FILE`. */
const optionalAddresses = import.meta.glob<string>('../../data/addresses.json', {
  query: '?url',
  import: 'default',
});

/** Optional BAN tables, one per commune: present only after `npm run data -- --ban FILE`. */
const banShards = import.meta.glob<string>('../../data/ban/*.json', { query: '?url', import: 'default' });

export class DataLoadError extends Error {}

const cache = new Map<string, Promise<unknown>>();

async function fetchChecked<T>(
  url: string,
  label: string,
  check: (value: unknown) => GuardResult,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DataLoadError(
      `Impossible de charger ${label} : vérifiez que l’application est bien installée.`,
    );
  }
  if (!response.ok) throw new DataLoadError(`Impossible de charger ${label} (erreur ${response.status}).`);
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new DataLoadError(`Le fichier ${label} est illisible.`);
  }
  const result = check(value);
  if (!result.ok) throw new DataLoadError(`Le fichier ${label} est invalide : ${result.error}`);
  return value as T;
}

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    // A failed load may be retried later (e.g. after the connection to the local server came back).
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}

export const loadCommunes = () =>
  once('communes', () =>
    fetchChecked<CommuneCollection>(communesUrl, 'des communes', checkCommuneCollection),
  );
export const loadSaintPierreStreets = () =>
  once('streets', () =>
    fetchChecked<StreetCollection>(streetsUrl, 'des rues de Saint-Pierre', checkStreetCollection),
  );
export const loadObjectives = () =>
  once('objectives', () => fetchChecked<ObjectivesFile>(objectivesUrl, 'des objectifs', checkObjectivesFile));

/** Raw actions register; the actions feature validates it with its own schema. */
export const loadActionsRegister = () =>
  once('actions', () => fetchChecked<unknown>(actionsUrl, 'des actions', () => ({ ok: true })));

// Planner view (issue 12): fetched only when the planner opens « Verdir et aérer Saint-Pierre ».
const planningUrls = import.meta.glob<string>('../../data/planning/*', { query: '?url', import: 'default' });
const contractUrl = import.meta.glob<string>('../../data/contract.json', {
  query: '?url',
  import: 'default',
});
async function urlOf(glob: Record<string, () => Promise<string>>, path: string): Promise<string> {
  const entry = glob[path];
  if (!entry) throw new DataLoadError(`Fichier ${path.replace('../../', '')} absent de l’application.`);
  return entry();
}
export const loadPlanningParks = () =>
  once('planning-parks', async () =>
    fetchChecked<ParkCollection>(
      await urlOf(planningUrls, '../../data/planning/parks.geojson'),
      'des parcs et jardins',
      checkParkCollection,
    ),
  );
export const loadPlanningAccess = () =>
  once('planning-access', async () =>
    fetchChecked<AccessCollection>(
      await urlOf(planningUrls, '../../data/planning/access.geojson'),
      'des zones d’accès à pied',
      checkAccessCollection,
    ),
  );
export const loadPlanningIris = () =>
  once('planning-iris', async () =>
    fetchChecked<IrisCollection>(
      await urlOf(planningUrls, '../../data/planning/iris.geojson'),
      'des IRIS',
      checkIrisCollection,
    ),
  );
export const loadPlanningFranceServices = () =>
  once('planning-france-services', async () =>
    fetchChecked<FranceServicesCollection>(
      await urlOf(planningUrls, '../../data/planning/france-services.geojson'),
      'des France services',
      checkFranceServicesCollection,
    ),
  );
export const loadPlanningIndicators = () =>
  once('planning-indicators', async () =>
    fetchChecked<PlanningIndicators>(
      await urlOf(planningUrls, '../../data/planning/indicators.json'),
      'des indicateurs',
      checkPlanningIndicators,
    ),
  );
export const loadContractFacts = () =>
  once('contract', async () =>
    fetchChecked<ContractFacts>(
      await urlOf(contractUrl, '../../data/contract.json'),
      'des données du contrat',
      checkContractFacts,
    ),
  );

/** BAN address points, or `null` when no BAN file was imported. */
export const loadAddresses = (): Promise<AddressTable | null> =>
  once('addresses', async () => {
    const entry = Object.values(optionalAddresses)[0];
    if (!entry) return null;
    return fetchChecked<AddressTable>(await entry(), 'des adresses', checkAddressTable);
  });

/** The shipped BAN tables of `data/ban/` merged into one, or `null` when none was built. */
export const loadBanShards = (): Promise<BanTable | null> =>
  once('ban-shards', async () => {
    const entries = Object.keys(banShards).sort();
    if (entries.length === 0) return null;
    const tables = await Promise.all(
      entries.map(async (key) => {
        const value = await fetchChecked<unknown>(await banShards[key]!(), 'des adresses', checkBanShard);
        return banTableFromShard(value);
      }),
    );
    return mergeBanTables(tables);
  });
/** The compact street index with each street's relation to the QPVs (data/streets.json): the search's input. */
export const loadStreetIndex = () =>
  once('street-index', () =>
    fetchChecked<StreetIndexFile>(streetIndexUrl, 'de l’index des rues', checkStreetIndexFile),
  );

/** The centre-lines the side-of-the-street answers need (data/street-sides.json), loaded with the search. */
export const loadStreetSides = () =>
  once('street-sides', () =>
    fetchChecked<StreetLinesFile>(streetSidesUrl, 'des lignes des rues', checkStreetLinesFile),
  );

/** Every street's centre-lines in one commune (data/street-lines/<insee>.json), or null when it has none. */
export function loadStreetLinesOf(insee: string): Promise<StreetLinesFile | null> {
  const url = streetLineUrls[`../../data/street-lines/${insee}.json`];
  if (!url) return Promise.resolve(null);
  return once(`street-lines:${insee}`, () =>
    fetchChecked<StreetLinesFile>(url, 'des lignes des rues', checkStreetLinesFile),
  );
}

/** Every QPV without its outline, and the shards (data/qpv/catalogue.json). */
export const loadQpvCatalogue = () =>
  once('qpv-catalogue', () =>
    fetchChecked<QpvCatalogue>(qpvCatalogueUrl, 'du catalogue des quartiers prioritaires', checkQpvCatalogue),
  );

/** The QPV features of some shards (data/qpv/shards/<id>.json), each fetched once. */
export async function loadQpvShards(ids: readonly string[]): Promise<QpvFeatures['features']> {
  const shards = await Promise.all(
    ids.map((id) =>
      once(`qpv-shard:${id}`, async () => {
        const url = shardUrls[`../../data/qpv/shards/${id}.json`];
        if (!url) throw new DataLoadError(`Contours des quartiers prioritaires « ${id} » introuvables.`);
        return fetchChecked<QpvShardFile>(url, 'des contours des quartiers prioritaires', checkQpvShard);
      }),
    ),
  );
  return shards.flatMap(shardFeatures);
}

/**
 * The QPV features needed to answer anywhere in a box (or at a point) with a band up to `reachM` metres: every QPV
 * that can contain, be the nearest to, or be within `reachM` of a point there (src/domain/qpv-shards.ts).
 */
export async function loadQpvShardsFor(
  place: BBox | readonly [number, number],
  reachM = 1000,
): Promise<QpvFeatures['features']> {
  const box: BBox = place.length === 4 ? place : [place[0], place[1], place[0], place[1]];
  return loadQpvShards(shardsFor(await loadQpvCatalogue(), box, reachM));
}

/** One QPV's feature (full-precision outline), or null for an unknown code. */
export async function loadQpvFeature(code: string): Promise<QpvFeatures['features'][number] | null> {
  const entry = (await loadQpvCatalogue()).qpv.find((q) => q.code === code);
  if (!entry) return null;
  return (await loadQpvShards([entry.shard])).find((f) => f.properties.code === code) ?? null;
}
