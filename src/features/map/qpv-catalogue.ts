/**
 * The QPV list without geometry for the QPV list and the details panel (issue 10): `data/qpv/catalogue.json`
 * through the data loader, and one QPV's outline from its shard (the details panel's area). The map itself draws
 * the QPV from the vector tiles and needs neither.
 */

import type { QpvCatalogueEntry } from '../../domain/qpv-shards.ts';
import { loadQpvCatalogue, loadQpvFeature } from '../../io/data-loader.ts';

export type { QpvCatalogueEntry };

/** Every QPV, without geometry. */
export async function loadQpvCatalogueEntries(): Promise<QpvCatalogueEntry[]> {
  return (await loadQpvCatalogue()).qpv;
}

/** One QPV's full outline, or null for an unknown code. */
export const loadQpvOutline = (code: string) => loadQpvFeature(code);
