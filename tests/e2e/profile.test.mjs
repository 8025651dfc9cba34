// The province profile, reached by search, by URL and from other views; back/forward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './browser.mjs';

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
