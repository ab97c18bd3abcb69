import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, openPage, screenshotPath, startHarness, waitForMapIdle } from './harness.ts';
let harness: Harness;
beforeAll(async () => { harness = await startHarness(); });
afterAll(async () => { await harness?.close(); });
it('320', async () => {
  const { page, context, errors } = await openPage(harness, '/?carte=16/50.6862/3.1548', { viewport: { width: 320, height: 640 } });
  await waitForMapIdle(page);
  await page.getByText('Actions du contrat', { exact: true }).click();
  await page.locator('ul.actions-list > li').first().waitFor();
  await page.getByText('Filtrer', { exact: true }).click();
  await page.getByRole('button', { name: 'Un point' }).click();
  await page.getByRole('button', { name: 'Placer au centre de la carte' }).click();
  await page.getByRole('heading', { name: 'Décrire l’action' }).waitFor();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const overflow = await page.evaluate(() => {
    const panel = document.querySelector('.actions-panel')!;
    const out: string[] = [];
    for (const el of panel.querySelectorAll('*')) { const r = el.getBoundingClientRect(); if (r.right > window.innerWidth + 1) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`); }
    return out.slice(0, 10);
  });
  console.log('overflow', JSON.stringify(overflow));
  const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  await page.addScriptTag({ content: axe });
  const res = await page.evaluate(async () => {
    // biome-ignore lint: temp
    const r = await (window as any).axe.run('.actions-panel', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
    return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
  });
  console.log('axe', JSON.stringify(res));
  await page.locator('.actions-editor').screenshot({ path: screenshotPath('a6-320-form') });
  console.log('errors', errors);
  await context.close();
  expect(true).toBe(true);
});
