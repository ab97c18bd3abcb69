import { openPage, startHarness, waitForMapIdle } from '/work/main/tests/e2e/harness.ts';
const h = await startHarness();
const shots: [string, string, { width: number; height: number }][] = [



  ['mobile', '/', { width: 375, height: 740 }],
];
for (const [name, url, viewport] of shots) {
  const o = await openPage(h, url, { viewport });
  await waitForMapIdle(o.page, 60000);
  await o.page.waitForTimeout(3000);
  if (name === 'mobile') {
    await o.page.evaluate(() => (window as any).__map.fire('click', { point: (window as any).__map.project([3.1555, 50.6862]), lngLat: { lng: 3.1555, lat: 50.6862 }, features: (window as any).__map.queryRenderedFeatures((window as any).__map.project([3.1555, 50.6862]), { layers: ['qpv-surface'] }) }));
    await o.page.waitForTimeout(500);
  }
  await o.page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  console.log(name, o.errors, o.externalRequests);
  await o.context.close();
}
await h.close();
