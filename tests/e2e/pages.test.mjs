// The pages built ahead (src/ui/built_pages/pages.rs, bin/build_pages.rs): a province's page and an index's
// ranking page hold their figures in the HTML, show them without JavaScript, and start the app
// on their own view; at the root, under /chiso/ (both builds) and offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { atEachWidth, launch, newPage, screenshot, untilCached, violations, DIST, DIST_CHISO, SCREENSHOTS } from './browser.mjs';
import { serve } from './static_server.mjs';

const SON_LA = 'tinh/son-la/';
const BUILDS = [['dist', '/', DIST], ['dist under /chiso/', '/chiso/', DIST], ['dist-chiso', '/chiso/', DIST_CHISO]];

/** Opens `path` and waits until the app has taken over with the profile of `name`. */
async function openProfile(page, url, name) {
  await page.goto(url);
  await page.locator('[data-live] #profile-name', { hasText: name }).waitFor();
  await page.locator('[data-live] #profile tr[data-component]').first().waitFor();
  return page;
}

for (const [name, prefix, dist] of BUILDS) {
  test(`${name}: the raw page of Sơn La holds its figures and its head`, async () => {
    const server = await serve(dist, { prefix });
    try {
      const response = await fetch(server.url + SON_LA);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<h2 id="profile-name">Sơn La<\/h2>/);
      assert.match(html, /43,89/, 'PAPI 2024');
      assert.equal(html.match(/class="index-card"/g)?.length, 4);
      assert.doesNotMatch(html, /<p class="loading"/);
      assert.match(html, /<title>Sơn La \(đến 2024\) – Hồ sơ tỉnh · chiso<\/title>/);
      assert.match(html, /<base href="\.\.\/\.\.\/">/);
      assert.match(html, /<meta property="og:image" content="https:\/\/[^"]+\/tinh\/son-la\/preview\.png">/);
      assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
      // The CSP allows its one inline script (Trunk's loader) by hash.
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
      assert.doesNotMatch(csp, /frame-ancestors/);
      const image = await fetch(server.url + SON_LA + 'preview.png');
      assert.equal(image.headers.get('content-type'), 'image/png');
      // A PNG of 1200×630 (its header's width and height), kept beside the screenshots to look at.
      const png = Buffer.from(await image.arrayBuffer());
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
      if (name === 'dist') writeFileSync(join(SCREENSHOTS, 'pages-son-la-preview.png'), png);
      // The root previews as its first view's page (an index's latest ranking), its table still put in.
      const root = await (await fetch(server.url)).text();
      const rootImage = root.match(/<meta property="og:image" content="https:\/\/[^"]+\/(chi-so\/[a-z]+\/preview\.png)">/)?.[1];
      assert.ok(rootImage, 'the root names a preview image');
      assert.match(root, /<link rel="canonical" href="https:\/\/[^"]+\/">/);
      assert.match(root, /<tr[^>]*data-code=/);
      assert.equal((await fetch(server.url + rootImage)).headers.get('content-type'), 'image/png');
      const sitemap = await (await fetch(server.url + 'sitemap.xml')).text();
      assert.match(sitemap, /\/tinh\/son-la\/<\/loc>/);
      assert.match(sitemap, /\/chi-so\/papi\/<\/loc>/);
      assert.match(await (await fetch(server.url + 'robots.txt')).text(), /^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
    } finally {
      await server.close();
    }
  });

  test(`${name}: the app started from Sơn La's page shows its profile, in English with ?lang=en`, async () => {
    const env = await launch({ prefix, dist });
    const messages = [];
    try {
      await atEachWidth(env, async (page, width) => {
        await openProfile(page, env.url + SON_LA, 'Sơn La');
        assert.equal(await page.locator('#profile').count(), 1, 'one profile');
        assert.equal(await page.locator('#app > :not([data-live])').count(), 0, 'nothing of the built page is left');
        assert.equal(await page.locator('[data-live] .index-card').count(), 4);
        assert.equal(await page.locator('#tab-profile[aria-current="page"]').count(), 1);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `no sideways scroll at ${width}px`);
        if (name === 'dist') {
          assert.deepEqual(await violations(page), []);
          await screenshot(page, `pages-son-la-app-${width}`);
        }
        // A link within the page stays on it (the <base> names the root).
        if (width === 1280) {
          await page.locator('[data-live] .index-card[data-index="papi"] .source-ref').click();
          await page.waitForFunction(() => location.hash.startsWith('#source-'));
          assert.match(page.url(), /\/tinh\/son-la\/\?[^#]*#source-\d+$/);
          assert.equal(await page.locator('[data-live] #profile-name').innerText(), 'Sơn La');
        }
        // Another province opened from here is written at the app's root, not under Sơn La's
        // page; back returns to Sơn La's page.
        if (width === 1280) {
          // A link to Điện Biên's page, which a plain click opens here.
          const neighbour = page.locator('[data-live] #peers-table a', { hasText: 'Điện Biên' });
          assert.equal(await neighbour.getAttribute('href'), 'tinh/dien-bien/');
          await neighbour.click();
          await page.locator('[data-live] #profile-name', { hasText: 'Điện Biên' }).waitFor();
          await page.waitForURL((url) => !url.pathname.includes('/tinh/'));
          assert.match(page.url(), /\?(.*&)?province=11(&|$)/);
          await page.goBack();
          await page.locator('[data-live] #profile-name', { hasText: 'Sơn La' }).waitFor();
          assert.match(page.url(), /\/tinh\/son-la\//);
        }
        // The app works from here: another view, with its data.
        await page.click('#tab-rankings');
        await page.waitForSelector('[data-live] #rankings-table tbody tr');
      }, messages);
      const page = await openProfile(await newPage(env, messages), `${env.url}${SON_LA}?lang=en`, 'Son La');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.close();
      assert.deepEqual(messages, []);
      assert.deepEqual(env.errors, []);
    } finally {
      await env.close();
    }
  });
}

const SON_LA_BRIEF = 'tinh/son-la/bao-cao/';

test("without JavaScript a province's brief page shows its brief, its buttons disabled", async () => {
  const env = await launch({ javaScript: false });
  try {
    await atEachWidth(env, async (page, width) => {
      await page.goto(env.url + SON_LA_BRIEF);
      assert.equal(await page.locator('#brief-title').innerText(), 'Sơn La: báo cáo tóm tắt năm 2024');
      assert.ok(await page.locator('#brief-standing-table').isVisible());
      assert.match(await page.locator('#brief-standing').innerText(), /PAPI của Sơn La đạt 43,89 điểm/);
      for (const id of ['brief-copy', 'brief-print', 'brief-docx', 'brief-xlsx']) assert.ok(await page.locator(`#${id}`).isDisabled(), id);
      assert.match(await page.locator('#noscript-note').innerText(), /báo cáo tóm tắt năm 2024 của Sơn La[\s\S]*cần JavaScript/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scroll at ${width}px`);
      await screenshot(page, `pages-son-la-brief-nojs-${width}`);
      // A footnote's mark leads to its source on the same page.
      await page.locator('#brief-standing sup a').first().click();
      await page.waitForURL(/\/tinh\/son-la\/bao-cao\/#brief-note-\d+$/);
    });
  } finally {
    await env.close();
  }
});

test("the app started from a province's brief page keeps the brief as built on screen until its worker has written it", async () => {
  const env = await launch();
  const messages = [];
  try {
    await atEachWidth(env, async (page, width) => {
      await page.addInitScript(() => {
        window.shifted = 0;
        window.paints = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifted += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.paints.push([Math.round(e.startTime), !!e.element?.closest('[data-live]'), e.element?.id || e.element?.className || '']);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(env.url + SON_LA_BRIEF);
      // The whole app takes over with the brief as built, its buttons still disabled…
      await page.locator('[data-live] #brief-title').waitFor();
      await page.evaluate(() => { document.querySelector('[data-live] #brief-standing').kept = true; });
      // … then shows its worker's, dated, the buttons enabled: the same sections, left in place.
      await page.locator('[data-live] #brief-copy:not([disabled])').waitFor();
      assert.match(await page.locator('[data-live] .brief-meta').innerText(), /Lập ngày/);
      assert.ok(await page.evaluate(() => document.querySelector('[data-live] #brief-standing').kept), 'the sections as built are kept');
      // A note's mark leads to the note on this page, without loading it again.
      await page.locator('[data-live] #brief-standing sup a').first().click();
      await page.waitForURL(/\/tinh\/son-la\/bao-cao\/\?[^#]*#brief-note-\d+$/);
      assert.ok(await page.evaluate(() => document.querySelector('[data-live] #brief-standing')?.kept), 'the same page');
      assert.equal(await page.locator('#brief-title').count(), 1, 'one brief');
      assert.equal(await page.locator('#app > :not([data-live])').count(), 0, 'nothing of the built page is left');
      assert.equal(await page.locator('#tab-brief[aria-current="page"]').count(), 1);
      // The same table as built.
      const built = (await (await fetch(env.url + SON_LA_BRIEF)).text()).match(/id="brief-standing-table"[\s\S]*?<\/table>/)[0];
      assert.equal(await page.locator('[data-live] #brief-standing-table tr').count(), built.match(/<tr/g).length);
      await page.waitForTimeout(500);
      // Nothing moved, and the app painted nothing larger than the page as built.
      const shifted = await page.evaluate(() => window.shifted);
      assert.ok(shifted <= 0.01, `layout shift ${shifted.toFixed(3)} at ${width}px`);
      const paints = await page.evaluate(() => window.paints);
      assert.ok(paints.length > 0 && paints.every(([, live]) => !live), `largest paints ${JSON.stringify(paints)} at ${width}px`);
      await screenshot(page, `pages-son-la-brief-app-${width}`);
      // It works from here: another year's brief, then the profile.
      if (width === 1280) {
        await page.selectOption('[data-live] #brief-year', '2022');
        await page.waitForFunction(() => document.querySelector('[data-live] #brief-title')?.textContent.includes('2022'));
        await page.click('[data-live] #brief-profile');
        await page.locator('[data-live] #profile-name', { hasText: 'Sơn La' }).waitFor();
      }
    }, messages);
    assert.deepEqual(messages, []);
    assert.deepEqual(env.errors, []);
  } finally {
    await env.close();
  }
});

test('without JavaScript a province page shows its figures and says what needs JavaScript', async () => {
  const env = await launch({ javaScript: false });
  try {
    await atEachWidth(env, async (page, width) => {
      await page.goto(env.url + SON_LA);
      assert.equal(await page.locator('#profile-name').innerText(), 'Sơn La');
      assert.ok(await page.locator('.index-card[data-index="papi"]', { hasText: '43,89' }).isVisible());
      const note = page.locator('#noscript-note');
      assert.ok(await note.isVisible());
      // In Vietnamese, with a link to the page in English (tests/e2e/english_pages.test.mjs).
      assert.match(await note.innerText(), /hồ sơ của Sơn La[\s\S]*cần JavaScript[\s\S]*English$/);
      // The stylesheet resolved from the page's folder.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).display), 'flex');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scroll at ${width}px`);
      await screenshot(page, `pages-son-la-nojs-${width}`);
      // A link within the page stays on it.
      await page.locator('.index-card[data-index="papi"] .source-ref').click();
      await page.waitForURL(/\/tinh\/son-la\/#source-\d+$/);
      assert.equal(await page.locator('#profile-name').innerText(), 'Sơn La');
      // A neighbour's name is a link to its page.
      await page.locator('#peers-table a', { hasText: 'Điện Biên' }).click();
      await page.waitForURL(/\/tinh\/dien-bien\/$/);
      assert.equal(await page.locator('#profile-name').innerText(), 'Điện Biên');
    });
  } finally {
    await env.close();
  }
});

test('an index page starts the app on that index\'s latest ranking', async () => {
  const env = await launch({ prefix: '/chiso/' });
  try {
    const raw = await (await fetch(env.url + 'chi-so/pci/')).text();
    assert.match(raw, /<title>Xếp hạng PCI 2024 · chiso<\/title>/);
    assert.match(raw, /<option value="pci" selected="selected">PCI<\/option>/);
    const page = await env.context.newPage();
    await page.goto(env.url + 'chi-so/pci/');
    await page.waitForSelector('[data-live] #rankings-table tbody tr');
    assert.equal(await page.locator('#index-select').inputValue(), 'pci');
    assert.equal(await page.locator('#rankings-table').count(), 1);
    assert.deepEqual(env.errors, []);
  } finally {
    await env.close();
  }
});

test('offline after a first visit: the page visited, one never visited, and a garbage path', async () => {
  const env = await launch({ prefix: '/chiso/', serviceWorkers: 'allow', dist: DIST_CHISO });
  let stopped = false;
  try {
    const messages = [];
    const page = await openProfile(await newPage(env, messages), env.url + SON_LA, 'Sơn La');
    await untilCached(page);
    await env.stopServer();
    stopped = true;
    await page.reload();
    await page.locator('[data-live] #profile-name', { hasText: 'Sơn La' }).waitFor();
    // Its own built HTML came from the cache, before the app.
    assert.match(await page.evaluate(async () => (await (await caches.open('chiso-v2')).match(location.pathname))?.text() ?? ''), /<h2 id="profile-name">Sơn La<\/h2>/);
    // A page never visited is the app shell, which reads its view from the path.
    await page.goto(env.url + 'tinh/ha-noi/');
    await page.locator('[data-live] #profile-name', { hasText: 'Hà Nội' }).waitFor();
    await page.locator('[data-live] #profile tr[data-component]').first().waitFor();
    // A path that names no page: the default view, not a blank page.
    await page.goto(env.url + 'tinh/atlantis/');
    await page.waitForSelector('[data-live] #rankings-table tbody tr');
    assert.deepEqual(messages, []);
    assert.deepEqual(env.errors, []);
  } finally {
    if (!stopped) await env.stopServer();
    await env.context.close();
  }
});
