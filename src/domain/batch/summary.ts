// Counts for the funders' summary: how many rows in each state, the share in QPV, and the split by QPV.
// Aggregated figures only (domain.md §7: exports aggregated by default).

import { ROW_STATUSES, type RowStatus, type RowVerdict } from './row-checker.ts';

export interface BatchSummary {
  total: number;
  counts: Record<RowStatus, number>;
  /** Rows in each QPV (status `dans`), sorted by code. */
  byQpv: { code: string; nom: string; count: number }[];
  /** `dans / total`, 0 when total is 0. */
  shareInQpv: number;
  /** `(dans + limite) / total`: the upper bound while the « limite » rows are not confirmed. */
  shareInQpvUpperBound: number;
}

/**
 * Summarises verdicts.
 *
 * @example
 * summarise([{ status: 'dans', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau…', ... }]).shareInQpv; // 1
 */
export function summarise(verdicts: Iterable<RowVerdict>): BatchSummary {
  const counts: Record<RowStatus, number> = { dans: 0, hors: 0, limite: 0, introuvable: 0 };
  const byQpv = new Map<string, { code: string; nom: string; count: number }>();
  let total = 0;
  for (const verdict of verdicts) {
    total += 1;
    counts[verdict.status] += 1;
    if (verdict.status === 'dans' && verdict.qpvCode) {
      const entry = byQpv.get(verdict.qpvCode) ?? { code: verdict.qpvCode, nom: verdict.qpvNom, count: 0 };
      entry.count += 1;
      byQpv.set(verdict.qpvCode, entry);
    }
  }
  return {
    total,
    counts,
    byQpv: [...byQpv.values()].sort((a, b) => a.code.localeCompare(b.code)),
    shareInQpv: total === 0 ? 0 : counts.dans / total,
    shareInQpvUpperBound: total === 0 ? 0 : (counts.dans + counts.limite) / total,
  };
}

/**
 * « 42,5 % » (French decimal comma, one decimal).
 *
 * @example
 * formatShare(0.425); // '42,5 %' (with a narrow no-break space)
 */
export function formatShare(share: number): string {
  return `${(share * 100).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

export { ROW_STATUSES };
