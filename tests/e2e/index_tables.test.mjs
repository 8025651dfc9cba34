// Index tables users bring (issue 10): a 2025 edition for the 34 provinces, in the files people
// make (Excel's CSV with BOM and CRLF, Excel's "Unicode Text"), shown in every view like the
// bundled data and marked as theirs. Every figure here is TEST DATA made up by the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, launch, screenshot, fileCard as card, removeAllFiles, openData } from './browser.mjs';

const env = useBrowser();

// The 34 provinces of 2025 as people write them (no diacritics, "TP.HCM", "TT-Hue"…).
const PROVINCES_2025 = [
  'Ha Noi', 'Cao Bang', 'Tuyen Quang', 'Dien Bien', 'Lai Chau', 'Son La', 'Lao Cai', 'Thai Nguyen',
  'Lang Son', 'Quang Ninh', 'Bac Ninh', 'Phu Tho', 'Hai Phong', 'Hung Yen', 'Ninh Binh', 'Thanh Hoa',
  'Nghe An', 'Ha Tinh', 'Quang Tri', 'Thành phố Huế', 'Da Nang', 'Quang Ngai', 'Gia Lai', 'Khanh Hoa',
  'Dak Lak', 'Lam Dong', 'Dong Nai', 'TP.HCM', 'Tay Ninh', 'Dong Thap', 'Vinh Long', 'An Giang',
  'Can Tho', 'Ca Mau',
];

/** A made-up PAPI 2025 table (test data), with two bad rows at its end. */
function testTable(separator, lineEnd) {
  const rows = [['index', 'year', 'province', 'value', 'source']];
  PROVINCES_2025.forEach((name, i) => rows.push(['papi', '2025', name, (40 + i * 0.25).toFixed(2), 'test data']));
  rows.push(['papi', '2025', 'Yen Bai', '41', 'test data']); // a former province in 2025
  rows.push(['papi', '2025', 'Ha Noii', '41', 'test data']); // a typo
  return rows.map((r) => r.join(separator)).join(lineEnd) + lineEnd;
}

async function upload(page, file) {
  await openData(page, env.url + '?view=data');
  await page.setInputFiles('#own-file', file);
  await card(page, file.name).locator('.import-summary').waitFor();
  return card(page, file.name);
}

async function removeAll(page) {
  await openData(page, env.url + '?view=data');
  await removeAllFiles(page);
}

test('a 2025 table for the 34 provinces (Excel CSV: BOM, CRLF) ranks, maps and is kept', async () => {
  const page = await env.context.newPage();
  const excel = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(testTable(',', '\r\n'))]);
  const loaded = await upload(page, { name: 'test-papi-2025.csv', mimeType: 'text/csv', buffer: excel });
  assert.match(await loaded.locator('.import-summary').innerText(), /34 dòng hợp lệ · 2 dòng lỗi/);
  const errors = await loaded.locator('.import-error-list li').allInnerTexts();
  // Header = line 1, the 34 provinces lines 2–35: the bad rows are lines 36 and 37, as Excel shows.
  assert.match(errors[0], /^Dòng 36: .*Yên Bái.*Lào Cai/);
  assert.match(errors[1], /^Dòng 37: .*Hà Nội/);
  await screenshot(page, 'index-table-loaded');

  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 34);
  assert.match(await page.locator('#coverage-count').innerText(), /^34\/34 .*34 giá trị lấy từ tệp của bạn/);
  assert.equal(await page.locator('#rankings-table .own-mark').count(), 34);
  assert.match(await page.locator('#rankings-table .own-mark').first().getAttribute('title'), /test-papi-2025\.csv, Dòng \d+/);
  // The best is the last row of the file: Cà Mau, 48.25.
  assert.match(await page.locator('#rankings-table tbody tr').first().innerText(), /Cà Mau[\s\S]*48,25/);
  await screenshot(page, 'index-table-rankings');

  // The file is read again on each page load: the view shows 2025 once it is.
  await page.goto(env.url + '?view=map&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('#map-svg path.province').length === 34);
  assert.match(await page.locator('#map-svg path.province[data-code="n96"]').getAttribute('aria-label'), /Cà Mau: 48,25 ✎ test-papi-2025\.csv, Dòng 35/);
  await screenshot(page, 'index-table-map');
  // A 2025 province's profile: its 2025 result from the file, beside its former provinces' history.
  await page.goto(env.url + '?view=profile&province=n15&index=papi&year=2025');
  await page.waitForSelector('#profile .own-mark');
  assert.match(await page.locator('#former-provinces').innerText(), /Lào Cai.*Yên Bái/);
  await screenshot(page, 'index-table-profile');
  // Its trend table marks the 2025 value as the user's too.
  await page.goto(env.url + '?view=trends&index=papi&provinces=n15');
  await page.waitForSelector('#trend-table tr[data-code="n15"] .own-mark');
  assert.match(await page.locator('#trend-table tr[data-code="n15"]').innerText(), /41,50/);
  await page.goto(env.url + '?view=map&index=papi&year=2025&map=tiles');
  await page.waitForFunction(() => document.querySelectorAll('#map-svg g.tile').length === 34);
  await screenshot(page, 'index-table-tiles');

  // Reloaded, the file is read again and a link to its year still opens that year.
  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 34);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2025');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'index-table-rankings-360');
  await page.setViewportSize({ width: 1280, height: 800 });

  await removeAll(page);
  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  assert.equal(new URL(page.url()).searchParams.get('year'), '2024', 'without the file there is no 2025');
  await page.close();
});

