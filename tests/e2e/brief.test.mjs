// The committee's brief: in the reports' words with its tables, for a province with full data
// and for one with none; copied as text, downloaded as .docx (read back with pandoc), printed
// to A4 PDF by Chromium (read back with pdftotext and drawn to PNG with pdftoppm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, screenshot, SCREENSHOTS, fileCard, removeAllFiles, openData } from './browser.mjs';

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
  assert.deepEqual(sections, ['brief-standing', 'brief-years', 'brief-why', 'brief-lost', 'brief-scenario', 'brief-units', 'brief-notes']);
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
  // The address is written after the next paint.
  await page.waitForURL(/year=2016/);
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

test('a .docx whose writer cannot be fetched says so, and the next try downloads it', async () => {
  const page = await openBrief('province=14&year=2022');
  // The .docx is written by a worker of its own, loaded on the first download.
  await page.route('**/docx_bg.wasm', (route) => route.abort());
  await page.click('#brief-docx');
  // Said at once, as the tables' export buttons say theirs.
  const failed = page.locator('#brief-save-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /^Không tạo được tệp \.docx: /);
  assert.equal(await failed.getAttribute('role'), 'alert');
  assert.equal(await page.locator('#brief-status').innerText(), '');
  assert.ok(await page.locator('#brief-standing-table').isVisible(), 'the brief stays on screen');
  await page.unroute('**/docx_bg.wasm');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#brief-docx')]);
  assert.equal(download.suggestedFilename(), 'chiso-14-2022.docx');
  assert.equal(await failed.count(), 0, 'the message goes once it works');
  await page.close();
});

test('the .docx holds the headings, the sentences and the tables (read with pandoc)', async () => {
  const page = await openBrief('province=14&year=2022');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#brief-docx')]);
  assert.equal(download.suggestedFilename(), 'chiso-14-2022.docx');
  const dir = mkdtempSync(join(tmpdir(), 'chiso-docx-'));
  const file = join(dir, 'brief.docx');
  await download.saveAs(file);
  const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', `--extract-media=${dir}`, file], { encoding: 'utf8' });
  assert.match(html, /<h1[^>]*>Sơn La: báo cáo tóm tắt năm 2022<\/h1>/);
  assert.match(html, /<h2[^>]*>Kết quả<\/h2>/);
  assert.match(html, /91,19\/100 điểm, giảm 1,76 điểm so với năm 2021/);
  const tables = await page.locator('.brief-table').count();
  assert.equal((html.match(/<table/g) ?? []).length, tables);
  assert.match(html, /<td>86,78<\/td>/);
  // The charts on screen are in it as PNG images, each after its title, in the page's language.
  const charts = await page.locator('figure.brief-chart').count();
  assert.equal(charts, 4);
  const images = readdirSync(join(dir, 'media')).filter((f) => f.endsWith('.png'));
  assert.equal(images.length, charts, images.join());
  assert.equal((html.match(/<img /g) ?? []).length, charts);
  assert.match(html, /<h3[^>]*>PAR INDEX của Sơn La qua các năm<\/h3>\s*<p><img /);
  const size = execFileSync('file', [join(dir, 'media', images[0])], { encoding: 'utf8' });
  assert.match(size, /PNG image data, 1280 x 520/, 'drawn at twice the chart\'s size');
  // Each sentence's sources are a Word footnote.
  assert.match(html, /<section[^>]*class="footnotes/);
  assert.match(html, /<li id="fn1"[^>]*><p>https:\/\/susta\.vn/);
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
  // The charts are printed as vectors: their texts are text, and the PDF holds no picture.
  assert.match(text, /PAR INDEX của Sơn La qua các năm/);
  assert.match(text, /2022/);
  const images = execFileSync('pdfimages', ['-list', join(dir, 'brief.pdf')], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(images.length, 2, `only the header of pdfimages' list: ${images.join('\n')}`);
  const paths = execFileSync('sh', ['-c', `pdftocairo -svg -f 1 -l 2 '${join(dir, 'brief.pdf')}' - | grep -c '<path'`], { encoding: 'utf8' });
  assert.ok(Number(paths) > 50, `${paths} paths on pages 1-2`);
  // Drawn to PNG to be looked at (tests/e2e/screenshots/brief-print-*.png).
  execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'brief.pdf'), join(SCREENSHOTS, 'brief-print')]);
  await page.close();
});

