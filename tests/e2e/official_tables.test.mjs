// Official tables as users hold them (issue 16): workbooks and CSV in the publisher's layout (an
// index's annex, or a province's own unit scores) go through the mapping step, are confirmed
// once, come back after a reload without asking, and the next file of the same shape is
// pre-filled. The files are TEST DATA in tests/fixtures/
// (written by tests/e2e/fixtures/official_tables.py), read from there, never copied into dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, screenshot, fileCard as card, removeAllFiles, SCREENSHOTS, openData } from './browser.mjs';

const env = useBrowser();
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const ANNEX = 'TEST DATA PAPI 2025 annex';

async function fresh(page) {
  await openData(page, env.url + '?view=data');
  await removeAllFiles(page);
  await page.evaluate(() => localStorage.removeItem('chiso.mappings'));
}

/** Chooses a fixture and waits for its mapping step. */
async function choose(page, name) {
  // The app's input (a reloaded page shows a disabled one as built until the app takes over).
  await page.setInputFiles('[data-live] #own-file', FIXTURES + name);
  const step = card(page, name).locator('.mapping-step');
  await step.waitFor();
  return step;
}

async function confirmed(page, name) {
  await card(page, name).locator('.mapping-confirm').click();
  const summary = card(page, name).locator('.import-summary');
  await summary.waitFor();
  return summary.innerText();
}

test('the 2025 annex workbook: mapping step, confirmed, ranked with its 8 dimensions, kept', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const name = `${ANNEX}.xlsx`;
  const step = await choose(page, name);
  // Every sheet with its size, the likeliest chosen; index, year and decimal mark guessed.
  const sheets = await step.locator('.mapping-sheet option').allInnerTexts();
  assert.equal(sheets.length, 2);
  assert.match(sheets[0], /^PL1 - PAPI 2025 \(\d+ × 12\)$/);
  assert.equal(await step.locator('.mapping-index').inputValue(), 'papi');
  assert.equal(await step.locator('.mapping-year').inputValue(), '2025');
  assert.match(await step.locator('.mapping-decimal').innerText(), /^Dấu thập phân: dấu chấm/);
  assert.equal(await step.locator('.mapping-role[data-letter="B"]').inputValue(), 'province');
  assert.equal(await step.locator('.mapping-role[data-letter="C"]').inputValue(), 'value:participation');
  assert.equal(await step.locator('.mapping-role[data-letter="K"]').inputValue(), 'value:total');
  assert.match(await step.locator('label[for$="-col-2"]').innerText(), /C Nội dung 1 – Tham gia của người dân ở cấp cơ sở \(Tối đa 10\)/);
  assert.equal(await step.locator('.mapping-preview tbody tr').count(), 8);
  assert.match(await step.locator('.mapping-aside').innerText(), /Bình quân chung/);
  // Nothing is kept before Confirm.
  assert.equal(await card(page, name).locator('.keeping').count(), 0);
  await screenshot(page, 'mapping-step');
  await step.screenshot({ path: `${SCREENSHOTS}mapping-step-whole.png` });
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways at 360 px (${overflow})`);
  await screenshot(page, 'mapping-step-360');
  await step.screenshot({ path: `${SCREENSHOTS}mapping-step-whole-360.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  assert.match(await confirmed(page, name), /306 dòng hợp lệ · 0 dòng lỗi/);
  await card(page, name).locator('.keeping', { hasText: 'được lưu' }).waitFor();
  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 34);
  assert.match(await page.locator('#rankings-table tbody tr').first().innerText(), /Lai Châu[\s\S]*55,99/);
  // A dimension of the annex in a province's profile.
  await page.goto(env.url + '?view=profile&province=n12&index=papi&year=2025');
  await page.waitForSelector('#breakdown-table .own-mark');
  assert.match(await page.locator('#breakdown-table').innerText(), /Tham gia[^\n]*5,8/);

  // Reloaded: the kept workbook comes back with its confirmed mapping, without asking.
  await openData(page, env.url + '?view=data');
  await card(page, name).locator('.import-summary').waitFor();
  assert.equal(await card(page, name).locator('.mapping-step').count(), 0);
  await page.close();
});

