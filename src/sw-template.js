/*
 * Service worker of Périmètre (template). `vite build` turns it into `dist/sw.js` with
 * scripts/vite-precache-plugin.ts, which replaces the manifest token below by `{ version, entries }`: every file
 * of the build to keep offline (app shell, hashed JS/CSS, the data/ assets, the glyphs, the tiles of the covered
 * area) with a revision per file (a hash of its bytes). Never any online basemap: the app makes no request
 * outside its own origin, and this worker ignores other origins.
 *
 * Strategy:
 * - install: one cache, `perimetre-precache`, keyed by URL *and revision*: a file already cached at its revision
 *   is not downloaded again, so a new deployment fetches only the files that changed. Content-hashed files
 *   (`assets/…`) are keyed by their URL alone (the name is the revision). No skipWaiting: a new version waits
 *   until the page asks for it (« Mettre à jour », src/io/register-sw.ts), and meanwhile the old one still finds
 *   its own revisions in the cache;
 * - activate: drop the cache entries no longer in the manifest and the caches of older workers, take control;
 * - navigations (SPA routes such as /sources): network first, falling back to the cached index.html offline;
 * - precached files: cache first;
 * - other tiles (QPV tiles far from the covered area): network first, kept in `perimetre-tuiles` for offline;
 * - anything else on the origin: the network, untouched.
 */
const MANIFEST = self.__PRECACHE_MANIFEST__;
const CACHE_PREFIX = 'perimetre-';
const CACHE_NAME = `${CACHE_PREFIX}precache`;
const TILE_CACHE = `${CACHE_PREFIX}tuiles`;
const SCOPE = new URL(self.registration.scope);
const INDEX_URL = new URL('./index.html', SCOPE).href;
const TILES_PREFIX = new URL('./tiles/', SCOPE).href;

/** Cache key of a file at a revision: the URL itself for content-hashed assets, else URL + `?__rev=`. */
function cacheKey(url, revision) {
  if (new URL(url).pathname.includes('/assets/')) return url;
  const key = new URL(url);
  key.searchParams.set('__rev', revision);
  return key.href;
}

/** Absolute URL → cache key of the current revision. */
const PRECACHED = new Map(
  MANIFEST.entries.map(([url, revision]) => {
    const absolute = new URL(url, SCOPE).href;
    return [absolute, cacheKey(absolute, revision)];
  }),
);

async function precache() {
  const cache = await caches.open(CACHE_NAME);
  const present = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...PRECACHED].filter(([, key]) => !present.has(key));
  // A few at a time: thousands of small tiles must not open thousands of requests at once.
  const queue = missing.slice();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url, key] = next;
      // Content-hashed files may come from the HTTP cache (the page has often just downloaded them); the others
      // bypass it so that the cache holds exactly the bytes of this revision.
      const response = await fetch(
        new Request(url, { cache: url === key ? 'default' : 'reload', credentials: 'same-origin' }),
      );
      if (!response.ok) throw new Error(`précache : ${url} → ${response.status}`);
      await cache.put(key, response);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function cleanUp() {
  const cache = await caches.open(CACHE_NAME);
  const wanted = new Set(PRECACHED.values());
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME && name !== TILE_CACHE)
      .map((name) => caches.delete(name)),
  );
}

self.addEventListener('activate', (event) => {
  event.waitUntil(cleanUp().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

async function networkFirstNavigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(PRECACHED.get(INDEX_URL) ?? INDEX_URL, { cacheName: CACHE_NAME });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: CACHE_NAME });
  return cached ?? fetch(request);
}

async function networkFirstTile(request) {
  const cache = await caches.open(TILE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    const cached = await cache.match(request);
    // Offline and never seen: an empty answer, which MapLibre reads as « no tile here ».
    return cached ?? new Response(null, { status: 404, statusText: 'hors ligne' });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstNavigation(request));
    return;
  }
  url.hash = '';
  const key = PRECACHED.get(url.href);
  if (key) event.respondWith(cacheFirst(request, key));
  else if (url.href.startsWith(TILES_PREFIX)) event.respondWith(networkFirstTile(request));
});
