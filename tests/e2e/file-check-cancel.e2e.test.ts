/**
 * « Annuler la vérification »: a long check in the Web Worker can be stopped, the page goes back to the column
 * mapping with the same file, and nothing from the stopped run is shown as a result.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type OpenedPage, openPage, startHarness } from './harness.ts';

let harness: Harness;
let opened: OpenedPage;
let page: Page;

/** 300 000 distinct addresses on real streets of Croix (numbers 1…300 000 are not all real: the check says so). */
const ROWS = 300_000;
function buildCsv(): Buffer {
  const streets = ['Rue du Tonkin', 'Rue Paul Lafargue', 'Rue Saint-Jacques'];
  const lines = ['Adresse;CP;Ville'];
  for (let index = 0; index < ROWS; index += 1) {
    lines.push(`${index + 1} ${streets[index % streets.length]};59170;Croix`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

beforeAll(async () => {
  harness = await startHarness();
  opened = await openPage(harness, '/verifier-un-fichier');
  page = opened.page;
});

afterAll(async () => {
  await harness?.close();
});

describe('Annuler une vérification', () => {
  it('arrête le Worker et revient à la correspondance des colonnes', async () => {
    await page.locator('input[type=file]').setInputFiles({
      name: 'long.csv',
      mimeType: 'text/csv',
      buffer: buildCsv(),
    });
    const start = page.getByRole('button', { name: /Vérifier les 300 000 lignes/ });
    await start.waitFor({ timeout: 30_000 });
    await start.click();
    await page.getByRole('button', { name: 'Annuler la vérification' }).click();
    // Back to the mapping step with the same file, ready to start again.
    await start.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('synthese').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Vérification en cours' }).count()).toBe(0);
    expect(opened.errors).toEqual([]);
    expect(opened.externalRequests).toEqual([]);
  });
});
