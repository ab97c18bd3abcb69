/**
 * The contract page's links to the actions: followed inside the app (no reload), `/?objectifs=verdissement`
 * applies its own filter and replaces the filter chosen before (the URL is the truth).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type OpenedPage, openPage, startHarness, waitForMapIdle } from './harness.ts';

interface RegisterFeature {
  properties: { objectif: string };
}
const register = JSON.parse(readFileSync('data/actions.geojson', 'utf8')) as { features: RegisterFeature[] };
const VERDISSEMENT = register.features.filter((f) => f.properties.objectif === 'verdissement').length;

describe('liens du contrat vers les actions', () => {
  let harness: Harness;
  let opened: OpenedPage;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await opened?.context.close();
    await harness?.close();
  });

  it('the « Verdissement » link lists only the greening actions, whatever the earlier filter', {
    timeout: 240_000,
  }, async () => {
    expect(VERDISSEMENT).toBe(3);
    opened = await openPage(harness, '/?objectifs=habitat&exemples=1');
    const { page } = opened;
    await waitForMapIdle(page, 120_000);
    await page.getByRole('navigation').getByRole('link', { name: 'Le Contrat de Ville' }).first().click();
    await page.getByRole('link', { name: /Actions « Verdissement/ }).click();
    await page.waitForFunction(() => window.location.pathname === '/');
    expect(new URL(page.url()).searchParams.get('objectifs')).toBe('verdissement');
    await waitForMapIdle(page, 120_000);
    const panel = page.locator('details.actions-panel');
    if (!(await panel.evaluate((element) => (element as HTMLDetailsElement).open)))
      await page.getByText('Actions du contrat', { exact: true }).click();
    // The register holds only fictitious examples: switch them on to count what the filter keeps.
    const examples = page.getByRole('checkbox', { name: /exemple/i });
    await examples.check();
    const filtersBox = page.locator('details.actions-subsection', {
      has: page.locator('summary', { hasText: /^Filtrer/ }),
    });
    if (!(await filtersBox.evaluate((element) => (element as HTMLDetailsElement).open)))
      await filtersBox.locator('summary').click();
    await expect
      .poll(() => page.locator('ul.actions-list > li').count(), { timeout: 30_000 })
      .toBe(VERDISSEMENT);
    const group = page.getByRole('group', { name: 'Objectif de la ville' });
    expect(await group.getByRole('checkbox', { name: 'Verdissement' }).isChecked()).toBe(true);
    expect(await group.getByRole('checkbox', { name: /habitat/ }).isChecked()).toBe(false);
    expect(opened.errors).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
  });
});
