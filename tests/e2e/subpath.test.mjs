// dist/ served from a sub-path (as on GitHub Pages or a ministry intranet folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from './browser.mjs';

const env = useBrowser({ prefix: '/chiso/' });

test('the app works unchanged under /chiso/', async () => {
  assert.match(env.url, /\/chiso\/$/);
  const page = await openApp(env, '?index=pci&year=2020');
  assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
  assert.match(page.url(), /\/chiso\/\?/);
  // The lazily loaded map geometry resolves under the sub-path too.
  await page.click('#tab-map');
  await page.waitForSelector('#map-svg path.province');
});
