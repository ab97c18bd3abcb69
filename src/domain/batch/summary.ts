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
 * Counts verdicts one at a time (the CLI streams rows and keeps no verdict), then gives the summary.
 *
 * @example
 * const counter = new SummaryCounter();
 * counter.add(verdict);
 * counter.result().total; // 1
 */
export class SummaryCounter {
  private readonly counts: Record<RowStatus, number> = { dans: 0, hors: 0, limite: 0, introuvable: 0 };
  private readonly byQpv = new Map<string, { code: string; nom: string; count: number }>();
  private total = 0;

  add(verdict: Pick<RowVerdict, 'status' | 'qpvCode' | 'qpvNom'>): void {
    this.total += 1;
    this.counts[verdict.status] += 1;
    if (verdict.status === 'dans' && verdict.qpvCode) {
      const entry = this.byQpv.get(verdict.qpvCode) ?? {
        code: verdict.qpvCode,
        nom: verdict.qpvNom,
        count: 0,
      };
      entry.count += 1;
      this.byQpv.set(verdict.qpvCode, entry);
    }
  }

  result(): BatchSummary {
    const { total, counts } = this;
    return {
      total,
      counts: { ...counts },
      byQpv: [...this.byQpv.values()]
        .map((entry) => ({ ...entry }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      shareInQpv: total === 0 ? 0 : counts.dans / total,
      shareInQpvUpperBound: total === 0 ? 0 : (counts.dans + counts.limite) / total,
    };
  }
}

/**
 * Summarises verdicts.
 *
 * @example
 * summarise([{ status: 'dans', qpvCode: 'QN05980M', qpvNom: 'Blanc Seau…', ... }]).shareInQpv; // 1
 */
export function summarise(verdicts: Iterable<RowVerdict>): BatchSummary {
  const counter = new SummaryCounter();
  for (const verdict of verdicts) counter.add(verdict);
  return counter.result();
}

export { ROW_STATUSES };
