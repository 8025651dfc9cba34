// The first interaction: a search typed into the page as built (src/ui/built_pages/prerender.rs), before the
// app has taken over, is searched by the app once it has (ui::web::take_over), not dropped; the
// focus stays in the box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './browser.mjs';

const env = useBrowser();

/** Opens `path` with the app's wasm held back until `release()`: the page as built shows. */
async function heldBack(path) {
  const page = await env.context.newPage();
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm(\?.*)?$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(env.url + path);
  await page.waitForSelector('#rankings-table tbody tr');
  assert.equal(await page.locator('[data-live]').count(), 0, 'the app has not taken over yet');
  return { page, release };
}

test('a search typed before the app has taken over is searched once it has', async () => {
  const { page, release } = await heldBack('?lang=vi');
  await page.locator('#search').pressSequentially('son la');
  release();
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('#rankings-table tbody tr').length === 1);
  assert.match(await page.locator('#rankings-table tbody tr').textContent(), /Sơn La/);
  assert.equal(await page.locator('#search').inputValue(), 'son la');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.waitForFunction(() => location.search.includes('q=son%20la'));
  await page.close();
});

test('on another view the built page\'s search is not carried over', async () => {
  const { page, release } = await heldBack('?view=trends&index=pci&provinces=14');
  await page.locator('#search').fill('son la');
  release();
  await page.waitForSelector('[data-live] #trend-chart svg');
  await page.waitForFunction(() => location.search.includes('view=trends'));
  assert.doesNotMatch(await page.evaluate(() => location.search), /q=/);
  await page.close();
});
