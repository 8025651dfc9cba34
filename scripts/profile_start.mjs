// Where the main thread's time goes while a page of the built dist/ starts, with the CPU 4×
// slower (as Lighthouse's mobile audit simulates it): a Chromium trace of one visit (empty
// cache, dist/ served with gzip) until 3 s after the app took over, summed by kind of work.
// `node scripts/profile_start.mjs [address …]` (default: the root and a province's page);
// prints a table per address for docs/performance.md. Not a test: times vary by machine.
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/static_server.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading'];
// Trace events by what they are: the first that matches names an event's own time.
const KINDS = [
  ['wasm compiled', /^(v8\.wasm\.|WasmCompile|v8\.wasm)/],
  ['script compiled', /^(v8\.compile|v8\.compileModule|CompileScript|CompileCode|v8\.parseOnBackground)/],
  ['script run (the app, its take-over, callbacks)', /^(FunctionCall|EvaluateScript|v8\.evaluateModule|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|RunMicrotasks|V8\.RunMicrotasks)$/],
  ['garbage collected', /(GC|Gc)/],
  ['HTML parsed', /^ParseHTML$/],
  ['style recalculated', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^Layout$/],
  ['paint and layers', /^(Paint|PrePaint|UpdateLayer|UpdateLayerTree|Layerize|Commit|CompositeLayers)$/],
];

// Each event's own time (its duration less its children's), summed by kind, for the complete
// events of the page's main thread; tasks of 50 ms or more listed with their start.
function summarize(events, tookOver) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((t) => t.pid === e.pid && t.name === 'ParseHTML'));
  const start = events.find((e) => e.pid === main.pid && e.name === 'navigationStart')?.ts
    ?? Math.min(...events.filter((e) => e.pid === main.pid && e.ts > 0).map((e) => e.ts));
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const own = new Map();
  const stack = [];
  const tasks = [];
  for (const e of on) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) own.get(parent).self -= Math.min(e.dur, parent.ts + parent.dur - e.ts);
    own.set(e, { self: e.dur });
    if (!parent && e.name === 'RunTask') tasks.push(e);
    stack.push(e);
  }
  const sums = new Map(KINDS.map(([kind]) => [kind, 0]));
  let other = 0;
  for (const [e, { self }] of own) {
    if (e.name === 'RunTask' || e.ts < start) continue;
    const kind = KINDS.find(([, re]) => re.test(e.name))?.[0];
    if (kind) sums.set(kind, sums.get(kind) + self);
    else other += self;
  }
  const busy = tasks.filter((t) => t.ts >= start).reduce((s, t) => s + t.dur, 0);
  const long = tasks.filter((t) => t.ts >= start && t.dur >= 50000).map((t) => {
    const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + t.dur);
    const top = new Map();
    for (const e of inside) {
      const kind = KINDS.find(([, re]) => re.test(e.name))?.[0] ?? e.name;
      top.set(kind, (top.get(kind) ?? 0) + own.get(e).self);
    }
    const what = [...top].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, us]) => `${k} ${Math.round(us / 1000)}`).join(', ');
    return `${Math.round((t.ts - start) / 1000)} ms: ${Math.round(t.dur / 1000)} ms (${what})`;
  });
  return { sums, other, busy, long, tookOver };
}

async function profile(browser, url) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForSelector('#app > [data-live]', { timeout: 120000 });
  const tookOver = await page.evaluate(() => performance.now());
  await page.waitForTimeout(3000);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  return summarize(trace.traceEvents, tookOver);
}

const server = await serve(DIST, { gzip: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const addresses = process.argv.length > 2 ? process.argv.slice(2) : ['', 'tinh/son-la/'];
for (const address of addresses) {
  const { sums, other, busy, long, tookOver } = await profile(browser, `${server.url}${address}`);
  console.log(`\n\`${address || '/'}\`, CPU 4× slower: took over at ${Math.round(tookOver)} ms; main thread busy ${Math.round(busy / 1000)} ms until 3 s later\n`);
  console.log('| work | ms |\n|---|---:|');
  for (const [kind, us] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`| ${kind} | ${Math.round(us / 1000)} |`);
  console.log(`| other | ${Math.round(other / 1000)} |`);
  console.log(`\nTasks of 50 ms or more: ${long.join('; ') || 'none'}`);
}
await browser.close();
await server.close();
