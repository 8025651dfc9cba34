// chiso's service worker: after the first visit the app and its data work offline.
// Every same-origin GET is answered from the cache when present and refreshed from the network
// in the background, once while this worker runs (so a new release or dataset arrives on the
// next visit, and a file the page reads twice is not downloaded twice); on install, the page,
// the files it names and the data are cached (the app shell); a page built ahead (tinh/…/,
// chi-so/…/, and in English under en/) when it is visited, and one never visited is the app shell offline.
const CACHE = 'chiso-v2';
// The app's root (where this worker sits).
const ROOT = new URL('./', self.location).href;
// Addresses fetched from the network since this worker started.
const refreshed = new Set();
// The main data file and the map, the manifest and its icons, and the import, brief, xlsx and docx workers
// (which index.html does not name). The files split off the data are those dataset.json names.
const DATASET = 'static/dataset.json';
const DATA = [
  DATASET, 'static/map.json',
  'static/manifest.webmanifest', 'static/icon.svg', 'static/icon-192.png', 'static/icon-512.png',
  'importer_loader.js', 'importer.js', 'importer_bg.wasm',
  'brief_loader.js', 'brief.js', 'brief_bg.wasm',
  'xlsx_loader.js', 'xlsx.js', 'xlsx_bg.wasm',
  'docx_loader.js', 'docx.js', 'docx_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch('./', { cache: 'no-cache' });
    const html = await page.clone().text();
    await cache.put('./', page);
    // The files Trunk wrote into index.html (the stylesheet, and the scripts and wasm of both
    // builds of the app, which the loader names): relative (./x, the default build) or absolute
    // (/chiso/x, a build with --public-url).
    const assets = [...html.matchAll(/(?:href=|import\(|fetch\()['"](\.?\/[^'"]+)['"]/g)].map((m) => m[1]);
    await cache.addAll([...new Set([...assets, ...DATA])]);
    const parts = partFiles(await (await cache.match(DATASET)).json());
    await cache.addAll(parts);
    const files = [...new Set([...assets, ...DATA, ...parts])];
    for (const file of ['./', ...files]) refreshed.add(new URL(file, self.location).href);
    // The pages built ahead that are open (the one that registered this worker), each once.
    const open = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
    const pages = new Set(open.map((client) => pageOf(client.url)).filter((p) => p.startsWith(ROOT) && p !== ROOT));
    await Promise.allSettled([...pages].map(async (p) => {
      const response = await fetch(p, { cache: 'no-cache' });
      if (response.ok) await cache.put(p, response);
      refreshed.add(p);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

/** The files split off the main data file while they are not loaded (each index's totals and
 * its component series of each year, the reports, the sources), as `dataset` names them. */
function partFiles(dataset) {
  const indices = dataset.indices.flatMap((i) => [i.totals_file, ...i.years.map((y) => y.components_file)]);
  return [...indices, dataset.reports_file, dataset.details_file].filter(Boolean);
}

/** A page's address without its query: the key it is cached under. */
function pageOf(url) {
  const page = new URL(url);
  page.search = '';
  page.hash = '';
  return page.href;
}

/** The root page as the app shell: a page built ahead that was never visited, opened offline,
 * is the app, which reads its view from the path once the <base> names the root. */
async function shell(cache) {
  const root = await cache.match(ROOT);
  if (!root) return Response.error();
  const html = (await root.text()).replace('<head>', `<head>\n  <base href="${ROOT}">`);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page is one whatever its query (?view=…, ?lang=en): the root, or a page built ahead
    // (tinh/son-la/), cached when it is first visited.
    const navigate = request.mode === 'navigate';
    const page = pageOf(request.url);
    const key = navigate ? page : request;
    const cached = await cache.match(key);
    const address = navigate ? page : request.url;
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
    if (navigate && page !== ROOT) return fresh.catch(() => shell(cache));
    return fresh;
  })());
});
