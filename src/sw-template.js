/*
 * Service worker of Périmètre (template). `vite build` turns it into `dist/sw.js` with
 * scripts/vite-precache-plugin.ts, which replaces the manifest token below by `{ version, urls }`: every file of
 * the build (app shell, hashed JS/CSS, the data/ assets, the glyphs). Never any online basemap: the app makes
 * no request outside its own origin, and this worker ignores other origins.
 *
 * Strategy:
 * - install: precache every URL of the manifest in `perimetre-<version>`; no skipWaiting, so that a new version
 *   waits until the page asks for it (« Mettre à jour », src/register-sw.ts);
 * - activate: delete the caches of older versions, take control of open pages;
 * - navigations (SPA routes such as /sources): network first, falling back to the cached index.html offline;
 * - precached files: cache first (they are content-hashed or versioned with the worker);
 * - anything else on the origin: the network, untouched.
 */
const MANIFEST = self.__PRECACHE_MANIFEST__;
const CACHE_PREFIX = 'perimetre-';
const CACHE_NAME = `${CACHE_PREFIX}${MANIFEST.version}`;
const SCOPE = new URL(self.registration.scope);
const PRECACHED = new Set(MANIFEST.urls.map((url) => new URL(url, SCOPE).href));
const INDEX_URL = new URL('./index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) =>
      cache.addAll(
        [...PRECACHED].map(
          (url) =>
            // Content-hashed files (assets/…) may come from the HTTP cache: the page has often just downloaded
            // them (the 4-5 MB data files on a phone plan). Unhashed ones (index.html, fonts/…) bypass it so
            // that the cache holds exactly the bytes of this version.
            new Request(url, { cache: new URL(url).pathname.includes('/assets/') ? 'default' : 'reload' }),
        ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

async function networkFirstNavigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(INDEX_URL, { cacheName: CACHE_NAME });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, url) {
  const cached = await caches.match(url, { cacheName: CACHE_NAME });
  return cached ?? fetch(request);
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
  if (PRECACHED.has(url.href)) event.respondWith(cacheFirst(request, url.href));
});
