// The size budget of issue 5, kept from slipping: what a first visit downloads until the first
// table is shown, gzip-compressed as a server would send it, is at most 300 KB. The first table
// is in the HTML (src/ui/built_pages/prerender.rs): the page and what the browser must have before it paints
// (its render-blocking files). The app's wasm and data load meanwhile (preloaded, not blocking)
// and take over later; what a visit has downloaded by then is recorded, without a bound, so that
// its growth stays visible. Times are for the benchmark (scripts/bench.mjs); sizes do not depend
// on the machine, so they are a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useBrowser, DIST } from './browser.mjs';
import { watchFirstRow } from './first_row.mjs';

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
  t.diagnostic(`app took over: ${gzipKB(live).toFixed(1)} KB: ${live.join(', ')}`);
  await page.close();
});