test('the same shape is remembered: the annex as CSV (comma decimals), .ods and .xls in one confirmation', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  await choose(page, `${ANNEX}.xlsx`);
  await confirmed(page, `${ANNEX}.xlsx`);
  await removeAllFiles(page);
  await page.reload();
  for (const ext of ['csv', 'ods', 'xls']) {
    const name = `${ANNEX}.${ext}`;
    const step = await choose(page, name);
    assert.match(await step.locator('.mapping-remembered').innerText(), /cùng cấu trúc/);
    if (ext === 'csv') assert.match(await step.locator('.mapping-decimal').innerText(), /phẩy/);
    assert.equal(await step.locator('.mapping-role[data-letter="J"]').inputValue(), 'value:e_governance');
    assert.match(await confirmed(page, name), /306 dòng hợp lệ · 0 dòng lỗi/);
    await removeAllFiles(page);
  }
  await page.close();
});

test('the wide 63-province PAPI table with D1…D8', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const name = 'TEST DATA PAPI 2024 wide.csv';
  const step = await choose(page, name);
  const roles = await step.locator('.mapping-role').evaluateAll((s) => s.map((e) => e.value));
  assert.deepEqual(roles.slice(0, 4), ['province', 'year', 'value:participation', 'value:transparency']);
  assert.ok(roles.includes('rank:total'));
  assert.match(await confirmed(page, name), /566 dòng hợp lệ · 0 dòng lỗi/);
  await removeAllFiles(page);
  await page.close();
});

test('a corrupt workbook says so in its card and loses nothing kept before', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  await choose(page, `${ANNEX}.xlsx`);
  await confirmed(page, `${ANNEX}.xlsx`);
  const name = 'TEST DATA corrupt.xlsx';
  await page.setInputFiles('#own-file', FIXTURES + name);
  const refused = card(page, name).locator('.import-refused');
  await refused.waitFor();
  assert.match(await refused.innerText(), /hỏng|không đọc được/i);
  assert.match(await card(page, `${ANNEX}.xlsx`).locator('.import-summary').innerText(), /306 dòng hợp lệ/);
  await removeAllFiles(page);
  await page.close();
});

test('the mapping step by keyboard alone: a role changed, then confirmed', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const name = `${ANNEX}.xlsx`;
  const step = await choose(page, name);
  const reach = async (selector) => {
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    assert.fail(`${selector} not reached by Tab`);
  };
  await reach('.mapping-role[data-letter="A"]');
  // The STT column, ignored, taken for the province with the arrow key.
  await page.keyboard.press('ArrowDown');
  assert.equal(await step.locator('.mapping-role[data-letter="A"]').inputValue(), 'province');
  await page.keyboard.press('ArrowUp');
  assert.equal(await step.locator('.mapping-role[data-letter="A"]').inputValue(), 'ignored');
  await reach('.mapping-confirm');
  await page.keyboard.press('Enter');
  await card(page, name).locator('.import-summary').waitFor();
  await removeAllFiles(page);
  await page.close();
});

test('another index chosen in the step: its columns proposed afresh by the same worker; indices by name', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const name = `${ANNEX}.xlsx`;
  let workers = 0;
  page.on('worker', () => { workers += 1; });
  const step = await choose(page, name);
  assert.match(await step.locator('.mapping-index option:checked').innerText(), /^PAPI – Chỉ số hiệu quả quản trị/);
  await step.locator('.mapping-index').selectOption('pci');
  await page.waitForFunction(() => document.querySelector('.mapping-role[data-letter="C"]')?.value !== 'value:participation');
  assert.equal(await step.locator('.mapping-index').inputValue(), 'pci');
  assert.equal(await step.locator('.mapping-role[data-letter="B"]').inputValue(), 'province');
  await step.locator('.mapping-index').selectOption('papi');
  await page.waitForFunction(() => document.querySelector('.mapping-role[data-letter="C"]')?.value === 'value:participation');
  assert.equal(await step.locator('.mapping-year').inputValue(), '2025');
  assert.equal(workers, 1, 'one worker for the file, asked three times');
  await card(page, name).locator('.mapping-cancel').click();
  await page.close();
});

