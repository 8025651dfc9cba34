// Tables downloaded as Excel workbooks (.xlsx), written by the xlsx worker loaded on the first
// download, read back by a real reader (Python's openpyxl): numbers as numbers with their
// decimals as the number format, a bold header row frozen at A2, and a sheet of sources; the
// brief's tables as one workbook, a sheet each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON, useBrowser, screenshot } from './browser.mjs';

const env = useBrowser();

const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
cell = lambda c: {'v': c.value, 't': type(c.value).__name__, 'f': c.number_format}
print(json.dumps({
  'sheets': wb.sheetnames,
  'freeze': ws.freeze_panes,
  'header': [c.value for c in ws[1]],
  'bold': [bool(c.font.b) for c in ws[1]],
  'rows': [[cell(c) for c in row] for row in ws.iter_rows(min_row=2)],
  'widths': [ws.column_dimensions[chr(65 + i)].width for i in range(ws.max_column)],
  'about': [[c.value for c in row] for row in wb.worksheets[1].iter_rows()],
}, default=str))
`;

/** Clicks `selector`, saves the download and reads it with openpyxl. */
async function downloadXlsx(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  // openpyxl reads a file by its extension.
  const path = join(mkdtempSync(join(tmpdir(), 'chiso-xlsx-')), file.suggestedFilename());
  await file.saveAs(path);
  const book = JSON.parse(execFileSync(PYTHON, ['-c', READ, path], { encoding: 'utf8' }));
  return { name: file.suggestedFilename(), ...book };
}

/** The checks every table's workbook passes. */
function checkShape(book, sourcesSheet) {
  assert.equal(book.sheets.length, 2);
  assert.equal(book.sheets[1], sourcesSheet);
  assert.equal(book.freeze, 'A2', 'the header row stays in view');
  assert.ok(book.bold.every(Boolean), 'the header row is bold');
  assert.ok(book.widths.every((w) => w >= 8), `column widths set: ${book.widths}`);
}

/** Screenshots of `selector` in view at 1280 px (as the page is) and at a phone's 360 px, where
 * the page does not scroll sideways. */
async function shootBoth(page, selector, name) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator(selector).scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-360`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
}

const workerFiles = (urls) => urls.filter((u) => /\/xlsx(_loader\.js|\.js|_bg\.wasm)$/.test(u));

test('the rankings download as .xlsx, the worker fetched on the first download only', async () => {
  const page = await env.context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(env.url + '?index=pci&year=2016&region=tay_nguyen&lang=vi');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 5);
  await page.waitForSelector('#rankings .export-xlsx');
  assert.deepEqual(workerFiles(urls), [], 'no xlsx worker on the first visit');
  const book = await downloadXlsx(page, '#rankings .export-xlsx');
  assert.equal(book.name, 'chiso-pci-2016-total.xlsx');
  assert.ok(workerFiles(urls).some((u) => u.endsWith('xlsx_bg.wasm')), 'the worker loaded on use');
  checkShape(book, 'Nguồn');
  assert.equal(book.header[3], 'Giá trị');
  assert.equal(book.rows.length, 5, 'the 5 rows of the table');
  const names = await page.locator('#rankings-table tbody th').allInnerTexts();
  book.rows.forEach((row, i) => {
    assert.equal(row[1].v, names[i]);
    assert.equal(row[3].t, 'float', 'the value is a number');
    assert.equal(row[3].f, '0.00', "PCI's two decimals");
    assert.equal(row[0].t, 'int');
    assert.equal(row[0].f, '0');
    assert.match(row[8].v, /vietnamdata:data-raw\/PCI\/PCI_2016\.xlsx/, 'each value names its source');
  });
  const about = Object.fromEntries(book.about.filter((r) => r[0] && r[1]).map((r) => [r[0], r[1]]));
  assert.equal(about['Năm'], '2016');
  assert.equal(about['Vùng'], 'Tây Nguyên');
  assert.match(about['Ngày tải về'], /^\d{4}-\d{2}-\d{2}$/);
  assert.match(about['Tải về từ'], /index=pci/);
  assert.ok(book.about.some((r) => /PCI_2016\.xlsx/.test(r[1] ?? '')), 'the sources are listed');
  // The buttons, at a desktop's width and a phone's.
  await shootBoth(page, '#rankings .export', 'xlsx-buttons');
  // Keyboard: the button is reached and pressed with Enter.
  await page.focus('#rankings .export-csv');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'chip export-xlsx');
  const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(again.suggestedFilename(), 'chiso-pci-2016-total.xlsx');
  await page.close();
});

test("the compare table and a profile's components download as .xlsx", async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=compare&index=pci&year=2016&provinces=14,48&lang=en');
  await page.waitForSelector('#compare-table tbody tr');
  await page.waitForSelector('#compare .export-xlsx');
  const compare = await downloadXlsx(page, '#compare .export-xlsx');
  assert.equal(compare.name, 'chiso-compare-pci-2016.xlsx');
  checkShape(compare, 'Sources');
  assert.equal(compare.header[0], 'Component');
  assert.equal(compare.header.at(-1), 'Source');
  assert.equal(compare.rows.length, 11, 'total + 10 sub-indices');
  for (const row of compare.rows) {
    assert.equal(row[1].t, 'float');
    assert.match(row[1].f, /^0\.0+$/);
    assert.match(row.at(-1).v, /PCI_2016/);
  }

  await page.goto(env.url + '?view=profile&province=14&index=pci&year=2016&lang=vi');
  await page.waitForFunction(() => document.querySelectorAll('#breakdown-table tbody tr').length === 10);
  await page.waitForSelector('#profile .export-xlsx');
  const profile = await downloadXlsx(page, '#profile .export-xlsx');
  checkShape(profile, 'Nguồn');
  assert.equal(profile.header[1], 'Sơn La');
  assert.equal(profile.rows.length, 10);
  for (const row of profile.rows) {
    assert.equal(row[1].t, 'float', 'the province value is a number');
    assert.match(row[1].f, /^0\.0+$/);
    assert.match(row.at(-1).v, /PCI_2016/);
  }
  assert.ok(profile.about.some((r) => r[0] === 'Tỉnh, thành phố' && r[1] === 'Sơn La'));
  // The buttons under the components table, at a desktop's width and a phone's.
  await shootBoth(page, '#profile .export', 'xlsx-profile');
  await page.close();
});

