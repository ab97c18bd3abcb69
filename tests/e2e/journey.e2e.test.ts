/**
 * A resident's and an association's journey with the keyboard only (RGAA 7.3, WCAG 2.1.1): search an address →
 * read the verdict → pick a Saint-Pierre street → open the contract's actions and pick one → go to « Vérifier
 * un fichier », choose a file and get the results. Only Tab, Shift+Tab, Enter, Space, arrows and typing are
 * used; the file chooser is the browser's own dialog (answered by the test, as a user would).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type OpenedPage, openPage, startHarness } from './harness.ts';

let harness: Harness;
let opened: OpenedPage;
let page: Page;

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (fails after `max` presses). */
async function tabTo(
  target: Page,
  selector: string,
  max = 80,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<string> {
  for (let press = 0; press < max; press += 1) {
    await target.keyboard.press(key);
    const text = await target.evaluate(
      (wanted) =>
        document.activeElement?.matches(wanted) ? (document.activeElement.textContent ?? '').trim() : null,
      selector,
    );
    if (text !== null) return text;
  }
  throw new Error(`${selector} jamais atteint au clavier en ${max} tabulations`);
}

beforeAll(async () => {
  harness = await startHarness();
  opened = await openPage(harness, '/');
  page = opened.page;
  // The search answers once the streets and QPV are loaded (its « Vérifier » button is then enabled).
  await page.locator('#recherche-adresse').waitFor();
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>(
      'form:has(#recherche-adresse) button[type="submit"]',
    );
    return button !== null && !button.disabled;
  });
});

afterAll(async () => {
  await opened?.context.close();
  await harness?.close();
});

describe('keyboard-only journey', () => {
  it('searches an address and reads the verdict', async () => {
    await tabTo(page, '#recherche-adresse');
    await page.keyboard.type('rue Chevreul Croix', { delay: 20 });
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const card = page.locator('article.verdict-card');
    await card.waitFor();
    // A street without a number cannot be settled geometrically: never a bare « dans ».
    expect(await card.locator('h3').textContent()).toMatch(/limite|hors|dans/i);
    const live = await page
      .getByRole('status')
      .filter({ hasText: /^Résultat :/ })
      .textContent();
    expect(live).toMatch(/^Résultat : /);
    expect(await card.getByRole('link', { name: /sig\.ville\.gouv\.fr/ }).count()).toBe(1);
  });

  it('selects a Saint-Pierre street from the list', async () => {
    const text = await tabTo(page, 'button.street-item');
    expect(text).toMatch(/^Rue /);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
  });

  it('opens the actions of the contract and selects one', async () => {
    await tabTo(page, 'details.actions-panel > summary');
    const isOpen = () =>
      page.evaluate(() => document.querySelector('details.actions-panel')?.hasAttribute('open'));
    if (!(await isOpen())) await page.keyboard.press('Enter');
    expect(await isOpen()).toBe(true);
    // The register holds only fictitious examples, hidden until the user asks for them.
    await tabTo(page, '.actions-examples-switch input');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    const title = await tabTo(page, 'button.actions-list-item');
    expect(title.length).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    expect(await page.locator('button.actions-list-item[aria-current="true"]').count()).toBe(1);
  });

  it('goes to « Vérifier un fichier », chooses a file and gets the results', async () => {
    // Back up to the site navigation.
    await tabTo(page, 'nav a[href="/verifier-un-fichier"]', 150, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Vérifier un fichier/ }).waitFor();
    // Focus moved to the new page's content: the next Tabs stay in it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

    await tabTo(page, 'input[type="file"]', 20);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({
      name: 'beneficiaires.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Adresse\n12 rue Chevreul 59170 Croix\n2 rue Romain Rolland 59170 Croix\n', 'utf8'),
    });
    const verify = await tabTo(page, 'button.button-primary', 40);
    expect(verify).toBe('Vérifier les 2 lignes');
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('synthese');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/sur 2 dans un QPV/);
    expect(await page.getByTestId('table-resultats').locator('tbody tr').count()).toBe(2);
  });

  it('raised no page error and no request to another site', () => {
    expect(opened.errors).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
  });
});
