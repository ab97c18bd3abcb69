/**
 * The order a phone loads the map page in (issue 10): index.html asks for the search's data with the JavaScript
 * (each file downloaded once), the map chunk (MapLibre) comes once the search can answer, and a question asked
 * while the page loads is answered before the map chunk is even requested — then the map comes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, waitForMapIdle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();
const PHONE = { viewport: { width: 390, height: 844 } };

/** Start time (ms from navigation) of each request of the page whose path matches, in order. */
function requestTimes(page: Page, pattern: string): Promise<number[]> {
  return page.evaluate(
    (source) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new RegExp(source).test(new URL(entry.name).pathname))
        .map((entry) => entry.startTime),
    pattern,
  );
}

const markTime = (page: Page, name: string) =>
  page.evaluate((mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? null, name);

describe('load order on a phone', () => {
  it('preloads the search data once from index.html, then requests the map chunk after the search is ready', async () => {
    const opened = await openPage(session.harness, '/', PHONE);
    session.opened.push(opened);
    const { page } = opened;
    const html = await (await fetch(`${session.harness.base}/`)).text();
    for (const file of ['streets', '059', '062'])
      expect(html).toMatch(
        new RegExp(
          `<link rel="preload" as="fetch" crossorigin="anonymous" href="/assets/${file}-[\\w-]+\\.json">`,
        ),
      );
    await waitForMapIdle(page, 60_000);
    // One download each: the preload matches the loader's fetch (a mismatch would fetch the file twice).
    expect(await requestTimes(page, '^/assets/streets-[\\w-]+\\.json$')).toHaveLength(1);
    expect(await requestTimes(page, '^/assets/059-[\\w-]+\\.json$')).toHaveLength(1);
    const ready = await markTime(page, 'perimetre:recherche-prete');
    const [mapChunk] = await requestTimes(page, '^/assets/map-view-[\\w-]+\\.js$');
    expect(ready).not.toBeNull();
    expect(mapChunk).toBeGreaterThan(ready ?? Number.POSITIVE_INFINITY);
    expect(await page.locator('.map-loading').count()).toBe(0);
    // Nothing to draw, nothing to parse: no source for the hidden example actions nor for the 300 m band.
    const sources = await page.evaluate(() => Object.keys(window.__map?.getStyle().sources ?? {}).sort());
    expect(sources).toEqual(['fond-tuiles', 'qpv', 'rues-saint-pierre']);
  }, 120_000);

  it('answers a question asked while the page loads before requesting the map, then shows the map', async () => {
    // Own context: the street index is held back until the question is typed, so it is asked while loading.
    const context = await session.harness.browser.newContext({
      serviceWorkers: 'block',
      ...PHONE,
      locale: 'fr-FR',
      reducedMotion: 'reduce',
    });
    let typed: () => void = () => undefined;
    const questionTyped = new Promise<void>((done) => {
      typed = done;
    });
    await context.route(/\/assets\/streets-[\w-]+\.json$/, async (route) => {
      await questionTyped;
      await route.continue();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __answerAt?: number };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.verdict-card')) return;
        observer.disconnect();
        w.__answerAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    try {
      await page.goto(`${session.harness.base}/`);
      const input = page.getByRole('combobox', { name: /Adresse/ });
      await input.fill('12 rue du Tonkin Croix');
      typed();
      await page.locator('.address-search-submit:not(:disabled)').click({ timeout: 60_000 });
      const answerAt = (await (
        await page.waitForFunction(
          () => (window as unknown as { __answerAt?: number }).__answerAt ?? false,
          null,
          {
            timeout: 30_000,
          },
        )
      ).jsonValue()) as number;
      expect(await page.locator('article.verdict-card').textContent()).toContain('Dans le QPV');
      await waitForMapIdle(page, 60_000);
      const [mapChunk] = await requestTimes(page, '^/assets/map-view-[\\w-]+\\.js$');
      expect(mapChunk).toBeGreaterThan(answerAt);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
