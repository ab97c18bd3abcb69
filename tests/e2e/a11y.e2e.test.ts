/**
 * Accessibility checks of every page (RGAA 4.1 ≈ WCAG 2.1 AA), on a desktop screen and at 320 px wide:
 * axe-core finds no serious or critical violation, nothing scrolls sideways at 320 px (reflow, WCAG 1.4.10),
 * the skip link is the first focusable element and moves focus to the main content, and focus is visible.
 * These are the automatic tests the accessibility statement (/accessibilite) describes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousAxeViolations } from './axe.ts';
import { type Harness, type OpenedPage, openPage, startHarness, waitForMapIdle } from './harness.ts';

const PAGES = [
  '/',
  '/?amenagement=1',
  '/verifier-un-fichier',
  '/contrat-de-ville',
  '/sources',
  '/accessibilite',
];

let harness: Harness;
let desktop: OpenedPage;
let mobile: OpenedPage;

/** Goes to a page and waits until its lazy content replaced the « Chargement… » fallback. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${harness.base}${path}`);
  await page.locator('main#contenu').waitFor();
  await page.waitForFunction(() => !document.querySelector('main#contenu > .loading'), null, {
    timeout: 60_000,
  });
  await page
    .locator('main#contenu h1, main#contenu h2, main#contenu input, main#contenu button')
    .first()
    .waitFor();
  // The map page is checked with its map drawn (MapLibre adds its controls and canvas then).
  if (path.startsWith('/?') || path === '/') await waitForMapIdle(page, 120_000);
  // The planner view (permalink amenagement=1) is checked once its lazy content and data are in.
  if (path.includes('amenagement=1'))
    await page.getByTestId('planning-indicateurs').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  harness = await startHarness();
  desktop = await openPage(harness, '/');
  mobile = await openPage(harness, '/', { viewport: { width: 320, height: 640 } });
});

afterAll(async () => {
  await desktop?.context.close();
  await mobile?.context.close();
  await harness?.close();
});

describe('axe-core: no serious or critical violation; reflow at 320 px', () => {
  it.each(PAGES)('on %s (1280 px)', { timeout: 240_000 }, async (path) => {
    await visit(desktop.page, path);
    expect(describeViolations(await seriousAxeViolations(desktop.page), path)).toEqual([]);
  });

  // One visit per page at 320 px for both checks (the map page takes a few seconds to draw).
  it.each(PAGES)(
    'on %s (320 px), which also reflows without sideways scrolling',
    { timeout: 240_000 },
    async (path) => {
      await visit(mobile.page, path);
      expect.soft(describeViolations(await seriousAxeViolations(mobile.page), path)).toEqual([]);
      const widths = await mobile.page.evaluate(() => {
        // Report the elements that stick out, to make a failure actionable.
        const wide = [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((element) => element.getBoundingClientRect().right > 321)
          .slice(0, 5)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`,
          );
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });
      expect.soft(widths.scrollWidth, `${path} : ${widths.wide.join(', ')}`).toBeLessThanOrEqual(320);
    },
  );
});

describe('keyboard', () => {
  it('the skip link is the first focusable element and moves focus to the main content', async () => {
    const { page } = desktop;
    await visit(page, '/sources');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
      visible: (() => {
        const box = document.activeElement?.getBoundingClientRect();
        return !!box && box.bottom > 0 && box.top < window.innerHeight;
      })(),
    }));
    expect(first).toEqual({ text: 'Aller au contenu', href: '#contenu', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    // The next Tab goes on inside the main content, not back to the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main#contenu'))).toBe(true);
  });

  it('shows a visible focus indicator on links', async () => {
    const { page } = desktop;
    await visit(page, '/contrat-de-ville');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // first navigation link
    const outlines = [];
    for (let step = 0; step < 3; step += 1) {
      outlines.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          return {
            tag: element.tagName,
            outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
          };
        }),
      );
      await page.keyboard.press('Tab');
    }
    expect(outlines).toEqual(Array(3).fill({ tag: 'A', outline: true }));
  });

  it('raised no page error and no request to another site', () => {
    expect(desktop.errors).toEqual([]);
    expect(mobile.errors).toEqual([]);
    expect(desktop.externalRequests).toEqual([]);
    expect(mobile.externalRequests).toEqual([]);
  });
});
