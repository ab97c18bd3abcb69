/**
 * The planner view « Verdir et aérer Saint-Pierre » in Chromium, on a phone (390×844) and a desktop (1280×800):
 * nothing of it is fetched on the resident's first screen; opened, it draws parks, access areas and IRIS on the
 * map, shows the indicators table (figures of data/planning/indicators.json), the trend chart with its table, and
 * what a selected action overlaps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type OpenedPage, openPage, screenshotPath, waitForMapIdle } from './harness.ts';
import { browserSession } from './session.ts';

const indicators = JSON.parse(readFileSync('data/planning/indicators.json', 'utf8')) as {
  territories: { id: string; label: string; park_share: number; parks: number }[];
};
const pct = (share: number) => `${(share * 100).toFixed(1).replace('.', ',')} %`;

async function rendered(opened: OpenedPage, layers: string[]): Promise<Record<string, number>> {
  await opened.page
    .waitForFunction(
      (ids) => {
        const map = (
          window as unknown as {
            __map: { getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[] };
          }
        ).__map;
        return ids.every((id) => map.getLayer(id) && map.queryRenderedFeatures({ layers: [id] }).length > 0);
      },
      layers,
      { timeout: 60_000 },
    )
    .catch(() => undefined);
  return opened.page.evaluate((ids) => {
    const map = (
      window as unknown as {
        __map: { getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[] };
      }
    ).__map;
    return Object.fromEntries(
      ids.map((id) => [id, map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1]),
    );
  }, layers);
}

describe('vue aménagement', () => {
  const session = browserSession();

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`opens on demand and shows layers, indicators and overlaps (${viewport.width} px)`, {
      timeout: 300_000,
    }, async () => {
      const opened = await openPage(session.harness, '/?carte=15.5/50.6858/3.1545', { viewport });
      const planningRequests: string[] = [];
      opened.page.on('request', (request) => {
        if (/parks|access|iris|indicators|france-services/.test(request.url()))
          planningRequests.push(request.url());
      });
      const { page } = opened;
      await waitForMapIdle(page, 120_000);
      expect(planningRequests).toEqual([]);

      await page.getByText('Verdir et aérer Saint-Pierre').click();
      const table = page.getByTestId('planning-indicateurs');
      await table.waitFor({ timeout: 60_000 });
      expect(planningRequests.length).toBeGreaterThan(0);
      expect(page.url()).toContain('amenagement=1');
      const headers = await table.locator('thead th').allTextContents();
      expect(headers.slice(1)).toEqual(indicators.territories.map((t) => t.label));
      const shareRow = await table
        .locator('tbody tr', { hasText: 'Part de la surface' })
        .locator('td')
        .allTextContents();
      expect(shareRow.map((cell) => cell.replace(/\u202f|\u00a0/g, ' '))).toEqual(
        indicators.territories.map((t) => pct(t.park_share)),
      );
      expect(await page.getByRole('img', { name: /moins de 3 m²/ }).count()).toBe(1);

      const counts = await rendered(opened, [
        'amenagement-parcs-surface',
        'amenagement-acces-limite',
        'amenagement-iris-surface',
      ]);
      for (const [id, n] of Object.entries(counts)) expect(n, id).toBeGreaterThan(0);

      // An action selected from the list shows what it overlaps.
      await page.getByText('Actions du contrat', { exact: true }).click();
      await page.getByRole('checkbox', { name: /exemple/ }).check();
      await page.locator('button.actions-list-item').first().click();
      const overlaps = page.getByTestId('amenagement-recoupements');
      await overlaps.waitFor({ timeout: 30_000 });
      expect(await overlaps.textContent()).toMatch(/Parcs et jardins :.*IRIS :.*Zones d’accès à pied/s);

      await page.getByRole('heading', { name: 'Verdir et aérer Saint-Pierre' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`amenagement-${viewport.width}`) });
      expect(opened.errors).toEqual([]);
      expect(opened.externalRequests).toEqual([]);
      await opened.context.close();
    });
  }
});
