// End-to-end tests of the rankings view against the built dist/, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp, screenshot, launch } from './browser.mjs';

const env = useBrowser();

const rows = (page) => page.locator('#rankings-table tbody tr');
const firstProvince = (page) => page.locator('#rankings-table tbody tr th').first().innerText();

test('the first view shows real rankings with missing provinces labelled last', async () => {
  const page = await openApp(env);
  assert.equal(await rows(page).count(), 63);
  assert.match(await page.locator('#coverage-count').innerText(), /^61\/63 tỉnh có số liệu/);
  const last = rows(page).last();
  assert.match(await last.getAttribute('class'), /no-data/);
  assert.match(await last.innerText(), /không có số liệu/);
  assert.equal(await page.locator('#ranking-chart svg').count(), 1);
  await screenshot(page, 'rankings-1280');
  await page.close();
});

test('a full PCI year has 63 rows, ranked officially, with a bar each', async () => {
  const page = await openApp(env);
  await page.selectOption('#index-select', 'pci');
  await page.selectOption('#year-select', '2016');
  await page.waitForFunction(() => document.querySelector('[data-live] #coverage-count')?.textContent.startsWith('63/63'));
  assert.equal(await rows(page).count(), 63);
  assert.equal(await page.locator('#rankings-table tbody tr.no-data').count(), 0);
  assert.equal(await rows(page).first().locator('.official-rank').innerText(), '1');
  assert.equal(await firstProvince(page), 'Đà Nẵng', 'PCI 2016 rank 1 in data/pci/pci.csv');
  const bars = await page.locator('#ranking-chart rect[fill="#3B6EA8"]').count();
  assert.equal(bars, 63);
  await page.waitForURL(/index=pci&year=2016/);
  await page.close();
});

test('search matches with or without diacritics and case', async () => {
  const page = await openApp(env);
  for (const text of ['son la', 'SƠN LA', 'Sơn La']) {
    await page.fill('#search', text);
    await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 1);
    assert.equal(await firstProvince(page), 'Sơn La', text);
  }
  assert.equal(await page.locator('#ranking-chart rect[fill="#C44E00"]').count(), 1, 'the match is highlighted in the chart');
  assert.deepEqual((await page.locator('#ranking-chart text', { hasText: '▶' }).allTextContents()).map((t) => t.trim()), ['▶ Sơn La'], 'and its name marked');
  await page.fill('#search', 'zzz');
  await page.waitForSelector('[data-live] #rankings-table td.empty');
  await page.fill('#search', '');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 63);
  // Escape clears the box; the whole table comes back (after the paint showing the box empty),
  // highlighting nothing, and the address forgets the search.
  await page.fill('#search', 'son la');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 1);
  await page.press('#search', 'Escape');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 63);
  assert.equal(await page.inputValue('#search'), '');
  assert.equal(await page.locator('#ranking-chart text', { hasText: '▶' }).count(), 0, 'no name marked');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
  // A key typed right after the clear, before it is drawn, builds on the empty box.
  await page.fill('#search', 'son la');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 1);
  await page.press('#search', 'Escape');
  await page.keyboard.type('ha');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-live] #rankings-table tbody tr')].length > 1
    && [...document.querySelectorAll('[data-live] #rankings-table tbody tr')].every((r) => /ha/i.test(r.textContent.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))));
  assert.equal(await page.inputValue('#search'), 'ha');
  await page.close();
});

test('switching index, year, component and region changes the rows', async () => {
  const page = await openApp(env);
  await page.selectOption('#index-select', 'par');
  await page.selectOption('#year-select', '2023');
  await page.waitForFunction(() => /^27\/63/.test(document.querySelector('[data-live] #coverage-count')?.textContent));
  assert.match(await page.locator('#coverage-count').innerText(), /chỉ có thứ hạng/);
  assert.equal(await firstProvince(page), 'Quảng Ninh');
  await page.selectOption('#region-select', 'tay_nguyen');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 5);
  await page.selectOption('#region-select', '');
  await page.selectOption('#index-select', 'papi');
  await page.selectOption('#year-select', '2016');
  await page.selectOption('#component-select', 'participation.civic_knowledge');
  // The sub-dimension is shown once its file has been read.
  await page.waitForFunction(() => /Tri thức công dân/.test(document.querySelector('#ranking-chart figcaption')?.textContent));
  assert.match(await page.locator('#coverage-count').innerText(), /^63\/63/);
  await screenshot(page, 'rankings-par-papi');
  await page.close();
});

