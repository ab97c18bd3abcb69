/**
 * Offline after the first visit: the service worker written by `vite build` (scripts/vite-precache-plugin.ts)
 * precaches the app shell, the data files and the glyphs; offline, a reload and an in-app route still work and
 * the data come from the cache. A new deployment is announced with « Mettre à jour ».
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_OUT_DIR,
  type Harness,
  type OpenedPage,
  openPage,
  startHarness,
  waitForMapIdle,
} from './harness.ts';

let harness: Harness;
let opened: OpenedPage;
let page: Page;

/** Waits until a service worker is active and controls the page (first visit: `clients.claim()`). */
async function waitForControl(target: Page): Promise<void> {
  // Bounded wait (`serviceWorker.ready` alone never settles when the registration fails).
  await target.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 30_000,
  });
}

beforeAll(async () => {
  harness = await startHarness();
  opened = await openPage(harness, '/contrat-de-ville', { serviceWorkers: 'allow' });
  page = opened.page;
  await waitForControl(page);
});

afterAll(async () => {
  await opened?.context.close();
  await harness?.close();
});

describe('service worker', () => {
  it('precaches the app shell, the data files and the glyphs on the first visit', async () => {
    const cached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('perimetre-'));
      const urls: string[] = [];
      for (const name of names) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return { names, urls };
    });
    expect(cached.names).toHaveLength(1);
    expect(cached.urls).toContain('/index.html');
    // The compact artifacts the search reads (issue 10), not the source GeoJSON (no longer in the build).
    for (const name of ['streets', 'street-sides', 'catalogue', '059', '062', '59163'])
      expect(
        cached.urls.some((url) => new RegExp(`^/assets/${name}-[\\w-]+\\.json$`).test(url)),
        name,
      ).toBe(true);
    expect(cached.urls.filter((url) => /\/(roads|qpv-2024|water)-[\w-]+\.geojson$/.test(url))).toEqual([]);
    expect(cached.urls.some((url) => /^\/assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
    expect(cached.urls).toContain('/fonts/Noto%20Sans%20Medium/0-255.pbf');
    // The basemap's vector tiles (public/tiles/basemap/, every zoom) are precached as plain files.
    expect(
      cached.urls.filter((url) => /^\/tiles\/basemap\/1[0-4]\/\d+\/\d+\.pbf$/.test(url)).length,
    ).toBeGreaterThan(100);
    expect(cached.urls.some((url) => url.startsWith('/.vite/'))).toBe(false);
    // The QPV tiles of the covered area (Croix at z14), not the ≈ 6 000 of all France (fetched on demand).
    const qpvTiles = cached.urls.filter((url) => url.startsWith('/tiles/qpv/'));
    expect(qpvTiles).toContain('/tiles/qpv/14/8335/5507.pbf');
    expect(qpvTiles.length).toBeGreaterThan(100);
    expect(qpvTiles.length).toBeLessThan(1500);
  });

  it('reloads offline: the page renders and the data are served from the cache', async () => {
    await opened.context.setOffline(true);
    try {
      const fromWorker: string[] = [];
      page.on('response', (response) => {
        if (response.fromServiceWorker()) fromWorker.push(new URL(response.url()).pathname);
      });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /Contrat de Ville et des Solidarités/ }).waitFor();
      // The enjeux come from data/objectives.json through the data loader.
      await page.getByRole('heading', { name: /six enjeux/ }).waitFor();
      expect(await page.locator('.axis-list li').count()).toBe(12);

      // The QPV shard of the Nord: fetched offline, whole and valid (QN05980M among its outlines).
      const shard = await page.evaluate(async () => {
        const cache = await caches.open(
          (await caches.keys()).find((name) => name.startsWith('perimetre-')) ?? '',
        );
        const request = (await cache.keys()).find((entry) => /\/assets\/059-[\w-]+\.json$/.test(entry.url));
        if (!request) return null;
        const response = await fetch(request.url);
        const body = (await response.json()) as { id: string; qpv: { properties: { code: string } }[] };
        return {
          ok: response.ok,
          id: body.id,
          focus: body.qpv.some((q) => q.properties.code === 'QN05980M'),
        };
      });
      expect(shard).toEqual({ ok: true, id: '059', focus: true });

      // Another route of the single-page app, never visited: the navigation falls back to the cached shell.
      await page.goto(`${harness.base}/sources`);
      await page.getByRole('heading', { level: 1, name: 'Sources et mentions' }).waitFor();

      // The map page: MapLibre, its worker, the street index, the QPV shards and tiles and the glyphs all come
      // from the cache; a search answers offline.
      await page.goto(`${harness.base}/`);
      await waitForMapIdle(page, 60_000);
      expect(fromWorker.some((path) => /^\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true);
      const input = page.getByRole('combobox', { name: /Adresse/ });
      await page.waitForFunction(
        () => !(document.querySelector('.address-search-submit') as HTMLButtonElement).disabled,
        null,
        { timeout: 60_000 },
      );
      await input.fill('12 rue du Tonkin Croix');
      await input.press('Enter');
      await page.locator('article.verdict-card', { hasText: 'Dans le QPV' }).waitFor({ timeout: 30_000 });
      // A boundary street: its two sides, from the side-of-the-street centre-lines (data/street-sides.json).
      await input.fill('rue blanche croix');
      await input.press('Enter');
      await page.getByRole('button', { name: /Côté nord-est/ }).waitFor({ timeout: 30_000 });
      for (const name of ['streets', 'street-sides', '059'])
        expect(
          fromWorker.some((path) => new RegExp(`^/assets/${name}-[\\w-]+\\.json$`).test(path)),
          name,
        ).toBe(true);
      const qpvDrawn = await page.evaluate(
        () =>
          (window as unknown as { __map: import('maplibre-gl').Map }).__map.queryRenderedFeatures({
            layers: ['qpv-surface'],
          }).length,
      );
      expect(qpvDrawn).toBeGreaterThan(0);
    } finally {
      await opened.context.setOffline(false);
    }
    expect(opened.errors).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
  });

  it('announces a new deployment and switches to it on « Mettre à jour »', async () => {
    const swPath = `${E2E_OUT_DIR}/sw.js`;
    const original = readFileSync(swPath, 'utf8');
    try {
      // A new tab of the same browser (same worker and caches): the map tab of the previous test is closed first.
      const previous = page;
      page = await opened.context.newPage();
      await previous.close();
      await page.goto(`${harness.base}/contrat-de-ville`);
      await waitForControl(page);
      await page.evaluate(() => {
        (window as unknown as { __avantMiseAJour?: boolean }).__avantMiseAJour = true;
      });
      // A new deployment: any byte change of sw.js (the plugin changes it whenever a file changes).
      writeFileSync(swPath, `${original}\n// nouvelle version de test\n`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
      });
      const prompt = page.getByRole('status').filter({ hasText: 'Une nouvelle version est disponible' });
      await prompt.waitFor({ timeout: 30_000 });
      // The new worker activates, then the page reloads from the cache (the map page visited before parsed the
      // road and QPV files; on a busy machine this takes more than the default 30 s).
      const reloaded = page.waitForEvent('load', { timeout: 120_000 });
      await prompt.getByRole('button', { name: 'Mettre à jour' }).click();
      await reloaded;
      await page.getByRole('heading', { level: 1, name: /Contrat de Ville/ }).waitFor();
      const after = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return {
          waiting: registration.waiting !== null,
          controlled: navigator.serviceWorker.controller !== null,
          // The page was reloaded (the flag set before the update is gone).
          samePage: (window as unknown as { __avantMiseAJour?: boolean }).__avantMiseAJour === true,
        };
      });
      expect(after).toEqual({ waiting: false, controlled: true, samePage: false });
      expect(await page.getByText('Une nouvelle version est disponible').count()).toBe(0);
    } finally {
      writeFileSync(swPath, original);
    }
    expect(opened.errors).toEqual([]);
  });
});
