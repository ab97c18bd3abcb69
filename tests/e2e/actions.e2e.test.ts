// Actions overlay in a real browser (built app): the register's examples on the map and in the list, filters
// acting on both, drawing an action (point mode + click), the form, the draft surviving a reload, export then
// import giving the same features, and the PNG export. One page shared by the whole file.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  type OpenedPage,
  openPage,
  screenshotPath,
  startHarness,
  waitForMapIdle,
} from './harness.ts';

const register = JSON.parse(readFileSync('data/actions.geojson', 'utf8'));
const EXAMPLES = register.features.length as number;
// Saint-Pierre at zoom 16 through the map's own permalink parameter (zoom/lat/lon), so no extra camera move.
const SAINT_PIERRE_VIEW = '/?carte=16/50.6862/3.1548';

let harness: Harness;
let opened: OpenedPage;
let page: Page;

/** Waits until the map draws `expected` actions (one marker per action; markers are never culled). */
async function waitForRendered(expected: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const map = window.__map!;
      // No action to draw: no source nor layer at all (issue 10).
      if (!map.getLayer('actions-marqueurs')) return count === 0;
      const ids = new Set(
        map.queryRenderedFeatures({ layers: ['actions-marqueurs'] }).map((f) => f.properties.id),
      );
      return ids.size === count;
    },
    expected,
    { timeout: 10_000 },
  );
}

const listItems = () => page.locator('ul.actions-list > li');

async function openPanel(): Promise<void> {
  const open = await page
    .locator('details.actions-panel')
    .evaluate((element) => (element as HTMLDetailsElement).open);
  if (!open) await page.getByText('Actions du contrat', { exact: true }).click();
}

beforeAll(async () => {
  harness = await startHarness();
  opened = await openPage(harness, SAINT_PIERRE_VIEW);
  page = opened.page;
  await waitForMapIdle(page, 120_000);
});

afterAll(async () => {
  await opened?.context.close();
  await harness?.close();
});

