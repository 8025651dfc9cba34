// Shareable and embeddable (issue 12): `?embed` shows a view alone inside another site's
// <iframe> (served here from a second server, another origin), with a link back to the full
// view; the Embed button's code is exactly that iframe; Share copies the address and uses the
// system share sheet where there is one; nothing forbids framing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openApp, screenshot } from './browser.mjs';
import { serve } from './static_server.mjs';

const env = useBrowser();
const TRENDS = '?view=trends&index=pci&provinces=14,48,79&lang=en';
const RANKINGS = '?view=rankings&index=par&year=2023&lang=en';

// Another site: a folder of host pages served on another port (another origin).
const HOST_DIR = mkdtempSync(join(tmpdir(), 'chiso-host-'));
let host;

/** Writes a host page holding `body` and opens it in a new page of `size`; `frame` is its
 * first iframe once the app inside has taken over. Console errors of every frame are kept. */
async function hostPage(name, body, size = { width: 1280, height: 800 }) {
  host ??= await serve(HOST_DIR);
  writeFileSync(join(HOST_DIR, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>A newsroom's page</title></head>
<body style="font-family: sans-serif; margin: 8px"><h1>Provincial governance, explained</h1>
<p>An article of another site, with a chart of chiso framed below.</p>${body}</body></html>`);
  const page = await env.context.newPage();
  await page.setViewportSize(size);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(`${host.url}${name}.html`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, 'the host page has a frame');
  await frame.waitForSelector('[data-live] main');
  return { page, frame, consoleErrors };
}

/** What a framed page shows of the site's chrome, and how much wider than its frame it is. */
const chrome = (frame) => frame.evaluate(() => ({
  header: document.querySelectorAll('.site-header, .view-tabs, .site-footer, .language-switch, #embed-button').length,
  overflow: document.documentElement.scrollWidth - innerWidth,
}));

test.after(() => host?.close());

test('?embed in an iframe of another origin shows the view alone, works, and links back', async () => {
  const src = `${env.url}${TRENDS}&embed`;
  const { page, frame, consoleErrors } = await hostPage('trends',
    `<iframe src="${src.replaceAll('&', '&amp;')}" title="chiso trends" width="800" height="500" style="max-width: 100%"></iframe>`);
  assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'another origin');
  await frame.waitForSelector('#trend-chart svg');
  const { header, overflow } = await chrome(frame);
  assert.equal(header, 0, 'no header, tabs, language switch or footer');
  assert.ok(overflow <= 0, `the framed page is ${overflow}px wider than its frame`);
  // The address keeps `embed` (the app writes its selection back).
  await frame.waitForFunction(() => location.search.includes('view=trends'));
  assert.match(new URL(frame.url()).search, /&embed$/);
  // A control works inside the frame: ranks instead of values.
  const before = await frame.locator('#trend-chart svg').innerHTML();
  await frame.locator('#mode-rank').check();
  await frame.waitForFunction((b) => document.querySelector('#trend-chart svg').innerHTML !== b, before);
  // The app writes the address after it has drawn the change.
  await frame.waitForFunction(() => location.search.includes('mode=rank'));
  assert.match(await frame.evaluate(() => location.search), /mode=rank&embed$/);
  await screenshot(page, 'embed-host-1280');
  // The link back: the same address without `embed`, out of the frame in a new tab.
  const link = frame.locator('#full-view');
  assert.equal(await link.getAttribute('target'), '_blank');
  const href = await link.evaluate((a) => a.href);
  assert.equal(href, frame.url().replace(/&embed$/, ''));
  const [full] = await Promise.all([env.context.waitForEvent('page'), link.click()]);
  await full.waitForSelector('[data-live] #trend-chart svg');
  assert.equal(await full.locator('.site-header').count(), 1);
  assert.equal(await full.locator('.view-tabs [aria-current="page"]').textContent(), 'Trends');
  assert.equal(await full.locator('#full-view').count(), 0);
  await full.close();
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a framed view fits a phone and a control inside it filters the table', async () => {
  const { page, frame, consoleErrors } = await hostPage('phone',
    `<iframe src="${env.url}${RANKINGS.replaceAll('&', '&amp;')}&amp;embed" title="chiso rankings" width="800" height="500" style="max-width: 100%"></iframe>`,
    { width: 360, height: 740 });
  await frame.waitForSelector('[data-live] #rankings-table tbody tr');
  const { header, overflow } = await chrome(frame);
  assert.equal(header, 0);
  assert.ok(overflow <= 0, `the framed page is ${overflow}px wider than its frame`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the host page does not scroll sideways');
  const rows = await frame.locator('#rankings-table tbody tr').count();
  await frame.locator('#search').fill('son la');
  await frame.waitForFunction((n) => document.querySelectorAll('#rankings-table tbody tr').length < n, rows);
  assert.match(await frame.locator('#rankings-table tbody tr').first().textContent(), /Son La/);
  await screenshot(page, 'embed-host-360');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the page as built hides its header at once when framed, before the app runs', async () => {
  const page = await env.context.newPage();
  // The app's script never arrives: what shows is the page as built.
  await page.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
  await page.goto(`${env.url}?embed`);
  await page.waitForSelector('#rankings-table tbody tr');
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.equal(await page.locator('.view-tabs').isVisible(), false);
  await page.goto(env.url);
  assert.equal(await page.locator('.site-header').isVisible(), true);
  await page.close();
});

test('the Embed button gives exactly the iframe of the view, which works on another site', async () => {
  const page = await openApp(env, RANKINGS);
  await page.locator('#search').fill('lai');
  await page.waitForFunction(() => location.search.includes('q=lai'));
  // From the keyboard: the dialogue opens with its code selected, ready to copy.
  await page.locator('#embed-button').focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('#embed-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-code');
  const code = await page.locator('#embed-code').inputValue();
  assert.equal(await page.evaluate(() => getSelection().toString() || document.activeElement.value.slice(
    document.activeElement.selectionStart, document.activeElement.selectionEnd)), code);
  const frame = await page.evaluate((code) => {
    const doc = new DOMParser().parseFromString(code, 'text/html');
    const all = doc.body.children;
    const f = all[0];
    return { count: all.length, tag: f.tagName, src: f.getAttribute('src'), title: f.title, width: f.width,
      height: f.height, loading: f.getAttribute('loading'), expected: `${location.href}&embed` };
  }, code);
  assert.deepEqual(frame, {
    count: 1, tag: 'IFRAME', src: frame.expected, title: 'chiso – Rankings', width: '800', height: '500',
    loading: 'lazy', expected: frame.expected,
  });
  assert.match(frame.src, /^http:\/\/127\.0\.0\.1:\d+\/\?view=rankings&.*q=lai.*&embed$/);
  await screenshot(page, 'embed-dialog-1280');
  // Copy the code (the browser lets this origin write the clipboard).
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  await page.locator('#copy-embed').click();
  await page.waitForFunction(() => document.querySelector('#embed-status').textContent !== '');
  assert.equal(await page.locator('#embed-status').textContent(), 'The embed code is copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  // Escape closes it and the focus goes back to the button.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-button');
  // Pasted into another site's page, the code frames the same view, searched the same way.
  const hosted = await hostPage('pasted', code);
  await hosted.frame.waitForSelector('#rankings-table tbody tr');
  assert.equal(await hosted.frame.locator('#search').inputValue(), 'lai');
  assert.equal(await hosted.frame.locator('.site-header').count(), 0);
  assert.deepEqual(hosted.consoleErrors, []);
  await hosted.page.close();
  // On a phone the dialogue fits the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#embed-button').click();
  await dialog.waitFor({ state: 'visible' });
  assert.ok(await dialog.evaluate((d) => d.getBoundingClientRect().right <= innerWidth));
  await screenshot(page, 'embed-dialog-360');
  await page.locator('#close-embed').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.close();
});

test('Share copies the address, and says so when the browser refuses', async () => {
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  const page = await openApp(env, `${RANKINGS}&region=tay_nguyen`);
  await page.waitForFunction(() => location.search.includes('region=tay_nguyen'));
  await page.locator('#share-button').click();
  const status = page.locator('#share-status');
  await page.waitForFunction(() => document.querySelector('#share-status').textContent !== '');
  assert.equal(await status.textContent(), 'The address of this view is copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  assert.doesNotMatch(page.url(), /embed/);
  await page.close();
  // A browser that refuses: the status says so and shows the address to copy by hand.
  const refused = await env.context.newPage();
  await refused.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await refused.goto(`${env.url}${RANKINGS}`);
  await refused.waitForSelector('[data-live] #rankings-table tbody tr');
  await refused.waitForFunction(() => location.search.includes('view=rankings'));
  await refused.locator('#share-button').click();
  await refused.waitForFunction(() => document.querySelector('#share-status').textContent !== '');
  assert.equal(await refused.locator('#share-status').textContent(),
    `The browser refused to copy; copy this address yourself: ${refused.url()}`);
  await refused.close();
});

test('Share opens the system share sheet where there is one (phones)', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  // A phone's share sheet: records what it was given; the second time the user closes it.
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => {
      window.__shared.push({ url: data.url, title: data.title });
      return window.__shared.length === 1 ? Promise.resolve() : Promise.reject(new DOMException('closed', 'AbortError'));
    };
  });
  await page.goto(`${env.url}?view=profile&province=14&lang=vi`);
  await page.waitForSelector('#breakdown-table');
  await page.waitForFunction(() => location.search.includes('province=14'));
  await page.locator('#share-button').click();
  await page.waitForFunction(() => document.querySelector('#share-status').textContent !== '');
  // A province's profile is shared as its page built ahead (with the same choices), whose
  // preview names the province.
  const shared = new URL(`tinh/son-la/${new URL(page.url()).search}`, page.url()).href;
  assert.deepEqual(await page.evaluate(() => window.__shared), [{ url: shared, title: 'chiso – Hồ sơ tỉnh' }]);
  const html = await (await fetch(shared)).text();
  assert.match(html, /<meta property="og:image" content="[^"]+\/tinh\/son-la\/preview\.png">/);
  assert.doesNotMatch(page.url(), /embed/);
  assert.match(await page.locator('#share-status').textContent(), /^Đã chia sẻ\./);
  await screenshot(page, 'share-360');
  await page.locator('#share-button').click();
  await page.waitForFunction(() => document.querySelector('#share-status').textContent.startsWith('Đã hủy'));
  assert.equal(await page.evaluate(() => window.__shared.length), 2);
  // Its brief of the year its page shows is shared as the brief's page built ahead; another
  // year's as the app's address.
  await page.locator('[data-live] #open-brief').click();
  await page.waitForSelector('[data-live] #brief-copy:not([disabled])');
  await page.waitForFunction(() => location.search.includes('view=brief'));
  await page.locator('#share-button').click();
  await page.waitForFunction(() => window.__shared.length === 3);
  const brief = await page.evaluate(() => window.__shared[2].url);
  assert.equal(brief, new URL(`tinh/son-la/bao-cao/${new URL(page.url()).search}`, page.url()).href);
  assert.match(await (await fetch(brief)).text(), /<h2 id="brief-title">Sơn La: báo cáo tóm tắt năm 2024<\/h2>/);
  await page.selectOption('[data-live] #brief-year', '2022');
  await page.waitForFunction(() => location.search.includes('year=2022'));
  await page.locator('#share-button').click();
  await page.waitForFunction(() => window.__shared.length === 4);
  assert.equal(await page.evaluate(() => window.__shared[3].url), page.url());
  await page.close();
});

test('nothing forbids other sites to frame the app', async () => {
  const response = await fetch(env.url);
  assert.equal(response.headers.get('x-frame-options'), null);
  const html = await response.text();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(csp, 'the page has its CSP');
  assert.doesNotMatch(csp, /frame-ancestors/);
});
