/**
 * The 300 m band of the TVA 5,5 % rule on a phone (390×844): opened from the permalink and switched on by hand,
 * it draws its hatched surface with no « Image … could not be loaded » warning (the hatching image must exist
 * before the layer asks for it).
 */
import { describe, expect, it } from 'vitest';
import { type OpenedPage, openPage, screenshotPath, waitForMapIdle } from './harness.ts';
import { browserSession } from './session.ts';

const PHONE = { width: 390, height: 844 };

function collectConsole(opened: OpenedPage): string[] {
  const messages: string[] = [];
  opened.page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  return messages;
}

async function bandFeatures(opened: OpenedPage): Promise<number> {
  await opened.page
    .waitForFunction(
      () => {
        const map = window.__map;
        // The band's source and layers exist once it is computed (issue 10).
        return (
          !!map?.getLayer('bande-300m-surface') &&
          map.queryRenderedFeatures({ layers: ['bande-300m-surface'] }).length > 0
        );
      },
      null,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  return opened.page.evaluate(() => {
    const map = window.__map;
    return map?.getLayer('bande-300m-surface')
      ? map.queryRenderedFeatures({ layers: ['bande-300m-surface'] }).length
      : 0;
  });
}

describe('bande de 300 m sur un téléphone', () => {
  const session = browserSession();

  it('draws the hatched band from the permalink, without a missing-image warning', {
    timeout: 240_000,
  }, async () => {
    const opened = await openPage(session.harness, '/?couches=qpv,rues,bande300', { viewport: PHONE });
    const messages = collectConsole(opened);
    await waitForMapIdle(opened.page, 120_000);
    expect(await bandFeatures(opened)).toBeGreaterThan(0);
    await opened.page.screenshot({ path: screenshotPath('bande-300m-telephone') });
    expect(messages.filter((m) => /could not be loaded|hachures/i.test(m))).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('draws the band when switched on by hand', { timeout: 240_000 }, async () => {
    const opened = await openPage(session.harness, '/', { viewport: PHONE });
    const messages = collectConsole(opened);
    await waitForMapIdle(opened.page, 120_000);
    const toggle = opened.page.getByLabel(/Bande de 300 m/);
    if (!(await toggle.isVisible())) await opened.page.getByRole('button', { name: /Couches/ }).click();
    await toggle.check();
    expect(await bandFeatures(opened)).toBeGreaterThan(0);
    expect(messages.filter((m) => /could not be loaded|hachures/i.test(m))).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });
});
