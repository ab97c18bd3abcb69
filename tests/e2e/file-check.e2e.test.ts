/**
 * « Vérifier un fichier » in Chromium, against the built app: upload a Windows-1252 CSV (page.setInputFiles),
 * check the detected encoding and the column mapping, run the check in the Web Worker with a visible progress bar,
 * filter, correct a row by typing its coordinates, export (download content checked), and refuse bad files with a
 * clear message. Nothing may leave the browser.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/domain/batch/export.ts';
import { decodeWindows1252, encodeWindows1252 } from '../../src/domain/batch/windows-1252.ts';
import { makeXlsx, XLSX_FIXTURE_ROWS } from '../fixtures/batch/make-xlsx.ts';
import { axeViolations, describeViolations } from './axe.ts';
import { type Harness, type OpenedPage, openPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
let opened: OpenedPage;
let page: Page;

/**
 * Rows with a known answer, cycled: three public addresses with coordinates (shared/data/raw/derived-address-points),
 * one street of the extended Saint-Pierre list without coordinates (offline geocoder, whole street inside), and one
 * street name that exists in several communes, without commune (ambiguous → introuvable, with the reason).
 */
const POINTS = [
  ['22 Rue de la Halle', '59100', 'Roubaix', '3,176018', '50,6905'], // dans QN05980M (144 m inside)
  ['23 Rue de la Gare', '59170', 'Croix', '3,1455546', '50,674685'], // hors (1,2 km)
  ['198 Rue de Lille', '59100', 'Roubaix', '3,1637744', '50,6840667'], // limite (≈ 7 m from the boundary)
  ['5 Rue du Tonkin', '59170', 'Croix', '', ''], // dans, street-level match
  ['12 Rue Blanche', '', '', '', ''], // introuvable: Rue Blanche exists in Croix, Lille and Tourcoing
] as const;

const ROWS = 12_000;

function buildCsv(): Buffer {
  const lines = ['Bénéficiaire;Adresse;CP;Ville;Longitude;Latitude;Remarque – été'];
  for (let index = 0; index < ROWS; index += 1) {
    const [address, postcode, city, lon, lat] = POINTS[index % POINTS.length]!;
    lines.push(`Bénéficiaire ${index + 1};${address};${postcode};${city};${lon};${lat};Œuvre ${index + 1}`);
  }
  return Buffer.from(encodeWindows1252(`${lines.join('\r\n')}\r\n`).bytes);
}

