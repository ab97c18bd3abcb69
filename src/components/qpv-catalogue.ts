/**
 * The QPV list without geometry, for the QPV list and the details panel (issue 10): `data/qpv/catalogue.json`
 * written by `npm run data` (helper H10's artifact, read through `loadQpvCatalogue` of src/data-loader.ts once it
 * lands there). Until that file exists, this local loader derives the same entries from data/qpv-2024.geojson,
 * so the panels keep working; the map itself draws the QPV from the vector tiles and never needs either file.
 */
import { loadQpv } from '../data-loader.ts';
import type { BBox, QpvCollection } from '../domain/data-types.ts';

/** One QPV of the catalogue (PERF-CONTRACT.md). */
export interface QpvCatalogueEntry {
  code: string;
  nom: string;
  insee: string[];
  communes: string[];
  bbox: BBox;
  precision_m: number;
  mel: boolean;
  /** Which copy of the ANCT layer the outline comes from (absent from a catalogue that does not carry it). */
  source?: string;
}

/** The catalogue file, when `npm run data` has written it (a glob, so that its absence is not a build error). */
const catalogueFile = import.meta.glob<string>('../../data/qpv/catalogue.json', {
  query: '?url',
  import: 'default',
});

let entries: Promise<QpvCatalogueEntry[]> | null = null;

function fromCollection(collection: QpvCollection): QpvCatalogueEntry[] {
  return collection.features.map((feature) => ({
    ...feature.properties,
    bbox: feature.bbox ?? [0, 0, 0, 0],
    // The MEL communes' INSEE codes all start with 59 and the MEL is the only metropolis here: the catalogue
    // carries the exact flag; this fallback only needs the covered-communes filter of the list, not this.
    mel: false,
  }));
}

/** Every QPV, without geometry, sorted by code. */
export function loadQpvCatalogueEntries(): Promise<QpvCatalogueEntry[]> {
  entries ??= (async () => {
    const file = Object.values(catalogueFile)[0];
    if (file) {
      const response = await fetch(await file());
      if (!response.ok) throw new Error(`Liste des quartiers indisponible (erreur ${response.status}).`);
      const value = (await response.json()) as { qpv: QpvCatalogueEntry[] };
      return value.qpv;
    }
    return fromCollection(await loadQpv());
  })();
  entries.catch(() => {
    entries = null;
  });
  return entries;
}

/** One QPV's full outline (the details panel's area). To be served by H10's `loadQpvFeature(code)`. */
export async function loadQpvOutline(code: string) {
  const collection = await loadQpv();
  return collection.features.find((feature) => feature.properties.code === code) ?? null;
}
