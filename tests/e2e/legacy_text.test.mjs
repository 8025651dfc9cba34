// Older provincial files in legacy encodings (issue 16, §4): a CSV index table saved in TCVN3
// (ABC) or in Windows-1258 is read with its province names in proper Vietnamese, and the file's
// card says what it was converted from. Every figure here is TEST DATA made up by the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, screenshot, fileCard as card, removeAllFiles, openData } from './browser.mjs';

const env = useBrowser();

// The 34 provinces of 2025 with their diacritics, from the project's own list.
const PROVINCES_2025 = readFileSync(new URL('../../data/geo/provinces_2025.csv', import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((line) => line.split(',')[1]);

/** A made-up PAPI 2025 table (test data) in Unicode: the best value is the last province's. */
function testTable() {
  const rows = ['index,year,province,value,source'];
  PROVINCES_2025.forEach((name, i) => rows.push(`papi,2025,${name},${(40 + i * 0.25).toFixed(2)},test data`));
  return rows.join('\r\n') + '\r\n';
}

// TCVN3 (TCVN 5712:1993 VN3): each vowel with no tone, grave, acute, hook, tilde, dot below.
const VOWELS = ['aàáảãạ', 'ăằắẳẵặ', 'âầấẩẫậ', 'eèéẻẽẹ', 'êềếểễệ', 'iìíỉĩị', 'oòóỏõọ', 'ôồốổỗộ', 'ơờớởỡợ', 'uùúủũụ', 'ưừứửữự', 'yỳýỷỹỵ'];
const TCVN3_CODES = [
  [0x61, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9], [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6], [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  [0x65, 0xcc, 0xd0, 0xce, 0xcf, 0xd1], [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6], [0x69, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  [0x6f, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4], [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9], [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  [0x75, 0xef, 0xf3, 0xf1, 0xf2, 0xf4], [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9], [0x79, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
];
const TCVN3 = new Map([['đ', 0xae], ['Ă', 0xa1], ['Â', 0xa2], ['Ê', 0xa3], ['Ô', 0xa4], ['Ơ', 0xa5], ['Ư', 0xa6], ['Đ', 0xa7]]);
VOWELS.forEach((row, r) => [...row].forEach((letter, t) => TCVN3.set(letter, TCVN3_CODES[r][t])));

/** Text in TCVN3; a capital with a tone has no code and is typed with its small letter's. */
function tcvn3(text) {
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : TCVN3.get(c) ?? TCVN3.get(c.toLowerCase()))));
}

/** Text in Windows-1258 as Windows writes it (the browser's own decoder gives the code page):
 * a letter the code page has, else the letter without its tone and the tone's combining byte. */
function windows1258(text) {
  const decoder = new TextDecoder('windows-1258');
  const code = new Map();
  for (let b = 0x80; b <= 0xff; b++) code.set(decoder.decode(Uint8Array.of(b)), b);
  const byte = (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : code.get(c));
  const bytes = [];
  for (const c of text) {
    if (byte(c) !== undefined) { bytes.push(byte(c)); continue; }
    const parts = [...c.normalize('NFD')];
    const tone = parts.find((p) => code.has(p) && /\p{M}/u.test(p));
    bytes.push(byte(parts.filter((p) => p !== tone).join('').normalize('NFC')), byte(tone));
  }
  return Buffer.from(bytes);
}

async function upload(page, file) {
  // In Vietnamese (a language chosen before is remembered).
  await openData(page, env.url + '?view=data&lang=vi');
  await page.setInputFiles('#own-file', file);
  await card(page, file.name).locator('.import-summary').waitFor();
  return card(page, file.name);
}

test('a TCVN3 CSV index table is read with proper province names and says it was converted', async () => {
  const page = await env.context.newPage();
  const bytes = tcvn3(testTable());
  assert.ok(!bytes.toString('utf8').includes('Cà Mau'), 'the file is not UTF-8');
  const name = 'TEST DATA tcvn3 papi 2025.csv';
  const loaded = await upload(page, { name, mimeType: 'text/csv', buffer: bytes });
  assert.match(await loaded.locator('.import-summary').innerText(), /34 dòng hợp lệ · 0 dòng lỗi/);
  assert.match(await loaded.locator('.import-note').innerText(), /^Tệp đã được chuyển từ bảng mã TCVN3 \(ABC\) sang Unicode/);
  await loaded.scrollIntoViewIfNeeded();
  await screenshot(page, 'legacy-text-tcvn3-card');
  await page.setViewportSize({ width: 360, height: 740 });
  await loaded.scrollIntoViewIfNeeded();
  await screenshot(page, 'legacy-text-tcvn3-card-360');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The names read are the provinces': the table ranks all 34, Cà Mau (the last row) first.
  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 34);
  assert.match(await page.locator('#rankings-table tbody tr').first().innerText(), /Cà Mau[\s\S]*48,25/);
  assert.match(await page.locator('#rankings-table tbody tr', { hasText: "Đắk Lắk" }).innerText(), /46,00/);

  // The note is in the page's language, in English too (the file is read again from the store).
  await openData(page, env.url + '?view=data&lang=en');
  const again = card(page, name);
  await again.locator('.import-note').waitFor();
  assert.match(await again.locator('.import-note').innerText(), /^The file was converted from the TCVN3 \(ABC\) encoding to Unicode/);
  await removeAllFiles(page);
  await page.close();
});

test('a Windows-1258 CSV index table is decoded and says so', async () => {
  const page = await env.context.newPage();
  const name = 'TEST DATA windows-1258 papi 2025.csv';
  const loaded = await upload(page, { name, mimeType: 'text/csv', buffer: windows1258(testTable()) });
  assert.match(await loaded.locator('.import-summary').innerText(), /34 dòng hợp lệ · 0 dòng lỗi/);
  assert.match(await loaded.locator('.import-note').innerText(), /Windows-1258/);
  await page.goto(env.url + '?view=rankings&index=papi&year=2025');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 34);
  assert.match(await page.locator('#rankings-table tbody tr').first().innerText(), /Cà Mau[\s\S]*48,25/);
  await openData(page, env.url + '?view=data');
  await removeAllFiles(page);
  await page.close();
});

test('bytes that read as Vietnamese in no encoding are refused with what to do', async () => {
  const page = await env.context.newPage();
  await openData(page, env.url + '?view=data&lang=vi');
  const name = 'TEST DATA not text.csv';
  await page.setInputFiles('#own-file', { name, mimeType: 'text/csv', buffer: Buffer.from([0x80, 0x9f, 0xff, 0xfe, 0x2c, 0xc3, 0x8d, 0x81, 0x0a]) });
  const refused = card(page, name).locator('.import-refused');
  await refused.waitFor();
  assert.match(await refused.innerText(), /TCVN3 \(ABC\).*VNI-Windows.*CSV UTF-8/);
  assert.equal(await card(page, name).locator('.import-note').count(), 0);
  await removeAllFiles(page);
  await page.close();
});
