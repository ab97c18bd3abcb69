/** One figure printed by `npm run bench`: value with unit, optional same-run baseline and budget. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** A baseline measured in the same run (e.g. a naive loop), to print a ratio. */
  baseline?: { name: string; value: number };
  /** Budget from the repo: the run fails when `value` is above `max` or below `min`. */
  budget?: { max?: number; min?: number };
  note?: string;
}
