// The size budget of issue 5, kept from slipping: what a first visit downloads until the first
// table is shown, gzip-compressed as a server would send it, is at most 300 KB. Times are for
// the benchmark (scripts/bench.mjs); sizes do not depend on the machine, so they are a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useBrowser, DIST } from './browser.mjs';
import { watchFirstRow } from './first_row.mjs';

const env = useBrowser();
const BUDGET_KB = 300;


test(`a first visit downloads at most ${BUDGET_KB} KB (gzip) until the first table`, async (t) => {
  const page = await env.context.newPage();
  await page.addInitScript(watchFirstRow);
  await page.goto(env.url);
  await page.waitForFunction(() => window.__firstRow !== undefined);
  // The page and what it asked for before the first row (files read ahead come after it).
  const asked = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.startTime <= window.__firstRow && e.responseStatus === 200)
    .map((e) => new URL(e.name).pathname.slice(1)));
  const shown = [...new Set(['index.html', ...asked])];
  const bytes = shown.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0);
  const kb = bytes / 1024;
  t.diagnostic(`${kb.toFixed(1)} KB: ${shown.join(', ')}`);
  assert.ok(shown.some((f) => f.endsWith('.wasm')) && shown.includes('static/dataset.json'), shown.join(', '));
  assert.ok(kb <= BUDGET_KB, `${kb.toFixed(1)} KB: ${shown.join(', ')}`);
  await page.close();
});
