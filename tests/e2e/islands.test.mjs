// Quần đảo Hoàng Sa (Đà Nẵng) and Quần đảo Trường Sa (Khánh Hòa) on every map chiso draws: in
// the East Sea inset of the choropleth in both geographies and under the borders of 2025, each
// doing what its province does, in the SVG and PNG downloads and in print; the tile grid's
// legend says where they belong. The 2025 figures are TEST DATA made up by the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, screenshot, fileCard, removeAllFiles, DIST, SCREENSHOTS, openData } from './browser.mjs';

const env = useBrowser();
const MAP = JSON.parse(readFileSync(join(DIST, 'static/map.json'), 'utf8'));
const GROUPS = '#map-svg g.islands';

/** Opens the map at `query` (in Vietnamese unless it says otherwise: the choice of language
 * is remembered) and waits for both archipelagos. */
async function openMap(page, query) {
  await page.goto(env.url + '?view=map&' + (query.includes('lang=') ? query : query + '&lang=vi'));
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, GROUPS);
}

/** Each group's box and its label's, scrolled into view, inside the viewport and not empty. */
async function assertOnScreen(page) {
  const viewport = page.viewportSize();
  for (const group of ['hoang_sa', 'truong_sa']) {
    const g = page.locator(`${GROUPS}[data-group="${group}"]`);
    await g.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    for (const part of [g.locator('path.islets'), g.locator('text'), g.locator('rect')]) {
      const box = await part.boundingBox();
      assert.ok(box && box.width > 2 && box.height > 2, `${group}: ${JSON.stringify(box)}`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
        `${group} inside ${viewport.width}×${viewport.height}: ${JSON.stringify(box)}`);
    }
  }
}

/** Hovers `target` and waits until the map's info line matches `expected` (a RegExp) or is
 * `expected` (a text). */
async function hoverSays(page, target, expected) {
  await page.hover(target);
  await page.waitForFunction(([text, source]) => {
    const info = document.querySelector('#map-info').textContent;
    return text === null ? new RegExp(source).test(info) : info === text;
  }, typeof expected === 'string' ? [expected, null] : [null, expected.source]);
  return page.locator('#map-info').innerText();
}