/** Text with the narrow no-break spaces of French number formatting turned into plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
}

async function upload(name: string, buffer: Buffer, mimeType = 'text/csv'): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

async function download(buttonName: string | RegExp): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

beforeAll(async () => {
  harness = await startHarness();
  opened = await openPage(harness, '/verifier-un-fichier');
  page = opened.page;
});

afterAll(async () => {
  await harness?.close();
});

describe('Vérifier un fichier', () => {
  it('dit que le fichier reste sur l’appareil', async () => {
    await page.getByRole('heading', { name: 'Vos données restent sur votre appareil' }).waitFor();
    await expect(
      page.getByRole('heading', { name: 'Vos données restent sur votre appareil' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('Le fichier n’est jamais envoyé sur Internet').isVisible()).resolves.toBe(
      true,
    );
  });

  it('lit un CSV Windows-1252 de 12 000 lignes et propose la correspondance des colonnes', async () => {
    await upload('beneficiaires.csv', buildCsv());
    const description = page.getByTestId('description-fichier');
    await description.waitFor();
    const text = plain(await description.textContent());
    expect(text).toContain('Windows-1252');
    expect(text).toContain('point-virgule');
    expect(text).toContain('12 000 lignes à vérifier');
    expect(await page.getByLabel('Adresse complète').inputValue()).toBe('1');
    expect(await page.getByLabel('Longitude').inputValue()).toBe('4');
    expect(await page.getByLabel('Latitude').inputValue()).toBe('5');
    // The preview shows accents decoded correctly.
    expect(await page.locator('table.file-check-table th').last().textContent()).toBe('Remarque – été');
    // Map a column by hand: the commune.
    await page.getByLabel('Commune').selectOption({ label: 'Ville' });
  });

  it('vérifie dans le Worker avec une barre de progression, puis résume', async () => {
    // Record the progress bar's values while the worker runs (the page stays responsive: rAF keeps ticking).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      const tick = () => {
        const bar = document.querySelector('progress');
        if (bar && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
        if (!document.querySelector('[data-testid=synthese]')) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole('button', { name: /Vérifier les 12 000 lignes/ }).click();
    await page.getByTestId('synthese').waitFor({ timeout: 30_000 });
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    const summary = plain(await page.getByTestId('synthese').textContent());
    expect(summary).toMatch(/4 800 bénéficiaires sur 12 000 dans un QPV, soit 40,0 %/);
    expect(summary).toMatch(/jusqu’à 60,0 %/);
    expect(summary).toMatch(/En limite — à confirmer : 2 400/);
    expect(summary).toMatch(/Introuvable : 2 400/);
    expect(summary).toContain('QN05980M');
  });

  it('filtre par statut et montre chaque ligne dans un tableau', async () => {
    await page.getByRole('radio', { name: /En limite — à confirmer \(2.400\)/ }).check();
    const rows = page.locator('[data-testid=table-resultats] tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator('th').textContent()).toBe('4');
    expect(await rows.first().textContent()).toContain('198 Rue de Lille');
    await page.getByRole('radio', { name: /Introuvable/ }).check();
    expect(await rows.first().textContent()).toContain('12 Rue Blanche');
    expect(await rows.first().textContent()).toContain('précisez la commune');
  });

  it('corrige une ligne en saisissant ses coordonnées (précision « point placé »)', async () => {
    await page.getByRole('button', { name: 'Corriger la ligne 6', exact: true }).click();
    await page.getByLabel('Longitude', { exact: true }).last().fill('3,176018');
    await page.getByLabel('Latitude', { exact: true }).last().fill('50,6905');
    await page.getByRole('button', { name: 'Placer le point et recalculer' }).click();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=synthese]')
        ?.textContent?.replace(/[\u202f\u00a0]/g, ' ')
        .includes('4 801 bénéficiaires'),
    );
    await page.getByRole('radio', { name: /Dans un QPV/ }).check();
    const first = page.locator('[data-testid=table-resultats] tbody tr').first();
    expect(await first.locator('th').textContent()).toBe('2');
    const corrected = page.locator('[data-testid=table-resultats] tbody tr', { hasText: 'point placé' });
    expect(await corrected.count()).toBe(1);
  });

  it('exporte toutes les lignes, colonnes d’origine dans l’ordre, en Windows-1252 comme l’entrée', async () => {
    // Every column by default, like the CLI, and the page says so.
    expect(plain(await page.getByTestId('export-colonnes').textContent())).toContain(
      'toutes les colonnes de votre fichier (7)',
    );
    await page.getByText('Options d’export').click();
    expect(await page.getByLabel(/Ne garder que les colonnes d’adresse/).isChecked()).toBe(false);
    const file = await download('Télécharger le fichier ligne par ligne');
    expect(file.name).toMatch(/^beneficiaires-qpv-QP-2024-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = decodeWindows1252(file.bytes).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toBe(
      `Bénéficiaire;Adresse;CP;Ville;Longitude;Latitude;Remarque – été;${RESULT_COLUMNS.join(';')}`,
    );
    expect(lines[1]).toMatch(
      /^Bénéficiaire 1;22 Rue de la Halle;59100;Roubaix;3,176018;50,6905;Œuvre 1;dans;QN05980M;/,
    );
    expect(lines[4]).toMatch(
      /^Bénéficiaire 4;5 Rue du Tonkin;59170;Croix;;;Œuvre 4;dans;QN05980M;.*;voie;5 Rue du Tonkin, 59170 Croix;/,
    );
    expect(lines[5]).toMatch(
      /^Bénéficiaire 5;12 Rue Blanche;;;;;Œuvre 5;dans;QN05980M;.*;point placé;.*;corrigé à la main;$/,
    );
    expect(lines[ROWS]).toMatch(/^Bénéficiaire 12000;12 Rue Blanche;.*;introuvable;.*précisez la commune/);
  });

  it('minimise les colonnes et exporte la synthèse (chiffres seulement, tamponnée)', async () => {
    await page.getByLabel(/Ne garder que les colonnes d’adresse/).check();
    const rows = await download('Télécharger le fichier ligne par ligne');
    const header = decodeWindows1252(rows.bytes).split('\r\n')[0];
    expect(header).toBe(`Adresse;CP;Ville;Longitude;Latitude;${RESULT_COLUMNS.join(';')}`);
    const summary = await download('Télécharger la synthèse (chiffres seulement)');
    expect(summary.name).toMatch(/-qpv-synthese-QP-2024-/);
    const text = decodeWindows1252(summary.bytes);
    expect(text.split('\r\n')[0]).toMatch(/^# Périmètre — vérification QPV ; géographie QP 2024/);
    expect(text).toContain('total;12000;100');
    expect(text).toContain('dans (Dans un QPV);4801;40,0');
    expect(text).not.toContain('Bénéficiaire');
  });

  it('montre les lignes sur la carte', async () => {
    await page.locator('.file-check-map-frame canvas').waitFor();
    await page.waitForFunction(
      () => typeof (window as unknown as { __mapIdle?: number }).__mapIdle === 'number',
      null,
      {
        timeout: 30_000,
      },
    );
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { __map: { queryRenderedFeatures: (o: object) => unknown[] } }).__map;
      return map.queryRenderedFeatures({ layers: ['fichier-lignes-points'] }).length;
    });
    await page.screenshot({ path: screenshotPath('file-check-resultats'), fullPage: true });
    expect(drawn).toBeGreaterThan(0);
  });

  it('corrige une ligne par un clic sur la carte (mode « corriger-ligne »)', async () => {
    await page.getByRole('radio', { name: /Introuvable/ }).check();
    await page.getByRole('button', { name: 'Corriger la ligne 11', exact: true }).click();
    const frame = page.locator('.file-check-map-frame canvas');
    await frame.scrollIntoViewIfNeeded();
    // Pixel of 22 Rue de la Halle (inside QN05980M), from the map itself; evaluated as a string (no bundler helpers).
    const pixel = (await page.evaluate(
      '(() => { const p = window.__map.project([3.176018, 50.6905]); return { x: p.x, y: p.y }; })()',
    )) as { x: number; y: number };
    const box = await frame.boundingBox();
    if (!box) throw new Error('carte invisible');
    await page.mouse.click(box.x + pixel.x, box.y + pixel.y);
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=synthese]')
        ?.textContent?.replace(/[\u202f\u00a0]/g, ' ')
        .includes('4 802 bénéficiaires'),
    );
    expect(await page.locator('.file-check-correction').count()).toBe(0);
  });

  it('n’a pas de défaut d’accessibilité grave sur la page de résultats, à 1280 et 320 px (axe-core)', async () => {
    const audit = async () =>
      describeViolations(
        await axeViolations(page, { context: 'main', tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
      );
    expect(await audit()).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await audit()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('lit un classeur XLSX renommé en .csv', async () => {
    await page.getByRole('button', { name: 'Vérifier un autre fichier' }).click();
    await upload('classeur.csv', Buffer.from(makeXlsx(XLSX_FIXTURE_ROWS)));
    const text = plain(await page.getByTestId('description-fichier').textContent());
    expect(text).toContain('Classeur Excel, feuille « Bénéficiaires »');
    expect(text).toContain('3 lignes à vérifier');
  });

  it('refuse un fichier vide ou une image avec un message clair', async () => {
    await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
    await upload('vide.csv', Buffer.alloc(0));
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Le fichier est vide');
    await upload('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await page.waitForFunction(() =>
      document.querySelector('[role=alert]')?.textContent?.includes('ni un CSV'),
    );
  });

  it('ne fait aucune requête hors de l’appareil, sans erreur', () => {
    expect(opened.externalRequests).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});
