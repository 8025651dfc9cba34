// The pages built ahead in English (src/ui/built_pages/pages.rs, paths.rs): en/tinh/son-la/ and
// the English root en/ are in English in their head and their view, with or without JavaScript,
// pair with the Vietnamese pages both ways (hreflang, x-default, the sitemap), and the language
// switch moves between the two pages; at the root, under /chiso/ (both builds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { atEachWidth, launch, screenshot, untilCached, violations, DIST, DIST_CHISO, SCREENSHOTS } from './browser.mjs';
import { serve } from './static_server.mjs';

const SON_LA = 'tinh/son-la/';
const EN_SON_LA = 'en/tinh/son-la/';
const BUILDS = [['dist', '/', DIST], ['dist under /chiso/', '/chiso/', DIST], ['dist-chiso', '/chiso/', DIST_CHISO]];

/** The `<link rel="alternate">` of `html`, as { hreflang: address }. */
const alternates = (html) => Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]));

for (const [name, prefix, dist] of BUILDS) {
  test(`${name}: the raw English page of Son La and the English root are in English and pair with the Vietnamese ones`, async () => {
    const server = await serve(dist, { prefix });
    try {
      const response = await fetch(server.url + EN_SON_LA);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
      assert.match(html, /<base href="\.\.\/\.\.\/\.\.\/">/);
      assert.match(html, /<title>Son La \(to 2024\) – Province profile · chiso<\/title>/);
      assert.match(html, /<meta name="description" content="Son La \(to 2024\): PAR INDEX 2024: 90\.02/);
      assert.match(html, /<meta property="og:locale" content="en_US">/);
      assert.match(html, /<meta property="og:image" content="https:\/\/[^"]+\/en\/tinh\/son-la\/preview\.png">/);
      assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
      assert.match(html, /<h2 id="profile-name">Son La<\/h2>/);
      assert.match(html, /43\.89/);
      // Both ways: the English page names the Vietnamese one, which names it back.
      const en = alternates(html);
      assert.match(en.en, /\/en\/tinh\/son-la\/$/);
      assert.match(en.vi, /[^n]\/tinh\/son-la\/$/);
      assert.equal(en['x-default'], en.vi);
      const vi = alternates(await (await fetch(server.url + SON_LA)).text());
      assert.deepEqual(vi, en);
      // The CSP allows its one inline script (Trunk's loader) by hash, as on the Vietnamese page.
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
      // Its preview, in English, 1200×630 (kept beside the screenshots to look at).
      const image = await fetch(server.url + EN_SON_LA + 'preview.png');
      assert.equal(image.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await image.arrayBuffer());
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
      if (name === 'dist') writeFileSync(join(SCREENSHOTS, 'english-son-la-preview.png'), png);
      // The English root: the first view in English, previewed as its English page.
      const root = await (await fetch(server.url + 'en/')).text();
      assert.match(root, /<html lang="en">/);
      assert.match(root, /<base href="\.\.\/">/);
      assert.match(root, /<meta name="description" content="Vietnam&#39;s provincial governance/);
      assert.match(root, /<tr[^>]*data-code=/);
      const rootImage = root.match(/<meta property="og:image" content="https:\/\/[^"]+\/(en\/chi-so\/[a-z]+\/preview\.png)">/)?.[1];
      assert.ok(rootImage, 'the English root names its first view\'s English preview');
      assert.equal((await fetch(server.url + rootImage)).headers.get('content-type'), 'image/png');
      assert.match(alternates(await (await fetch(server.url)).text()).en, /\/en\/$/);
      const sitemap = await (await fetch(server.url + 'sitemap.xml')).text();
      assert.match(sitemap, /\/en\/tinh\/son-la\/<\/loc>/);
      assert.match(sitemap, /\/en\/<\/loc>/);
      assert.match(sitemap, /<xhtml:link rel="alternate" hreflang="en" href="https:\/\/[^"]+\/en\/chi-so\/papi\/"\/>/);
    } finally {
      await server.close();
    }
  });

  test(`${name}: the app started on the English page is in English, and the language switch moves between the two pages`, async () => {
    const env = await launch({ prefix, dist });
    const messages = [];
    try {
      await atEachWidth(env, async (page, width) => {
        // The browser prefers Vietnamese (locale vi-VN): the page's language wins.
        await page.goto(env.url + EN_SON_LA);
        await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
        await page.locator('[data-live] #profile tr[data-component]').first().waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('.language-switch button[lang="en"]').getAttribute('aria-pressed'), 'true');
        assert.equal(await page.locator('#app > :not([data-live])').count(), 0, 'nothing of the built page is left');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `no sideways scroll at ${width}px`);
        if (name === 'dist') {
          assert.deepEqual(await violations(page), []);
          await screenshot(page, `english-son-la-app-${width}`);
        }
        if (width === 360) {
          return;
        }
        // To Vietnamese and back: the address moves between the two pages.
        await page.click('.language-switch button[lang="vi"]');
        await page.locator('[data-live] #profile-name', { hasText: 'Sơn La' }).waitFor();
        await page.waitForURL((url) => url.pathname === `${prefix}${SON_LA}`);
        assert.equal(await page.getAttribute('html', 'lang'), 'vi');
        await page.click('.language-switch button[lang="en"]');
        await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
        await page.waitForURL((url) => url.pathname === `${prefix}${EN_SON_LA}`);
        // A neighbour's name links to its English page; opened here, the address goes to the
        // English root with the view's query, and back returns to Son La's English page.
        const neighbour = page.locator('[data-live] #peers-table a', { hasText: 'Dien Bien' });
        assert.equal(await neighbour.getAttribute('href'), 'en/tinh/dien-bien/');
        await neighbour.click();
        await page.locator('[data-live] #profile-name', { hasText: 'Dien Bien' }).waitFor();
        await page.waitForURL((url) => url.pathname === `${prefix}en/` && url.searchParams.get('province') === '11');
        // The app goes on working from there: another view with its data.
        await page.click('#tab-rankings');
        await page.waitForSelector('[data-live] #rankings-table tbody tr');
        // The app writes the address after the view's paint.
        await page.waitForURL((url) => url.searchParams.get('view') === 'rankings');
        await page.goBack();
        await page.goBack();
        await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
        assert.equal(new URL(page.url()).pathname, `${prefix}${EN_SON_LA}`);
        // The reloaded English page, from its address as written, is the English profile.
        await page.reload();
        await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
      }, messages);
      // The English root starts in English; the Vietnamese root's switch keeps the root.
      const root = await env.context.newPage();
      await root.goto(env.url + 'en/');
      await root.waitForSelector('[data-live] #rankings-table tbody tr');
      assert.equal(await root.getAttribute('html', 'lang'), 'en');
      await root.click('.language-switch button[lang="vi"]');
      await root.waitForURL((url) => url.pathname === prefix && url.searchParams.get('lang') === 'vi');
      await root.click('.language-switch button[lang="en"]');
      await root.waitForURL((url) => url.pathname === `${prefix}en/` && url.searchParams.get('lang') === 'en');
      await root.close();
      assert.deepEqual(messages, []);
      assert.deepEqual(env.errors, []);
    } finally {
      await env.close();
    }
  });
}

