// The province profile, reached by search, by URL and from other views; back/forward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, linePieces } from './browser.mjs';

const env = useBrowser();

test('pick a province by searching without diacritics, see its four indices and where it lost points', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.click('#tab-profile');
  await page.fill('#profile-search', 'son la');
  await page.click('.suggestions button[data-code="14"]');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Sơn La');
  assert.equal(await page.locator('.index-card').count(), 4);
  assert.match(await page.locator('.index-card[data-index="pci"]').innerText(), /2020[\s\S]*62,05/);
  await page.selectOption('#profile-index', 'pci');
  await page.selectOption('#profile-year', '2016');
  await page.waitForFunction(() => document.querySelectorAll('#breakdown-table tbody tr').length === 10);
  await page.waitForURL(/view=profile.*province=14|province=14.*view=profile/);
  // Region peers include the province itself, highlighted.
  assert.match(await page.locator('#peers-table tr.current').innerText(), /Sơn La/);
  await screenshot(page, 'profile-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'profile-360');
  await page.close();
});

test('back and forward step through views', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=rankings');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.click('#tab-profile');
  // Each step's address is written after the next paint; a user cannot press Back sooner.
  await page.waitForURL(/view=profile/);
  await page.fill('#profile-search', 'DA NANG');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Đà Nẵng');
  await page.waitForURL(/province=48/);
  await page.goBack();
  await page.waitForSelector('#profile-search');
  assert.equal(await page.locator('#profile-name').count(), 0);
  await page.goBack();
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await page.goForward();
  await page.waitForSelector('#profile-search');
  await page.goForward();
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Đà Nẵng');
  await page.close();
});

test('a province with no value in the chosen year is offered its latest year', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=14&index=par&year=2023');
  await page.waitForSelector('#latest-year');
  await page.click('#latest-year');
  await page.waitForFunction(() => document.querySelector('#profile-year').value === '2024');
  await page.close();
});

test('a profile lists the disagreements between sources about its province only', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=31&index=par&year=2023&lang=en');
  await page.waitForSelector('#profile-name');
  assert.match(await page.locator('#conflict-31').innerText(), /^Hai Phong: value used 91\.87/);
  assert.equal(await page.locator('.conflicts li').count(), 1, 'not those about other provinces');
  await page.close();
});

test("a card's small chart stops its line at PAPI's change of method", async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=14&lang=vi');
  const chart = '[data-live] .index-card[data-index="papi"] .sparkline svg';
  await page.waitForSelector(chart);
  const { breaks, pieces, crossing } = await linePieces(page, chart);
  assert.equal(breaks.length, 1);
  assert.deepEqual(crossing, []);
  const [x] = breaks;
  assert.ok(pieces.some((p) => p.points.every(([px]) => px < x)) && pieces.some((p) => p.points.every(([px]) => px > x)));
  assert.match(await page.locator('.index-card[data-index="papi"] .sparkline').getAttribute('aria-label'),
    /Đường không nối qua năm thay đổi phương pháp \(2018\)/);
  await page.close();
});

test("a 2025 province before 2025: its former provinces' own components side by side, its name in the search box", async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=n15&index=papi&year=2024&lang=vi');
  await page.waitForSelector('[data-live] #former-breakdown-table');
  assert.equal(await page.locator('#profile-search').inputValue(), 'Lào Cai (từ 2025)');
  assert.match(await page.locator('#former-components-note').innerText(),
    /Lào Cai được thành lập ngày 1\/7\/2025; năm 2024, các tỉnh cũ \(Lào Cai, Yên Bái\) được đánh giá riêng/);
  const head = await page.locator('#former-breakdown-table thead').innerText();
  assert.match(head, /Lào Cai/);
  assert.match(head, /Yên Bái/);
  const rows = page.locator('#former-breakdown-table tbody tr');
  assert.ok(await rows.count() >= 8);
  for (const code of ['10', '15']) {
    const cells = await page.locator(`#former-breakdown-table tbody td[data-code="${code}"]`).allInnerTexts();
    assert.equal(cells.length, await rows.count());
    assert.ok(cells.every((c) => /\d,\d\d/.test(c)), `${code}: ${cells}`);
  }
  assert.equal(await page.locator('#breakdown-table').count(), 0);
  await page.locator('#former-breakdown-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-former-components-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#former-components-note').scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-former-components-360');
  // Typing replaces the name (all of it selected on focus) and picks another province.
  await page.click('#profile-search');
  await page.keyboard.type('son la');
  await page.click('.suggestions button[data-code="14"]');
  await page.waitForSelector('[data-live] #breakdown-table');
  assert.match(await page.locator('#profile-search').inputValue(), /^Sơn La/);
  await page.close();
});

test("the brief's search box shows the chosen province", async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=brief&province=n15&year=2024&lang=en');
  await page.waitForSelector('#brief-search');
  await page.waitForFunction(() => document.querySelector('#brief-search').value === 'Lao Cai (since 2025)');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'brief-picker-360');
  await page.close();
});