test('choices made before the view is drawn again are drawn together, each building on the one before', async () => {
  const page = await openApp(env);
  // Three inputs in one task: the view is drawn after the paint that follows a choice, so the
  // second and third come before the first is drawn.
  await page.evaluate(() => {
    const index = document.querySelector('[data-live] #index-select');
    index.value = 'pci';
    index.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('[data-live] th[data-column="province"] button').click();
    const search = document.querySelector('[data-live] #search');
    search.value = 'son la';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForURL((url) => url.searchParams.get('sort') === 'province');
  assert.equal(new URL(page.url()).searchParams.get('index'), 'pci');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'son la');
  assert.equal(await page.locator('[data-live] #index-select').inputValue(), 'pci');
  assert.equal(await page.locator('[data-live] th[data-column="province"]').getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await page.locator('[data-live] #rankings-table tbody tr th').allInnerTexts(), ['Sơn La']);
  await page.close();
});

test('header clicks and the keyboard re-sort; no-data rows stay last', async () => {
  const page = await openApp(env);
  const header = page.locator('th[data-column="province"] button');
  await header.click();
  await page.waitForSelector('th[data-column="province"][aria-sort="ascending"]');
  assert.equal(await firstProvince(page), 'An Giang');
  await header.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('th[data-column="province"][aria-sort="descending"]');
  assert.equal(await firstProvince(page), 'Yên Bái');
  assert.match(await rows(page).last().getAttribute('class'), /no-data/);
  await page.locator('th[data-column="value"] button').click();
  await page.waitForSelector('th[data-column="value"][aria-sort="descending"]');
  assert.equal(await firstProvince(page), 'Quảng Ninh');
  await page.close();
});

test('each value shows its source on hover or focus', async () => {
  const page = await openApp(env, '?index=pci&year=2020');
  // Once the list of sources has arrived (read right after the first view).
  await page.waitForSelector('.sources ol li');
  const value = rows(page).first().locator('.value-text');
  assert.match(await value.getAttribute('title'), /Nguồn \[\d+\]: https:\/\/pcivietnam\.vn/);
  assert.equal(await value.getAttribute('tabindex'), '0');
  const ref = rows(page).first().locator('a.source-ref');
  const target = (await ref.getAttribute('href')).slice(1);
  assert.equal(await page.locator(`[id="${target}"]`).count(), 1);
  await page.close();
});

test('the URL reproduces the view and garbage parameters fall back to defaults', async () => {
  const page = await openApp(env, '?lang=en&index=pci&year=2016&q=ha&sort=value&dir=desc');
  assert.equal(await page.locator('#index-select').inputValue(), 'pci');
  assert.equal(await page.locator('#search').inputValue(), 'ha');
  assert.match(await page.locator('#coverage-count').innerText(), /provinces have data/);
  await page.goto(env.url + '?index=%3Cscript%3E&year=99999&component=%FF&region=mars&sort=x&lang=zz&q=%ZZ');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.equal(await page.locator('#index-select').inputValue(), 'papi');
  assert.equal(await rows(page).count(), 63);
  await page.close();
});

test('the language switch translates the interface', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator('#coverage-count').innerText(), /provinces have data/);
  await page.waitForURL(/lang=en/);
  // The choice is remembered: switch back for the tests that follow.
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  await page.close();
});

test('while the dataset downloads, the first view built into the page is on screen', async () => {
  const page = await env.context.newPage();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/static/dataset.json', async (route) => { await held; await route.continue(); });
  await page.goto(env.url);
  await page.waitForSelector('#rankings-table tbody tr');
  assert.equal(await page.locator('[data-live]').count(), 0);
  assert.equal(await page.locator('#loading').isVisible(), false, 'no loading line over the table');
  release();
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.equal(await page.locator('#loading').count(), 0);
  assert.equal(await page.locator('#rankings-table').count(), 1);
  await page.close();
});

test('a dataset that cannot be fetched shows an error panel naming the URL', async () => {
  const page = await env.context.newPage();
  await page.route('**/static/dataset.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.url);
  const panel = page.locator('#load-error');
  await panel.waitFor();
  assert.match(await panel.innerText(), /static\/dataset\.json/);
  assert.match(await panel.innerText(), /HTTP 404/);
  await screenshot(page, 'error-404');
  await page.close();
});

test('a malformed dataset shows the parse error with line and column', async () => {
  const page = await env.context.newPage();
  await page.route('**/static/dataset.json', (route) => route.fulfill({ status: 200, body: '{\n "schema_version": 1,\n nope' }));
  await page.goto(env.url);
  const panel = page.locator('#load-error');
  await panel.waitFor();
  assert.match(await panel.innerText(), /line 3, column 2/);
  await page.close();
});

test('a phone-sized screen shows the table', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(env.url + '?index=pci&year=2016');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  await screenshot(page, 'rankings-360');
  await page.close();
});

