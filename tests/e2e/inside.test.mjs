// Inside a province (bundled reports) and the user's own data (upload, errors, reload, remove).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, fileCard as card, removeAllFiles, openData } from './browser.mjs';

const env = useBrowser();

const HEADER = 'province,year,unit_type,unit,metric,value,low,high\n';
const file = (name, text, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.from(text) });

test('from the profile to the province\'s units, bands drawn as ranges, and its meetings', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=profile&province=10');
  await page.waitForSelector('#open-inside');
  await page.click('#open-inside');
  await page.waitForSelector('#inside-name');
  assert.equal(await page.locator('#inside-name').innerText(), 'Lào Cai');
  await page.waitForURL(/view=inside/);
  const departments = page.locator('section.units[data-kind="department"]');
  assert.equal(await departments.locator('tbody tr').count(), 19);
  assert.equal(await departments.locator('tbody tr.band').count(), 19, 'Lào Cai 2021 departments are published as bands');
  assert.match(await departments.locator('tbody tr').first().innerText(), /90–100/);
  // Each band is one range bar in the lighter band colour, none in the value colour.
  assert.equal(await departments.locator('rect[fill="#9AB8D8"]').count(), 19);
  assert.equal(await departments.locator('rect[fill="#3B6EA8"]').count(), 0);
  assert.match(await page.locator('#meetings').innerText(), /30\/3\/2022/);
  assert.match(await page.locator('#meetings').innerText(), /003_801c396514893dbf\.txt/);
  // The meeting is named by the report's own headline (in Vietnamese, marked as such).
  assert.equal(await page.locator('#meetings .topic[lang="vi"]').first().innerText(),
    'UBND tỉnh Lào Cai công bố Chỉ số cải cách hành chính các sở, ngành, huyện, thị xã, thành phố năm 2021');
  await page.click('.chips button[data-code="14"]');
  await page.waitForFunction(() => document.querySelector('#inside-name')?.textContent === 'Sơn La');
  assert.ok(await page.locator('sup.derived').count() > 0, 'derived figures are marked');
  // What the report says of a figure is shown beside it, in the interface's language.
  const notes = page.locator('#meetings td.note');
  assert.ok(await notes.filter({ hasText: 'suy ra: 95,83 - 1,25' }).count() === 1);
  assert.equal(await notes.filter({ hasText: 'derived:' }).count(), 0);
  await screenshot(page, 'inside-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'inside-360');
  await page.close();
});

const summaryOf = async (page, name) => {
  await card(page, name).locator('.import-summary').waitFor();
  return card(page, name).locator('.import-summary').innerText();
};

test('upload files on the data view, see their units inside; a bad file lists row errors and keeps good rows; reload; remove', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data');
  assert.match(await page.locator('#template-link').getAttribute('href'), /^data:text\/csv/);
  await page.setInputFiles('#own-file', file('so-lieu.csv', HEADER
    + 'Tỉnh Mẫu,2024,department,Sở A,par_index,91.5,,\n'
    + 'Tỉnh Mẫu,2024,department,Sở B,par_index,,85,90\n'
    + 'Tỉnh Mẫu,2024,department,Sở C,par_index,87.25,,\n'));
  assert.match(await summaryOf(page, 'so-lieu.csv'), /so-lieu\.csv: 3 dòng hợp lệ · 0 dòng lỗi/);
  await page.click('#open-own-units');
  await page.waitForURL(/view=inside/);
  const table = page.locator('section.units[data-kind="department"]');
  assert.deepEqual(await table.locator('tbody th').allInnerTexts(), ['Sở A', 'Sở B', 'Sở C']);
  assert.equal(await table.locator('rect[fill="#9AB8D8"]').count(), 1);
  assert.equal(await table.locator('rect[fill="#3B6EA8"]').count(), 2);
  await screenshot(page, 'own-data');

  await page.click('#manage-files');
  await page.waitForSelector('#own-file');
  await page.setInputFiles('#own-file', file('loi.csv', HEADER
    + 'Tỉnh Mẫu,2024,district,Huyện A,sipas,95,,\n'
    + 'Tỉnh Mẫu,2024,district,Huyện B,sipas,abc,,\n'
    + 'Tỉnh Mẫu,2024,thôn,Huyện C,sipas,90,,\n'
    + 'Tỉnh Mẫu,2024,district,Huyện D,sipas,,95,90\n'));
  assert.match(await summaryOf(page, 'loi.csv'), /1 dòng hợp lệ · 3 dòng lỗi/);
  const errors = await card(page, 'loi.csv').locator('.import-error-list li').allInnerTexts();
  assert.deepEqual(errors.map((e) => e.match(/^Dòng (\d+)/)[1]), ['3', '4', '5']);
  assert.match(errors[0], /không phải là số/);
  assert.match(errors[1], /unit_type/);
  assert.match(errors[2], /low 95 lớn hơn high 90/);
  // Both files are listed, each kept in the browser.
  assert.equal(await page.locator('.user-file').count(), 2);
  await page.waitForFunction(() => [...document.querySelectorAll('.user-file .keeping')]
    .every((p) => /lưu trong trình duyệt này/.test(p.textContent)));
  await screenshot(page, 'own-data-errors');

  await page.reload();
  assert.match(await summaryOf(page, 'loi.csv'), /loi\.csv: 1 dòng hợp lệ/);
  assert.match(await summaryOf(page, 'so-lieu.csv'), /3 dòng hợp lệ/);
  await page.goto(env.url + '?view=inside&data=own');
  await page.waitForSelector('section.units[data-kind="district"] tbody tr');
  assert.equal(await page.locator('section.units[data-kind="district"] tbody tr').count(), 1);

  await openData(page, env.url + '?view=data');
  await card(page, 'loi.csv').locator('.remove-file').click();
  await page.waitForFunction(() => document.querySelectorAll('.user-file').length === 1);
  await page.reload();
  await summaryOf(page, 'so-lieu.csv');
  assert.equal(await card(page, 'loi.csv').count(), 0, 'a removed file stays removed');
  await card(page, 'so-lieu.csv').locator('.remove-file').click();
  await page.waitForSelector('#user-files', { state: 'detached' });
  await page.close();
});