test('both archipelagos are on screen at 1280 and 360 px, labelled, and do what their province does', async () => {
  const page = await env.context.newPage();
  await openMap(page, 'index=papi&year=2024');
  const texts = await page.locator(`${GROUPS} text`).allTextContents();
  assert.deepEqual(texts, ['Quần đảo Hoàng Sa(TP. Đà Nẵng)', 'Quần đảo Trường Sa(tỉnh Khánh Hòa)']);
  assert.equal(await page.locator('#map-svg .east-sea > text').textContent(), 'Biển Đông');
  assert.match(await page.locator('.map-credit').innerText(), /đã đơn giản hóa; quần đảo Hoàng Sa và quần đảo Trường Sa vẽ trong ô Biển Đông/);
  await assertOnScreen(page);
  await screenshot(page, 'islands-1280');

  // Hovering says what hovering the province says; its colour is the province's.
  const daNang = await hoverSays(page, 'path.province[data-code="48"]', /^Đà Nẵng: \d/);
  await hoverSays(page, 'path.province[data-code="14"]', /^Sơn La: \d/);
  await hoverSays(page, `${GROUPS}[data-group="hoang_sa"] rect`, daNang);
  assert.equal(await page.locator(`${GROUPS}[data-group="hoang_sa"] path.islets`).getAttribute('fill'),
    await page.locator('path.province[data-code="48"]').getAttribute('fill'));
  assert.equal(await page.locator(`${GROUPS}[data-group="hoang_sa"] title`).textContent(), `Quần đảo Hoàng Sa (TP. Đà Nẵng) – ${daNang}`);
  // Focused (Tab reaches it after the provinces), it says Khánh Hòa's; Enter opens Khánh Hòa.
  await page.focus('path.province[data-code="96"]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.group), 'truong_sa');
  assert.match(await page.locator('#map-info').innerText(), /^Khánh Hòa: \d/);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Khánh Hòa');
  // A click on Hoàng Sa opens Đà Nẵng.
  await openMap(page, 'index=papi&year=2024');
  await page.click(`${GROUPS}[data-group="hoang_sa"] rect`);
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Đà Nẵng');

  await page.setViewportSize({ width: 360, height: 740 });
  await openMap(page, 'index=papi&year=2024&lang=en');
  assert.deepEqual(await page.locator(`${GROUPS} text`).allTextContents(),
    ['Hoang Sa (Paracel)Islands, Da Nang', 'Truong Sa (Spratly)Islands, Khanh Hoa']);
  assert.equal(await page.locator('#map-svg .east-sea > text').textContent(), 'East Sea');
  await assertOnScreen(page);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scroll');
  await screenshot(page, 'islands-360');
  await page.close();
});

test('under the borders of 2025 they go with the former provinces, in 2025 with the 34', async () => {
  const page = await env.context.newPage();
  await openMap(page, 'index=papi&year=2023&borders=2025');
  assert.deepEqual(await page.locator(GROUPS).evaluateAll((gs) => gs.map((g) => g.dataset.code)), ['48', '56']);
  assert.equal(await page.locator('#map-svg path.outline-2025').count(), 34);
  await page.click(`${GROUPS}[data-group="truong_sa"] rect`);
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Khánh Hòa');

  // A 2025 table (TEST DATA) for Đà Nẵng and Khánh Hòa of 2025 and two others.
  const rows = ['index,year,province,value', 'papi,2025,Da Nang,44', 'papi,2025,Khanh Hoa,41',
    'papi,2025,Son La,40', 'papi,2025,Ca Mau,43'];
  const name = 'test-data-islands-papi-2025.csv';
  await openData(page, env.url + '?view=data');
  await page.setInputFiles('#own-file', { name, mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
  await fileCard(page, name).locator('.import-summary').waitFor();
  await page.goto(env.url + '?view=map&index=papi&year=2025&lang=vi');
  // The user's file is read again as the page loads: then the year exists.
  await page.waitForSelector(`${GROUPS}[data-code="n48"]`);
  assert.deepEqual(await page.locator(GROUPS).evaluateAll((gs) => gs.map((g) => g.dataset.code)), ['n48', 'n56']);
  assert.match(await page.locator(`${GROUPS}[data-group="hoang_sa"]`).getAttribute('aria-label'),
    /^Quần đảo Hoàng Sa \(TP\. Đà Nẵng\) – Đà Nẵng: 44[,0-9]* ✎ test-data-islands-papi-2025\.csv, Dòng 2$/);
  assert.equal(await page.locator(`${GROUPS}[data-group="truong_sa"] path.islets`).getAttribute('fill'),
    await page.locator('path.province[data-code="n56"]').getAttribute('fill'));
  await page.click(`${GROUPS}[data-group="hoang_sa"] rect`);
  await page.waitForSelector('#profile-name');
  assert.equal(await page.locator('#profile-name').innerText(), 'Đà Nẵng');
  // The address is written after the view's paint.
  await page.waitForURL(/province=n48/);
  await openData(page, env.url + '?view=data');
  await removeAllFiles(page);
  await page.close();
});

test('the tile grid says where the archipelagos belong, in its legend and its drawing', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=map&index=papi&year=2024&map=tiles&lang=vi');
  await page.waitForSelector('#map-svg g.tile');
  assert.match(await page.locator('#legend-islands').innerText(), /^Quần đảo Hoàng Sa thuộc thành phố Đà Nẵng, quần đảo Trường Sa thuộc tỉnh Khánh Hòa/);
  // The drawing says it too, so that its downloads do.
  for (const line of ['#tiles-islands-0', '#tiles-islands-1']) {
    const box = await page.locator(line).boundingBox();
    const grid = await page.locator('#map-svg').boundingBox();
    assert.ok(box.width > 100 && box.x + box.width <= grid.x + grid.width + 1 && box.y + box.height <= grid.y + grid.height + 1, JSON.stringify([box, grid]));
  }
  const svg = (await download(page, '#map .export-svg')).toString('utf8');
  assert.match(svg, />Quần đảo Hoàng Sa \(TP\. Đà Nẵng\)<\/text>[\s\S]*>Quần đảo Trường Sa \(tỉnh Khánh Hòa\)<\/text>/);
  await page.locator('#tiles-islands-1').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'islands-tiles');
  await page.close();
});

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await file.path());
}

