// "Borders of 2025": a year before 2025 grouped under the 34 provinces formed on 1 July 2025,
// each former province with its own value and rank (never a combined score); the map draws the
// 34 outlines over the 63; profiles link the two geographies and draw the former provinces'
// lines; trends add them with the break of 1 July 2025.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './browser.mjs';

const env = useBrowser();

test('a 2023 ranking under the borders of 2025: 34 groups, each former province with its own value', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=rankings&index=papi&year=2023&lang=en');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  const own = await page.locator('#rankings-table tr[data-code="15"] .value-text').innerText();
  // The switch works from the keyboard.
  await page.focus('#borders-2025');
  await page.keyboard.press('Space');
  await page.waitForSelector('[data-live] #rankings-table tbody.group-2025');
  await page.waitForURL(/borders=2025/);
  assert.equal(await page.locator('#rankings-table tbody.group-2025').count(), 34);
  assert.equal(await page.locator('#rankings-table tr[data-code]').count(), 63);
  const group = page.locator('#rankings-table tbody[data-unit="n15"]');
  assert.match(await group.locator('tr.group-head').innerText(), /Lao Cai – formed from 2 provinces/);
  // The group's head has no score: one header cell, no number.
  assert.equal(await group.locator('tr.group-head td').count(), 0);
  assert.doesNotMatch(await group.locator('tr.group-head').innerText(), /\d+\.\d/);
  assert.deepEqual((await group.locator('tr[data-code]').evaluateAll((rs) => rs.map((r) => r.dataset.code))).sort(), ['10', '15']);
  assert.equal(await group.locator('tr[data-code="15"] .value-text').innerText(), own);
  assert.match(await page.locator('#group-order').innerText(), /Groups ordered by their 2025 province codes/);
  // The groups in the order of the 2025 codes.
  const units = await page.locator('#rankings-table tbody.group-2025').evaluateAll((bs) => bs.map((b) => b.dataset.unit));
  assert.equal(units[0], 'n01');
  await screenshot(page, 'borders-rankings-1280');
  // Sorting by value sorts inside each group.
  await page.click('th[data-column="value"] button');
  await page.waitForURL(/sort=value/);
  assert.equal(await page.locator('#rankings-table tbody.group-2025').count(), 34);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(env.url + '?view=rankings&index=papi&year=2023&borders=2025');
  await page.waitForSelector('[data-live] #rankings-table tbody.group-2025');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await page.locator('#rankings-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'borders-rankings-360');
  await page.close();
});

test('the map under the borders of 2025 draws the 34 outlines over the 63 provinces', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=map&index=papi&year=2023&borders=2025&lang=vi');
  await page.waitForSelector('#map-svg path.outline-2025');
  assert.equal(await page.locator('#map-svg path.province').count(), 63);
  assert.equal(await page.locator('#map-svg path.outline-2025').count(), 34);
  const outline = await page.locator('#map-svg path.outline-2025').first().evaluate((p) => {
    const style = getComputedStyle(p);
    return { fill: style.fill, events: style.pointerEvents, tabindex: p.getAttribute('tabindex') };
  });
  assert.deepEqual(outline, { fill: 'none', events: 'none', tabindex: null });
  assert.match(await page.locator('#legend-2025').innerText(), /34/);
  await screenshot(page, 'borders-map-1280');
  // A province under an outline is still the one clicked.
  await page.click('#map-svg path.province[data-code="15"]');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Yên Bái');
  // The tile grid keeps the 63 and says the outlines are on the geographic map only.
  await page.goto(env.url + '?view=map&index=papi&year=2023&borders=2025&map=tiles');
  await page.waitForSelector('#map-svg g.tile');
  assert.equal(await page.locator('#map-svg g.tile').count(), 63);
  await page.waitForSelector('#borders-geo-only');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(env.url + '?view=map&index=papi&year=2023&borders=2025');
  await page.waitForSelector('#map-svg path.outline-2025');
  await screenshot(page, 'borders-map-360');
  await page.close();
});

test('the profile of n15 draws Lào Cai and Yên Bái; Yên Bái links back to n15', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=n15&index=papi&year=2023&lang=vi');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Lào Cai');
  const card = page.locator('.index-card[data-index="papi"]');
  assert.match(await card.locator('.no-2025').innerText(), /Lào Cai, Yên Bái/);
  const key = await card.locator('.spark-key li').allInnerTexts();
  assert.deepEqual(key.map((k) => k.trim()), ['Lào Cai (từ 2025)', 'Lào Cai (đến 2024)', 'Yên Bái (đến 2024)']);
  // One line per former province (and none joins them): the card's chart has drawn lines.
  assert.ok(await card.locator('.sparkline svg polyline').count() >= 2);
  await screenshot(page, 'borders-profile-n15-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'borders-profile-n15-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  // From the unit to a former province, and back with the keyboard.
  await page.click('#former-provinces a[data-code="15"]');
  await page.waitForFunction(() => document.querySelector('#profile-name')?.textContent === 'Yên Bái');
  await page.waitForURL(/province=15/);
  await page.focus('#open-unit');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#profile-name')?.textContent === 'Lào Cai');
  await page.waitForURL(/province=n15/);
  await page.close();
});

test('trends of a 2025 province under the borders of 2025 add its former provinces, with the break of 2025', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=trends&index=papi&provinces=n15&lang=en');
  await page.waitForSelector('#trend-table');
  assert.equal(await page.locator('#trend-table tbody tr').count(), 1);
  await page.focus('#borders-2025');
  await page.keyboard.press('Space');
  await page.waitForURL(/borders=2025/);
  await page.waitForSelector('#former-lines');
  assert.deepEqual(await page.locator('#trend-table tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.code)), ['n15', '10', '15']);
  assert.deepEqual((await page.locator('#former-lines li').allInnerTexts()).map((t) => t.trim()), ['Lao Cai (to 2024)', 'Yen Bai (to 2024)']);
  assert.match(await page.locator('.chips button.chip').innerText(), /Lao Cai \(since 2025\)/);
  // The 2025 province has no value before 2025: its row is all gaps, nothing made from its members.
  const unitCells = await page.locator('#trend-table tr[data-code="n15"] td').allInnerTexts();
  assert.ok(unitCells.every((c) => c === '–'), unitCells.join(' '));
  assert.match(await page.locator('.chart-notes').innerText(), /1 July 2025/);
  await page.waitForSelector('#trend-chart svg');
  await screenshot(page, 'borders-trends-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await page.locator('#former-lines').scrollIntoViewIfNeeded();
  await screenshot(page, 'borders-trends-360');
  await page.close();
});
