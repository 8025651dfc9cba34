// On a phone the header's buttons are one row and the view tabs one row that scrolls sideways
// (static/style.css), so that the view's content starts in the first screen; the tabs stay
// buttons in a named navigation, reached and used by keyboard, and a desktop keeps its layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, openData } from './browser.mjs';

const env = useBrowser();

/** The tabs' rows (the current tab sits 1 px lower), and the navigation's box and scroll widths. */
const tabs = (page) => page.evaluate(() => {
  const nav = document.querySelector('[data-live] nav.view-tabs');
  const tops = [...nav.querySelectorAll('button')].map((b) => b.getBoundingClientRect().top).sort((a, b) => a - b);
  const rows = 1 + tops.filter((top, i) => i > 0 && top - tops[i - 1] > 5).length;
  return { rows, bottom: nav.getBoundingClientRect().bottom, width: nav.clientWidth, scrolls: nav.scrollWidth };
});

test('on a 360 px screen the tabs are one row that scrolls, operable by keyboard', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${env.url}?lang=vi`);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  const { rows, bottom, width, scrolls } = await tabs(page);
  assert.equal(rows, 1, 'one row of tabs');
  assert.ok(scrolls > width, `the row scrolls sideways (${scrolls} px in ${width} px)`);
  assert.ok(bottom < 740 / 4, `the header and tabs end within the first quarter of the screen (${bottom} px)`);
  assert.equal(await page.getAttribute('[data-live] nav.view-tabs', 'aria-label'), 'Các trang');
  await screenshot(page, 'phone-tabs-360');
  // The last tab, off screen, is reached by Tab (scrolled into view) and opened by Enter.
  await page.focus('#tab-edition');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-data');
  const shown = await page.evaluate(() => {
    const nav = document.querySelector('[data-live] nav.view-tabs').getBoundingClientRect();
    const tab = document.activeElement.getBoundingClientRect();
    return tab.left >= nav.left && tab.right <= nav.right + 1;
  });
  assert.ok(shown, 'the focused tab is scrolled into view');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-live] #own-file');
  assert.equal(await page.getAttribute('#tab-data', 'aria-current'), 'page');
  await screenshot(page, 'phone-tabs-data-360');
  await page.close();
});

test('a link to the last view on a phone opens with its tab in view', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await openData(page, `${env.url}?view=data&lang=vi`);
  const inView = await page.evaluate(() => {
    const nav = document.querySelector('[data-live] nav.view-tabs').getBoundingClientRect();
    const tab = document.querySelector('#tab-data').getBoundingClientRect();
    return tab.left >= nav.left && tab.right <= nav.right + 1;
  });
  assert.ok(inView, 'the current tab is in view');
  await page.close();
});

test('a desktop keeps its tabs as they were', async () => {
  const page = await env.context.newPage();
  await page.goto(`${env.url}?lang=vi`);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  const { rows, width, scrolls } = await tabs(page);
  assert.equal(rows, 1);
  assert.equal(scrolls, width, 'nothing to scroll');
  assert.equal(await page.$eval('[data-live] nav.view-tabs', (nav) => getComputedStyle(nav).flexWrap), 'wrap');
  await screenshot(page, 'phone-tabs-1280');
  await page.close();
});

test('on a phone, a link to the brief, the map or a province moves nothing the reader sees while its parts come (layout shift within 0.05)', async () => {
  for (const [path, ready] of [
    ['?view=brief&province=14&year=2024', '[data-live] #brief-standing-table'],
    ['tinh/son-la/bao-cao/', '[data-live] #brief-copy:not([disabled])'],
    ['?view=map&index=papi&year=2024', '[data-live] #map-svg path.province'],
    ['tinh/son-la/', '[data-live] #profile tr[data-component]'],
    ['', '[data-live] #rankings-table tbody tr'],
  ]) {
    const page = await env.context.newPage();
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript(() => {
      window.shifted = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifted += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(env.url + path);
    await page.waitForSelector(ready);
    await page.waitForTimeout(1000);
    const shifted = await page.evaluate(() => window.shifted);
    assert.ok(shifted <= 0.05, `${path || '/'}: layout shift ${shifted.toFixed(3)}`);
    await page.close();
  }
});
