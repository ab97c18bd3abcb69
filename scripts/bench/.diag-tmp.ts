import { openPage, startHarness, waitForMapIdle } from '/work/main/tests/e2e/harness.ts';
const h = await startHarness();
const r: number[] = [];
for (let i = 0; i < 5; i++) {
  const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(h.base + '/');
  const idle = await waitForMapIdle(page, 60000);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join(' | '));
  r.push(Math.round(idle)); console.log(Math.round(idle), marks);
  await ctx.close();
}
console.log('median', r.sort((a, b) => a - b)[2]);
await h.close();
