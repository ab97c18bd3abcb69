/**
 * The side of the street on rue Blanche (Croix), whose axis is the QN05980M boundary: the street answer asks
 * « De quel côté de la rue est votre logement ? », the map draws both sides, one choice answers « Dans le QPV » and
 * the other « Hors QPV » — at 390×844 and 1280×800. Screenshots in test-results/screenshots/street-side-*.png.
 */
import { describe, expect, it, vi } from 'vitest';

// The map and the data take long to load on a busy 2-core machine: generous limits (no timing is asserted).
vi.setConfig({ testTimeout: 300_000 });

import { openPage, screenshotPath } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();
const opened = session.opened;

for (const size of [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const) {
  describe(`side of the street (${size.name})`, () => {
    it('rue Blanche: one side « Dans », the other « Hors »', async () => {
      const o = await openPage(session.harness, '/?adresse=rue%20blanche%2059170', {
        viewport: size.viewport,
      });
      opened.push(o);
      const { page } = o;
      const title = page.locator('.verdict-title');
      await title.waitFor({ timeout: 90_000 });
      expect(await title.textContent()).toContain('En limite');
      const group = page.getByRole('group', { name: 'De quel côté de la rue est votre logement ?' });
      await group.waitFor();
      const buttons = group.getByRole('button');
      expect(await buttons.count()).toBe(2);
      const answers: string[] = [];
      for (let i = 0; i < 2; i++) {
        await buttons.nth(i).click();
        await page.waitForFunction(
          (pressed) =>
            document.querySelectorAll('.street-side-buttons button[aria-pressed="true"]').length === 1 &&
            document
              .querySelectorAll('.street-side-buttons button')
              [pressed]?.getAttribute('aria-pressed') === 'true',
          i,
        );
        answers.push((await title.textContent()) ?? '');
        const box = await title.boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(size.viewport.height);
        if (i === 0) await page.screenshot({ path: screenshotPath(`street-side-${size.name}`) });
      }
      expect(
        answers.map((a) => (a.includes('Dans le QPV') ? 'dans' : a.includes('Hors QPV') ? 'hors' : a)).sort(),
      ).toEqual(['dans', 'hors']);
      // The reason says why a side can be answered: the outline follows the axis and is precise.
      expect(await page.locator('.verdict-motif').textContent()).toMatch(/limite suit l’axe de la rue/);
    });
  });
}
