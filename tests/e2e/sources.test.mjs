// Every source of a value, the list of sources read after the first view (static/details.json),
// and the partial PCI years of the third data pass with the reasons for their coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, screenshot } from './browser.mjs';

const env = useBrowser();

const row = (page, code) => page.locator(`#rankings-table tr[data-code="${code}"]`);

test('a value given by several sources shows each of them, on hover or focus and in the numbered list', async () => {
  const page = await openApp(env, '?index=par&year=2023&lang=en');
  await page.waitForSelector('.sources ol li');
  // Hà Nội, PAR INDEX 2023: 91.43 (rank 3) from its own source and three more.
  const refs = row(page, '01').locator('td.value a.source-ref');
  assert.equal(await refs.count(), 4);
  const ids = await refs.evaluateAll((links) => links.map((a) => a.getAttribute('href').slice('#source-'.length)));
  const title = await row(page, '01').locator('.value-text').getAttribute('title');
  const lines = title.split('\n');
  assert.equal(lines[0], 'Exact value: 91.43');
  assert.match(lines[1], new RegExp(`^Source \\[${ids[0]}\\]: https://`));
  for (const [i, id] of ids.slice(1).entries()) {
    assert.match(lines[2 + i], new RegExp(`^Also given by source \\[${id}\\] \\(value and rank\\): https://`));
  }
  assert.match(title, /baomoi\.com/);
  assert.match(title, /nhadautu\.vn/);
  assert.match(title, /baodantoc\.vn/);
  // Each number is an entry of the list under the table, with that number.
  for (const id of ids) {
    const entry = page.locator(`.sources ol li[id="source-${id}"]`);
    assert.equal(await entry.count(), 1, `source ${id} listed`);
    assert.equal(await entry.getAttribute('value'), id);
  }
  // A further source that gives only the rank says so (Thái Nguyên 2021: rank 6, without a value).
  await page.selectOption('#year-select', '2021');
  await page.waitForURL(/year=2021/);
  const rankOnly = await row(page, '19').locator('td.value [title]').getAttribute('title');
  assert.match(rankOnly, /\nAlso given by source \[\d+\] \(rank\): https:\/\/lecourrier\.vn|\nAlso given by source \[\d+\] \(rank\): https:\/\/giaoducthoidai\.vn/);
  // In Vietnamese too.
  await page.goto(env.url + '?index=par&year=2023&lang=vi');
  await page.waitForSelector('.sources ol li');
  assert.match(await row(page, '01').locator('.value-text').getAttribute('title'), /\nCũng có trong nguồn \[\d+\] \(giá trị và thứ hạng\): https:/);
  await row(page, '01').scrollIntoViewIfNeeded();
  await screenshot(page, 'sources-several-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await row(page, '01').scrollIntoViewIfNeeded();
  await screenshot(page, 'sources-several-360');
  await page.close();
});

test('the list of sources is a part of its own, read after the first view; until then it says it is loading', async () => {
  const page = await env.context.newPage();
  let asked = 0;
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/static/details.json', async (route) => {
    asked += 1;
    await held;
    await route.continue();
  });
  await page.goto(env.url + '?index=par&year=2023&lang=en');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  // The table is drawn without it: values and their first [n] marks are there, the list says
  // it is loading, and so does a value's hover text; no numbered list meanwhile.
  await page.waitForSelector('#sources-loading');
  assert.equal(await page.locator('#sources-loading').innerText(), 'Loading the list of sources…');
  assert.equal(await page.locator('.sources ol li').count(), 0);
  const before = await row(page, '01').locator('.value-text').getAttribute('title');
  assert.match(before, /^Exact value: 91\.43\nSource \[\d+\]: Loading the list of sources…$/);
  assert.equal(await row(page, '01').locator('a.source-ref').count(), 1);
  await screenshot(page, 'sources-loading');
  // Read ahead of need (without a service worker, as here, two seconds after the first view).
  for (let i = 0; i < 100 && asked === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  assert.equal(asked, 1, 'asked for once, after the first view');
  assert.equal(await page.locator('.sources ol li').count(), 0);
  release();
  await page.waitForSelector('.sources ol li');
  assert.equal(await page.locator('#sources-loading').count(), 0);
  assert.equal(await row(page, '01').locator('a.source-ref').count(), 4);
  assert.match(await row(page, '01').locator('.value-text').getAttribute('title'), /^Exact value: 91\.43\nSource \[\d+\]: https:\/\//);
  await page.close();
});

test('a list of sources that cannot be fetched is said so', async () => {
  const page = await env.context.newPage();
  await page.route('**/static/details.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(env.url + '?lang=en');
  await page.waitForSelector('#part-failed');
  assert.match(await page.locator('#part-failed').textContent(), /details\.json.*503/);
  assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
  await page.close();
});

test('PCI 2019 and 2021 show the third pass\'s values, and the partial years say why', async () => {
  const page = await openApp(env, '?index=pci&year=2019&lang=en');
  assert.match(await page.locator('#coverage-count').innerText(), /^30\/63 provinces have data \(\+1 rank only\)/);
  // Ranks 1–24 are complete: Hải Phòng 2019 is among them.
  assert.equal(await row(page, '31').locator('.value-text').innerText(), '68.73');
  const why = page.locator('.coverage details.why-missing');
  assert.notEqual(await why.getAttribute('open'), null, 'the reason for a partial year is shown open');
  assert.match(await why.innerText(), /PCI 2019 is partial: .*Ranks 1–24 are complete/);
  await screenshot(page, 'pci-2019-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'pci-2019-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.selectOption('#year-select', '2021');
  await page.waitForFunction(() => document.querySelector('[data-live] #coverage-count')?.textContent.startsWith('27/63'));
  assert.match(await why.innerText(), /PCI 2021 is partial/);
  // 2022: VCCI changed the weights; the change from 2021 is not computed across it.
  await page.selectOption('#year-select', '2022');
  await page.waitForFunction(() => document.querySelector('[data-live] #coverage-count')?.textContent.startsWith('22/63'));
  assert.match(await why.innerText(), /VCCI changed the weights of the sub-indices in 2022/);
  assert.equal(await row(page, '22').locator('td.change.break').count(), 1, 'Quảng Ninh 2021 → 2022: a method break');
  // 2023: only the top 30 are published.
  await page.selectOption('#year-select', '2023');
  await page.waitForFunction(() => document.querySelector('[data-live] #coverage-count')?.textContent.startsWith('8/63'));
  assert.match(await why.innerText(), /Since PCI 2023 VCCI publishes scores and ranks only for its top 30/);
  await page.goto(env.url + '?index=pci&year=2023&lang=vi');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.match(await page.locator('.coverage details.why-missing').innerText(), /chỉ công bố điểm và thứ hạng của 30 tỉnh dẫn đầu/);
  await page.close();
});