// Every sheet of a workbook: its name, header, cells (value, type, number format) and frozen pane.
const READ_ALL = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cell = lambda c: {'v': c.value, 't': type(c.value).__name__, 'f': c.number_format}
print(json.dumps([{
  'name': ws.title,
  'freeze': ws.freeze_panes,
  'bold': [bool(c.font.b) for c in ws[1]],
  'rows': [[cell(c) for c in row] for row in ws.iter_rows()],
} for ws in wb.worksheets], default=str))
`;

test("the brief's tables download as one .xlsx, a sheet each with figures as numbers", async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=brief&province=14&year=2022&lang=vi');
  await page.waitForSelector('#brief-standing-table');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#brief-xlsx')]);
  assert.equal(file.suggestedFilename(), 'chiso-14-2022.xlsx');
  const path = join(mkdtempSync(join(tmpdir(), 'chiso-xlsx-')), file.suggestedFilename());
  await file.saveAs(path);
  const sheets = JSON.parse(execFileSync(PYTHON, ['-c', READ_ALL, path], { encoding: 'utf8' }));
  const tables = await page.locator('.brief-doc table').count();
  assert.equal(sheets.length, tables + 1, 'a sheet per table, then the sources');
  const about = sheets.at(-1);
  assert.equal(about.name, 'Nguồn');
  const lines = Object.fromEntries(about.rows.filter((r) => r[0].v && r[1]?.v).map((r) => [r[0].v, r[1].v]));
  assert.equal(lines['Tỉnh, thành phố'], 'Sơn La');
  assert.equal(lines['Năm'], '2022');
  assert.match(lines['Tải về từ'], /view=brief/);
  for (const sheet of sheets.slice(0, -1)) {
    assert.equal(sheet.freeze, 'A2', `${sheet.name}: the header row stays in view`);
    assert.ok(sheet.bold.every(Boolean), `${sheet.name}: the header row is bold`);
  }
  // PAR INDEX over the years, as on screen: 2022 86,78 beside the national 84,79, as numbers.
  const years = sheets.find((s) => s.name.startsWith('PAR INDEX') && s.rows[0][0].v === 'Năm');
  assert.ok(years, sheets.map((s) => s.name).join(', '));
  const header = years.rows[0].map((c) => c.v);
  assert.deepEqual(header, ['Năm', 'Sơn La', 'Bình quân cả nước', 'Nguồn']);
  const last = years.rows.at(-1);
  assert.deepEqual(last.slice(0, 3).map((c) => [c.v, c.t]), [[2022, 'int'], [86.78, 'float'], [84.79, 'float']]);
  assert.equal(last[1].f, '0.00');
  assert.ok(last[3].v, 'each row names its sources');
  assert.ok(about.rows.some((r) => r[1]?.v === last[3].v.split('; ')[0]), 'and the sources sheet lists them');
  // The buttons, at a desktop's width and a phone's.
  await shootBoth(page, '.brief-actions', 'xlsx-brief');
  await page.close();
});

test('a worker that cannot be fetched gives a message, and the next try works', async () => {
  const page = await env.context.newPage();
  await page.route('**/xlsx_bg.wasm', (route) => route.abort());
  await page.goto(env.url + '?index=papi&year=2024&lang=vi');
  await page.waitForSelector('#rankings .export-xlsx');
  await page.click('#rankings .export-xlsx');
  const error = page.locator('#rankings .export-error');
  await error.waitFor();
  assert.match(await error.innerText(), /^Không tạo được tệp Excel: /);
  assert.equal(await error.getAttribute('role'), 'alert');
  await screenshot(page, 'xlsx-failure-1280');
  await page.unroute('**/xlsx_bg.wasm');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#rankings .export-xlsx')]);
  assert.equal(file.suggestedFilename(), 'chiso-papi-2024-total.xlsx');
  assert.equal(await error.count(), 0, 'the message goes once it works');
  await page.close();
});

test("a province's units download as .xlsx with bands as their limits", async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=inside&province=10&lang=vi');
  const departments = page.locator('section.units[data-kind="department"]');
  await departments.locator('tbody tr').first().waitFor();
  const book = await downloadXlsx(page, 'section.units[data-kind="department"] .export-xlsx');
  checkShape(book, 'Nguồn');
  assert.equal(book.rows.length, 19);
  for (const row of book.rows) {
    // Lào Cai 2021 departments are published as bands: no value, the band's limits as numbers.
    assert.equal(row[2].v, null);
    assert.equal(row[3].t, 'int');
    assert.equal(row[4].t, 'int');
    assert.ok(row[5].v, 'each unit names its source');
  }
  assert.ok(book.about.some((r) => r[0] === 'Tỉnh, thành phố' && r[1] === 'Lào Cai'));
  await page.close();
});
