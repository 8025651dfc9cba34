// The map view: choropleth paths, legend, tooltip, click → profile, tile grid, year slider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './browser.mjs';

const env = useBrowser();

test('63 provinces are filled, missing ones hatched and named in the legend', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=map&index=papi&year=2024');
  await page.waitForSelector('#map-svg path.province');
  assert.equal(await page.locator('#map-svg path.province').count(), 63);
  const fills = await page.locator('#map-svg path.province').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
  assert.equal(fills.filter((f) => f === 'url(#no-data)').length, 2);
  assert.equal(fills.filter((f) => /^#[0-9A-F]{6}$/.test(f)).length, 61);
  assert.match(await page.locator('#map-legend').innerText(), /không có số liệu \(2\)/);
  assert.match(await page.locator('.map-credit').innerText(), /GeoNames/);
  assert.equal(await page.locator('#map-table tbody tr').count(), 63, 'the data table behind the map');
  await page.hover('path[data-code="14"]');
  await page.waitForFunction(() => /Sơn La: 43,89/.test(document.querySelector('#map-info').textContent));
  await screenshot(page, 'map-1280');
  await page.click('path[data-code="14"]');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Sơn La');
  // The address is written after the next paint; a user cannot press Back sooner.
  await page.waitForURL(/view=profile/);
  await page.goBack();
  await page.waitForSelector('#map-svg path.province');
  await page.close();
});

test('keyboard opens a province; the tile grid shows Hà Tây only while it existed', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=map&index=pci&year=2007&map=tiles');
  await page.waitForSelector('#map-svg g.tile');
  assert.equal(await page.locator('#map-svg g.tile').count(), 64);
  assert.equal(await page.locator('#map-svg g.tile[data-code="28"]').count(), 1);
  // The slider's position 15 is 2020 (PCI 2005–2024): Hà Tây is gone.
  await page.locator('#map-year').fill('15');
  await page.waitForFunction(() => /year=2020/.test(location.search));
  assert.equal(await page.locator('#map-svg g.tile').count(), 63);
  await page.focus('#map-svg g.tile[data-code="01"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Hà Nội');
  await page.close();
});

test('play steps through the years', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=map&index=papi&year=2022&map=tiles');
  await page.waitForSelector('#map-svg g.tile');
  await page.click('#map-play');
  await page.waitForFunction(() => /year=2023/.test(location.search), null, { timeout: 5000 });
  await page.waitForFunction(() => /year=2024/.test(location.search), null, { timeout: 5000 });
  await page.waitForFunction(() => document.querySelector('#map-play').getAttribute('aria-pressed') === 'false', null, { timeout: 5000 });
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'map-360');
  await page.close();
});
