// Shortwave's service worker: makes the app installable and lets it open without a network. It
// caches the app shell only (the page, its hashed scripts and styles, the icons), never the API,
// media, avatars or uploads: those are always fresh from the server and never kept on the device.
/* global self, caches */
const SHELL_CACHE = 'shortwave-shell-v1';
const SHELL = ['/', '/manifest.webmanifest', '/favicon.svg', '/icon.svg', '/icon-192.png'];
const NEVER_CACHED = /^\/(api|media|avatars|uploads|v)\//;

async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  await Promise.all(
    SHELL.map(async (path) => {
      // The server answers page paths with index.html only when asked for HTML.
      const response = await fetch(path, { headers: { accept: 'text/html,*/*' } });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await cache.put(path, response);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== SHELL_CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

/** Network first for pages (the newest app), the cached shell when offline. */
async function openPage(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    // Every page path is the same index.html; keep the newest copy under "/".
    if (response.ok && new URL(request.url).pathname === '/')
      await cache.put('/', response.clone());
    return response;
  } catch (error) {
    const shell = await cache.match('/');
    if (shell) return shell;
    throw error;
  }
}

/** Hashed assets never change: cache first, filled on first use. */
async function openAsset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER_CACHED.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(openPage(request));
  } else if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    event.respondWith(openAsset(request));
  }
});
