// The RowChecker backed by the project's domain code: points go through `pointVerdict` (src/domain/verdict.ts),
// addresses through `checkAddress` (src/domain/check-address.ts), the same functions as the resident search, so that
// the file check and the map always agree.

import type { AddressTable, CommuneCollection, QpvCollection, RoadCollection } from '../data-types.ts';
import { createQpvIndex, pointVerdict } from '../verdict.ts';
import type { RowQuery } from './column-mapping.ts';
import { notFound, PRECISION_FILE_POINT, type RowChecker, type RowVerdict } from './row-checker.ts';

/** The datasets the checker needs, loaded by the caller (data-loader in the browser, fs in Node). */
export interface BatchData {
  qpv: QpvCollection;
  roads: RoadCollection;
  communes: CommuneCollection;
  addresses: AddressTable | null;
  /** « QP 2024 » + decree, from data/manifest.json. */
  geographyVersion: string;
}

/**
 * Creates the checker from loaded data.
 *
 * @example
 * const checker = createDomainRowChecker(data);
 * checker.check({ kind: 'point', lon: 3.165, lat: 50.684 }).status; // 'dans' | 'hors' | 'limite'
 */
export function createDomainRowChecker(data: BatchData): RowChecker {
  const index = createQpvIndex(data.qpv);
  function fromPoint(lon: number, lat: number): RowVerdict {
    const verdict = pointVerdict(index, [lon, lat]);
    const distanceM = verdict.distance_m === null ? null : Math.round(verdict.distance_m * 10) / 10;
    const base = { precision: PRECISION_FILE_POINT, label: '', lon, lat, distanceM };
    switch (verdict.status) {
      case 'dans':
        return { ...base, status: 'dans', qpvCode: verdict.qpv?.code ?? '', qpvNom: verdict.qpv?.nom ?? '', motif: '' };
      case 'hors':
        return { ...base, status: 'hors', qpvCode: '', qpvNom: '', motif: '' };
      case 'limite':
        return {
          ...base,
          status: 'limite',
          qpvCode: verdict.qpv?.code ?? '',
          qpvNom: verdict.qpv?.nom ?? '',
          motif: `À ${distanceM ?? '?'} m de la limite du QPV (marge ${Math.round(verdict.band_m)} m) : à confirmer sur sig.ville.gouv.fr.`,
        };
    }
  }
  return {
    geographyVersion: data.geographyVersion,
    check(query: RowQuery): RowVerdict {
      if (query.kind === 'point') return fromPoint(query.lon, query.lat);
      return notFound('Géocodage hors ligne pas encore disponible : placez le point à la main ou ajoutez des coordonnées.');
    },
  };
}
