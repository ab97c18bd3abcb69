import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildPrecacheManifest,
  fileUrl,
  listFiles,
  type PrecacheFile,
  renderServiceWorker,
} from '../../scripts/vite-precache-plugin.ts';

const files: PrecacheFile[] = [
  { fileName: 'index.html', source: '<!doctype html><script src="/assets/index-a1.js"></script>' },
  { fileName: 'assets/index-a1.js', source: 'console.log(1)' },
  { fileName: 'assets/qpv-2024-b2.geojson', source: '{"type":"FeatureCollection","features":[]}' },
  { fileName: 'fonts/Noto Sans Regular/0-255.pbf', source: new Uint8Array([1, 2, 3]) },
  { fileName: '.vite/manifest.json', source: '{}' },
  { fileName: 'assets/index-a1.js.map', source: '{}' },
  { fileName: 'sw.js', source: 'old worker' },
];

describe('buildPrecacheManifest', () => {
  it('lists the output files sorted, URL-encoded, without the Vite manifest, source maps and the worker', () => {
    expect(buildPrecacheManifest(files).entries.map(([url]) => url)).toEqual([
      './assets/index-a1.js',
      './assets/qpv-2024-b2.geojson',
      './fonts/Noto%20Sans%20Regular/0-255.pbf',
      './index.html',
    ]);
  });

  it('is deterministic: the input order does not change the list nor the version', () => {
    const a = buildPrecacheManifest(files);
    const b = buildPrecacheManifest([...files].reverse());
    expect(b).toEqual(a);
    expect(a.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes the version when one byte of one file changes, and only then', () => {
    const before = buildPrecacheManifest(files).version;
    const changed = files.map((file) =>
      file.fileName === 'assets/qpv-2024-b2.geojson' ? { ...file, source: `${file.source} ` } : file,
    );
    expect(buildPrecacheManifest(changed).version).not.toBe(before);
    // An excluded file (source map) does not matter.
    const mapChanged = files.map((file) =>
      file.fileName.endsWith('.map') ? { ...file, source: '{"x":1}' } : file,
    );
    expect(buildPrecacheManifest(mapChanged).version).toBe(before);
  });

  it('changes the version when a file is renamed (same bytes, new hashed name)', () => {
    const renamed = files.map((file) =>
      file.fileName === 'assets/index-a1.js' ? { ...file, fileName: 'assets/index-c3.js' } : file,
    );
    expect(buildPrecacheManifest(renamed).version).not.toBe(buildPrecacheManifest(files).version);
  });

  it('applies extra exclusions (e.g. an optional online basemap)', () => {
    const urls = buildPrecacheManifest(files, [/^fonts\//]).entries.map(([url]) => url);
    expect(urls).not.toContain('./fonts/Noto%20Sans%20Regular/0-255.pbf');
    expect(urls).toContain('./.vite/manifest.json');
  });
});

describe('fileUrl', () => {
  it('encodes each segment as the browser requests it', () => {
    expect(fileUrl('fonts/Noto Sans Medium/256-511.pbf')).toBe('./fonts/Noto%20Sans%20Medium/256-511.pbf');
  });
});

describe('renderServiceWorker', () => {
  const template = readFileSync('src/sw-template.js', 'utf8');

  it('inlines the manifest into the real template, which then evaluates with it', () => {
    const manifest = buildPrecacheManifest(files);
    const code = renderServiceWorker(template, manifest);
    expect(code).not.toContain('__PRECACHE_MANIFEST__');
    const listeners: Record<string, unknown> = {};
    const self = {
      registration: { scope: 'https://example.test/app/' },
      addEventListener: (type: string, listener: unknown) => {
        listeners[type] = listener;
      },
    };
    // Expose the worker's constants to check the URLs it will precache.
    runInNewContext(`${code}\nself.__test = { CACHE_NAME, PRECACHED: [...PRECACHED.keys()], INDEX_URL };`, {
      self,
      URL,
    });
    const exposed = (
      self as unknown as { __test: { CACHE_NAME: string; PRECACHED: string[]; INDEX_URL: string } }
    ).__test;
    expect(exposed.CACHE_NAME).toBe('perimetre-precache');
    expect(exposed.PRECACHED).toContain('https://example.test/app/fonts/Noto%20Sans%20Regular/0-255.pbf');
    expect(exposed.INDEX_URL).toBe('https://example.test/app/index.html');
    expect(Object.keys(listeners).sort()).toEqual(['activate', 'fetch', 'install', 'message']);
  });

  it('refuses a template without (or with two) manifest tokens', () => {
    const manifest = buildPrecacheManifest(files);
    expect(() => renderServiceWorker('const x = 1;', manifest)).toThrow(/exactement une fois/);
    expect(() =>
      renderServiceWorker('self.__PRECACHE_MANIFEST__; self.__PRECACHE_MANIFEST__;', manifest),
    ).toThrow(/exactement une fois/);
  });
});

describe('listFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks sub-folders and returns sorted POSIX paths', () => {
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'fonts', 'Noto Sans Regular'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x');
    writeFileSync(join(dir, 'assets', 'b.js'), 'x');
    writeFileSync(join(dir, 'fonts', 'Noto Sans Regular', '0-255.pbf'), 'x');
    expect(listFiles(dir)).toEqual(['assets/b.js', 'fonts/Noto Sans Regular/0-255.pbf', 'index.html']);
  });
});
