// The compare view: 2–4 provinces, every component as grouped bars plus a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './browser.mjs';

const env = useBrowser();

test('choose provinces, see grouped bars and the table of components', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=compare&index=pci&year=2016');
  await page.waitForSelector('#compare-search');
  assert.match(await page.locator('.hint').innerText(), /2 đến 4/);
  for (const [text, code] of [['son la', '14'], ['da nang', '48'], ['ho chi minh', '79']]) {
    await page.fill('#compare-search', text);
    await page.click(`#compare-search-suggestions button[data-code="${code}"]`);
  }
  await page.waitForSelector('#compare-chart svg');
  // 10 sub-indices × 3 provinces.
  const bars = await page.locator('#compare-chart rect').evaluateAll((rs) => rs.filter((r) => ['#A87400', '#2B8CC4', '#009E73'].includes(r.getAttribute('fill'))).length);
  assert.equal(bars, 30);
  assert.equal(await page.locator('#compare-table tbody tr').count(), 11, 'total + 10 sub-indices');
  assert.equal(await page.locator('#compare-table thead th').count(), 5);
  assert.match(await page.locator('#compare-table tbody tr[data-component="total"]').innerText(), /55,\d\d/);
  await screenshot(page, 'compare-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'compare-360');
  await page.close();
});
