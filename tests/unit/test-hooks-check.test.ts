// The check that the production build carries no browser-test hook (npm test runs it on dist/ right after
// `vite build`, scripts/run-tests.ts), here on fixtures: it must see a hook wherever the minifier puts it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTestHooks } from '../../scripts/lib/test-hooks-check.ts';

const dir = mkdtempSync(join(tmpdir(), 'perimetre-hooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findTestHooks', () => {
  it('finds a hook in minified code, in a nested chunk, and ignores data and clean files', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="/assets/index.js"></script>');
    // Vite's own preload helper is not a hook.
    writeFileSync(
      join(dir, 'assets', 'index.js'),
      'const __vite__mapDeps=(i,m=__vite__mapDeps)=>i;export{a};',
    );
    writeFileSync(join(dir, 'assets', 'map-view.js'), 'function h(e){window.__map=e}');
    writeFileSync(join(dir, 'assets', 'idle.js'), 'n.__mapIdle===void 0&&(n.__mapIdle=performance.now())');
    writeFileSync(join(dir, 'assets', 'maplibre.js'), 'this.__mapbox_id=1;');
    writeFileSync(join(dir, 'notes.json'), '{"__map": 1}');
    expect(findTestHooks(dir).sort()).toEqual([join('assets', 'idle.js'), join('assets', 'map-view.js')]);
  });
});
