// The real service worker (src/sw-template.js rendered by scripts/vite-precache-plugin.ts) run in a VM with an
// in-memory Cache Storage and a counting fetch: the first install downloads every file; a deployment where one
// file changed downloads that file only; activation drops the stale revision and keeps the others.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  buildPrecacheManifest,
  type PrecacheFile,
  renderServiceWorker,
} from '../../scripts/vite-precache-plugin.ts';

const SCOPE = 'https://example.test/app/';
const template = readFileSync('src/sw-template.js', 'utf8');

/** Minimal Cache Storage: cache name → (URL → body). */
function memoryCaches() {
  const store = new Map<string, Map<string, string>>();
  const open = async (name: string) => {
    if (!store.has(name)) store.set(name, new Map());
    const entries = store.get(name)!;
    const href = (request: string | { url: string }) => (typeof request === 'string' ? request : request.url);
    return {
      keys: async () => [...entries.keys()].map((url) => ({ url })),
      put: async (request: string | { url: string }, response: { body: string }) => {
        entries.set(href(request), response.body);
      },
      delete: async (request: string | { url: string }) => entries.delete(href(request)),
      match: async (request: string | { url: string }) => entries.get(href(request)),
    };
  };
  return {
    store,
    api: {
      open,
      keys: async () => [...store.keys()],
      delete: async (name: string) => store.delete(name),
      match: async (url: string, options: { cacheName: string }) =>
        (await open(options.cacheName)).match(url),
    },
  };
}

/** Installs then activates the worker of a build; returns the URLs it downloaded. */
async function deploy(files: PrecacheFile[], caches: ReturnType<typeof memoryCaches>) {
  const code = renderServiceWorker(template, buildPrecacheManifest(files));
  const listeners: Record<string, (event: unknown) => void> = {};
  const fetched: string[] = [];
  const body = (url: string) => {
    const file = files.find((f) => new URL(f.fileName, SCOPE).href === url.split('?')[0]);
    return String(file?.source);
  };
  runInNewContext(code, {
    self: {
      registration: { scope: SCOPE },
      clients: { claim: async () => undefined },
      addEventListener: (type: string, listener: (event: unknown) => void) => {
        listeners[type] = listener;
      },
    },
    URL,
    Request: class {
      constructor(
        readonly url: string,
        readonly init: unknown,
      ) {}
    },
    Response: class {},
    caches: caches.api,
    fetch: async (request: { url: string }) => {
      fetched.push(new URL(request.url).pathname);
      return { ok: true, status: 200, body: body(request.url) };
    },
  });
  for (const type of ['install', 'activate']) {
    let done: Promise<unknown> = Promise.resolve();
    listeners[type]!({ waitUntil: (promise: Promise<unknown>) => (done = promise) });
    await done;
  }
  return fetched.sort();
}

const build1: PrecacheFile[] = [
  { fileName: 'index.html', source: '<script src="./assets/index-a1.js"></script>' },
  { fileName: 'assets/index-a1.js', source: 'console.log(1)' },
  { fileName: 'fonts/Noto Sans Regular/0-255.pbf', source: 'glyphes' },
  { fileName: 'tiles/qpv/14/8335/5507.pbf', source: 'tuile A' },
  { fileName: 'tiles/qpv/14/8335/5508.pbf', source: 'tuile B' },
];

describe('service worker: a deployment downloads only what changed', () => {
  it('first visit: every file; next deploy with one tile changed: that tile only', async () => {
    const caches = memoryCaches();
    expect(await deploy(build1, caches)).toEqual([
      '/app/assets/index-a1.js',
      '/app/fonts/Noto%20Sans%20Regular/0-255.pbf',
      '/app/index.html',
      '/app/tiles/qpv/14/8335/5507.pbf',
      '/app/tiles/qpv/14/8335/5508.pbf',
    ]);
    const build2 = build1.map((file) =>
      file.fileName.endsWith('5508.pbf') ? { ...file, source: 'tuile B, données 2025' } : file,
    );
    expect(await deploy(build2, caches)).toEqual(['/app/tiles/qpv/14/8335/5508.pbf']);
    // Activation dropped the old revision of that tile: one entry per file, the new bytes served.
    const cache = caches.store.get('perimetre-precache')!;
    expect(cache.size).toBe(build1.length);
    const tileKeys = [...cache.keys()].filter((key) => key.includes('5508'));
    expect(tileKeys).toHaveLength(1);
    expect(cache.get(tileKeys[0]!)).toBe('tuile B, données 2025');
    // Same build again: nothing to download.
    expect(await deploy(build2, caches)).toEqual([]);
  });

  it('a new hashed bundle is downloaded under its new name, the old one dropped', async () => {
    const caches = memoryCaches();
    await deploy(build1, caches);
    const build2 = build1.map((file) =>
      file.fileName === 'assets/index-a1.js'
        ? { fileName: 'assets/index-b2.js', source: 'console.log(2)' }
        : file.fileName === 'index.html'
          ? { ...file, source: '<script src="./assets/index-b2.js"></script>' }
          : file,
    );
    expect(await deploy(build2, caches)).toEqual(['/app/assets/index-b2.js', '/app/index.html']);
    const keys = [...caches.store.get('perimetre-precache')!.keys()];
    expect(keys.some((key) => key.endsWith('index-a1.js'))).toBe(false);
  });
});