test('text pasted from a spreadsheet (tabs) is read like a file', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data');
  await page.fill('#paste-area', HEADER.replaceAll(',', '\t')
    + ['Tỉnh Mẫu', '2024', 'department', 'Sở Dán', 'sipas', '88.5', '', ''].join('\t') + '\n');
  await page.click('#paste-read');
  assert.match(await summaryOf(page, 'bang-da-dan.tsv'), /1 dòng hợp lệ · 0 dòng lỗi/);
  assert.equal(await page.inputValue('#paste-area'), '', 'the box is emptied once read');
  await card(page, 'bang-da-dan.tsv').locator('.remove-file').click();
  await page.close();
});

test('a wrong header, a header alone and an empty file get clear messages; a legacy encoding is read and said', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data');
  const cases = [
    [file('a.csv', 'ten,diem\nA,1\n'), /Không nhận ra dòng tiêu đề\. Dòng tiêu đề đọc được: «ten,diem» \(dấu phân cách: dấu phẩy\); tệp điểm của các đơn vị cần các cột province,year,unit_type,unit,metric,value/],
    [file('e.csv', 'province;year;unit\nA;2022;B\n'), /Thiếu cột unit_type, metric, value\. Dòng tiêu đề đọc được: «province;year;unit» \(dấu phân cách: dấu chấm phẩy\)/],
    [file('b.csv', HEADER), /chỉ có dòng tiêu đề/],
    [file('c.csv', ''), /Tệp rỗng/],
  ];
  for (const [f, message] of cases) {
    await page.setInputFiles('#own-file', f);
    const refused = card(page, f.name).locator('.import-refused');
    await refused.waitFor();
    assert.match(await refused.innerText(), message);
  }
  // "Sơn" in Windows-1258 (0xF5 is ơ there): decoded, and the card says from which encoding.
  const legacy = Buffer.concat([Buffer.from(HEADER), Buffer.from([0x53, 0xf5, 0x6e]), Buffer.from(' La,2022,department,A,sipas,90,,\n')]);
  await page.setInputFiles('#own-file', { name: 'd.csv', mimeType: 'text/csv', buffer: legacy });
  const note = card(page, 'd.csv').locator('.import-note');
  await note.waitFor();
  assert.match(await note.innerText(), /Windows-1258/);
  await removeAllFiles(page);
  await page.close();
});

test('100,000 rows import with progress and render without freezing the page', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data');
  let text = HEADER;
  for (let i = 0; i < 100000; i++) text += `Tỉnh Lớn,2024,district,Đơn vị ${i},sipas,${50 + (i % 50)}.5,,\n`;
  await page.setInputFiles('#own-file', file('lon.csv', text));
  await page.waitForSelector('.import-progress');
  await card(page, 'lon.csv').locator('.import-summary').waitFor({ timeout: 60000 });
  assert.match(await summaryOf(page, 'lon.csv'), /100000 dòng hợp lệ/);
  await page.click('#open-own-units');
  assert.match(await page.locator('section.units[data-kind="district"] .hint').innerText(), /100000 đơn vị/);
  await openData(page, env.url + '?view=data');
  await card(page, 'lon.csv').locator('.remove-file').click();
  await page.close();
});
