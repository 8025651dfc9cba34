// Draws static/icon.svg into the PNG icons the web app manifest names (192 and 512 px), with
// the same headless Chromium as the tests. Run after changing the SVG: node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const STATIC = new URL('../static/', import.meta.url).pathname;
const svg = readFileSync(`${STATIC}icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: `${STATIC}icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
