// Runs scripts/check-addresses.ts in-process for the CLI tests: the verdict data are read from disk once per test
// file (`beforeAll`) and given to every run; stderr lines are collected.
import { beforeAll } from 'vitest';
import { loadBatchDataFromDisk, main } from '../../scripts/check-addresses.ts';
import type { BatchData } from '../../src/domain/batch/domain-row-checker.ts';

export interface CliRun {
  status: number;
  /** The lines written to stderr. */
  lines: string[];
  /** The same, joined with newlines. */
  text: string;
}

/** Registers the file's `beforeAll` that loads the data; returns the runner (`run('in.csv', '-o', 'out.csv')`). */
export function inProcessCli(): (...argv: string[]) => Promise<CliRun> {
  let data: BatchData;
  beforeAll(() => {
    data = loadBatchDataFromDisk();
  }, 60_000);
  return async (...argv) => {
    const lines: string[] = [];
    const status = await main(
      argv,
      (line) => lines.push(line),
      () => data,
    );
    return { status, lines, text: lines.join('\n') };
  };
}
