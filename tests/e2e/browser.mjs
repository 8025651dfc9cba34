// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './static_server.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
/** The same app built with `--public-url /chiso/` (absolute addresses), by `make build`. */
export const DIST_CHISO = new URL('../../dist-chiso/', import.meta.url).pathname;
export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;
/** The Python that reads files back (openpyxl, frictionless): scripts/setup.sh installs them
 * into the project's .venv/. */
export const PYTHON = new URL('../../.venv/bin/python', import.meta.url).pathname;
mkdirSync(SCREENSHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Every view of the app: [name, address, what shows it is ready]. */
export const VIEWS = [
  ['rankings', '?view=rankings&index=par&year=2023', '[data-live] #rankings-table tbody tr'],
  ['profile', '?view=profile&province=14&index=pci&year=2016', '#breakdown-table'],
  ['trends', '?view=trends&index=pci&provinces=14,48,79', '#trend-chart svg'],
  ['map', '?view=map&index=papi&year=2024', '#map-svg path.province'],
  ['tiles', '?view=map&index=pci&year=2016&map=tiles', '#map-svg g.tile'],
  ['borders', '?view=rankings&index=par&year=2023&borders=2025', '#rankings-table tbody.group-2025 tr'],
  ['borders-map', '?view=map&index=papi&year=2023&borders=2025', '#map-svg path.outline-2025'],
  ['unit-profile', '?view=profile&province=n15&index=papi&year=2023', '#former-provinces'],
  ['scatter', '?view=scatter&index=pci&year=2016&y_index=papi', '#scatter-chart svg'],
  ['compare', '?view=compare&index=pci&year=2016&provinces=14,48,79', '#compare-chart svg'],
  ['inside', '?view=inside&province=14', '#meetings'],
  ['brief', '?view=brief&province=22&year=2020', '#brief-standing-table'],
  ['edition', '?view=edition&index=papi&year=2024', '#edition-whole tbody tr'],
  ['own-units', '?view=inside&data=own', '#manage-files'],
  // The page as built shows the data view with its controls disabled until the app takes over.
  ['data', '?view=data', '[data-live] #own-file'],
  // A view alone, as another site frames it (no header, tabs or language switch).
  ['embed', '?view=trends&index=pci&provinces=14,48,79&embed', '.embedded #trend-chart svg'],
];

/** A fresh browser profile and a server over dist/ (`javaScript: false`: a browser without it;
 * `locale`: the language the browser prefers); call `close()` when done. */
export async function launch({ prefix = '/', serviceWorkers = 'block', dist = DIST, javaScript = true, locale = 'vi-VN' } = {}) {
  const server = await serve(dist, { prefix });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chiso-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale,
    javaScriptEnabled: javaScript,
    // Blocked unless a test is about offline use: page.route() cannot see what a worker serves.
    serviceWorkers,
  });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return {
    url: server.url,
    context,
    errors,
    stopServer: () => server.close(),
    async close() {
      await context.close();
      await server.close();
    },
  };
}

/** The widths the built pages are checked at: a desktop's and a small phone's. */
const WIDTHS = [[1280, 800], [360, 740]];

/** A new page of `env`, its console errors added to `messages`. */
export async function newPage(env, messages = []) {
  const page = await env.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') messages.push(m.text()); });
  return page;
}

/** Runs `check(page, width)` on a new page of `env` (`newPage`) at each of `WIDTHS` in turn,
 * and closes the page after. */
export async function atEachWidth(env, check, messages = []) {
  for (const [width, height] of WIDTHS) {
    const page = await newPage(env, messages);
    await page.setViewportSize({ width, height });
    try {
      await check(page, width);
    } finally {
      if (!page.isClosed()) await page.close();
    }
  }
}

/** Opens the data view at `url` (in `page`) and waits for the app's own file input: the page as
 * built shows a disabled one until the app takes over (src/ui/built_pages/prerender.rs). */
export async function openData(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-live] #own-file');
}

/** Opens a page at `path` (relative to the app) and waits for the first table row of the app
 * itself: the page as built shows one before the app has taken over (src/ui/built_pages/prerender.rs). */
export async function openApp(env, path = '') {
  const page = await env.context.newPage();
  await page.goto(env.url + path);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  return page;
}

/** Waits until the service worker has cached the app and controls the page. */
export async function untilCached(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** One browser and server for a test file: started before its tests, checked and closed after. */
export function useBrowser(options) {
  const env = {};
  // Hooks have no time limit of their own (the runner's applies to tests).
  before(async () => Object.assign(env, await launch(options)), { timeout: 120_000 });
  after(async () => {
    await env.close();
    assert.deepEqual(env.errors, [], 'no uncaught page errors');
  }, { timeout: 120_000 });
  return env;
}

/** The card of the user's file `name` on the "Your data" view. */
export const fileCard = (page, name) => page.locator(`.user-file[data-name="${name}"]`);

/** Removes every file listed on the "Your data" view the page shows, one at a time. */
export async function removeAllFiles(page) {
  while (await page.locator('.remove-file').count() > 0) {
    const left = await page.locator('.remove-file').count();
    await page.locator('.remove-file').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.remove-file').length < n, left);
  }
}

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's serious and critical accessibility violations (axe-core), each in a line. */
export async function violations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * The lines of the line chart in `selector` (an `<svg>`): its method breaks' x (their markers),
 * its lines' pieces (each a list of [x, y]) and the segments of a piece that span a break's x.
 */
export async function linePieces(page, selector) {
  return page.$eval(selector, (svg) => {
    const points = (l) => l.getAttribute('points').trim().split(/\s+/).map((p) => p.split(',').map(Number));
    const all = [...svg.querySelectorAll('polyline')];
    const breaks = all.filter((l) => l.getAttribute('stroke') === '#9A6700').map((l) => points(l)[0][0]);
    const pieces = all.filter((l) => l.getAttribute('stroke-width') === '2')
      .map((l) => ({ stroke: l.getAttribute('stroke'), points: points(l) }));
    const crossing = pieces.flatMap((p) => p.points.slice(1).map((q, i) => [p.points[i][0], q[0]]))
      .filter(([a, b]) => breaks.some((x) => Math.min(a, b) < x && x < Math.max(a, b)));
    return { breaks, pieces, crossing };
  });
}
