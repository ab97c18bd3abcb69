// Actions overlay in a real browser (built app): the register's examples on the map and in the list, filters
// acting on both, drawing an action (point mode + click), the form, the draft surviving a reload, export then
// import giving the same features, and the PNG export. One page shared by the whole file.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type OpenedPage, openPage, screenshotPath, startHarness, waitForMapIdle } from './harness.ts';

const register = JSON.parse(readFileSync('data/actions.geojson', 'utf8'));
const EXAMPLES = register.features.length as number;
const SAINT_PIERRE = { center: [3.1548, 50.6862] as [number, number], zoom: 16 };

let harness: Harness;
let opened: OpenedPage;
let page: Page;

/** Actions drawn on the map right now (one marker per action; markers are never culled). */
function renderedCount(): Promise<number> {
  return page.evaluate(() => {
    const map = window.__map!;
    if (!map.getLayer('actions-marqueurs')) return -1;
    const ids = new Set(map.queryRenderedFeatures({ layers: ['actions-marqueurs'] }).map((f) => f.properties.id));
    return ids.size;
  });
}

async function waitForRendered(expected: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const map = window.__map!;
      if (!map.getLayer('actions-marqueurs')) return false;
      const ids = new Set(map.queryRenderedFeatures({ layers: ['actions-marqueurs'] }).map((f) => f.properties.id));
      return ids.size === count;
    },
    expected,
    { timeout: 10_000 },
  );
}

async function showSaintPierre(): Promise<void> {
  await page.evaluate((view) => window.__map!.jumpTo(view), SAINT_PIERRE);
}

const listItems = () => page.locator('ul.actions-list > li');

async function openPanel(): Promise<void> {
  const open = await page.locator('details.actions-panel').evaluate((element) => (element as HTMLDetailsElement).open);
  if (!open) await page.getByText('Actions du contrat', { exact: true }).click();
}

beforeAll(async () => {
  const t = Date.now();
  harness = await startHarness();
  opened = await openPage(harness, '/');
  page = opened.page;
  await waitForMapIdle(page);
  await showSaintPierre();
  console.log('beforeAll', Date.now() - t);
});

afterAll(async () => {
  await opened?.context.close();
  await harness?.close();
});

describe('actions overlay', () => {
  it('shows the examples on the map and in the list', async () => {
    await waitForRendered(EXAMPLES);
    await openPanel();
    await expect.poll(() => listItems().count()).toBe(EXAMPLES);
    expect(await page.locator('ul.actions-list .action-badge-exemple').count()).toBe(EXAMPLES);
    await page.screenshot({ path: screenshotPath('actions-examples') });
  });

  it('filters change both the map and the list, and the permalink', async () => {
    await page.getByText('Filtrer', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Afficher les exemples fictifs' }).uncheck();
    await waitForRendered(0);
    await expect.poll(() => listItems().count()).toBe(0);
    expect(page.url()).toContain('exemples=0');
    await page.getByRole('checkbox', { name: 'Afficher les exemples fictifs' }).check();
    await page.getByRole('group', { name: 'Objectif de la ville' }).getByRole('checkbox', { name: 'Verdissement' }).check();
    const greening = register.features.filter(
      (f: { properties: { objectif: string } }) => f.properties.objectif === 'verdissement',
    ).length;
    await waitForRendered(greening);
    await expect.poll(() => listItems().count()).toBe(greening);
    expect(page.url()).toContain('objectifs=verdissement');
    await page.getByRole('button', { name: 'Tout afficher' }).click();
    await waitForRendered(EXAMPLES);
  });

  it('draws a point, fills the form, saves a draft that survives a reload', async () => {
    const t0 = Date.now(); const lap = (l: string) => console.log(l, Date.now() - t0);
    await page.getByRole('button', { name: 'Un point' }).click();
    await page.waitForFunction(() => document.querySelector('.actions-drawing-status') !== null);
    // Wait until terra-draw is running (its layers are added lazily) before clicking.
    await page.waitForFunction(() => window.__map!.getStyle().layers.some((layer) => layer.id.startsWith('actions-dessin')), null, {
      timeout: 10_000,
    });
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    lap('draw-ready');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await page.getByRole('heading', { name: 'Décrire l’action' }).waitFor();
    await page.getByLabel('Titre *').fill('Atelier de réparation de vélos');
    await page.getByLabel('Objectif de la ville *').selectOption('associations');
    await page.getByRole('checkbox', { name: /^4\./ }).check();
    await page.getByLabel('Porteur (nom de la structure) *').fill('Association test');
    await page.getByLabel('Début *').fill('2026');
    await page.getByLabel('Fin *').fill('2025');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText('La fin ne peut pas précéder le début.').waitFor();
    await page.getByLabel('Fin *').fill('2027');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('region', { name: 'Atelier de réparation de vélos' }).waitFor();
    await waitForRendered(EXAMPLES + 1);
    await expect.poll(() => listItems().count()).toBe(EXAMPLES + 1);

    lap('saved');
    await page.reload();
    await waitForMapIdle(page);
    lap('idle');
    await showSaintPierre();
    await waitForRendered(EXAMPLES + 1);
    lap('rendered');
    await openPanel();
    const draft = page.locator('ul.actions-list > li', { hasText: 'Atelier de réparation de vélos' });
    await draft.waitFor();
    expect(await draft.locator('.action-badge-brouillon').count()).toBe(1);
  });

  it('export then import gives the same features', async () => {
    await page.getByText('Importer, exporter, proposer à la ville').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter mes brouillons (GeoJSON)' }).click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const collection = JSON.parse(exported);
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0].properties.titre).toBe('Atelier de réparation de vélos');
    expect(collection.features[0].geometry.type).toBe('Point');

    await page.getByTestId('actions-import-input').setInputFiles({
      name: 'retour.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(exported),
    });
    await page.getByText(/retour\.geojson : 1 action importée/).waitFor();
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter mes brouillons (GeoJSON)' }).click(),
    ]);
    expect(readFileSync((await again.path())!, 'utf8')).toBe(exported);
    await expect.poll(() => listItems().count()).toBe(EXAMPLES + 1);

    await page.getByTestId('actions-import-input').setInputFiles({
      name: 'casse.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type":'),
    });
    await page.getByText(/casse\.geojson : Le fichier n’est pas un GeoJSON lisible/).waitFor();
    await expect.poll(() => listItems().count()).toBe(EXAMPLES + 1);
  });

  it('exports the view as a PNG with title, legend and sources', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter la vue en image (PNG)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^actions-croix-carte-\d{4}-\d{2}-\d{2}\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const mapHeight = await page.evaluate(() => window.__map!.getCanvas().height);
    expect(png.readUInt32BE(20)).toBeGreaterThan(mapHeight);
  });

  it('stayed offline and error-free', () => {
    expect(opened.externalRequests).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
