// Lighthouse's mobile audit (its default settings: a phone's screen, simulated slow 4G, a CPU
// 4× slower) of five pages of the built dist/, served with gzip as a host serves them, three
// runs each. `make bench` runs it after the other measures (scripts/bench.mjs); alone:
// `node scripts/lighthouse.mjs`. Prints the table kept in docs/performance.md (each figure the
// median of its runs). Not a test: the simulated times scale with the machine's own, and they
// vary from run to run by more than most changes make (blocking time by 300 ms on a busy day).
// To compare a change, audit the build before it (an earlier commit's dist/) with it, a run of
// each in turn: `BEFORE=/path/ node scripts/lighthouse.mjs` prints both tables. Another build
// alone: `DIST=/path/ node …`.
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

/** Audits each page `RUNS` times in each build of `dists` (a run of each in turn, so that the
 * machine's changing speed weighs on them alike); resolves to the rows of each build's table,
 * one per page. */
export async function audit(dists = [DIST]) {
  const servers = await Promise.all(dists.map((dist) => serve(dist, { gzip: true })));
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const tables = dists.map(() => []);
  try {
    for (const [name, path] of PAGES) {
      const runs = dists.map(() => []);
      let version;
      for (let run = 0; run < RUNS; run++) {
        for (const [i, server] of servers.entries()) {
          const { lhr } = await lighthouse(`${server.url}${path}`, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES });
          if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
          version = lhr.lighthouseVersion;
          runs[i].push({
            scores: CATEGORIES.map((c) => Math.round(lhr.categories[c].score * 100)),
            lcp: lhr.audits['largest-contentful-paint'].numericValue,
            tbt: lhr.audits['total-blocking-time'].numericValue,
            cls: lhr.audits['cumulative-layout-shift'].numericValue,
          });
        }
      }
      for (const [i, own] of runs.entries()) {
        const m = (f) => median(own.map(f));
        tables[i].push({ name, version, scores: CATEGORIES.map((_, c) => m((r) => r.scores[c])), lcp: m((r) => r.lcp), tbt: m((r) => r.tbt), cls: m((r) => r.cls) });
      }
    }
  } finally {
    chrome.kill();
    await Promise.all(servers.map((server) => server.close()));
  }
  return tables;
}

export function print(rows, dist = 'dist/') {
  console.log(`\nLighthouse ${rows[0].version} mobile (simulated slow 4G, 4× CPU), ${dist} served with gzip, median of ${RUNS} runs:\n`);
  console.log('| page | performance | LCP | TBT | CLS | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, scores: [perf, ...rest], lcp, tbt, cls } of rows) {
    console.log(`| ${name} | ${perf} | ${(lcp / 1000).toFixed(1)} s | ${Math.round(tbt)} ms | ${cls.toFixed(3)} | ${rest.join(' | ')} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dists = process.env.BEFORE ? [process.env.BEFORE, DIST] : [DIST];
  const tables = await audit(dists);
  for (const [i, rows] of tables.entries()) print(rows, dists.length > 1 ? `${['before', 'after'][i]} (${dists[i]})` : 'dist/');
}
