// Component series (PAPI sub-dimensions, PCI sub-indices) come in files of their own, one per index
// and year, fetched the first time a view needs them; the page meanwhile keeps what it shows, and
// a failed fetch says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, screenshot } from './browser.mjs';

const env = useBrowser();

function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  return urls;
}

const chooseComponent = (page, key) => page.selectOption('#component-select', key);

const componentFiles = (requests) => requests.filter((u) => u.includes('/components/'));

test('the first view fetches no component file; choosing a sub-dimension fetches its index\'s of that year only', async () => {
  const page = await env.context.newPage();
  const requests = recordRequests(page);
  await page.goto(env.url + '?index=papi&year=2020');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.deepEqual(requests.filter((u) => u.includes('/components/') || u.includes('importer')), [],
    'neither component files nor the import worker on the first view');
  await page.focus('#component-select');
  await chooseComponent(page, 'participation');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('component') === 'participation');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.deepEqual(componentFiles(requests), ['/static/components/papi-2020.json']);
  assert.equal(await page.locator('#part-loading').count(), 0, 'the loading note is gone');
  assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'component-select', 'focus stays on the select');
  // Back to the total and to another sub-dimension: the file is not fetched again.
  await chooseComponent(page, 'total');
  await chooseComponent(page, 'transparency');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('component') === 'transparency');
  assert.deepEqual(componentFiles(requests), ['/static/components/papi-2020.json']);
  // Another year: that year's file.
  await page.selectOption('#year-select', '2018');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2018');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.deepEqual(componentFiles(requests).slice(0, 2), ['/static/components/papi-2020.json', '/static/components/papi-2018.json']);
  await screenshot(page, 'components-loaded');
  await page.close();
});

test('a view opened from a link waits for its components, then shows them', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&index=pci&year=2016&province=14');
  await page.waitForSelector('#profile-name');
  assert.ok(await page.locator('#profile tr[data-component]').count() >= 9, 'every PCI sub-index of Sơn La');
  await page.close();
});

test('a component file that cannot be fetched gives a message and keeps the shown selection', async () => {
  const page = await env.context.newPage();
  await page.route('**/components/pci-2016.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(env.url + '?index=pci&year=2016');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  const before = await page.locator('#rankings-table tbody').textContent();
  const chosen = await page.locator('#component-select option').nth(1).getAttribute('value');
  await chooseComponent(page, chosen);
  await page.waitForSelector('#part-failed');
  assert.match(await page.locator('#part-failed').textContent(), /components\/pci-2016\.json.*503/);
  assert.equal(await page.locator('#rankings-table tbody').textContent(), before, 'the table is unchanged');
  assert.equal(await page.locator('#component-select').inputValue(), 'total', 'the select shows what the table shows');
  assert.notEqual(new URL(page.url()).searchParams.get('component'), chosen, 'nor does the address name it');
  await screenshot(page, 'part-failed');
  await page.close();
});

test('a link to a view whose data file cannot be fetched shows the rankings and says why', async () => {
  const page = await env.context.newPage();
  await page.route('**/reports.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(env.url + '?view=inside&province=14&lang=en');
  await page.waitForSelector('#part-failed');
  assert.match(await page.locator('#part-failed').textContent(), /reports\.json.*503/);
  assert.equal(await page.locator('#rankings-table tbody tr').count(), 63);
  await page.close();
});

test('the view of a user\'s own file needs none of the bundled reports', async () => {
  const page = await env.context.newPage();
  await page.route('**/reports.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(env.url + '?view=inside&data=own');
  await page.waitForSelector('#manage-files');
  // The reports' provinces are still offered (the main file names them).
  assert.equal(await page.locator('.chips button[data-code]').count(), 3);
  assert.equal(await page.locator('#part-failed').count(), 0);
  await page.close();
});
