// The trends view: add provinces, switch value/rank, gaps and method breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, linePieces } from './browser.mjs';

const env = useBrowser();

test('add provinces, see their lines and table, switch to ranks, remove one', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=trends&index=pci');
  await page.waitForSelector('#trend-search');
  for (const [text, code] of [['da nang', '48'], ['SƠN LA', '14']]) {
    await page.fill('#trend-search', text);
    await page.click(`#trend-search-suggestions button[data-code="${code}"]`);
  }
  await page.waitForSelector('#trend-chart svg');
  assert.equal(await page.locator('#trend-table tbody tr').count(), 2);
  // PCI has no 2017–2019 values: those cells say so; the chart marks the 2006, 2009, 2013 breaks.
  const row = await page.locator('#trend-table tbody tr[data-code="48"]').innerText();
  assert.match(row, /70,00/);
  assert.match(await page.locator('#trend-chart').innerHTML(), /⚠ 2009/);
  await page.waitForURL(/provinces=48%2C14|provinces=48,14/);
  await page.check('#mode-rank');
  await page.waitForFunction(() => /mode=rank/.test(location.search));
  assert.match(await page.locator('#trend-table tbody tr[data-code="48"]').innerText(), /\t1\t|\b1\b/);
  await screenshot(page, 'trends-1280');
  await page.click('.chips button[data-code="14"]');
  await page.waitForFunction(() => document.querySelectorAll('#trend-table tbody tr').length === 1);
  await page.close();
});

test('the profile hands its province to the trends view', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=01');
  await page.waitForSelector('#profile-name');
  await page.click('#show-trends');
  await page.waitForSelector('#trend-table tbody tr[data-code="01"]');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'trends-360');
  await page.close();
});

test("a component's line reads its index's components of every year, each year's file once", async () => {
  const page = await env.context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(env.url + '?view=trends&index=papi&component=participation&provinces=14');
  await page.waitForSelector('[data-live] #trend-table tbody tr[data-code="14"]');
  // Sơn La's participation in the first year (2011) and the last (2024), each from its own file.
  const row = await page.locator('#trend-table tbody tr[data-code="14"]').innerText();
  assert.match(row, /6,64/);
  assert.match(row, /5,20/);
  const files = requests.filter((u) => u.includes('/components/'));
  const papi = files.filter((u) => u.includes('/components/papi-'));
  assert.equal(papi.length, 14, papi.join(', '));
  assert.equal(new Set(papi).size, papi.length, 'each file once');
  assert.ok(papi.includes('/static/components/papi-2011.json') && papi.includes('/static/components/papi-2024.json'));
  await screenshot(page, 'trends-component-1280');
  await page.close();
});

test('no line crosses a change of method: PAPI stops before 2018 and starts again, by value and by rank', async () => {
  const page = await env.context.newPage();
  for (const mode of ['', '&mode=rank']) {
    await page.goto(`${env.url}?view=trends&index=papi&provinces=14&lang=en${mode}`);
    await page.waitForSelector('[data-live] #trend-chart svg');
    const { breaks, pieces, crossing } = await linePieces(page, '#trend-chart svg');
    assert.equal(breaks.length, 1, 'the break of 2018 stays marked');
    assert.deepEqual(crossing, [], 'no segment spans the break');
    // Sơn La's line (the first colour) in two pieces at least: up to 2017, and from 2018.
    const own = pieces.filter((p) => p.stroke === '#000000');
    const [x] = breaks;
    assert.ok(own.some((p) => p.points.every(([px]) => px < x)), 'a piece before 2018');
    assert.ok(own.some((p) => p.points.every(([px]) => px > x)), 'a piece from 2018');
    assert.match(await page.locator('#trend-chart').innerText(),
      /No line is joined across a change of method \(2018\)/);
    await screenshot(page, `trends-break${mode ? '-rank' : ''}-1280`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#trend-chart').scrollIntoViewIfNeeded();
  await screenshot(page, 'trends-break-360');
  await page.close();
});