test('the charts: each index over the years and why it moved, each with a title, a description and its table', async () => {
  const page = await openBrief('province=14&year=2022');
  const figures = page.locator('figure.brief-chart');
  assert.deepEqual(await figures.evaluateAll((f) => f.map((e) => e.id)),
    ['brief-chart-years-par', 'brief-chart-years-sipas', 'brief-chart-years-papi', 'brief-chart-why-papi']);
  for (const figure of await figures.all()) {
    assert.ok((await figure.locator('figcaption').innerText()).length > 10);
    assert.equal(await figure.locator('svg').count(), 1);
    assert.ok((await figure.locator('.chart-description').innerText()).length > 20);
  }
  const par = page.locator('#brief-chart-years-par');
  assert.equal(await par.locator('figcaption').innerText(), 'PAR INDEX của Sơn La qua các năm');
  assert.deepEqual(await par.locator('.brief-chart-key li').allInnerTexts(), ['● Sơn La', '■ Bình quân cả nước']);
  // The chart's figures are in the table after it.
  assert.match(await page.locator('#brief-years-par tbody tr').last().innerText(), /2022\s+86,78\s+84,79/);
  // Why PAPI moved: one bar per component with a part in the change.
  const parts = await page.locator('#brief-why-papi tbody tr').evaluateAll((rows) => rows.filter((r) => !/Không có số liệu/.test(r.innerText)).length);
  const bars = await page.locator('#brief-chart-why-papi rect[fill="#3B6EA8"], #brief-chart-why-papi rect[fill="#C44E00"]').count();
  assert.equal(bars, parts);
  await page.locator('#brief-years').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('#brief-years').scrollIntoView());
  await screenshot(page, 'brief-charts-1280');
  await page.evaluate(() => document.querySelector('#brief-why').scrollIntoView());
  await screenshot(page, 'brief-why-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => document.querySelector('#brief-years').scrollIntoView());
  await screenshot(page, 'brief-charts-360');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${overflow}px sideways`);
  await page.close();
});

/** Keeps a unit file of the user's, `name` with `rows` (CSV, after the header), through the
 * data view. */
async function keepUnitFile(page, name, rows) {
  await openData(page, `${env.url}?view=data&lang=vi`);
  const header = 'province,year,unit_type,unit,metric,value,low,high\n';
  await page.setInputFiles('#own-file', { name, mimeType: 'text/csv', buffer: Buffer.from(header + rows) });
  await fileCard(page, name).locator('.import-summary').waitFor();
}

test('the user\'s unit file for the province is used in the brief, named with its lines as its source', async () => {
  const page = await env.context.newPage();
  await keepUnitFile(page, 'test_brief_units.csv',
    'Son La,2022,department_block,Sở ban ngành,par_index_average,90.55,,\n'
    + 'Son La,2022,department,Sở Thử nghiệm,par_index,97.25,,\n'
    + 'Son La,2022,department,Sở Khác,par_index,84,,\n');
  await page.goto(`${env.url}?view=brief&lang=vi&province=14&year=2022`);
  await page.waitForFunction(() => document.querySelector('#brief-units')?.textContent.includes('90,55'));
  const units = page.locator('#brief-units');
  const row = units.locator('#brief-units-table tbody tr', { hasText: 'test_brief_units.csv' });
  assert.equal(await row.count(), 1);
  // With the lines of the rows it summarises: the block's figure and the top unit.
  assert.match(await row.innerText(), /90,55[\s\S]*Sở Thử nghiệm \(97,25[\s\S]*Tệp của bạn: test_brief_units\.csv, các dòng 2, 3/);
  // Its sentence leads to a note naming the file; the bundled report's figures are still there.
  const sentence = units.locator('.brief-sentence', { hasText: '90,55' });
  assert.match(await sentence.innerText(), /Sở Thử nghiệm đứng đầu với 97,25 điểm/);
  const note = await sentence.locator('sup a').first().getAttribute('href');
  assert.equal(await page.locator(note).innerText(), 'Tệp của bạn: test_brief_units.csv');
  assert.match(await units.innerText(), /91,19\/100 điểm/);
  await page.evaluate(() => document.querySelector('#brief-units').scrollIntoView());
  await screenshot(page, 'brief-own-units-1280');
  await openData(page, `${env.url}?view=data`);
  await removeAllFiles(page);
  await page.close();
});

test("a province's brief page stays as built when the user's files hold units of other provinces only", async () => {
  const page = await env.context.newPage();
  await keepUnitFile(page, 'test_brief_other_units.csv', 'Dien Bien,2024,department,Sở Thử nghiệm,par_index,97.25,,\n');
  // Any loading line the brief view shows, from the start.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('#brief-loading')) window.loadingShown = true;
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${env.url}tinh/son-la/bao-cao/`);
  await page.locator('[data-live] #brief-copy:not([disabled])').waitFor();
  // The kept files are read after the first view: their units go to the worker, which answers
  // with the same brief.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.loadingShown), undefined, 'the brief never gave way to a loading line');
  assert.equal(await page.locator('[data-live] #brief-copy:not([disabled])').count(), 1);
  await openData(page, `${env.url}?view=data`);
  await removeAllFiles(page);
  await page.close();
});

