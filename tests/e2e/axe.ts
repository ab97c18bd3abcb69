/**
 * axe-core in a page, the one helper of the e2e tests: by default WCAG 2.0/2.1 A and AA plus best practices, on the
 * whole document, and only the serious and critical violations count (`axeViolations` takes another context, tags
 * or impacts). The violations come back structured (rule, impact, help, and per element its selector and axe's
 * failure summary); `describeViolations` and `seriousViolations` give one readable line each.
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

/** Which part of the page, which rules and which impacts count; by default the values described above. */
export interface AxeRun {
  /** An axe context (a CSS selector, or `{ include: [[selector], …] }`); the whole document by default. */
  context?: string | { include: string[][] };
  /** axe rule tags; WCAG 2.0/2.1 A and AA plus `best-practice` by default. */
  tags?: string[];
  /** The impacts reported; `'all'` keeps every violation. Serious and critical by default. */
  impacts?: string[] | 'all';
}

const DEFAULT_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SERIOUS = ['serious', 'critical'];

/** The violations axe finds in the page as it is now (see `AxeRun` for what is checked). */
export async function axeViolations(page: Page, run: AxeRun = {}): Promise<AxeViolation[]> {
  const { context = null, tags = DEFAULT_TAGS, impacts = SERIOUS } = run;
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(
    async ({ context, tags }) => {
      const axe = (
        window as unknown as { axe: { run: (context: unknown, options: object) => Promise<unknown> } }
      ).axe;
      const result = (await axe.run(context ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })) as { violations: AxeViolation[] };
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
      }));
    },
    { context, tags },
  );
  return impacts === 'all'
    ? violations
    : violations.filter((violation) => violation.impact !== null && impacts.includes(violation.impact));
}

/** Every serious or critical violation in the whole page, WCAG 2.0/2.1 A and AA plus best practices. */
export function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return axeViolations(page);
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