test('the SVG and PNG downloads hold the inset as the screen shows it', async () => {
  const page = await env.context.newPage();
  await openMap(page, 'index=papi&year=2023&borders=2025');
  const svg = (await download(page, '#map .export-svg')).toString('utf8');
  // A well-formed document with both groups, their labels and their colours as attributes.
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const groups = [...doc.querySelectorAll('g.islands')];
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      labels: groups.map((g) => g.querySelector('text').textContent),
      fills: groups.map((g) => g.querySelector('path.islets').getAttribute('fill')),
      outlines: [...doc.querySelectorAll('path.outline-2025')].map((p) => p.getAttribute('fill')),
      title: doc.querySelector('.east-sea > text').textContent,
    };
  }, svg);
  assert.equal(found.error, null);
  assert.deepEqual(found.labels, ['Quần đảo Hoàng Sa(TP. Đà Nẵng)', 'Quần đảo Trường Sa(tỉnh Khánh Hòa)']);
  assert.ok(found.fills.every((f) => /^#[0-9A-F]{6}$|^url\(#no-data\)$/.test(f)), found.fills.join());
  assert.ok(found.outlines.length === 34 && found.outlines.every((f) => f === 'none'), 'the 34 outlines are drawn, not filled');
  assert.equal(found.title, 'Biển Đông');

  // The PNG (twice the SVG's size): inside each group's outline, the white ground, the dark
  // rim and outline, and the province's colour.
  const png = await download(page, '#map .export-png');
  writeFileSync(join(SCREENSHOTS, 'islands-download.png'), png);
  const fills = [];
  for (const code of ['48', '56']) fills.push(await page.locator(`path.province[data-code="${code}"]`).getAttribute('fill'));
  const counts = await page.evaluate(async ({ data, groups, fills }) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + data;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const near = (pixels, i, [r, g, b]) => Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24;
    const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return groups.map(({ outline }, n) => {
      const [x, y, w, h] = [outline.x, outline.y, outline.width, outline.height].map((v) => Math.round(v * 2));
      const pixels = context.getImageData(x, y, w, h).data;
      const count = { white: 0, dark: 0, fill: 0, size: [image.naturalWidth, image.naturalHeight] };
      for (let i = 0; i < pixels.length; i += 4) {
        if (near(pixels, i, [255, 255, 255])) count.white += 1;
        if (near(pixels, i, rgb('#1B1F27'))) count.dark += 1;
        if (fills[n].startsWith('#') && near(pixels, i, rgb(fills[n]))) count.fill += 1;
      }
      return count;
    });
  }, { data: png.toString('base64'), groups: MAP.inset.groups, fills });
  counts.forEach((count, i) => {
    assert.deepEqual(count.size, [MAP.width * 2, MAP.height * 2]);
    const what = `${MAP.inset.groups[i].group}: ${JSON.stringify(count)}`;
    assert.ok(count.white > 0 && count.dark > 20, what);
    assert.ok(fills[i].startsWith('url') || count.fill > 20, `${what}, ${fills[i]}`);
  });
  await page.close();
});

test('print shows the inset and its labels', async () => {
  const page = await env.context.newPage();
  await openMap(page, 'index=papi&year=2024');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator(`${GROUPS}[data-group="truong_sa"] path.islets`).isVisible());
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'chiso-islands-'));
  writeFileSync(join(dir, 'map.pdf'), pdf);
  const text = execFileSync('pdftotext', [join(dir, 'map.pdf'), '-'], { encoding: 'utf8' });
  for (const label of ['Biển Đông', 'Quần đảo Hoàng Sa', '(TP. Đà Nẵng)', 'Quần đảo Trường Sa', '(tỉnh Khánh Hòa)']) {
    assert.ok(text.includes(label), `${label} in the printed page`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(dir, 'map.pdf'), join(SCREENSHOTS, 'islands-print')]);
  await page.close();
});
