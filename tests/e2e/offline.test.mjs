// After one visit the app works with the server gone (service worker), also under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, screenshot, untilCached, DIST, openData } from './browser.mjs';

// Every index's component series, a file per year.
const COMPONENTS = readdirSync(join(DIST, 'static/components')).map((f) => `/static/components/${f}`);

test('reloading with the server stopped still shows the data', async () => {
  const env = await launch({ prefix: '/chiso/', serviceWorkers: 'allow' });
  let stopped = false;
  try {
    const page = await env.context.newPage();
    await page.goto(env.url + '?index=pci&year=2016');
    await page.waitForSelector('[data-live] #rankings-table tbody tr');
    await untilCached(page);
    await env.stopServer();
    stopped = true;
    await page.reload();
    await page.waitForSelector('[data-live] #rankings-table tbody tr');
    assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
    await page.click('#tab-map');
    await page.waitForSelector('#map-svg path.province');
    await screenshot(page, 'offline');
    // The component files were cached too, though this visit never needed them.
    await page.goto(env.url + '?view=profile&index=papi&year=2020&province=14');
    await page.waitForSelector('#profile tr[data-component]');
    // So was the import worker: a file is read offline too.
    await openData(page, env.url + '?view=data');
    await page.setInputFiles('#own-file', {
      name: 'offline.csv', mimeType: 'text/csv',
      buffer: Buffer.from('province,year,unit_type,unit,metric,value\nSơn La,2022,district,Mai Sơn,sipas,93.1\n'),
    });
    await page.waitForSelector('.user-file .import-summary');
    assert.deepEqual(env.errors, []);
  } finally {
    if (!stopped) await env.stopServer();
    await env.context.close();
  }
});

test('once the visitor uses the page, the other views\' files are read ahead of need, each downloaded once', async () => {
  const env = await launch({ serviceWorkers: 'allow' });
  try {
    // Downloads are what the service worker fetches, and what the page fetches past it.
    const downloads = [];
    env.context.on('requestfinished', async (request) => {
      const response = await request.response();
      if (request.serviceWorker() || !response?.fromServiceWorker()) downloads.push(new URL(request.url()).pathname);
    });
    const page = await env.context.newPage();
    await page.goto(env.url + '?index=pci&year=2016&province=14');
    await page.waitForSelector('[data-live] #rankings-table tbody tr');
    await untilCached(page);
    // Until then, only the list of sources the first view cites is read (a phone that only
    // shows the first view spends no time on the rest).
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('static/details.json')));
    await page.waitForTimeout(500);
    const unused = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    // (The PCI totals are the first view's.)
    const ahead = ['/static/totals-par.json', '/static/totals-sipas.json', '/static/reports.json', ...COMPONENTS];
    assert.deepEqual(unused.filter((f) => ahead.includes(f)), []);
    // The pointer over the page: the small app reads the data ahead; the whole app (the other
    // views) and the map's outlines, which only it reads, wait in the worker's cache.
    await page.hover('#rankings-table');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('static/reports.json')));
    const read = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(COMPONENTS.includes('/static/components/papi-2024.json') && COMPONENTS.length > 40, COMPONENTS.join(', '));
    for (const file of ['/static/details.json', ...COMPONENTS, '/static/reports.json']) {
      assert.ok(read.includes(file), `${file} read by the page`);
      assert.equal(downloads.filter((d) => d === file).length, 1, `${file} downloaded once`);
    }
    for (const file of ['/all_views.js', '/all_views_bg.wasm', '/static/map.json']) {
      assert.equal(downloads.filter((d) => d === file).length, 1, `${file} downloaded once, by the worker`);
    }
    // Opening views that need them now downloads nothing and waits for no data.
    const before = downloads.length;
    await page.click('#tab-profile');
    await page.waitForSelector('#profile tr[data-component]');
    assert.equal(await page.locator('#part-loading').count(), 0);
    await page.click('#tab-map');
    await page.waitForSelector('[data-live] #map-svg path.province');
    assert.deepEqual(downloads.slice(before), []);
    assert.deepEqual(env.errors, []);
  } finally {
    await env.close();
  }
});
