// After one visit the app works with the server gone (service worker), also under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './browser.mjs';

test('reloading with the server stopped still shows the data', async () => {
  const env = await launch({ prefix: '/chiso/', serviceWorkers: 'allow' });
  let stopped = false;
  try {
    const page = await env.context.newPage();
    await page.goto(env.url + '?index=pci&year=2016');
    await page.waitForSelector('#rankings-table tbody tr');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    await env.stopServer();
    stopped = true;
    await page.reload();
    await page.waitForSelector('#rankings-table tbody tr');
    assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
    await page.click('#tab-map');
    await page.waitForSelector('#map-svg path.province');
    await screenshot(page, 'offline');
    // The component files were cached too, though this visit never needed them.
    await page.goto(env.url + '?view=profile&index=papi&year=2020&province=14');
    await page.waitForSelector('#profile tr[data-component]');
    // So was the import worker: a file is read offline too.
    await page.goto(env.url + '?view=inside&data=own');
    await page.setInputFiles('#own-file', {
      name: 'offline.csv', mimeType: 'text/csv',
      buffer: Buffer.from('province,year,unit_type,unit,metric,value\nSơn La,2022,district,Mai Sơn,sipas,93.1\n'),
    });
    await page.waitForSelector('#import-summary');
    assert.deepEqual(env.errors, []);
  } finally {
    if (!stopped) await env.stopServer();
    await env.context.close();
  }
});
