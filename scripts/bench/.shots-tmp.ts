import { openPage, startHarness, waitForMapIdle } from '/work/main/tests/e2e/harness.ts';
const h = await startHarness();
const shots: [string, string, { width: number; height: number }][] = [
  ['metropole', '/?carte=10.6/50.66/3.1&couches=qpv,rues,bande300', { width: 1280, height: 800 }],
  ['croix-z13', '/?carte=13.2/50.685/3.16&couches=qpv,rues', { width: 1280, height: 800 }],
  ['maison', '/?carte=18.2/50.6855/3.1552', { width: 1280, height: 800 }],
  ['mobile', '/', { width: 375, height: 740 }],
];
for (const [name, url, viewport] of shots) {
  const o = await openPage(h, url, { viewport });
  await waitForMapIdle(o.page, 60000);
  await o.page.waitForTimeout(2500);
  await o.page.evaluate(() => new Promise((r) => (window as any).__map.once('idle', r) || (window as any).__map.triggerRepaint()));
  if (name === 'mobile') {
    await o.page.evaluate(() => (window as any).__map.fire('click', { point: (window as any).__map.project([3.1555, 50.6862]), lngLat: { lng: 3.1555, lat: 50.6862 } }));
  }
  await o.page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: name === 'mobile' });
  console.log(name, o.errors, o.externalRequests);
  await o.context.close();
}
await h.close();