test('Excel\'s "Unicode Text" (UTF-16, tabs) loads; a figure other than the bundled one is a disagreement', async () => {
  const page = await env.context.newPage();
  const text = 'index\tyear\tprovince\tvalue\r\npapi\t2024\tSƠN LA\t44.5\r\npapi\t2024\tTT-Huế\t43.0\r\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const loaded = await upload(page, { name: 'test-unicode.txt', mimeType: 'text/plain', buffer: utf16 });
  assert.match(await loaded.locator('.import-summary').innerText(), /2 dòng hợp lệ · 0 dòng lỗi/);
  await page.goto(env.url + '?view=rankings&index=papi&year=2024&search=son%20la');
  await page.waitForSelector('[data-live] #rankings-table tbody tr[data-code="14"]');
  const row = page.locator('#rankings-table tbody tr[data-code="14"]');
  // The bundled value stays the one shown; the user's other figure is listed as a disagreement.
  // (once the file has been read again for this page)
  await row.locator('a.conflict').waitFor();
  assert.match(await row.innerText(), /43,89/);
  assert.equal(await row.locator('a.conflict').count(), 1);
  assert.match(await row.locator('a.conflict').getAttribute('title'), /44[,.]5/);
  await removeAll(page);
  await page.close();
});

test('text pasted from a spreadsheet is read as an index table', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data');
  await page.fill('#paste-area', testTable('\t', '\n'));
  await page.click('#paste-read');
  const pasted = card(page, 'bang-da-dan.tsv');
  await pasted.locator('.import-summary').waitFor();
  assert.match(await pasted.locator('.import-summary').innerText(), /34 dòng hợp lệ · 2 dòng lỗi/);
  await removeAll(page);
  await page.close();
});

test('a full browser storage says so, keeps the file for this visit and what was kept before', async () => {
  // A browser profile of its own: the quota below must not meet what other tests stored.
  const own = await launch();
  const page = await own.context.newPage();
  await openData(page, own.url + '?view=data');
  // Chromium's own quota for the site, made room for a small file and not a large one.
  const cdp = await own.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(own.url).origin, quotaSize: 64 * 1024 });
  const small = { name: 'test-kept.csv', mimeType: 'text/csv', buffer: Buffer.from(testTable(',', '\n')) };
  await page.setInputFiles('#own-file', small);
  await card(page, 'test-kept.csv').locator('.keeping').filter({ hasText: /lưu trong trình duyệt này/ }).waitFor();
  // Random figures, so that IndexedDB's own compression cannot make the file small (test data).
  let noise = 'index,year,province,value\n';
  for (let i = 0; i < 20000; i++) noise += `papi,2024,Son La,${(Math.random() * 100).toFixed(12)}\n`;
  const big = { name: 'test-too-big.csv', mimeType: 'text/csv', buffer: Buffer.from(noise) };
  await page.setInputFiles('#own-file', big);
  const full = card(page, 'test-too-big.csv').locator('.keeping');
  await full.filter({ hasText: /đã đầy/ }).waitFor();
  assert.match(await full.innerText(), /các tệp đã lưu trước đó vẫn còn/);
  await page.reload();
  await card(page, 'test-kept.csv').locator('.import-summary').waitFor();
  assert.equal(await card(page, 'test-too-big.csv').count(), 0, 'the file that did not fit is not kept');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(own.url).origin });
  await own.close();
  assert.deepEqual(own.errors, []);
});
