// Exports: the table as CSV (UTF-8 with BOM), charts as SVG and PNG, all made in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser } from './browser.mjs';

const env = useBrowser();

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
}

test('the rankings CSV holds the table rows with a BOM, exact values and sources', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?index=pci&year=2016&region=tay_nguyen');
  await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 5);
  const { name, body } = await download(page, '#rankings .export-csv');
  assert.equal(name, 'chiso-pci-2016-total.csv');
  const text = body.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'BOM');
  const lines = text.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 6, 'header + the 5 rows of the table');
  const names = await page.locator('#rankings-table tbody th').allInnerTexts();
  names.forEach((n, i) => assert.ok(lines[i + 1].includes(n), `${n} in row ${i + 1}`));
  assert.match(lines[1], /vietnamdata:data-raw\/PCI\/PCI_2016\.xlsx/);
  await page.close();
});

test('charts download as SVG and PNG', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?index=papi&year=2024');
  await page.waitForSelector('#ranking-chart svg');
  const svg = await download(page, '#rankings .export-svg');
  assert.equal(svg.name, 'chiso-papi-2024-total.svg');
  assert.match(svg.body.toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // A well-formed XML document (an HTML-only entity such as &nbsp; would break it).
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return doc.querySelector('parsererror')?.textContent ?? doc.documentElement.tagName;
  }, svg.body.toString('utf8'));
  assert.equal(parsed, 'svg');
  const png = await download(page, '#rankings .export-png');
  assert.equal(png.name, 'chiso-papi-2024-total.png');
  assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.goto(env.url + '?view=map&index=papi&year=2024');
  await page.waitForSelector('#map-svg path.province');
  const map = await download(page, '#map .export-svg');
  assert.match(map.body.toString('utf8'), /<path[^>]+data-code="14"/);
  await page.close();
});
