// `data/manifest.json` (the provenance of every raw file and app file, written by scripts/lib/sources.ts) read
// with a valibot schema, and joined to the documented datasets of ./sources.ts for the « Sources et mentions » page.
import * as v from 'valibot';
import { DATASETS, type Dataset } from './sources.ts';

const ManifestSourceSchema = v.object({
  path: v.string(),
  sha256: v.string(),
  origin: v.string(),
  date: v.string(),
  licence: v.string(),
  attribution: v.string(),
});
const ManifestOutputSchema = v.object({
  path: v.string(),
  sha256: v.string(),
  features: v.nullable(v.number()),
});
const DataManifestSchema = v.object({
  geography: v.object({ nom: v.string(), texte: v.string() }),
  sources: v.array(ManifestSourceSchema),
  outputs: v.array(ManifestOutputSchema),
});

export type ManifestSource = v.InferOutput<typeof ManifestSourceSchema>;
export type ManifestOutput = v.InferOutput<typeof ManifestOutputSchema>;
export type DataManifest = v.InferOutput<typeof DataManifestSchema>;

/**
 * Reads `data/manifest.json`; `null` when its shape is not the expected one (the page then shows the
 * documented list without file details, rather than failing).
 *
 * @example
 * parseManifest({ geography: { nom: 'QP 2024', texte: '…' }, sources: [], outputs: [] })?.geography.nom; // 'QP 2024'
 * parseManifest('oops'); // null
 */
export function parseManifest(value: unknown): DataManifest | null {
  const result = v.safeParse(DataManifestSchema, value);
  return result.success ? result.output : null;
}

/** A dataset with the manifest records that belong to it. */
export interface DescribedDataset extends Dataset {
  sources: ManifestSource[];
  outputs: ManifestOutput[];
}

const coversFile = (dataset: Dataset, path: string): boolean =>
  dataset.fichiers.some((file) => (file.endsWith('/') ? path.startsWith(file) : path === file));

const coversSource = (dataset: Dataset, source: ManifestSource): boolean =>
  dataset.sourcePrefixes.some((prefix) => source.path.startsWith(prefix)) ||
  (dataset.originPrefixes ?? []).some((prefix) => source.origin.startsWith(prefix));

/**
 * Joins the documented datasets to the manifest: each dataset gets the raw sources and the app files that
 * belong to it. A dataset absent from the build (the optional address base) is dropped; `uncovered` lists
 * manifest paths that no dataset documents (a test keeps it empty).
 *
 * @example
 * const { datasets } = describeDatasets(manifest);
 * datasets.find((d) => d.id === 'qpv')?.outputs[0]?.features; // 1584
 */
export function describeDatasets(manifest: DataManifest | null): {
  datasets: DescribedDataset[];
  uncovered: string[];
} {
  const datasets = DATASETS.map((dataset) => ({
    ...dataset,
    sources: manifest?.sources.filter((source) => coversSource(dataset, source)) ?? [],
    // A file belongs to the first dataset that names it (communes.geojson also carries the postcodes).
    outputs:
      manifest?.outputs.filter(
        (output) => DATASETS.find((candidate) => coversFile(candidate, output.path)) === dataset,
      ) ?? [],
  })).filter(
    (dataset) => dataset.id !== 'adresses' || dataset.outputs.length > 0 || dataset.sources.length > 0,
  );
  const uncovered = manifest
    ? [
        ...manifest.sources.filter((s) => !DATASETS.some((d) => coversSource(d, s))).map((s) => s.path),
        ...manifest.outputs.filter((o) => !DATASETS.some((d) => coversFile(d, o.path))).map((o) => o.path),
      ]
    : [];
  return { datasets, uncovered };
}
