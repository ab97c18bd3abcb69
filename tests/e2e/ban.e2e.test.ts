/**
 * « Préciser au numéro » in Chromium, against the built app: load the BAN fixture in the official layout
 * (tests/fixtures/upstream/adresses-59.csv.gz — test rows, see its README) through the file input; the search, the
 * pin and the file check then answer at the house number; the base survives a reload; a wrong file gets a French
 * message and changes nothing; « Retirer » removes it. Nothing may leave the browser.
 */
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

const GZ = readFileSync('tests/fixtures/upstream/adresses-59.csv.gz');
const CSV = readFileSync('tests/fixtures/upstream/adresses-59.csv', 'utf8');

let harness: Harness;
let opened: OpenedPage;
let page: Page;

const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

async function openPanel(): Promise<void> {
  const details = page.locator('details.ban-import').first();
  await details.waitFor();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
}

async function search(text: string): Promise<string> {
  const input = page.getByRole('combobox', { name: /Adresse/ });
  await page.waitForFunction(
    () => !(document.querySelector('.address-search-submit') as HTMLButtonElement).disabled,
  );
  await input.fill(text);
  await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
  const card = page.locator('article.verdict-card');
  await card.waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    (t) =>
      document.querySelector('article.verdict-card .verdict-label')?.textContent?.toLowerCase().includes(t),
    text.split(' ').slice(0, 2).join(' ').toLowerCase(),
  );
  return plain(await card.textContent());
}

beforeAll(async () => {
  harness = await startHarness();
  opened = await openPage(harness, '/');
  page = opened.page;
});

afterAll(async () => {
  await harness?.close();
});

describe('Préciser au numéro', () => {
  it('without a base, a number is not placed (whole street)', async () => {
    const text = await search('12 rue paul lafargue croix');
    expect(text).toContain('rue entière');
  });

  it('loads the BAN file (gzip) in a worker and says what it kept', async () => {
    await openPanel();
    await page
      .getByLabel(/Choisir le fichier de la Base Adresse Nationale/)
      .setInputFiles({ name: 'adresses-59.csv.gz', mimeType: 'application/gzip', buffer: GZ });
    const state = page.getByTestId('ban-etat');
    await state.waitFor({ timeout: 30_000 });
    expect(plain(await state.textContent())).toMatch(/adresses-59\.csv\.gz\) : 9 adresses de 2 communes/);
  });

  it('the search answers at the house number with the outline precision as margin', async () => {
    const text = await search('12 rue paul lafargue croix');
    expect(text).toContain('position du numéro dans la Base Adresse Nationale');
    expect(text).toContain('marge de 0,1 m');
    expect(text).toContain('12 Rue Paul Lafargue, 59170 Croix');
    await page.screenshot({ path: screenshotPath('ban-search') });
  });

  it('the pin names the nearest BAN address', async () => {
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Placer mon logement sur la carte' }).click();
    const centre = await page.evaluate(() => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      // « 43 Rue Paul Lafargue » of the fixture.
      map.jumpTo({ center: [3.1563344, 50.6869631], zoom: 18 });
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(centre.x, centre.y);
    await page.waitForFunction(() =>
      document
        .querySelector('article.verdict-card .verdict-label')
        ?.textContent?.includes('Point placé près du'),
    );
    const label = plain(await page.locator('article.verdict-card .verdict-label').textContent());
    expect(label).toMatch(/^Point placé près du 43 Rue Paul Lafargue, 59170 Croix \(à \d+ m\)$/);
  });

  it('survives a reload', async () => {
    await page.reload();
    const summary = page.locator('details.ban-import summary');
    await summary.waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('details.ban-import summary')
        ?.textContent?.includes('Base Adresse Nationale du'),
    );
    const text = await search('60 rue chevreul croix');
    expect(text).toContain('position du numéro dans la Base Adresse Nationale');
  });

  it('refuses a file without the BAN columns, in French, and keeps the base', async () => {
    await openPanel();
    await page.getByLabel(/Remplacer par un autre fichier/).setInputFiles({
      name: 'adresses.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV.replaceAll(';', ',')),
    });
    const alert = page.locator('.ban-import-error');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('n’a pas les colonnes de la Base Adresse Nationale');
    expect(plain(await page.getByTestId('ban-etat').textContent())).toContain('9 adresses');
  });

  it('the file check answers at the house number', async () => {
    await page
      .getByRole('link', { name: /Vérifier un fichier/ })
      .first()
      .click();
    await page.locator('input[type=file]').first().waitFor();
    const csv =
      'Adresse;Code postal;Ville\n12 Rue Paul Lafargue;59170;Croix\n17 Rue Saint-Pierre;59170;Croix\n';
    await page
      .locator('.file-check-page input[type=file]:not(.ban-import input)')
      .setInputFiles({ name: 'beneficiaires.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /Vérifier les 2 lignes/ }).click();
    await page.getByTestId('synthese').waitFor({ timeout: 30_000 });
    // Column 4 of the data cells (after the row header): the precision.
    const precision = page.locator('[data-testid=table-resultats] tbody tr td:nth-of-type(4)');
    expect(await precision.allTextContents()).toEqual(['adresse', 'adresse']);
    const rows = plain(await page.getByTestId('table-resultats').textContent());
    expect(rows).toContain('17 Rue Saint-Pierre, 59170 Croix');
  });

  it('removes the base', async () => {
    await page.goto(`${harness.base}/`);
    await openPanel();
    await page.getByRole('button', { name: 'Retirer la base de cet appareil' }).click();
    await page.getByText('Base Adresse Nationale retirée de cet appareil.').waitFor();
    const text = await search('12 rue paul lafargue croix');
    expect(text).toContain('rue entière');
    expect(opened.externalRequests).toEqual([]);
    expect(opened.errors).toEqual([]);
  }, 120_000);
});
