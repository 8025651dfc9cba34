// chiso's service worker: after the first visit the app and its data work offline.
// Every same-origin GET is answered from the cache when present and refreshed from the network
// in the background, once while this worker runs (so a new release or dataset arrives on the
// next visit, and a file the page reads twice is not downloaded twice); on install, the page,
// the files it names and the data are cached.
const CACHE = 'chiso-v1';
// Addresses fetched from the network since this worker started.
const refreshed = new Set();
// The data, the manifest and its icons, and the import and brief workers (which index.html
// does not name).
const DATA = [
  'static/dataset.json', 'static/components-papi.json', 'static/components-pci.json',
  'static/components-par.json', 'static/totals-par.json', 'static/totals-sipas.json',
  'static/totals-pci.json', 'static/reports.json', 'static/details.json', 'static/map.json',
  'static/manifest.webmanifest', 'static/icon.svg', 'static/icon-192.png', 'static/icon-512.png',
  'importer_loader.js', 'importer.js', 'importer_bg.wasm',
  'brief_loader.js', 'brief.js', 'brief_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('./', { cache: 'no-cache' });
    const html = await page.clone().text();
    await cache.put('./', page);
    // The hashed wasm, JS and CSS that Trunk wrote into index.html: relative (./x, the default
    // build) or absolute (/chiso/x, a build with --public-url).
    const assets = [...html.matchAll(/(?:href|from|module_or_path:)\s*=?\s*['"](\.?\/[^'"]+)['"]/g)].map((m) => m[1]);
    const files = [...new Set([...assets, ...DATA])];
    await cache.addAll(files);
    for (const file of ['./', ...files]) refreshed.add(new URL(file, self.location).href);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any address of the app (with its ?view=… query) is the same page.
    const key = request.mode === 'navigate' ? './' : request;
    const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    const address = new URL(request.mode === 'navigate' ? './' : request.url, self.location).href;
    if (cached && refreshed.has(address)) return cached;
    refreshed.add(address);
    const fresh = fetch(request).then((response) => {
      if (response.ok) cache.put(key, response.clone());
      return response;
    });
    if (cached) {
      fresh.catch(() => {});
      return cached;
    }
    return fresh;
  })());
});