test('the language chosen with the switch opens later pages in it before anything is drawn; an address naming a language wins', async () => {
  const page = await openApp(env);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // The root opens as the English root, whose page as built is already in English.
  await page.goto(env.url);
  await page.waitForURL((url) => url.pathname.endsWith('/en/'));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('#coverage-count').first().innerText(), /provinces have data/);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  // A province's page too, with its query and fragment.
  await page.goto(env.url + 'tinh/son-la/?year=2020#sources');
  await page.waitForURL((url) => url.pathname.endsWith('/en/tinh/son-la/') && url.search === '?year=2020' && url.hash === '#sources');
  await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
  // `?lang=` in the address wins over the choice.
  await page.goto(env.url + '?lang=vi');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.equal(new URL(page.url()).pathname, new URL(env.url).pathname);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  // Choosing Vietnamese on an English page: English pages then open as the Vietnamese ones.
  await page.goto(env.url + 'en/tinh/son-la/');
  await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
  await page.click('.language-switch button[lang="vi"]');
  await page.waitForURL((url) => url.pathname === new URL(env.url).pathname + 'tinh/son-la/');
  await page.goto(env.url + 'en/chi-so/pci/');
  await page.waitForURL((url) => url.pathname === new URL(env.url).pathname + 'chi-so/pci/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page.evaluate(() => localStorage.removeItem('chiso.lang'));
  await page.close();
});

test('without a choice a page keeps its own language, whatever the browser prefers: the app takes over painting nothing larger than the page as built', async () => {
  const english = await launch({ locale: 'en-US' });
  try {
    for (const [path, ready, text] of [['', '[data-live] #rankings-table tbody tr', '#coverage-count'], ['tinh/son-la/', '[data-live] #profile tr[data-component]', '#profile-name']]) {
      const page = await english.context.newPage();
      await page.addInitScript(() => {
        window.largest = [];
        new PerformanceObserver((list) => window.largest.push(...list.getEntries().map((e) => e.element?.isConnected === false || !e.element?.closest('[data-live]'))))
          .observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(english.url + path);
      await page.waitForSelector(ready);
      await page.waitForTimeout(500);
      assert.equal(new URL(page.url()).pathname, new URL(english.url).pathname + path);
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      assert.match(await page.locator(`[data-live] ${text}`).innerText(), /tỉnh có số liệu|Sơn La/);
      const largest = await page.evaluate(() => window.largest);
      assert.ok(largest.length > 0 && largest.every(Boolean), `${path || '/'}: every largest paint is of the page as built (${largest})`);
      await page.close();
    }
    assert.deepEqual(english.errors, []);
  } finally {
    await english.close();
  }
});

test('a Content-Security-Policy blocks injected inline scripts while the app runs under it', async () => {
  const page = await env.context.newPage();
  const violations = [];
  await page.exposeFunction('__reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.url + '?view=map&index=papi&year=2024');
  await page.waitForSelector('#map-svg path.province');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/);
  assert.deepEqual(violations, [], 'the app itself causes no violation');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  await page.waitForFunction(() => true);
  assert.ok(violations.some((v) => v.startsWith('script-src')), 'the injected script was reported');
  await page.close();
});

test('a value on which sources disagree is marked, and the mark leads to the other value and why', async () => {
  const page = await openApp(env, '?index=par&year=2023&lang=en');
  const mark = page.locator('#rankings-table tr[data-code="31"] .conflict');
  assert.equal(await mark.getAttribute('title'), 'Another source gives: 91.81');
  await mark.click();
  await page.waitForURL(/#conflict-31$/);
  const entry = await page.locator('#conflict-31').innerText();
  assert.match(entry, /^Hai Phong: value used 91\.87 \(https:\/\/en\.baochinhphu\.vn\/.+\); Another source gives 91\.81 \(https:\/\/en\.doanhnghiephoinhap\.vn\/.+\)\. 91\.87 kept \(4 sources\)$/);
  assert.equal(await page.locator('#conflict-31 [lang="en"]').innerText(), '91.87 kept (4 sources)');
  // A disagreement about an official rank is marked in the rank's cell.
  const rankMark = page.locator('#rankings-table tr[data-code="80"] td.official-rank .conflict');
  assert.equal(await rankMark.getAttribute('title'), 'Another source gives: 7');
  await rankMark.click();
  await page.waitForURL(/#conflict-80-rank$/);
  assert.match(await page.locator('#conflict-80-rank').innerText(), /^Long An \(official rank\): value used 8 \(.+\); Another source gives 7 \(.+\)\. /);
  // Those about no single province are listed in the table's own words.
  assert.match(await page.locator('.conflicts').innerText(), /bottom of ranking \(official rank\): value used An Giang r63/);
  await page.close();
});

test('the national average is marked where its sources do not add up', async () => {
  const page = await openApp(env, '?index=par&year=2022&lang=vi');
  const mark = page.locator('.coverage .national .conflict');
  assert.equal(await mark.getAttribute('title'), 'Nguồn không thống nhất');
  await mark.click();
  await page.waitForURL(/#conflict-average$/);
  const entry = await page.locator('#conflict-average').innerText();
  assert.match(entry, /^Bình quân cả nước: giá trị dùng 84,79 \(https:\/\/susta\.vn\/.+\)\. susta22 ghi giảm 1,78 so với 2021/);
  await page.close();
});
