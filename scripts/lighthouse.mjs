// Lighthouse's mobile audit (its default settings: a phone's screen, simulated slow 4G, a CPU
// 4× slower) of five pages of the built dist/, served with gzip as a host serves them, three
// runs each. `make bench` runs it after the other measures (scripts/bench.mjs); alone:
// `node scripts/lighthouse.mjs`. Prints the table kept in docs/performance.md (each figure the
// median of its runs). Not a test: the simulated times scale with the machine's own. Another
// build (an earlier commit's dist/, to compare) can be audited instead: `DIST=/path/ node …`.
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { serve } from '../tests/e2e/static_server.mjs';

const DIST = process.env.DIST ?? new URL('../dist/', import.meta.url).pathname;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
export const PAGES = [
  ['the root (PAPI ranking)', ''],
  ['a province, `tinh/son-la/`', 'tinh/son-la/'],
  ['the map, `?view=map&index=papi&year=2024`', '?view=map&index=papi&year=2024'],
  // The address its Share button gives for the default year: the page built ahead.
  ['the brief, `tinh/son-la/bao-cao/`', 'tinh/son-la/bao-cao/'],
  ['the data view, `?view=data`', '?view=data'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** Audits each page `RUNS` times; resolves to the rows of the table, one per page. */
export async function audit() {
  const server = await serve(DIST, { gzip: true });
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const rows = [];
  try {
    for (const [name, path] of PAGES) {
      const runs = [];
      let version;
      for (let run = 0; run < RUNS; run++) {
        const { lhr } = await lighthouse(`${server.url}${path}`, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES });
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
        version = lhr.lighthouseVersion;
        runs.push({
          scores: CATEGORIES.map((c) => Math.round(lhr.categories[c].score * 100)),
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
        });
      }
      const m = (f) => median(runs.map(f));
      rows.push({ name, version, scores: CATEGORIES.map((_, i) => m((r) => r.scores[i])), lcp: m((r) => r.lcp), tbt: m((r) => r.tbt), cls: m((r) => r.cls) });
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return rows;
}

export function print(rows) {
  console.log(`\nLighthouse ${rows[0].version} mobile (simulated slow 4G, 4× CPU), dist/ served with gzip, median of ${RUNS} runs:\n`);
  console.log('| page | performance | LCP | TBT | CLS | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, scores: [perf, ...rest], lcp, tbt, cls } of rows) {
    console.log(`| ${name} | ${perf} | ${(lcp / 1000).toFixed(1)} s | ${Math.round(tbt)} ms | ${cls.toFixed(3)} | ${rest.join(' | ')} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) print(await audit());
