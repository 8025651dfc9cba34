// The committee's brief: in the reports' words with its tables, for a province with full data
// and for one with none; copied as text, downloaded as .docx (read back with pandoc), printed
// to A4 PDF by Chromium (read back with pdftotext and drawn to PNG with pdftoppm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, screenshot, SCREENSHOTS } from './browser.mjs';

const env = useBrowser();

async function openBrief(query) {
  const page = await env.context.newPage();
  await page.goto(`${env.url}?view=brief&lang=vi&${query}`);
  await page.waitForSelector('#brief-standing');
  return page;
}

test('Sơn La 2022: standing, why it moved, points lost, one more point and its departments, in the reports\' words', async () => {
  const page = await openBrief('province=14&year=2022');
  assert.equal(await page.locator('#brief-title').innerText(), 'Sơn La: báo cáo tóm tắt năm 2022');
  const sections = await page.locator('.brief-section').evaluateAll((s) => s.map((e) => e.id));
  assert.deepEqual(sections, ['brief-standing', 'brief-why', 'brief-lost', 'brief-scenario', 'brief-units', 'brief-notes']);
  assert.equal(await page.locator('#brief-standing-table tbody tr').count(), 3);
  const units = await page.locator('#brief-units').innerText();
  assert.match(units, /Tổng điểm trung bình Chỉ số CCHC năm 2022 của các sở, ban, ngành đạt 91,19\/100 điểm, giảm 1,76 điểm so với năm 2021/);
  assert.match(units, /có 11 đơn vị đạt kết quả trên mức trung bình, trong đó, Sở Giao thông Vận tải đứng đầu với 96,79 điểm/);
  // Every sentence mark leads to a source listed at the end.
  const marks = await page.locator('.brief-sentence sup a').evaluateAll((a) => a.map((e) => e.getAttribute('href')));
  assert.ok(marks.length > 5);
  for (const href of new Set(marks)) assert.equal(await page.locator(href).count(), 1, href);
  assert.match(await page.locator('#brief-notes').innerText(), /sl-2023|Báo cáo/);
  await screenshot(page, 'brief-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'brief-360');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${overflow}px sideways`);
  // In English, the same figures in the English format.
  await page.goto(`${env.url}?view=brief&province=14&year=2022&lang=en`);
  await page.waitForSelector('#brief-units');
  assert.match(await page.locator('#brief-units').innerText(), /91\.19\/100 points, down 1\.76 points on 2021/);
  await page.close();
});

test('a province with no figures that year says what is missing and why, with no empty section', async () => {
  const page = await openBrief('province=26&year=2024&lang=en');
  const sections = await page.locator('.brief-section').evaluateAll((s) => s.map((e) => e.id));
  assert.deepEqual(sections, ['brief-standing']);
  const text = await page.locator('#brief-standing').innerText();
  assert.match(text, /No 2024 figures for Vinh Phuc on PAR INDEX, SIPAS, PAPI, PCI\./);
  assert.match(text, /PAPI: The official file has zeros/);
  await screenshot(page, 'brief-none-1280');
  await page.close();
});

test('reached from the profile; a new province or year is written to the address', async () => {
  const page = await env.context.newPage();
  await page.goto(`${env.url}?view=profile&province=22&index=pci&year=2020`);
  await page.waitForSelector('#profile-name');
  await page.click('#open-brief');
  await page.waitForSelector('#brief-standing-table');
  assert.equal(await page.locator('#brief-standing-table tbody tr').count(), 4, 'Quảng Ninh has all four indices in 2020');
  await page.waitForURL(/view=brief/);
  assert.match(page.url(), /province=22/);
  await page.selectOption('#brief-year', '2016');
  await page.waitForFunction(() => document.querySelector('#brief-title')?.textContent.includes('2016'));
  assert.match(page.url(), /year=2016/);
  await page.close();
});

test('the sentences are copied as plain text with their footnotes', async () => {
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  const page = await openBrief('province=14&year=2022');
  await page.click('#brief-copy');
  await page.waitForFunction(() => document.querySelector('#brief-status').textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Năm 2022, PAR INDEX của Sơn La đạt 86,78%, xếp thứ 13\/63/);
  assert.match(copied, /91,19\/100 điểm, giảm 1,76 điểm so với năm 2021.*\[\d+\]/);
  assert.match(copied, /\n\[1\] /);
  await page.close();
});

test('the .docx holds the headings, the sentences and the tables (read with pandoc)', async () => {
  const page = await openBrief('province=14&year=2022');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#brief-docx')]);
  assert.equal(download.suggestedFilename(), 'chiso-14-2022.docx');
  const file = join(mkdtempSync(join(tmpdir(), 'chiso-docx-')), 'brief.docx');
  await download.saveAs(file);
  const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', file], { encoding: 'utf8' });
  assert.match(html, /<h1[^>]*>Sơn La: báo cáo tóm tắt năm 2022<\/h1>/);
  assert.match(html, /<h2[^>]*>Kết quả<\/h2>/);
  assert.match(html, /91,19\/100 điểm, giảm 1,76 điểm so với năm 2021/);
  const tables = await page.locator('.brief-table').count();
  assert.equal((html.match(/<table/g) ?? []).length, tables);
  assert.match(html, /<td>86,78<\/td>/);
  await page.close();
});

test('printed to A4 PDF: no tabs or controls, the header and every section', async () => {
  const page = await openBrief('province=14&year=2022');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.view-tabs').isVisible(), false);
  assert.equal(await page.locator('#brief-copy').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'chiso-pdf-'));
  writeFileSync(join(dir, 'brief.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'brief.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, /Sơn La: báo cáo tóm tắt năm 2022/);
  assert.match(text, /Số liệu: chiso/);
  for (const tab of ['Hồ sơ tỉnh', 'Xu hướng', 'Bản đồ', 'Tương quan', 'Sao chép các câu', 'Tải về .docx']) {
    assert.ok(!text.includes(tab), `${tab} printed`);
  }
  // Drawn to PNG to be looked at (tests/e2e/screenshots/brief-print-*.png).
  execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'brief.pdf'), join(SCREENSHOTS, 'brief-print')]);
  await page.close();
});
