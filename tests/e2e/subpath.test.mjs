// dist/ served from a sub-path (as on GitHub Pages or a ministry intranet folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './browser.mjs';

test('the app works unchanged under /chiso/', async () => {
  const env = await launch({ prefix: '/chiso/' });
  try {
    assert.match(env.url, /\/chiso\/$/);
    const page = await openApp(env, '?index=pci&year=2020');
    assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
    assert.match(page.url(), /\/chiso\/\?/);
    assert.deepEqual(env.errors, []);
  } finally {
    await env.close();
  }
});
