// Interaction to next paint on a phone: each interaction done as a user does it (real clicks and
// keys), the CPU 4× slower (`Emulation.setCPUThrottlingRate`), on a 412 × 823 screen, against
// the built dist/ served with gzip. For each, the longest Event Timing entry of its interaction
// (from the input to the paint that follows its handlers: what the browser reports as INP), and
// for a view, also the time until the view is on screen. `make bench` runs it after the other
// measures; alone: `node scripts/inp.mjs` (another build: `DIST=/path/ node …`). Not a test:
// times scale with the machine's own.
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/static_server.mjs';

const DIST = process.env.DIST ?? new URL('../dist/', import.meta.url).pathname;
const RUNS = Number(process.env.INP_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

const select = (id, key) => async (page) => {
  await page.focus(`[data-live] #${id}`);
  await page.keyboard.press(key);
};
const click = (selector) => (page) => page.click(`[data-live] ${selector}`);
// [name, what the user does, what shows it is done]
const INTERACTIONS = [
  ['search, each key of "son la"', (page) => page.locator('[data-live] #search').pressSequentially('son la'), '[data-live] #rankings-table tbody tr[data-code="14"]:first-child'],
  ['clear the search (Escape)', (page) => page.keyboard.press('Escape'), null],
  ['sort by province', click('th[data-column="province"] button'), '[data-live] th[data-column="province"][aria-sort]'],
  ['index: the next one (arrow key)', select('index-select', 'ArrowDown'), null],
  ['year: the one before (arrow key)', select('year-select', 'ArrowDown'), null],
  ['open the profile', click('#tab-profile'), '[data-live] #profile tr[data-component]'],
  ['open the rankings', click('#tab-rankings'), '[data-live] #rankings-table tbody tr'],
  ['open the trends (first view of the whole app)', click('#tab-trends'), '[data-live] #trend-chart svg'],
  ['open the map', click('#tab-map'), '[data-live] #map-svg path.province'],
  ['open the scatter', click('#tab-scatter'), '[data-live] #scatter-chart svg'],
  ['open the comparison', click('#tab-compare'), '[data-live] #compare-chart svg'],
  ['open inside a province', click('#tab-inside'), '[data-live] #meetings'],
  ['open the brief', click('#tab-brief'), '[data-live] #brief-standing-table'],
  ['open the edition', click('#tab-edition'), '[data-live] #edition-whole tbody tr'],
  ['open your data', click('#tab-data'), '[data-live] #own-file'],
  ['back to the rankings', click('#tab-rankings'), '[data-live] #rankings-table tbody tr'],
];

/** One visit: each interaction's INP (ms; the browser reports none under 16) and, where there is
 * something to wait for, ms until done. */
async function visit(browser, url) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, locale: 'vi-VN' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push([e.interactionId, e.duration]);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector('[data-live] #rankings-table tbody tr');
  // A reader starts using the page (the pointer over the table) and looks at it while the data
  // is read ahead (the reports last).
  await page.hover('#rankings-table');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('static/reports.json')), null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const results = [];
  for (const [name, act, ready] of INTERACTIONS) {
    const seen = await page.evaluate(() => new Set(window.__events.map(([id]) => id)).size);
    const start = Date.now();
    await act(page);
    if (ready) await page.waitForSelector(ready, { timeout: 60000 });
    const done = Date.now() - start;
    // Entries come after the paint that ends each interaction.
    await page.waitForTimeout(500);
    const inp = await page.evaluate((seen) => {
      const byId = new Map();
      for (const [id, ms] of window.__events) byId.set(id, Math.max(byId.get(id) ?? 0, ms));
      return Math.max(0, ...[...byId.values()].slice(seen));
    }, seen);
    results.push({ name, inp, done: ready ? done : null });
  }
  await page.close();
  return results;
}

export async function measure() {
  const server = await serve(DIST, { gzip: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const runs = [];
  try {
    for (let run = 0; run < RUNS; run++) runs.push(await visit(browser, `${server.url}?index=papi&year=2020&province=14&provinces=14,48,79,01&y_index=pci`));
  } finally {
    await browser.close();
    await server.close();
  }
  return INTERACTIONS.map(([name], i) => ({ name, inp: runs.map((r) => r[i].inp), done: runs.map((r) => r[i].done) }));
}

export function print(rows) {
  console.log(`\nInteraction to next paint, CPU 4× slower, 412 × 823, median of ${RUNS} visits (ms; "≤ 16": none reported):\n`);
  console.log('| interaction | INP | until done |\n|---|---:|---:|');
  for (const { name, inp, done } of rows) {
    const m = median(inp);
    const until = done[0] === null ? '–' : Math.round(median(done));
    console.log(`| ${name} | ${m < 16 ? '≤ 16' : Math.round(m)} | ${until} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) print(await measure());
