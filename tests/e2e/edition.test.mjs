// An edition at a glance (?view=edition&index=…&year=…): the announcements' sentences with
// their sources, the slope chart (no line across a change of method) and the dot plot, the
// tables; its index and year controls and garbage addresses; copied, printed to A4, downloaded
// as .docx (read back with pandoc) and its table as .xlsx (read back with unzip); and a user's
// own 2025 table (TEST DATA) summarised with each new province's former provinces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, screenshot, SCREENSHOTS, fileCard, removeAllFiles, violations, openData } from './browser.mjs';

const env = useBrowser();

async function openEdition(query) {
  const page = await env.context.newPage();
  await page.goto(`${env.url}?view=edition&${query}`);
  await page.waitForSelector('#edition-whole');
  return page;
}

const RISE_OR_FALL = 'polyline[stroke="#0072B2"], polyline[stroke="#D55E00"]';

test('PAR INDEX 2023: leaders, laggards, movers, regions, average and spread, with sources, charts and tables', async () => {
  const page = await openEdition('index=par&year=2023&lang=vi');
  assert.equal(await page.locator('#brief-title').innerText(), 'PAR INDEX 2023: tóm tắt kết quả công bố');
  const sections = await page.locator('.brief-section').evaluateAll((s) => s.map((e) => e.id));
  assert.deepEqual(sections, ['edition-results', 'edition-field', 'edition-table', 'brief-notes']);
  const results = await page.locator('#edition-results').innerText();
  assert.match(results, /Quảng Ninh dẫn đầu PAR INDEX 2023 với 92,18%, tiếp theo là Hải Phòng \(91,87%\)/);
  assert.match(results, /Xếp cuối bảng là An Giang \(hạng 63, 81,32%\)[^.]*không có nguồn nào trong bảng nêu tỉnh xếp thứ 60/);
  assert.match(await page.locator('#edition-field').innerText(), /Bình quân chung cả nước đạt 86,98%; trong \d+ tỉnh có điểm trong bảng, 16 tỉnh đạt trên mức bình quân/);
  assert.match(await page.locator('#edition-table').innerText(), /Bảng chưa đầy đủ/);
  // Every footnote mark leads to a source listed at the end.
  const marks = await page.locator('.brief-sentence sup a').evaluateAll((a) => a.map((e) => e.getAttribute('href')));
  assert.ok(marks.length > 10);
  for (const href of new Set(marks)) assert.equal(await page.locator(href).count(), 1, href);
  // The charts: a title, one drawing, a description; the slope chart joins 2022 to 2023.
  for (const id of ['edition-chart-slopes', 'edition-chart-dots']) {
    const figure = page.locator(`#${id}`);
    assert.equal(await figure.locator('svg').count(), 1, id);
    assert.ok((await figure.locator('.chart-description').innerText()).length > 30, id);
  }
  assert.ok(await page.locator(`#edition-chart-slopes ${RISE_OR_FALL}`).count() > 5);
  // A dot per province with a value; the whole table has all 63.
  assert.equal(await page.locator('#edition-whole tbody tr').count(), 63);
  assert.match(await page.locator('#edition-whole tbody tr').first().innerText(), /1\s+1\s+Quảng Ninh/);
  await screenshot(page, 'edition-1280');
  await page.evaluate(() => document.querySelector('#edition-chart-slopes').scrollIntoView());
  await screenshot(page, 'edition-charts-1280');
  assert.deepEqual(await violations(page), []);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'edition-360');
  await page.evaluate(() => document.querySelector('#edition-chart-dots').scrollIntoView());
  await screenshot(page, 'edition-dots-360');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${overflow}px sideways`);
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('PAPI 2018: computed positions said as such, and nothing compared across its change of method', async () => {
  const page = await openEdition('index=papi&year=2018&lang=en');
  assert.equal(await page.locator('#brief-title').innerText(), 'PAPI 2018 at a glance');
  const results = await page.locator('#edition-results').innerText();
  assert.match(results, /PAPI 2018 publishes no ranks; by score, Lang Son comes first with 47\.05 points/);
  assert.match(results, /PAPI changed its method in 2018, so scores and places in 2018 are not compared with 2017\./);
  assert.doesNotMatch(results, /largest rises/);
  // The slope chart: each edition a column of dots, no line across the break, which is marked.
  const slopes = page.locator('#edition-chart-slopes');
  assert.equal(await slopes.locator(RISE_OR_FALL).count(), 0);
  assert.match(await slopes.locator('svg').innerHTML(), /⚠ 2018/);
  assert.match(await slopes.locator('.chart-description').innerText(), /The method changed in 2018/);
  await page.evaluate(() => document.querySelector('#edition-chart-slopes').scrollIntoView());
  await screenshot(page, 'edition-papi-2018-1280');
  await page.close();
});

test('the index and year controls move to another edition and write it to the address', async () => {
  const page = await openEdition('index=par&year=2023&lang=vi');
  await page.selectOption('#edition-index', 'pci');
  await page.waitForFunction(() => document.querySelector('#brief-title')?.textContent.startsWith('PCI '));
  await page.waitForURL(/index=pci/);
  await page.selectOption('#edition-year', '2016');
  await page.waitForFunction(() => document.querySelector('#brief-title')?.textContent.startsWith('PCI 2016'));
  await page.waitForURL(/year=2016/);
  assert.match(page.url(), /view=edition/);
  await page.close();
});

test('garbage in the address falls back to an edition that exists, with no error', async () => {
  for (const query of ['index=%3Cscript%3E&year=abc', 'index=par&year=1800', 'index=&year=']) {
    const page = await openEdition(query);
    const title = await page.locator('#brief-title').innerText();
    assert.match(title, /^(PAPI|PAR INDEX) \d{4}/, query);
    assert.equal(await page.locator('#edition-failed').count(), 0, query);
    await page.close();
  }
});

test('copied as plain text with its footnotes; printed to A4 without the controls', async () => {
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  const page = await openEdition('index=par&year=2023&lang=vi');
  await page.click('#edition-copy');
  await page.waitForFunction(() => document.querySelector('#edition-status').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Quảng Ninh dẫn đầu PAR INDEX 2023 với 92,18%.*\[1\]/);
  assert.match(copied, /\n\[1\] /);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#edition-copy').isVisible(), false);
  assert.equal(await page.locator('#edition-index').isVisible(), false);
  const dir = mkdtempSync(join(tmpdir(), 'chiso-edition-pdf-'));
  writeFileSync(join(dir, 'edition.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'edition.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, /PAR INDEX 2023: tóm tắt kết quả công bố/);
  assert.match(text, /Quảng Ninh dẫn đầu PAR INDEX 2023/);
  for (const control of ['Sao chép các câu', 'Tải về .docx', 'Xu hướng']) assert.ok(!text.includes(control), `${control} printed`);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', join(dir, 'edition.pdf'), join(SCREENSHOTS, 'edition-print')]);
  await page.close();
});

test('.docx with its headings, sentences, charts and tables; .xlsx of the whole table', async () => {
  const page = await openEdition('index=par&year=2023&lang=vi');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#edition-docx')]);
  assert.equal(docx.suggestedFilename(), 'chiso-par-2023.docx');
  const dir = mkdtempSync(join(tmpdir(), 'chiso-edition-docx-'));
  await docx.saveAs(join(dir, 'edition.docx'));
  const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', `--extract-media=${dir}`, join(dir, 'edition.docx')], { encoding: 'utf8' });
  assert.match(html, /<h1[^>]*>PAR INDEX 2023: tóm tắt kết quả công bố<\/h1>/);
  assert.match(html, /<h2[^>]*>Dẫn đầu, cuối bảng và biến động<\/h2>/);
  assert.match(html, /Quảng Ninh dẫn đầu PAR INDEX 2023 với 92,18%/);
  assert.equal((html.match(/<img /g) ?? []).length, 2, 'the slope chart and the dot plot');
  assert.equal((html.match(/<table/g) ?? []).length, await page.locator('.brief-table').count());
  assert.match(html, /<section[^>]*class="footnotes/);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#edition-xlsx')]);
  assert.equal(xlsx.suggestedFilename(), 'chiso-par-2023.xlsx');
  await xlsx.saveAs(join(dir, 'edition.xlsx'));
  assert.equal(readFileSync(join(dir, 'edition.xlsx')).subarray(0, 2).toString(), 'PK');
  const strings = execFileSync('unzip', ['-p', join(dir, 'edition.xlsx'), 'xl/sharedStrings.xml'], { encoding: 'utf8' });
  assert.match(strings, /Quảng Ninh/);
  assert.match(strings, /An Giang/);
  await page.close();
});

test('a workbook whose writer cannot be fetched says so at once, and the next try downloads it', async () => {
  const page = await openEdition('index=par&year=2023&lang=vi');
  await page.route('**/xlsx_bg.wasm', (route) => route.abort());
  await page.click('#edition-xlsx');
  const failed = page.locator('#edition-save-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /^Không tạo được tệp Excel: /);
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.equal(await page.locator('#edition-failed').count(), 0, 'the edition itself stays');
  await page.unroute('**/xlsx_bg.wasm');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#edition-xlsx')]);
  assert.equal(xlsx.suggestedFilename(), 'chiso-par-2023.xlsx');
  assert.equal(await failed.count(), 0, 'the message goes once it works');
  await page.close();
});

test('a user\'s 2025 table: the 34 provinces, each beside its former provinces in 2024, never combined', async () => {
  const page = await env.context.newPage();
  await openData(page, `${env.url}?view=data&lang=vi`);
  const name = 'TEST DATA PAR INDEX 2025 34 provinces.csv';
  await page.setInputFiles('#own-file', fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
  await fileCard(page, name).locator('.import-summary').waitFor();
  const started = Date.now();
  await page.goto(`${env.url}?view=edition&index=par&year=2025&lang=vi`);
  await page.waitForSelector('#edition-former');
  assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  const text = await page.locator('#edition-former').innerText();
  assert.match(text, /Lào Cai \(hạng 30, 84,99%\): năm 2024, Lào Cai đạt 89,03%, xếp thứ 26\/63; Yên Bái không có số liệu\./);
  assert.match(text, /không cộng gộp hay tính bình quân/);
  assert.match(await page.locator('#edition-results').innerText(), /Hà Nội dẫn đầu PAR INDEX 2025 với 93,35%/);
  assert.match(await page.locator('#edition-table').innerText(), /33\/34/);
  assert.equal(await page.locator('#edition-chart-slopes').count(), 0, 'no slope across 1 July 2025');
  await page.evaluate(() => document.querySelector('#edition-former').scrollIntoView());
  await screenshot(page, 'edition-2025-1280');
  await openData(page, `${env.url}?view=data`);
  await removeAllFiles(page);
  await page.close();
});