for (const [name, prefix, dist] of [BUILDS[0], BUILDS[2]]) {
  test(`${name}: without JavaScript the English page shows its figures in English and links to the Vietnamese page`, async () => {
    const env = await launch({ javaScript: false, prefix, dist });
    try {
      await atEachWidth(env, async (page, width) => {
        await page.goto(env.url + EN_SON_LA);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('#profile-name').innerText(), 'Son La');
        assert.ok(await page.locator('.index-card[data-index="papi"]', { hasText: '43.89' }).isVisible());
        const note = page.locator('#noscript-note');
        assert.ok(await note.isVisible());
        assert.match(await note.innerText(), /^This page shows the profile of Son La as built;[^]*need JavaScript and WebAssembly\. Tiếng Việt$/);
        // The stylesheet resolved from the page's folder, one deeper than the Vietnamese page's.
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).display), 'flex');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `no sideways scroll at ${width}px`);
        if (name === 'dist') await screenshot(page, `english-son-la-nojs-${width}`);
        if (width === 1280) {
          // A link within the page stays on it; a neighbour's name goes to its English page.
          await page.locator('.index-card[data-index="papi"] .source-ref').click();
          await page.waitForURL(/\/en\/tinh\/son-la\/#source-\d+$/);
          await page.locator('#peers-table a', { hasText: 'Dien Bien' }).click();
          await page.waitForURL(/\/en\/tinh\/dien-bien\/$/);
          assert.equal(await page.locator('#profile-name').innerText(), 'Dien Bien');
          // The note's link goes to the same page in Vietnamese, and back.
          await page.locator('#noscript-note a[hreflang="vi"]').click();
          await page.waitForURL((url) => url.pathname === `${prefix}tinh/dien-bien/`);
          assert.equal(await page.locator('#profile-name').innerText(), 'Điện Biên');
          assert.equal(await page.getAttribute('html', 'lang'), 'vi');
          await page.locator('#noscript-note a[hreflang="en"]').click();
          await page.waitForURL((url) => url.pathname === `${prefix}en/tinh/dien-bien/`);
        }
      });
    } finally {
      await env.close();
    }
  });
}

test('an English profile is shared as its English page, which previews in English', async () => {
  const env = await launch({ prefix: '/chiso/' });
  try {
    const page = await env.context.newPage();
    await page.addInitScript(() => {
      window.__shared = [];
      navigator.share = (data) => { window.__shared.push(data.url); return Promise.resolve(); };
    });
    await page.goto(`${env.url}?view=profile&province=14&lang=en`);
    await page.waitForSelector('[data-live] #breakdown-table');
    await page.waitForFunction(() => location.search.includes('province=14'));
    await page.locator('#share-button').click();
    await page.waitForFunction(() => window.__shared.length === 1);
    const [shared] = await page.evaluate(() => window.__shared);
    assert.equal(shared, new URL(`${EN_SON_LA}${new URL(page.url()).search}`, env.url).href);
    const html = await (await fetch(shared)).text();
    assert.match(html, /<meta property="og:image" content="[^"]+\/en\/tinh\/son-la\/preview\.png">/);
    assert.deepEqual(env.errors, []);
  } finally {
    await env.close();
  }
});

test('offline, an English page never visited is the app shell, in English', async () => {
  const env = await launch({ prefix: '/chiso/', serviceWorkers: 'allow', dist: DIST_CHISO });
  let stopped = false;
  try {
    const page = await env.context.newPage();
    await page.goto(env.url + EN_SON_LA);
    await page.locator('[data-live] #profile-name', { hasText: 'Son La' }).waitFor();
    await untilCached(page);
    await env.stopServer();
    stopped = true;
    await page.goto(env.url + 'en/tinh/ha-noi/');
    await page.locator('[data-live] #profile-name', { hasText: 'Hanoi' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(env.errors, []);
  } finally {
    if (!stopped) await env.stopServer();
    await env.context.close();
  }
});
