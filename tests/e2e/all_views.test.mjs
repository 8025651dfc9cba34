// The page's two builds of the app (src/ui/components/views.rs): the small one draws the
// rankings and a province's profile; opening any other view loads the whole app, which takes
// the page over with the visitor's choices, focus and history, and says so if it cannot load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, screenshot } from './browser.mjs';
import { watchFirstRow } from './first_row.mjs';

const env = useBrowser();

/** The app files a page has fetched, by name. */
const appFiles = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.split('/').pop())
  .filter((f) => /\.(wasm|js)$/.test(f)));

test('opening another view loads the whole app, which takes over with the same choices', async () => {
  const page = await openApp(env, '?lang=vi');
  await page.selectOption('#index-select', 'pci');
  await page.selectOption('#year-select', '2016');
  await page.waitForFunction(() => /year=2016/.test(location.search));
  // By keyboard: the tab keeps the focus across the change of app.
  await page.focus('#tab-map');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-live] #map-svg path.province');
  assert.equal(await page.locator('#app > *').count(), 1, 'one app in the page');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-map');
  // The address is written after the view's paint.
  await page.waitForURL(/view=map/);
  assert.match(page.url(), /index=pci/);
  assert.match(page.url(), /year=2016/);
  const files = await appFiles(page);
  assert.equal(files.filter((f) => f === 'all_views_bg.wasm').length, 1, files.join(', '));
  await screenshot(page, 'all-views-map-1280');
  // History goes on across the change: back to the rankings (now drawn by the whole app), and
  // forward again, each once.
  await page.goBack();
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.equal(await page.locator('#index-select').inputValue(), 'pci');
  await page.goForward();
  await page.waitForSelector('[data-live] #map-svg path.province');
  assert.equal(await page.locator('#rankings-table').count(), 0);
  // The whole app's other views need nothing more.
  await page.click('#tab-trends');
  await page.waitForSelector('[data-live] #trend-search');
  assert.equal((await appFiles(page)).filter((f) => f.startsWith('all_views')).length, 2);
  await page.close();
});

test('the whole app is fetched once, when the pointer first comes over the tabs, not before', async () => {
  const page = await env.context.newPage();
  await page.addInitScript(watchFirstRow);
  await page.goto(env.url);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.waitForTimeout(1000);
  assert.ok(!(await appFiles(page)).some((f) => f.startsWith('all_views')), 'the rankings need only the small app');
  const wasm = page.waitForResponse(/all_views_bg\.wasm/);
  await page.hover('#tab-map');
  await (await wasm).finished();
  const [tookOver, fetched] = await page.evaluate(() => [window.__tookOver,
    performance.getEntriesByType('resource').filter((e) => /all_views/.test(e.name)).map((e) => e.startTime)]);
  assert.equal(fetched.length, 2, 'its script and its wasm');
  for (const at of fetched) assert.ok(at > tookOver, `fetched at ${at} ms, after the take-over at ${tookOver} ms`);
  assert.equal(await page.locator('#app > *').count(), 1, 'fetched, not started');
  // The click then opens the view with what was fetched: no file is fetched again.
  await page.click('#tab-map');
  await page.waitForSelector('[data-live] #map-svg path.province');
  assert.deepEqual((await appFiles(page)).filter((f) => f.startsWith('all_views')), ['all_views.js', 'all_views_bg.wasm']);
  await page.close();
});

test('a province page hands its province to another view', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${env.url}tinh/son-la/?lang=vi`);
  await page.waitForSelector('[data-live] #breakdown-table');
  await page.click('#tab-inside');
  await page.waitForSelector('[data-live] #meetings');
  await page.waitForURL(/view=inside/);
  assert.match(page.url(), /province=14/);
  assert.match(await page.locator('[data-live] h2').first().innerText(), /Sơn La/);
  await screenshot(page, 'all-views-inside-360');
  await page.close();
});

test('while the whole app loads the page says so, and if it cannot, says why and keeps working', async () => {
  // Held back, then refused (also when fetched ahead of the click): the page shows that the
  // view is loading, then why it failed.
  let release;
  const held = new Promise((ok) => { release = ok; });
  const page = await env.context.newPage();
  await page.route(/all_views_bg\.wasm/, async (route) => {
    await held;
    await route.abort();
  });
  await page.goto(`${env.url}?lang=vi`);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.click('#tab-trends');
  await page.waitForSelector('#view-loading');
  assert.match(await page.locator('#view-loading').innerText(), /Đang tải phần này của ứng dụng/);
  await screenshot(page, 'all-views-loading-1280');
  release();
  await page.waitForSelector('#view-load-failed');
  assert.match(await page.locator('#view-load-failed').innerText(), /Không tải được phần này của ứng dụng/);
  await screenshot(page, 'all-views-failed-1280');
  // The small app still works, and a second try loads the whole app once it can be fetched.
  await page.click('#tab-rankings');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.unroute(/all_views_bg\.wasm/);
  await page.click('#tab-trends');
  await page.waitForSelector('[data-live] #trend-search');
  assert.equal(await page.locator('#app > *').count(), 1);
  await page.close();
});

test('the whole app that cannot load its data leaves the page to the small app, which says why', async () => {
  const page = await openApp(env, '?lang=vi');
  await page.route(/static\/dataset\.json/, (route) => route.abort());
  await page.click('#tab-scatter');
  await page.waitForSelector('#view-load-failed');
  assert.match(await page.locator('#view-load-failed').innerText(), /static\/dataset\.json/);
  assert.equal(await page.locator('#app > *').count(), 1, 'the small app alone');
  await page.click('#tab-rankings');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.close();
});

test('a link to another view whose app cannot be fetched starts the small app, which says so', async () => {
  const page = await env.context.newPage();
  await page.route(/all_views_bg\.wasm/, (route) => route.abort());
  await page.goto(`${env.url}?view=trends&lang=vi`);
  await page.waitForSelector('[data-live] #view-load-failed');
  await page.click('#tab-rankings');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.close();
});
