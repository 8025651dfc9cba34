// The app served from a sub-path (as on GitHub Pages or a ministry intranet folder): dist/, whose
// addresses are relative, and dist-chiso/, built with `--public-url /chiso/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, launch, untilCached, DIST_CHISO } from './browser.mjs';

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

test('a build for /chiso/ (--public-url) works there, offline too', async () => {
  const built = await launch({ prefix: '/chiso/', serviceWorkers: 'allow', dist: DIST_CHISO });
  try {
    const page = await openApp(built, '?view=rankings&index=papi&year=2024');
    const html = await page.content();
    assert.match(html, /import\('\/chiso\/chiso-[0-9a-f]+\.js'\)/, 'absolute addresses');
    assert.match(html, /import\('\/chiso\/all_views\.js\?v=[0-9a-f]{16}'\)/, 'absolute and versioned');
    await page.click('#tab-profile');
    await page.click('#tab-map');
    await page.waitForSelector('#map-svg path.province');
    await untilCached(page);
    await built.stopServer();
    await page.goto(built.url + '?view=profile&province=14&index=pci&year=2016');
    await page.waitForSelector('#profile tr[data-component]');
    assert.deepEqual(built.errors, []);
  } finally {
    await built.context.close();
  }
});
