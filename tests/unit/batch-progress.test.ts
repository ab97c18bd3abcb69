// The progress bar moves from the first rows (issue 13, item 5): the loop reports after at most PROGRESS_ROWS rows
// or PROGRESS_MS, whatever the rows cost. A fake clock: each row costs what the test says.
import { describe, expect, it } from 'vitest';
import { checkRows, PROGRESS_MS, PROGRESS_ROWS } from '../../src/domain/batch/check-rows.ts';
import { notFound, type RowChecker } from '../../src/domain/batch/row-checker.ts';

function slowChecker(clock: { t: number }, msPerRow: number): RowChecker {
  return {
    geographyVersion: 'test',
    check: () => {
      clock.t += msPerRow;
      return { ...notFound(''), status: 'hors' };
    },
  };
}

describe('progression de la vérification', () => {
  it('des lignes lentes (30 ms) : un premier progrès après quelques lignes, puis au moins toutes les 100 ms', async () => {
    const clock = { t: 0 };
    const rows = Array.from({ length: 200 }, (_, index) => [`${index} Rue Blanche`]);
    const reports: { done: number; at: number }[] = [];
    const verdicts = await checkRows(rows, { adresse: 0 }, slowChecker(clock, 30), {
      now: () => clock.t,
      onProgress: ({ done }) => reports.push({ done, at: clock.t }),
    });
    expect(verdicts).toHaveLength(200);
    expect(reports[0]?.done).toBe(Math.ceil(PROGRESS_MS / 30));
    expect(reports.at(-1)?.done).toBe(200);
    for (let index = 1; index < reports.length; index += 1) {
      expect(reports[index]!.at - reports[index - 1]!.at).toBeLessThanOrEqual(PROGRESS_MS + 30);
      expect(reports[index]!.done).toBeGreaterThan(reports[index - 1]!.done);
    }
  });

  it('des lignes rapides : un progrès toutes les 500 lignes au plus', async () => {
    const clock = { t: 0 };
    const rows = Array.from({ length: 1_200 }, (_, index) => [`${index} Rue Blanche`]);
    const done: number[] = [];
    await checkRows(rows, { adresse: 0 }, slowChecker(clock, 0.01), {
      now: () => clock.t,
      onProgress: (progress) => done.push(progress.done),
    });
    expect(PROGRESS_ROWS).toBe(500);
    expect(done).toEqual([500, 1_000, 1_200]);
  });
});
