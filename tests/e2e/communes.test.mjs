// A province's units from 2025: departments and 150 communes (xã, phường, đặc khu) from the
// user's own file, searched without diacritics, sorted from the keyboard, drawn one bar each.
// The file is test data made up here (names "Xã Thử Nghiệm 001"…), never bundled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, openData } from './browser.mjs';

const env = useBrowser();

const PROVINCE = 'Tỉnh Thử Nghiệm';
const COMMUNES = 150;

/** The i-th commune (from 1): its name, the unit_type as a person might type it, its figure. */
function commune(i) {
  const n = String(i).padStart(3, '0');
  const [kind, type] = i === COMMUNES ? ['Đặc khu', 'đặc khu']
    : i % 5 === 0 ? ['Phường', i % 2 ? 'phuong' : 'Phường']
      : ['Xã', ['commune', 'xa', 'Xã'][i % 3]];
  // Distinct made-up scores from 70.0 to 99.9; every tenth unit a band of 85 to 90.
  const value = (70 + ((i * 37) % 300) / 10).toFixed(1);
  return { name: `${kind} Thử Nghiệm ${n}`, type, value: i % 10 === 3 ? null : Number(value) };
}

function testFile() {
  let text = 'province,year,unit_type,unit,metric,value,low,high\n';
  for (let i = 1; i <= 20; i++) text += `${PROVINCE},2025,department,Sở Thử Nghiệm ${String(i).padStart(2, '0')},par_index,${80 + i / 2},,\n`;
  text += `${PROVINCE},2025,department_block,Khối sở,par_index,85.25,,\n`;
  text += `${PROVINCE},2024,khối xã,Khối xã,par_index,84.5,,\n`;
  text += `${PROVINCE},2025,khối xã,Khối xã,par_index,86.75,,\n`;
  text += `${PROVINCE},2025,district,Huyện Thử Nghiệm,par_index,80,,\n`;
  for (let i = 1; i <= COMMUNES; i++) {
    const c = commune(i);
    text += `${PROVINCE},2025,${c.type},${c.name},par_index,${c.value ?? ''},${c.value === null ? '85,90' : ','}\n`;
  }
  return { name: 'test-communes.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
}

const names = (section) => section.locator('tbody th').allInnerTexts();
const top = (locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'start' }));