test('a workbook kept before mappings existed is asked once, and its choice written back', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const name = `${ANNEX}.xlsx`;
  // Kept as an earlier version kept files: its name and bytes, no choice.
  await page.evaluate(async ([file, bytes]) => {
    const db = await new Promise((ok, ko) => {
      const open = indexedDB.open('chiso', 1);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    await new Promise((ok, ko) => {
      const tx = db.transaction('files', 'readwrite');
      tx.objectStore('files').add({ name: file, bytes: new Uint8Array(bytes) });
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, [name, [...readFileSync(FIXTURES + name)]]);
  await page.reload();
  await card(page, name).locator('.mapping-step').waitFor();
  assert.match(await confirmed(page, name), /306 dòng hợp lệ · 0 dòng lỗi/);
  await page.waitForFunction(async () => {
    const db = await new Promise((ok) => { const open = indexedDB.open('chiso', 1); open.onsuccess = () => ok(open.result); });
    const all = await new Promise((ok) => { const get = db.transaction('files').objectStore('files').getAll(); get.onsuccess = () => ok(get.result); });
    db.close();
    return all.length === 1 && typeof all[0].choice === 'string';
  });
  await page.reload();
  await card(page, name).locator('.import-summary').waitFor();
  assert.equal(await card(page, name).locator('.mapping-step').count(), 0);
  await removeAllFiles(page);
  await page.close();
});

// A province's own unit scores in its wide layout: a title, block headings, a row per department
// or commune and a column per criterion or index go through the same step (the unit column, the
// province, the block, a metric per column), and the units show inside the province as a file in
// chiso's own columns does.
const UNITS = 'TEST DATA Sơn La 2025 units.xlsx';
const UNITS_CSV = 'TEST DATA Sơn La 2024 units.csv';
const CRITERION = 'Cải cách thủ tục hành chính (điểm)';

const role = (step, letter) => step.locator(`.mapping-role[data-letter="${letter}"]`).inputValue();

test('a unit workbook: its step, the block chosen by keyboard, confirmed, its units inside the province', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const step = await choose(page, UNITS);
  assert.match(await step.locator('.mapping-kind').innerText(), /bảng điểm các cơ quan, đơn vị của một tỉnh/);
  assert.equal(await step.locator('.mapping-index').count(), 0);
  assert.equal(await step.locator('.mapping-province').inputValue(), 'Sơn La');
  assert.equal(await step.locator('.mapping-year').inputValue(), '2025');
  assert.equal(await step.locator('.mapping-block').inputValue(), '');
  assert.deepEqual(
    [await role(step, 'A'), await role(step, 'B'), await role(step, 'C'), await role(step, 'D'), await role(step, 'E')],
    ['ignored', 'unit', `metric:${CRITERION}`, 'metric:par_index', 'metric:sipas'],
  );
  assert.match(await step.locator('.mapping-role[data-letter="C"] option:checked').innerText(), /^Tiêu chí: Cải cách thủ tục/);
  // The preview: each unit's block from its name; the unit whose name tells none is marked.
  const rows = step.locator('.mapping-preview tbody tr');
  assert.equal(await rows.count(), 8);
  assert.equal(await rows.first().locator('.preview-block').innerText(), 'Sở, ban, ngành');
  const police = rows.filter({ hasText: 'Công an tỉnh' });
  assert.equal(await police.getAttribute('class'), 'has-problem');
  // In the step's words (the block to choose), not the long format's column key.
  const problem = await police.locator('.preview-problem').innerText();
  assert.match(problem, /"Công an tỉnh" không cho biết khối[\s\S]*«Khối của đơn vị có tên không cho biết khối»/);
  assert.doesNotMatch(problem, /unit_type/);
  assert.match(await step.locator('.mapping-aside').innerText(), /KHỐI XÃ, PHƯỜNG[\s\S]*Bình quân/);
  assert.equal(await card(page, UNITS).locator('.keeping').count(), 0);
  await step.scrollIntoViewIfNeeded();
  await screenshot(page, 'unit-mapping-step');
  await step.screenshot({ path: `${SCREENSHOTS}unit-mapping-step-whole.png` });
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page does not scroll sideways at 360 px (${overflow})`);
  await step.scrollIntoViewIfNeeded();
  await screenshot(page, 'unit-mapping-step-360');
  await step.screenshot({ path: `${SCREENSHOTS}unit-mapping-step-whole-360.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The departments' block for the units whose names tell none, from the keyboard.
  await step.locator('.mapping-block').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await step.locator('.mapping-block').inputValue(), 'department');
  assert.equal(await police.locator('.preview-block').innerText(), 'Sở, ban, ngành');
  assert.match(await confirmed(page, UNITS), /44 dòng hợp lệ · 0 dòng lỗi/);
  await card(page, UNITS).locator('.keeping', { hasText: 'được lưu' }).waitFor();

  // Inside the province, as a file of unit scores in chiso's own columns is shown.
  await page.click('#open-own-units');
  await page.waitForURL(/view=inside/);
  const own = page.locator('section.own-province', { hasText: 'Sơn La' });
  await own.waitFor();
  assert.equal(await own.locator('h2').innerText(), 'Sơn La');
  const departments = own.locator('section.units[data-kind="department"][data-metric="par_index"][data-year="2025"]');
  assert.equal(await departments.locator('tbody tr').count(), 7);
  assert.match(await departments.locator('h3').innerText(), /Sở, ban, ngành – Chỉ số CCHC 2025/);
  assert.match(await departments.locator('tbody').innerText(), /Công an tỉnh/);
  const communes = own.locator('section.units[data-kind="commune"][data-metric="sipas"]');
  assert.equal(await communes.locator('tbody tr').count(), 7, 'a missing mark gives no score');
  assert.match(await own.locator(`section.units[data-kind="commune"][data-metric="${CRITERION}"] h3`).innerText(), /Xã, phường, đặc khu – Cải cách thủ tục hành chính \(điểm\) 2025/);
  await departments.scrollIntoViewIfNeeded();
  await screenshot(page, 'unit-mapping-inside');

  // Reloaded: the kept workbook comes back with its confirmed mapping, without asking.
  await openData(page, env.url + '?view=data');
  await card(page, UNITS).locator('.import-summary').waitFor();
  assert.equal(await card(page, UNITS).locator('.mapping-step').count(), 0);
  await removeAllFiles(page);
  await page.close();
});

test("next year's file of the same shape is pre-filled: the 2024 CSV in one confirmation", async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const first = await choose(page, UNITS);
  await first.locator('.mapping-block').selectOption('department');
  await confirmed(page, UNITS);
  await removeAllFiles(page);
  await page.reload();
  const step = await choose(page, UNITS_CSV);
  assert.match(await step.locator('.mapping-remembered').innerText(), /cùng cấu trúc/);
  assert.equal(await step.locator('.mapping-year').inputValue(), '2024');
  assert.equal(await step.locator('.mapping-block').inputValue(), 'department');
  assert.match(await step.locator('.mapping-decimal').innerText(), /phẩy/);
  assert.match(await confirmed(page, UNITS_CSV), /44 dòng hợp lệ · 0 dòng lỗi/);
  await removeAllFiles(page);
  await page.close();
});

test('the annex saved in VNI-Windows: converted, said in its step and on its card', async () => {
  const page = await env.context.newPage();
  await fresh(page);
  const name = `${ANNEX} VNI.csv`;
  const step = await choose(page, name);
  assert.match(await step.locator('.import-note').innerText(), /^Tệp đã được chuyển từ bảng mã VNI-Windows sang Unicode/);
  assert.equal(await step.locator('.mapping-role[data-letter="B"]').inputValue(), 'province');
  assert.match(await step.locator('label[for$="-col-2"]').innerText(), /Nội dung 1 – Tham gia của người dân ở cấp cơ sở \(Tối đa 10\)/);
  assert.match(await step.locator('.mapping-preview tbody tr').first().innerText(), /Hà Nội/);
  // Every province's name read (all 34 resolved), every figure kept.
  assert.match(await confirmed(page, name), /306 dòng hợp lệ · 0 dòng lỗi/);
  const note = card(page, name).locator('.import-note');
  assert.match(await note.innerText(), /^Tệp đã được chuyển từ bảng mã VNI-Windows sang Unicode/);
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, 'vni-annex-card');
  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 34);
  assert.match(await page.locator('#rankings-table tbody tr').first().innerText(), /Lai Châu[\s\S]*55,99/);
  await openData(page, env.url + '?view=data');
  await removeAllFiles(page);
  await page.close();
});
