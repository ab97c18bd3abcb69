/**
 * What the search answers in plain French, in the built app at 390×844 and 1280×800: a number range is found, a
 * street missing from a partly covered commune gets the partial-coverage message (not « vérifiez l'orthographe »)
 * and the pin offer, Hellemmes is named for a Lille street, a street in two communes asks « which one? », and the
 * device position shows its accuracy circle with the nearest QPV boundary in view.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, nearestPointOnLine, point, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';

// The map and the data take long to load on a busy 2-core machine: generous limits (no timing is asserted).
vi.setConfig({ testTimeout: 300_000 });

import { openPage, waitForMapIdle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();
const opened = session.opened;

async function ask(page: Page, query: string): Promise<string> {
  const input = page.getByRole('combobox', { name: /Adresse/ });
  await page.waitForFunction(
    () => !(document.querySelector('.address-search-submit') as HTMLButtonElement).disabled,
  );
  const before = await page.evaluate(() => document.querySelector('.verdict-card')?.textContent ?? '');
  await input.fill(query);
  // Enter without an active suggestion submits the text (the open list would cover « Vérifier »).
  await input.press('Enter');
  await page.waitForFunction(
    (previous) => {
      const text = document.querySelector('.verdict-card')?.textContent;
      return typeof text === 'string' && text !== previous;
    },
    before,
    { timeout: 90_000 },
  );
  return (await page.locator('article.verdict-card').textContent()) ?? '';
}

for (const size of [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const) {
  describe(`answers in plain French (${size.name})`, () => {
    it('range, partial coverage, Hellemmes, two communes', async () => {
      const o = await openPage(session.harness, '/', { viewport: size.viewport });
      opened.push(o);
      const { page } = o;

      const range = await ask(page, '3-5 rue Paul Lafargue Croix');
      expect(range).toContain('Dans le QPV');
      expect(range).toContain('3 Rue Paul Lafargue, 59170 Croix');

      const arras = await ask(page, '25 rue d’Arras Lille');
      expect(arras).toContain('Seule la partie est de Lille, dont Hellemmes,');
      expect(arras).not.toMatch(/orthographe/);
      await page
        .locator('.verdict-card')
        .getByRole('button', { name: 'Placer mon logement sur la carte' })
        .waitFor();

      const republique = await ask(page, '1 place de la République Lille');
      expect(republique).toContain('Hellemmes');
      expect(republique).toContain('En limite');

      const blanche = await ask(page, 'rue blanche');
      expect(await page.locator('.verdict-title').textContent()).toContain('Précisez l’adresse');
      expect(blanche).toContain('Rue Blanche, 59170 Croix');
    });
  });
}

describe('device position (phone)', () => {
  it('draws the accuracy circle and brings the nearest QPV boundary into view', async () => {
    // A point inside QN05980M and its distance to the boundary, by Turf (independent of the app's own geometry).
    const qpv = JSON.parse(readFileSync('data/qpv-2024.geojson', 'utf8')) as {
      features: Feature<MultiPolygon, { code: string }>[];
    };
    const outline = qpv.features.find((f) => f.properties.code === 'QN05980M')!;
    const here = point([3.1652, 50.6949]);
    expect(booleanPointInPolygon(here, outline)).toBe(true);
    const lines = polygonToLine(outline) as Feature<LineString | MultiLineString>;
    const nearest = nearestPointOnLine(lines as Feature<MultiLineString>, here, { units: 'meters' });
    expect(nearest.properties.dist).toBeGreaterThan(100);
    const o = await openPage(session.harness, '/', { viewport: { width: 390, height: 844 } });
    opened.push(o);
    const { page, context } = o;
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: 3.1652, latitude: 50.6949, accuracy: 25 });
    await waitForMapIdle(page, 120_000);
    await page.getByRole('button', { name: 'Utiliser ma position' }).click();
    const card = page.locator('article.verdict-card');
    await card.waitFor({ timeout: 90_000 });
    expect(await card.textContent()).not.toContain('point placé sur la carte');
    expect(await card.textContent()).toContain('position de votre appareil, à ± 25 m près');
    await page.waitForTimeout(500);
    const view = await page.evaluate((target) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      return {
        circle: map.getLayer('verdict-precision-bord') !== undefined,
        boundaryInView: map.getBounds().contains(target as [number, number]),
        hereInView: map.getBounds().contains([3.1652, 50.6949]),
      };
    }, nearest.geometry.coordinates);
    expect(view).toEqual({ circle: true, boundaryInView: true, hereInView: true });
    // « Partager » is offered for a position too.
    await page.locator('.verdict-sheet').getByRole('button', { name: 'Partager' }).waitFor();
  });
});
