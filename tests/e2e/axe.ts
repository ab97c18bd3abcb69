/**
 * axe-core in a page, shared by the e2e tests: WCAG 2.0/2.1 A and AA plus best practices, on the whole document;
 * only the serious and critical violations count. `seriousAxeViolations` returns them structured (rule, impact,
 * help, and per element its selector and axe's failure summary); `seriousViolations` one readable line each.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Every serious or critical violation in the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One readable line per failing element: `[prefix : ]rule (impact) — help — selector`. */
export function describeViolations(violations: AxeViolation[], prefix?: string): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${prefix ? `${prefix} : ` : ''}${violation.id} (${violation.impact}) — ${violation.help} — ${node.target.join(' ')}`,
    ),
  );
}

/** `rule (impact) — help — selector` for every serious or critical violation in the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return describeViolations(await seriousAxeViolations(page));
}