test('150 communes from a file: searched without diacritics, sorted from the keyboard, one bar each', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data');
  // The import panel lists the commune key and its aliases.
  assert.match(await page.locator('#import-panel').innerText(), /commune_block, department, district, commune/);
  assert.match(await page.locator('#import-panel').innerText(), /xa, phuong, dac_khu.*→ commune/);
  await page.setInputFiles('#own-file', testFile());
  const card = page.locator('.user-file[data-name="test-communes.csv"]');
  await card.locator('.import-summary').waitFor();
  assert.match(await card.locator('.import-summary').innerText(), /test-communes\.csv: 174 dòng hợp lệ · 0 dòng lỗi/);
  await page.click('#open-own-units');
  await page.waitForURL(/view=inside/);

  // The commune block with its change, and the 2025 district kept with a note.
  const block = page.locator('section.block[data-block="commune_block"]');
  assert.match(await block.locator('h3').innerText(), /Xã, phường, đặc khu/);
  assert.match(await block.locator('tbody').innerText(), /86,75\s+\+2,25 \(so với 2024\)/);
  const district = page.locator('section.units[data-kind="district"]');
  assert.equal(await district.locator('tbody tr').count(), 1);
  assert.match(await district.locator('[data-warning="districts-ended"]').innerText(), /1\/7\/2025/);

  const communes = page.locator('section.units[data-kind="commune"]');
  assert.match(await communes.locator('h3').innerText(), /Xã, phường, đặc khu – Chỉ số CCHC 2025/);
  assert.match(await communes.locator('.units-count').innerText(), /150 đơn vị · 15 chỉ có khoảng điểm/);
  assert.equal(await communes.locator('tbody tr').count(), COMMUNES);
  // Best first; a bar per commune, bands in the band colour; a chart this tall scrolls in its box.
  const all = Array.from({ length: COMMUNES }, (_, i) => commune(i + 1));
  const valued = all.filter((c) => c.value !== null).sort((a, b) => b.value - a.value);
  // As the app ranks: a band by its middle, then by its upper end, then by name.
  const key = (c) => (c.value === null ? [87.5, 90] : [c.value, c.value]);
  const ranked = [...all].sort((a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1] || (a.name < b.name ? -1 : 1));
  assert.equal((await names(communes))[0], valued[0].name);
  assert.equal(await communes.locator('rect[fill="#3B6EA8"]').count(), 135);
  assert.equal(await communes.locator('rect[fill="#9AB8D8"]').count(), 15);
  const box = communes.locator('.chart-svg');
  assert.equal(await box.getAttribute('class'), 'chart-svg chart-scroll');
  const { scrollHeight, clientHeight } = await box.evaluate((e) => ({ scrollHeight: e.scrollHeight, clientHeight: e.clientHeight }));
  assert.ok(scrollHeight > 2 * clientHeight && clientHeight <= 800 * 0.7 + 1, `${scrollHeight} in ${clientHeight}`);
  assert.match(await communes.locator('.chart-description').innerText(), /Mỗi thanh là một đơn vị \(150\)/);
  // The unit names as data, escaped (no markup from a file).
  assert.ok((await box.innerHTML()).includes('Xã Thử Nghiệm 001'));

  // Searched without diacritics: wards only, keeping their rank among all communes.
  await page.fill('#unit-search', 'phuong thu nghiem 0');
  await page.waitForFunction(() => /khớp/.test(document.querySelector('section.units[data-kind="commune"] .units-count')?.textContent));
  const wards = all.filter((c) => c.name.startsWith('Phường') && c.name.includes(' 0'));
  assert.match(await communes.locator('.units-count').innerText(), new RegExp(`${wards.length} khớp với tìm kiếm`));
  assert.equal(await communes.locator('tbody tr').count(), wards.length);
  assert.ok((await names(communes)).every((n) => n.startsWith('Phường')));
  const firstWard = await communes.locator('tbody tr').first().innerText();
  const rankOfBestWard = ranked.findIndex((c) => c.name.startsWith('Phường') && c.name.includes(' 0')) + 1;
  assert.ok(firstWard.startsWith(`${rankOfBestWard}\t`), `${firstWard} ranked ${rankOfBestWard}`);
  assert.equal(await communes.locator('rect[fill="#3B6EA8"], rect[fill="#9AB8D8"]').count(), wards.length);
  // The departments have no match: their table is empty, the counts say so.
  assert.equal(await page.locator('section.units[data-kind="department"] tbody tr').count(), 0);
  await page.waitForURL(/uq=phuong/);
  await page.locator('#unit-search').evaluate((e) => e.closest('form').scrollIntoView({ block: 'start' }));
  await screenshot(page, 'communes-search-top-1280');
  await top(communes.locator('h3'));
  await screenshot(page, 'communes-search-1280');

  // Sorted by name from the keyboard: A to Z, then Z to A; the header says how.
  await page.fill('#unit-search', '');
  const byName = communes.locator('th[data-column="name"]');
  await byName.locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('section.units[data-kind="commune"] th[data-column="name"]')?.getAttribute('aria-sort') === 'ascending');
  const ascending = await names(communes);
  assert.equal(ascending.length, COMMUNES);
  assert.equal(ascending[0], 'Đặc khu Thử Nghiệm 150', 'Đ sorts with D');
  assert.equal(ascending[1], 'Phường Thử Nghiệm 005');
  assert.equal(ascending.at(-1), 'Xã Thử Nghiệm 149');
  assert.equal(await communes.locator('th[data-column="score"]').getAttribute('aria-sort'), 'none');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('section.units[data-kind="commune"] th[data-column="name"]')?.getAttribute('aria-sort') === 'descending');
  assert.deepEqual(await names(communes), [...ascending].reverse());
  await page.waitForURL(/usort=name&udir=desc/);
  // By score, lowest first (the default is best first; the same column again reverses it).
  await communes.locator('th[data-column="score"] button').click();
  await communes.locator('th[data-column="score"] button').click();
  await page.waitForFunction(() => document.querySelector('section.units[data-kind="commune"] th[data-column="score"]')?.getAttribute('aria-sort') === 'ascending');
  assert.equal((await names(communes))[0], valued.at(-1).name);

  // The order and the search come back from the address.
  await page.fill('#unit-search', 'xa thu nghiem 00');
  await page.waitForURL(/uq=xa/);
  await page.reload();
  await page.waitForSelector('section.units[data-kind="commune"] tbody tr');
  assert.equal(await page.inputValue('#unit-search'), 'xa thu nghiem 00');
  assert.equal(await communes.locator('th[data-column="score"]').getAttribute('aria-sort'), 'ascending');
  assert.ok((await names(communes)).every((n) => /^Xã Thử Nghiệm 00\d$/.test(n)));

  await page.fill('#unit-search', '');
  await top(communes.locator('h3'));
  await screenshot(page, 'communes-1280');
  await top(box);
  await screenshot(page, 'communes-chart-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll at 360 px');
  await top(communes.locator('h3'));
  await screenshot(page, 'communes-360');
  await top(box);
  await screenshot(page, 'communes-chart-360');
  await openData(page, env.url + '?view=data');
  await card.locator('.remove-file').click();
  await page.waitForSelector('#user-files', { state: 'detached' });
  await page.close();
});
