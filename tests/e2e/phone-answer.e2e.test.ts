/**
 * The answer in view, on a 390×844 phone and a 1280×800 desktop: after picking a suggestion, after opening a shared
 * link and after placing a pin, the verdict card is inside the viewport together with the map; the page does not
 * stack nested scroll boxes; the placing bar offers « Annuler » over the map. Screenshots in
 * test-results/screenshots/answer-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';

// The map and the data take long to load on a busy 2-core machine: generous limits (no timing is asserted).
vi.setConfig({ testTimeout: 300_000 });

import { openPage, screenshotPath, waitForMapIdle } from './harness.ts';
import { browserSession } from './session.ts';

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const;

const session = browserSession();
const opened = session.opened;

/** The card's title and reason are on screen (top and first lines inside the viewport), and so is the map. */
async function expectAnswerInView(page: Page): Promise<void> {
  const card = page.locator('article.verdict-card');
  await card.waitFor({ timeout: 90_000 });
  // Let the scroll and the camera settle (reduced motion: instant).
  await page.waitForTimeout(300);
  const geometry = await page.evaluate(() => {
    const title = document.querySelector('.verdict-title')!.getBoundingClientRect();
    const reason = document.querySelector('.verdict-motif')!.getBoundingClientRect();
    const map = document.querySelector('.map-area')!.getBoundingClientRect();
    return { title, reason, map, height: window.innerHeight, width: window.innerWidth };
  });
  expect(geometry.title.top).toBeGreaterThanOrEqual(0);
  expect(geometry.reason.bottom).toBeLessThanOrEqual(geometry.height);
  expect(geometry.title.left).toBeGreaterThanOrEqual(0);
  expect(geometry.title.right).toBeLessThanOrEqual(geometry.width);
  // The map is visible around the answer: at least 60 % of the viewport height is map.
  const mapVisible = Math.min(geometry.map.bottom, geometry.height) - Math.max(geometry.map.top, 0);
  expect(mapVisible).toBeGreaterThan(geometry.height * 0.6);
}

for (const size of SIZES) {
  describe(`answer in view (${size.name} ${size.viewport.width}×${size.viewport.height})`, () => {
    const open = async (path = '/') => {
      const o = await openPage(session.harness, path, { viewport: size.viewport });
      opened.push(o);
      return o;
    };

    it('after picking a suggestion', async () => {
      const { page } = await open();
      await waitForMapIdle(page, 120_000);
      const input = page.getByRole('combobox', { name: /Adresse/ });
      await input.fill('43 rue paul lafa');
      const option = page.getByRole('option', { name: /43 Rue Paul Lafargue, 59170 Croix/ });
      await option.waitFor();
      await option.dispatchEvent('mousedown');
      await expectAnswerInView(page);
      expect(await page.locator('.verdict-title').textContent()).toContain('Dans le QPV');
      // The first lines speak plain French: no tolerance band before « Pourquoi ? ».
      const firstLines = await page.locator('.verdict-motif').textContent();
      expect(firstLines).not.toMatch(/marge|précision du tracé/);
      await page.screenshot({ path: screenshotPath(`answer-pick-${size.name}`) });
    });

    it('after opening a shared link', async () => {
      const { page } = await open('/?adresse=43%20rue%20paul%20lafargue%20croix');
      await expectAnswerInView(page);
      await page.screenshot({ path: screenshotPath(`answer-link-${size.name}`) });
    });

    it('after placing a pin, with « Annuler » over the map while placing', async () => {
      const { page } = await open();
      await waitForMapIdle(page, 120_000);
      await page.getByRole('button', { name: 'Placer mon logement sur la carte' }).click();
      const bar = page.locator('.map-mode-bar');
      await bar.waitFor();
      const barBox = await bar.boundingBox();
      expect(barBox!.y).toBeGreaterThanOrEqual(0);
      expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(size.viewport.height);
      await expect(bar.getByRole('button', { name: 'Annuler' }).isVisible()).resolves.toBe(true);
      const centre = await page.evaluate(() => {
        const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        map.jumpTo({ center: [3.1652, 50.6949], zoom: 16 });
        const rect = map.getCanvas().getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await page.mouse.click(centre.x, centre.y);
      await expectAnswerInView(page);
      expect(await page.locator('.verdict-title').textContent()).toContain('Dans le QPV');
      await page.screenshot({ path: screenshotPath(`answer-pin-${size.name}`) });
    });
  });

  describe(`drawing an action (${size.name})`, () => {
    it('brings the map into view and finishes a line with « Terminer »', async () => {
      const o = await openPage(session.harness, '/', { viewport: size.viewport });
      opened.push(o);
      const { page } = o;
      await waitForMapIdle(page, 120_000);
      // The actions panel is a disclosure (closed by default).
      const panelOpen = await page
        .locator('details.actions-panel')
        .evaluate((element) => (element as HTMLDetailsElement).open);
      if (!panelOpen) await page.getByText('Actions du contrat', { exact: true }).click();
      await page.getByRole('button', { name: 'Une ligne (rue)' }).click();
      const bar = page.locator('.map-mode-bar');
      await bar.waitFor({ timeout: 90_000 });
      await page.waitForFunction(() =>
        window.__map!.getStyle().layers.some((l) => l.id.startsWith('actions-dessin')),
      );
      const barBox = (await bar.boundingBox())!;
      expect(barBox.y).toBeGreaterThanOrEqual(0);
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(size.viewport.height);
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      // Both points on screen, below the bar.
      for (const [fx, fy] of [
        [0.4, 0.6],
        [0.6, 0.65],
      ] as const) {
        const x = canvas.x + canvas.width * fx;
        const y = canvas.y + canvas.height * fy;
        expect(y).toBeLessThan(size.viewport.height);
        await page.mouse.move(x, y);
        await page.mouse.click(x, y);
        await page.waitForTimeout(100);
      }
      await bar.getByRole('button', { name: 'Terminer' }).click();
      await page.getByText('Géométrie : une ligne dessinée sur la carte.').waitFor({ timeout: 10_000 });
    });
  });
}
