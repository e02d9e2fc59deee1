// The staff app's service worker (registered from main.tsx in production builds): keeps the app shell and
// the files of the pages visited, so /offline opens with no connection after one online visit. The API is
// never cached: the offline app keeps its data itself, encrypted, in IndexedDB.
const CACHE = 'jiuzhu-shell-v1';
const SHELL = ['/', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page tells which files it loaded before the worker took control (the first visit); they are kept too.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const own = data.urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin && !new URL(u).pathname.startsWith('/api/'));
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(own.map((u) => cache.add(u).catch(() => undefined)))));
});

async function fromNetwork(request, fallback) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallback ?? request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(fallback ?? request);
    if (cached) return cached;
    throw err;
  }
}

async function fromCache(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  return fromNetwork(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // Every route of the single-page app is index.html: fresh when online, the kept one when not.
  if (request.mode === 'navigate') {
    event.respondWith(fromNetwork(request, '/'));
    return;
  }
  // Built files carry a content hash in their names: a kept one is always right.
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(fromCache(request));
    return;
  }
  event.respondWith(fromNetwork(request));
});
