/**
 * « Mon adresse est-elle en QPV ? » in the built app: type an address and pick a suggestion, place a pin on the map,
 * a keyboard-only run, and a shared link. One browser, one page per scenario; no request leaves localhost.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.ts';
import { type OpenedPage, openPage, screenshotPath, waitForMapIdle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();
const opened = session.opened;

async function open(path = '/'): Promise<OpenedPage> {
  const o = await openPage(session.harness, path);
  opened.push(o);
  return o;
}

async function verdictText(page: Page): Promise<string> {
  const card = page.locator('article.verdict-card');
  await card.waitFor({ timeout: 20_000 });
  return (await card.textContent()) ?? '';
}

describe('address search', () => {
  it('types an address, picks a suggestion, reads the verdict and sees the pin', async () => {
    const { page } = await open();
    await waitForMapIdle(page);
    const input = page.getByRole('combobox', { name: /Adresse/ });
    await input.fill('43 rue paul lafa');
    const option = page.getByRole('option', { name: /43 Rue Paul Lafargue, 59170 Croix/ });
    await option.waitFor();
    await option.dispatchEvent('mousedown');
    const text = await verdictText(page);
    expect(text).toContain('Dans le QPV');
    expect(text).toContain('QN05980M');
    expect(text).toContain('seule la réponse de sig.ville.gouv.fr fait foi');
    await page.locator('.verdict-pin').waitFor();
    expect(page.url()).not.toContain('adresse=');
    // The camera flew to the home (zoom 17): the view written in the URL must stay coarse until « Partager »
    // (issue 15, D13): at most 3 decimals (≈ 100 m) and zoom ≤ 15. Before the fix: carte=17/50.686/3.15366.
    await page.waitForFunction(() => new URLSearchParams(window.location.search).has('carte'), null, {
      timeout: 20_000,
    });
    await page.waitForFunction(() => {
      const map = (window as unknown as { __map?: { isMoving(): boolean } }).__map;
      return map !== undefined && !map.isMoving();
    });
    const carte = new URL(page.url()).searchParams.get('carte') ?? '';
    const [zoom, lat, lon] = carte.split('/');
    expect(Number(zoom), carte).toBeLessThanOrEqual(15);
    expect(lat, carte).toMatch(/^50\.\d{1,3}$/);
    expect(lon, carte).toMatch(/^3\.\d{1,3}$/);
    await page.screenshot({ path: screenshotPath('address-search') });
  });

  it('places a pin by clicking the map in placing mode and reads its verdict', async () => {
    const { page } = await open();
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Placer mon logement sur la carte' }).click();
    expect(await page.evaluate(() => document.querySelector('.maplibregl-canvas') !== null)).toBe(true);
    // Jump to a point deep inside QN05980M (Avenue Jean Lebas, Roubaix) and click the centre of the map.
    const centre = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      map.jumpTo({ center: [3.1652, 50.6949], zoom: 16 });
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(centre.x, centre.y);
    const text = await verdictText(page);
    expect(text).toContain('Dans le QPV');
    expect(text).toContain('point placé');
    // Back to navigation after placing.
    await page.getByRole('button', { name: 'Placer mon logement sur la carte' }).waitFor();
  });

  it('works with the keyboard only: Tab to the box, type, ArrowDown, Enter', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: /Adresse/ }).waitFor();
    // Tab from the top of the page until the search box has focus.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche-adresse');
    await page.waitForFunction(
      () => !(document.querySelector('.address-search-submit') as HTMLButtonElement).disabled,
    );
    await page.keyboard.type('rue de la gare 59170');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const text = await verdictText(page);
    expect(text).toContain('Hors QPV');
    expect(text).toContain('Rue de la Gare, 59170 Croix');
  });

  it('draws the answered street, and only it, on the map', async () => {
    // Rue Paul Lafargue (Croix) is answered at street level; a boundary street (Rue Blanche) shows its two sides
    // instead (tests/e2e/street-side.e2e.test.ts).
    const o = await open('/?adresse=rue%20paul%20lafargue%2059170');
    const card = o.page.locator('article.verdict-card');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toContain('Rue Paul Lafargue, 59170 Croix');
    await waitForMapIdle(o.page, 60_000);
    const drawn = await o.page.waitForFunction(
      () => {
        const map = (window as unknown as { __map?: import('maplibre-gl').Map }).__map;
        const features = map?.getLayer('verdict-rue-trait')
          ? map.queryRenderedFeatures({ layers: ['verdict-rue-trait'] })
          : [];
        return features.length > 0 ? features.map((f) => String(f.properties.nom)) : false;
      },
      null,
      { timeout: 30_000 },
    );
    expect(new Set((await drawn.jsonValue()) as string[])).toEqual(new Set(['Rue Paul Lafargue']));
  }, 180_000);

  it('never requests the road, QPV or commune GeoJSON nor the QPV catalogue: default phone view, then « 12 rue du Tonkin Croix »', async () => {
    // Issue 10: the search reads the compact artifacts (streets.json and the QPV shards; the answered street's
    // commune file to draw it; street-sides.json only for an answer « en limite »). Listening from before the first request (own context, as a phone).
    const context = await session.harness.browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    try {
      await page.goto(`${session.harness.base}/`);
      await waitForMapIdle(page, 60_000);
      const input = page.getByRole('combobox', { name: /Adresse/ });
      await page.waitForFunction(
        () => !(document.querySelector('.address-search-submit') as HTMLButtonElement).disabled,
        null,
        { timeout: 60_000 },
      );
      // Issue 10: the default phone view draws the communes from the vector tiles and leaves data/communes.geojson
      // and data/qpv/catalogue.json (the QPV list, below the map) for later.
      const communes = await page.waitForFunction(
        () => {
          const map = (window as unknown as { __map?: import('maplibre-gl').Map }).__map;
          if (!map?.getLayer('fond-communes-surface')) return false;
          const surfaces = map.queryRenderedFeatures({ layers: ['fond-communes-surface'] });
          return surfaces.length > 0
            ? surfaces.map((f) => `${f.properties.insee} ${f.properties.nom}`)
            : false;
        },
        null,
        { timeout: 30_000 },
      );
      expect((await communes.jsonValue()) as string[]).toContain('59163 Croix');
      const early = urls.map((url) => new URL(url).pathname);
      expect(early.filter((path) => /\/(communes|catalogue)-[\w-]+\.(geo)?json$/.test(path))).toEqual([]);
      expect(early.some((path) => /\/tiles\/qpv\/\d+\/\d+\/\d+\.pbf$/.test(path))).toBe(true);
      await input.fill('12 rue du Tonkin Croix');
      await input.press('Enter');
      const text = await verdictText(page);
      expect(text).toContain('Dans le QPV');
      expect(text).toContain('Rue du Tonkin, 59170 Croix');
      const paths = () => urls.map((url) => new URL(url).pathname);
      expect(paths().filter((path) => /roads|qpv-2024|water/.test(path))).toEqual([]);
      expect(paths().some((path) => /\/streets-[\w-]+\.json$/.test(path))).toBe(true);
      // The side-of-the-street centre-lines wait for an answer « en limite » (rue du Tonkin is « dans »).
      expect(paths().some((path) => /\/street-sides-[\w-]+\.json$/.test(path))).toBe(false);
      // A street far from every boundary (not in street-sides.json) is drawn from its commune's line file,
      // fetched after the answer.
      await input.fill('rue de la gare 59170');
      await input.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('.verdict-card')?.textContent?.includes('Rue de la Gare, 59170 Croix'),
        null,
        { timeout: 30_000 },
      );
      const drawn = await page.waitForFunction(
        () => {
          const map = (window as unknown as { __map?: import('maplibre-gl').Map }).__map;
          const features = map?.getLayer('verdict-rue-trait')
            ? map.queryRenderedFeatures({ layers: ['verdict-rue-trait'] })
            : [];
          return features.length > 0 ? features.map((f) => String(f.properties.nom)) : false;
        },
        null,
        { timeout: 30_000 },
      );
      expect(new Set((await drawn.jsonValue()) as string[])).toEqual(new Set(['Rue de la Gare']));
      expect(paths().some((path) => /\/59163-[\w-]+\.json$/.test(path))).toBe(true);
      expect(paths().filter((path) => /roads|qpv-2024|water/.test(path))).toEqual([]);
      // Nor does the service worker precache them (they are not in the build any more).
      const sw = await (await fetch(`${session.harness.base}/sw.js`)).text();
      expect(sw).toContain('street-sides-');
      expect(sw.match(/\/(roads|qpv-2024|water)-[\w-]+\.geojson/g)).toBeNull();
      // Zoomed out over the metropolis, the commune names come from the tiles' label points, and still no
      // communes.geojson.
      const named = await page.waitForFunction(
        () => {
          const map = (window as unknown as { __map?: import('maplibre-gl').Map }).__map;
          if (!map) return false;
          if (map.getZoom() > 12.5) map.jumpTo({ center: [3.155, 50.68], zoom: 12 });
          const names = map.queryRenderedFeatures({ layers: ['fond-communes-noms'] });
          const all = new Set(names.map((f) => String(f.properties.nom)));
          return all.has('Croix') && all.size >= 3 ? [...all] : false;
        },
        null,
        { timeout: 30_000, polling: 500 },
      );
      // Truth: the names of data/communes.geojson (e.g. Croix, Wasquehal, Mouvaux, Hem at this view).
      const known = new Set(
        (
          JSON.parse(readFileSync('data/communes.geojson', 'utf8')) as {
            features: { properties: { nom: string } }[];
          }
        ).features.map((f) => f.properties.nom),
      );
      for (const nom of (await named.jsonValue()) as string[]) expect(known.has(nom), nom).toBe(true);
      expect(paths().filter((path) => /\/communes-[\w-]+\.geojson$/.test(path))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('answers a shared point far from the covered area once the QPV shard of its département is loaded', async () => {
    // The Vieux-Port of Marseille: the catalogue and the Bouches-du-Rhône shard (013) are fetched on demand.
    const o = await open('/?point=43.2955,5.3745');
    const text = await verdictText(o.page);
    expect(text).not.toContain('pas encore chargés');
    expect(text).toMatch(/QN013\d\dM/);
  });

  it('answers a shared point beside rue Blanche for its side (the street centre-lines are fetched first)', async () => {
    // 6 m north-east and south-west of the axis of rue Blanche (Croix), whose axis is QN05980M's boundary: the
    // north-east side is inside (tests/unit/street-sides-compact.test.ts), the other outside.
    for (const [point, side, status] of [
      ['50.686069,3.153616', 'côté nord-est', 'Dans le QPV'],
      ['50.685971,3.153542', 'côté sud-ouest', 'Hors QPV'],
    ] as const) {
      const o = await open(`/?point=${point}`);
      const text = await verdictText(o.page);
      expect(text).toContain(status);
      expect(text).toContain(`${side} de la rue Blanche`);
    }
  }, 120_000);

  it('runs the search of a shared link', async () => {
    const { page } = await open('/?adresse=rue%20blanche%2059170');
    const text = await verdictText(page);
    expect(text).toContain('En limite — à confirmer');
    expect(text).toContain('Rue Blanche, 59170 Croix');
    // The answer card (over the map) and the search panel pass axe (WCAG 2.1 A/AA) with a verdict shown.
    const violations = await axeViolations(page, {
      context: { include: [['.address-search'], ['.verdict-sheet']] },
      tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      impacts: 'all',
    });
    expect(describeViolations(violations)).toEqual([]);
  });
});
