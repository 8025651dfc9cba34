// The size budget of issue 5, kept from slipping: what a first visit downloads, gzip-compressed
// as a server would send it, is at most 300 KB, both until the first table is shown and until
// the app has taken the page over, also on a province's page built ahead, in either language. The first table is in
// the HTML (src/ui/built_pages/prerender.rs): the page and what the browser must have before it
// paints (its render-blocking files). The app's wasm and data load meanwhile and take over later: the page's small app
// (rankings and a province's profile, src/ui/components/views.rs), also on a province's page
// built ahead. A link to any other view starts the whole app (bin all_views), which a first
// visit to the root or a page built ahead downloads only after the take-over, when the pointer
// comes over the tabs (tests/e2e/all_views.test.mjs); its size is recorded, without a
// bound, so that its growth stays visible. Times are for the benchmark (scripts/bench.mjs);
// sizes do not depend on the machine, so they are a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useBrowser, DIST } from './browser.mjs';
import { watchFirstRow, watchLive } from './first_row.mjs';

const env = useBrowser();
const BUDGET_KB = 300;

const gzipKB = (files) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0) / 1024;
// The files fetched (with status 200) that started by `until` ms (only the render-blocking ones
// if `blocking`), each as its path in dist/.
const fetched = (page, until, blocking) => page.evaluate(([until, blocking]) => performance.getEntriesByType('resource')
  .filter((e) => e.responseStatus === 200 && e.startTime <= until && (!blocking || e.renderBlockingStatus === 'blocking'))
  .map((e) => new URL(e.name).pathname.slice(1)), [until, blocking]);

test(`a first visit downloads at most ${BUDGET_KB} KB (gzip) until the first table`, async (t) => {
  const page = await env.context.newPage();
  await page.addInitScript(watchFirstRow);
  await page.goto(env.url);
  await page.waitForFunction(() => window.__firstRow !== undefined);
  // The page and what it had to load before painting the first row.
  const firstRow = await page.evaluate(() => window.__firstRow);
  const blocking = await fetched(page, firstRow, true);
  const shown = [...new Set(['index.html', ...blocking])];
  const kb = gzipKB(shown);
  t.diagnostic(`first table: ${kb.toFixed(1)} KB: ${shown.join(', ')}`);
  assert.ok(!shown.some((f) => f.endsWith('.wasm') || f.endsWith('.json')), `the first table waits for no wasm or data: ${shown}`);
  assert.ok(kb <= BUDGET_KB, `${kb.toFixed(1)} KB: ${shown.join(', ')}`);
  // The app taking over: everything fetched until then (files read ahead come after it).
  await page.waitForFunction(() => window.__tookOver !== undefined);
  const tookOver = await page.evaluate(() => window.__tookOver);
  const live = [...new Set(['index.html', ...await fetched(page, tookOver, false)])];
  assert.ok(live.some((f) => f.endsWith('.wasm')) && live.includes('static/dataset.json'), live.join(', '));
  assert.ok(!live.some((f) => f.startsWith('all_views')), `the whole app is not downloaded: ${live}`);
  const liveKB = gzipKB(live);
  t.diagnostic(`app took over: ${liveKB.toFixed(1)} KB: ${live.join(', ')}`);
  assert.ok(liveKB <= BUDGET_KB, `${liveKB.toFixed(1)} KB until the app took over: ${live.join(', ')}`);
  await page.close();
});

/** What a first visit to `path` downloads until the app has taken over with `selector` on
 * screen, as paths in dist/. */
async function tookOver(path, selector) {
  const page = await env.context.newPage();
  await page.addInitScript(watchLive, selector);
  await page.goto(env.url + path);
  await page.waitForFunction(() => window.__live !== undefined);
  const until = await page.evaluate(() => window.__live);
  const files = [...new Set([`${path.split('?')[0]}index.html`, ...await fetched(page, until, false)])];
  await page.close();
  return files;
}

for (const path of ['tinh/son-la/', 'en/tinh/son-la/']) {
  test(`a first visit to a province's page (${path}) downloads at most ${BUDGET_KB} KB (gzip) until the app took over`, async (t) => {
    const files = await tookOver(path, '#breakdown-table');
    assert.ok(!files.some((f) => f.startsWith('all_views')), `the whole app is not downloaded: ${files}`);
    // The profile's breakdown needs its index's components of the year shown only.
    const components = files.filter((f) => f.startsWith('static/components/'));
    assert.equal(components.length, 1, `one year's components: ${components}`);
    const kb = gzipKB(files);
    t.diagnostic(`province page ${path}, app took over: ${kb.toFixed(1)} KB: ${files.join(', ')}`);
    assert.ok(kb <= BUDGET_KB, `${kb.toFixed(1)} KB until the app took over: ${files.join(', ')}`);
  });
}

test("a province's brief page downloads the whole app, not the small one (its size recorded)", async (t) => {
  // Until the app has taken over with the brief as built (its worker's files come after).
  const files = await tookOver('tinh/son-la/bao-cao/', '#brief-title');
  assert.ok(files.includes('all_views_bg.wasm'), files.join(', '));
  assert.ok(!files.some((f) => /^chiso-.*\.wasm$/.test(f)), `the small app is not downloaded: ${files}`);
  t.diagnostic(`brief page, whole app took over: ${gzipKB(files).toFixed(1)} KB: ${files.join(', ')}`);
});

test('a link to another view downloads the whole app only (its size recorded)', async (t) => {
  const files = await tookOver('?view=trends&index=pci&provinces=14,48,79', '#trend-chart svg');
  assert.ok(files.includes('all_views_bg.wasm'), files.join(', '));
  assert.ok(!files.some((f) => /^chiso-.*\.wasm$/.test(f)), `the small app is not downloaded: ${files}`);
  t.diagnostic(`whole app took over: ${gzipKB(files).toFixed(1)} KB: ${files.join(', ')}`);
});