test('quick province and year changes: a request made while the worker loads is answered', async () => {
  const page = await env.context.newPage();
  // The worker's wasm is held back, so that the second request is made before it listens.
  let heldWasm = false;
  await page.route('**/brief_bg.wasm', async (route) => {
    heldWasm = true;
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${env.url}?view=brief&lang=vi&province=14&year=2022`);
  await page.waitForSelector('#brief-loading');
  while (!heldWasm) await new Promise((r) => setTimeout(r, 50));
  await page.selectOption('#brief-year', '2021');
  await page.waitForFunction(() => document.querySelector('#brief-title')?.textContent.includes('2021'));
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await page.locator('#brief-title').innerText(), 'Sơn La: báo cáo tóm tắt năm 2021');
  await page.close();
});

test('quick province and year changes: a late answer to an earlier request is dropped', async () => {
  const page = await env.context.newPage();
  // The worker's first load of the data is held back, so that its answer (2022) comes after
  // the answer to the next request (2021).
  let held = 0;
  let seen = 0;
  await page.route('**/static/dataset.json', async (route) => {
    seen += 1;
    if (seen === 2) {
      held += 1;
      await new Promise((r) => setTimeout(r, 2500));
    }
    await route.continue();
  });
  await page.goto(`${env.url}?view=brief&lang=vi&province=14&year=2022`);
  await page.waitForSelector('#brief-loading');
  while (held === 0) await new Promise((r) => setTimeout(r, 50));
  await page.selectOption('#brief-year', '2021');
  await page.waitForFunction(() => document.querySelector('#brief-title')?.textContent.includes('2021'));
  // The held answer arrives now, and is dropped.
  await new Promise((r) => setTimeout(r, 3500));
  assert.ok(seen >= 3, `the worker's loads went through the route (${seen})`);
  assert.equal(await page.locator('#brief-title').innerText(), 'Sơn La: báo cáo tóm tắt năm 2021');
  assert.match(page.url(), /year=2021/);
  // Then one after the other, without waiting: the last one asked for is shown.
  await page.selectOption('#brief-year', '2019');
  await page.selectOption('#brief-year', '2020');
  await page.locator('#brief-search').fill('Quảng Ninh');
  await page.locator('#brief-search').press('Enter');
  await page.waitForFunction(() => document.querySelector('#brief-title')?.textContent === 'Quảng Ninh: báo cáo tóm tắt năm 2020');
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await page.locator('#brief-title').innerText(), 'Quảng Ninh: báo cáo tóm tắt năm 2020');
  // The .docx is the brief on screen.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#brief-docx')]);
  const file = join(mkdtempSync(join(tmpdir(), 'chiso-docx-')), 'brief.docx');
  await download.saveAs(file);
  const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', file], { encoding: 'utf8' });
  assert.match(html, /Quảng Ninh: báo cáo tóm tắt năm 2020/);
  await page.close();
});
