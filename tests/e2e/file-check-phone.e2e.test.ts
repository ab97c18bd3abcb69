/**
 * The file check on a phone with a realistic file (issue 13, item 5): 30 beneficiaries of Croix and Roubaix with
 * names and birth dates, one typo (« rue Chevrreul ») and one street without commune. At 390×844 and 320 px wide:
 * the personal-data warning before the check, the results as cards (no sideways scrolling, a page of reasonable
 * height, axe without serious or critical violation), the map framed on the rows, a row corrected by retyping its
 * address, and the export keeping every column but the one the user dropped. At 800 px the table's « Ligne » header
 * stays on one line.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/domain/batch/export.ts';
import { seriousViolations } from './axe.ts';
import { type Harness, type OpenedPage, openPage, screenshotPath, startHarness } from './harness.ts';

const STREETS = [
  ['43 Rue Paul Lafargue', '59170', 'Croix'],
  ['5 Rue du Tonkin', '59170', 'Croix'],
  ['372 Rue Verte', '59170', 'Croix'],
  ['12 rue Chevrreul', '59170', 'Croix'], // typo: read Rue Chevreul, « reconnue approximativement »
  ['12 Rue Blanche', '', ''], // Croix, Lille and Tourcoing have one: introuvable until corrected
  ['23 Rue de la Gare', '59170', 'Croix'],
  ['22 Rue de la Halle', '59100', 'Roubaix'],
  ['198 Rue de Lille', '59100', 'Roubaix'],
  ['40 Rue de Lannoy', '59100', 'Roubaix'],
  ['15 Boulevard de Fourmies', '59100', 'Roubaix'],
] as const;

const ROWS = 30;
const HEADER = 'Nom;Prénom;Date de naissance;Adresse;CP;Ville';

function buildCsv(): Buffer {
  const lines = [HEADER];
  for (let index = 0; index < ROWS; index += 1) {
    const [address, postcode, city] = STREETS[index % STREETS.length]!;
    lines.push(
      `Nom${index + 1};Prénom${index + 1};0${(index % 9) + 1}/02/198${index % 10};${address};${postcode};${city}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

let harness: Harness;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  for (const o of opened) await o.context.close();
  await harness?.close();
});

async function checkFile(width: number, height: number): Promise<Page> {
  const o = await openPage(harness, '/verifier-un-fichier', { viewport: { width, height } });
  opened.push(o);
  const { page } = o;
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'beneficiaires.csv', mimeType: 'text/csv', buffer: buildCsv() });
  await page
    .getByRole('heading', { name: 'Ce fichier semble contenir des données personnelles' })
    .waitFor({ timeout: 30_000 });
  return page;
}

/** Runs the check; returns what the progress text said, with the time (ms) since the click. */
async function runCheck(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const started = performance.now();
    const tick = () => {
      const text = document.querySelector('[data-testid=progression-texte]')?.textContent ?? '';
      if (text && !seen.at(-1)?.endsWith(text))
        seen.push(`${Math.round(performance.now() - started)} ms ${text}`);
      if (!document.querySelector('[data-testid=synthese]')) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: /Vérifier les 30 lignes/ }).click();
  await page.getByTestId('synthese').waitFor({ timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

/** Page width and height, and the elements that stick out sideways. */
async function layout(page: Page, width: number) {
  return page.evaluate((limit) => {
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > limit + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      wide,
    };
  }, width);
}

describe('Vérifier un fichier sur un téléphone (390×844)', () => {
  let page: Page;

  it('avertit des données personnelles avant la vérification et propose de retirer la colonne', async () => {
    page = await checkFile(390, 844);
    const warning = page.getByRole('region', { name: 'Ce fichier semble contenir des données personnelles' });
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('« Nom »');
    expect(text).toContain('« Prénom »');
    expect(text).toContain('« Date de naissance »');
    expect(text).toContain('ne quitte jamais votre appareil');
    const drop = page.getByLabel('Retirer « Date de naissance » de l’export');
    expect(await drop.isChecked()).toBe(false);
    await drop.check();
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('montre une carte par ligne, sans défilement horizontal, sur une page de hauteur raisonnable', async () => {
    const progress = await runCheck(page);
    console.log(`Progression vue : ${progress.join(' | ')}`);
    expect(await page.getByTestId('table-resultats').count()).toBe(0);
    const cards = page.getByTestId('cartes-resultats').getByRole('listitem');
    expect(await cards.count()).toBe(ROWS);
    const typo = cards.nth(3);
    const typoText = (await typo.textContent()) ?? '';
    expect(typoText).toContain('Ligne 5');
    expect(typoText).toContain('12 rue Chevrreul');
    expect(typoText).toContain('reconnue approximativement');
    expect(typoText).toContain('Rue Chevreul');
    // The QPV's long name once per card, not again in the reason.
    const qpvName = (await typo.locator('.file-check-card-qpv').textContent()) ?? '';
    const name = qpvName.replace(/ \(QN\w+\)$/, '');
    expect(name.length).toBeGreaterThan(10);
    expect(typoText.split(name)).toHaveLength(2);
    const measured = await layout(page, 390);
    await page.screenshot({ path: screenshotPath('file-check-phone-390'), fullPage: true });
    await cards.nth(0).screenshot({ path: screenshotPath('file-check-phone-390-card') });
    const parts = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '.file-check-privacy, .file-check-summary, .file-check-export, .file-check-map, .file-check-filter, .file-check-cards-wrap, .file-check-card',
        ),
      ]
        .slice(0, 9)
        .map(
          (element) =>
            `${element.className.split(' ')[0]} ${Math.round(element.getBoundingClientRect().height)}`,
        ),
    );
    console.log(
      `Hauteur de la page à 390 px pour ${ROWS} lignes : ${measured.scrollHeight} px (${parts.join(', ')})`,
    );
    expect(measured.scrollWidth, measured.wide.join(', ')).toBeLessThanOrEqual(390);
    // Was 29 429 px (an 838 px table squeezed into 358 px).
    expect(measured.scrollHeight).toBeLessThan(13_000);
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('cadre la carte sur les lignes', async () => {
    await page.waitForFunction(() => Boolean((window as unknown as { __map?: unknown }).__map), null, {
      timeout: 60_000,
    });
    const fit = await page.evaluate(async () => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      if (!map.loaded()) await new Promise((resolve) => map.once('idle', resolve));
      const source = map.getStyle().sources['fichier-lignes'] as {
        data: GeoJSON.FeatureCollection<GeoJSON.Point>;
      };
      const points = source.data.features.map((feature) => feature.geometry.coordinates as [number, number]);
      const bounds = map.getBounds();
      const lons = points.map((p) => p[0]);
      const lats = points.map((p) => p[1]);
      return {
        count: points.length,
        inside: points.filter((p) => bounds.contains(p)).length,
        rowsSpan: [Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats)],
        mapSpan: [bounds.getEast() - bounds.getWest(), bounds.getNorth() - bounds.getSouth()],
      };
    });
    expect(fit.count).toBeGreaterThanOrEqual(20);
    expect(fit.inside).toBe(fit.count);
    // Framed, not the whole territory: the map spans the rows and at most a few times more in one direction.
    const ratio = Math.min(fit.mapSpan[0]! / fit.rowsSpan[0]!, fit.mapSpan[1]! / fit.rowsSpan[1]!);
    expect(ratio).toBeLessThan(3);
  });

  it('corrige une ligne en retapant son adresse : « corrigé à la main », cellules d’origine intactes à l’export', async () => {
    const before = ((await page.getByTestId('synthese').textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ');
    await page.getByRole('button', { name: 'Corriger la ligne 6', exact: true }).click();
    // The form opens inside the row's card, and stays accessible and within the width.
    const field = page
      .getByTestId('cartes-resultats')
      .getByRole('listitem')
      .nth(4)
      .getByLabel('Adresse corrigée');
    expect(await field.inputValue()).toBe('12 Rue Blanche');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    const measured = await layout(page, 390);
    expect(measured.scrollWidth, measured.wide.join(', ')).toBeLessThanOrEqual(390);
    await field.fill('12 Rue Blanche 59170 Croix');
    await page.getByRole('button', { name: 'Vérifier cette adresse' }).click();
    const card = page.getByTestId('cartes-resultats').getByRole('listitem').nth(4);
    await card.getByText('corrigé à la main').waitFor({ timeout: 30_000 });
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('Ligne 6');
    expect(cardText).toContain('12 Rue Blanche');
    expect(cardText).toContain('Rue Blanche, 59170 Croix');
    expect(cardText).not.toContain('Introuvable');
    const after = ((await page.getByTestId('synthese').textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ');
    expect(after).not.toBe(before);
    // The export: every row, every column but the one dropped, and the correction in our columns.
    expect(await page.getByTestId('export-colonnes').textContent()).toContain(
      'retire la colonne « Date de naissance »',
    );
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le fichier ligne par ligne' }).click(),
    ]);
    const text = readFileSync(await file.path(), 'utf8');
    const lines = text
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(';'));
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toEqual(['Nom', 'Prénom', 'Adresse', 'CP', 'Ville', ...RESULT_COLUMNS]);
    const at = (name: (typeof RESULT_COLUMNS)[number]) => 5 + RESULT_COLUMNS.indexOf(name);
    expect(lines[5]?.slice(0, 5)).toEqual(['Nom5', 'Prénom5', '12 Rue Blanche', '', '']);
    expect(lines[5]?.[at('correction')]).toBe('corrigé à la main');
    expect(lines[5]?.[at('adresse_corrigee')]).toBe('12 Rue Blanche 59170 Croix');
    expect(lines[5]?.[at('qpv_statut')]).not.toBe('introuvable');
    expect(lines[4]?.[at('lecture')]).toBe('reconnue approximativement');
    expect(lines[1]?.[at('correction')]).toBe('');
  });
});

describe('Vérifier un fichier à 320 px et à 800 px', () => {
  it('320 px : cartes sans défilement horizontal, axe sans violation grave', async () => {
    const page = await checkFile(320, 640);
    await runCheck(page);
    expect(await page.getByTestId('cartes-resultats').getByRole('listitem').count()).toBe(ROWS);
    const measured = await layout(page, 320);
    console.log(`Hauteur de la page à 320 px pour ${ROWS} lignes : ${measured.scrollHeight} px`);
    expect(measured.scrollWidth, measured.wide.join(', ')).toBeLessThanOrEqual(320);
    expect((await seriousViolations(page)).join('\n')).toBe('');
  });

  it('800 px : le tableau, dont l’en-tête « Ligne » tient sur une ligne', async () => {
    const page = await checkFile(800, 900);
    await runCheck(page);
    const header = page.locator('[data-testid=table-resultats] thead th').first();
    expect(await header.textContent()).toBe('Ligne');
    // The number of line boxes of the header's text: one, never one letter per line.
    const lines = await header.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
  });
});