describe('actions overlay', () => {
  it('hides the examples until « Voir des exemples » is switched on, then shows them on the map and in the list', async () => {
    await openPanel();
    const examples = page.getByRole('checkbox', { name: /exemple/ });
    expect(await examples.isChecked()).toBe(false);
    await waitForRendered(0);
    expect(await listItems().count()).toBe(0);
    await examples.check();
    expect(page.url()).toContain('exemples=1');
    await waitForRendered(EXAMPLES);
    await expect.poll(() => listItems().count()).toBe(EXAMPLES);
    expect(await page.locator('ul.actions-list .action-badge-exemple').count()).toBe(EXAMPLES);
    await page.screenshot({ path: screenshotPath('actions-examples') });
  });

  it('filters change both the map and the list, and the permalink', async () => {
    await page.getByText('Filtrer', { exact: true }).click();
    await page.getByRole('checkbox', { name: /exemple/ }).uncheck();
    await waitForRendered(0);
    await expect.poll(() => listItems().count()).toBe(0);
    expect(page.url()).not.toContain('exemples=');
    await page.getByRole('checkbox', { name: /exemple/ }).check();
    await page
      .getByRole('group', { name: 'Objectif de la ville' })
      .getByRole('checkbox', { name: 'Verdissement' })
      .check();
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
    await page.getByRole('button', { name: 'Un point' }).click();
    await page.waitForFunction(() => document.querySelector('.actions-drawing-status') !== null);
    // Wait until terra-draw is running (its layers are added lazily) before clicking.
    await page.waitForFunction(
      () => window.__map!.getStyle().layers.some((layer) => layer.id.startsWith('actions-dessin')),
      null,
      {
        timeout: 10_000,
      },
    );
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await page.getByRole('heading', { name: 'Décrire l’action' }).waitFor();
    const form = page.getByRole('form', { name: 'Fiche de l’action' });
    await form.getByLabel('Titre *').fill('Atelier de réparation de vélos');
    await form.getByLabel('Objectif de la ville *').selectOption('associations');
    await form.getByRole('checkbox', { name: /^4\./ }).check();
    await form.getByLabel('Porteur (nom de la structure) *').fill('Association test');
    await form.getByLabel('Début *').fill('2026');
    await form.getByLabel('Fin *').fill('2025');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await form.getByText('La fin ne peut pas précéder le début.').waitFor();
    await form.getByLabel('Fin *').fill('2027');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('region', { name: 'Atelier de réparation de vélos' }).waitFor();
    await waitForRendered(EXAMPLES + 1);
    await expect.poll(() => listItems().count()).toBe(EXAMPLES + 1);

    await page.reload();
    await waitForMapIdle(page, 120_000);
    await waitForRendered(EXAMPLES + 1);
    await openPanel();
    const draft = page.locator('ul.actions-list > li', { hasText: 'Atelier de réparation de vélos' });
    await draft.waitFor();
    expect(await draft.locator('.action-badge-brouillon').count()).toBe(1);
  });

  it('draws a zone (clicks, then the first point again) and a line (last point again)', async () => {
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    const drawn = async (button: string, points: (readonly [number, number])[], expected: string) => {
      await page.getByRole('button', { name: button }).click();
      await page.waitForFunction(() =>
        window.__map!.getStyle().layers.some((l) => l.id.startsWith('actions-dessin')),
      );
      for (const [x, y] of points) {
        await page.mouse.move(x, y);
        await page.mouse.click(x, y);
        await page.waitForTimeout(60);
      }
      await page.getByText(expected).waitFor({ timeout: 5000 });
      await page
        .getByRole('form', { name: 'Fiche de l’action' })
        .getByRole('button', { name: 'Annuler' })
        .click();
    };
    const a = at(0.6, 0.75);
    const b = at(0.7, 0.75);
    const c = at(0.65, 0.85);
    await drawn('Une zone', [a, b, c, a], 'Géométrie : une zone dessinée sur la carte.');
    await drawn('Une ligne (rue)', [a, b, b], 'Géométrie : une ligne dessinée sur la carte.');
    expect(
      await page.evaluate(() =>
        window.__map!.getStyle().layers.some((l) => l.id.startsWith('actions-dessin')),
      ),
    ).toBe(false);
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

  it('a click on a marker shows its detail, not the QPV card underneath', async () => {
    const target = register.features.find((f: { geometry: { type: string } }) => f.geometry.type === 'Point');
    const point = await page.evaluate((lonLat) => {
      const { x, y } = window.__map!.project(lonLat);
      const rect = window.__map!.getCanvas().getBoundingClientRect();
      return { x: rect.left + x, y: rect.top + y };
    }, target.geometry.coordinates);
    await page.mouse.click(point.x, point.y);
    await page.getByRole('region', { name: target.properties.titre }).waitFor();
    // The marker lies inside QN05980M: the click must not also open the QPV details.
    expect(await page.locator('#qpv-details-titre').count()).toBe(0);
    await page
      .getByRole('region', { name: target.properties.titre })
      .getByRole('button', { name: 'Fermer' })
      .click();
  });

  it('exports the view as a PNG of print size (≥ 1 600 px wide) with title, legends, scale bar and sources', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter la vue en image (PNG)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^actions-croix-carte-\d{4}-\d{2}-\d{2}\.png$/);
    const png = readFileSync((await download.path())!);
    await download.saveAs(screenshotPath('actions-export'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width at byte 16, height at byte 20. The map is captured at ≥ 1 600 device pixels wide (A4 print).
    const width = png.readUInt32BE(16);
    expect(width).toBeGreaterThanOrEqual(1600);
    const css = await page.evaluate(() => {
      const canvas = window.__map!.getCanvas();
      return { width: canvas.clientWidth, height: canvas.clientHeight };
    });
    const scale = width / css.width;
    // Title band (64), the map, 6 objective rows + 3 map-legend rows (24 each): all in CSS px × scale.
    expect(png.readUInt32BE(20)).toBeGreaterThan((64 + css.height + 24 * (2 + 3)) * scale);
    // The screen's pixel ratio is back after the capture.
    expect(await page.evaluate(() => window.__map!.getPixelRatio())).toBe(1);
  });

  it('stayed offline and error-free', () => {
    expect(opened.externalRequests).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
