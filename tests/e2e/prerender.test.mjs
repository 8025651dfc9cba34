// The first view built into index.html (src/ui/built_pages/prerender.rs, scripts/prerender.mjs): in the
// HTML itself, shown without JavaScript with a note, and replaced by the app without a second
// table; under a sub-path build too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atEachWidth, launch, screenshot, DIST, DIST_CHISO } from './browser.mjs';
import { serve } from './static_server.mjs';

const ROWS = '#rankings-table tbody tr';

// Run in the page: records where the first row was before the app took over (once the page is
// parsed, and at each change of the page until then: the app draws outside it) and just after,
// and whether at any moment after the first row showed no row was on screen (a flash).
function watchTakeOver() {
  const row = () => document.querySelector('#rankings-table tbody tr');
  const look = () => {
    if (window.__liveTop !== undefined) return;
    const top = row()?.checkVisibility() ? row().getBoundingClientRect().top + window.scrollY : undefined;
    // The take-over has begun once what was there is hidden (then removed, `[data-live]`).
    if (document.querySelector('#app > [hidden], [data-live] #rankings-table tbody tr')) {
      window.__liveTop = top;
      observer.disconnect();
    } else if (top !== undefined) {
      window.__builtTop = top;
    } else if (window.__builtTop !== undefined) {
      window.__flash = true;
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener('DOMContentLoaded', look);
}

for (const [name, prefix, dist] of [['dist', '/', DIST], ['dist-chiso', '/chiso/', DIST_CHISO]]) {
  test(`${name}: the raw index.html holds the table`, async () => {
    const server = await serve(dist, { prefix });
    try {
      const html = await (await fetch(server.url)).text();
      assert.equal(html.match(/<tr data-code=/g)?.length, 63);
      assert.match(html, /61\/63 tỉnh có số liệu/);
      assert.match(html, /<noscript>/);
      assert.doesNotMatch(html, /<p class="loading"/);
    } finally {
      await server.close();
    }
  });

  test(`${name}: without JavaScript the table and the note show`, async () => {
    const env = await launch({ prefix, dist, javaScript: false });
    try {
      await atEachWidth(env, async (page, width) => {
        await page.goto(env.url);
        assert.equal(await page.locator(ROWS).count(), 63);
        assert.ok(await page.locator(`${ROWS}:has-text("Sơn La")`).isVisible());
        const note = page.locator('#noscript-note');
        assert.ok(await note.isVisible());
        assert.match(await note.innerText(), /cần JavaScript[\s\S]*need JavaScript/);
        if (name === 'dist') await screenshot(page, `prerender-nojs-${width}`);
      });
    } finally {
      await env.close();
    }
  });

  test(`${name}: the app takes over with one table that works, and no console error`, async () => {
    const env = await launch({ prefix, dist });
    const messages = [];
    try {
      await atEachWidth(env, async (page, width) => {
        await page.addInitScript(watchTakeOver);
        await page.goto(env.url);
        await page.waitForSelector(`[data-live] ${ROWS}`);
        const [builtTop, liveTop, flash] = await page.evaluate(() => [window.__builtTop, window.__liveTop, window.__flash]);
        assert.ok(builtTop > 0, 'the built page showed the table first');
        assert.equal(liveTop, builtTop, 'the table did not move');
        assert.equal(flash, undefined, 'no moment without a table');
        assert.equal(await page.locator('#rankings-table').count(), 1);
        assert.equal(await page.locator(ROWS).count(), 63);
        assert.equal(await page.locator('#app > :not([data-live])').count(), 0, 'nothing of the built page is left');
        assert.equal(await page.locator('#noscript-note').count(), 0);
        if (name === 'dist') await screenshot(page, `prerender-taken-over-${width}`);
        await page.fill('#search', 'son la');
        await page.waitForFunction(() => document.querySelectorAll('[data-live] #rankings-table tbody tr').length === 1);
        assert.match(await page.locator(ROWS).innerText(), /Sơn La/);
      }, messages);
      assert.deepEqual(messages, []);
      assert.deepEqual(env.errors, []);
    } finally {
      await env.close();
    }
  });
}

test('a failed data load still takes over and shows the error', async () => {
  const env = await launch();
  try {
    const page = await env.context.newPage();
    await page.route('**/static/dataset.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(env.url);
    await page.locator('[data-live] #load-error').waitFor();
    assert.equal(await page.locator('#rankings-table').count(), 0);
    await page.close();
  } finally {
    await env.close();
  }
});

// The data view kept in the root page (prerender.rs, root_view): an address asking for it shows
// it as built, before the whole app arrives, with its controls waiting for the app; the app then
// takes over with the same view in the same place.
for (const [path, built, live] of [
  ['?view=data', 'Đang đọc các tệp đã lưu…', 'Chưa có tệp nào.'],
  ['en/?view=data', 'Reading the saved files…', 'No files yet.'],
]) {
  test(`${path}: the data view as built, then the app's`, async () => {
    const env = await launch();
    const messages = [];
    try {
      await atEachWidth(env, async (page, width) => {
        let release;
        const held = new Promise((resolve) => { release = resolve; });
        await page.route(/all_views_bg\.wasm/, async (route) => { await held; await route.continue(); });
        await page.goto(env.url + path);
        const hint = page.locator('#data .user-files .hint');
        assert.equal(await hint.innerText(), built);
        assert.equal(await page.locator('#rankings-table').count(), 0, 'no ranking before it');
        assert.equal(await page.locator('#tab-data').getAttribute('aria-current'), 'page');
        assert.equal(await page.locator('[aria-current="page"]').count(), 1);
        for (const control of ['#own-file', '#paste-area', '#paste-read']) {
          assert.ok(await page.locator(control).isDisabled(), `${control} waits for the app`);
        }
        assert.equal(await page.locator('#data').count(), 1);
        const top = async () => page.locator('#import-panel').evaluate((e) => e.getBoundingClientRect().top);
        const builtTop = await top();
        if (width === 360) await screenshot(page, `data-view-built-${path.startsWith('en/') ? 'en' : 'vi'}`);
        release();
        await page.locator('[data-live] #data').waitFor();
        await page.waitForFunction((text) => document.querySelector('[data-live] #data .user-files .hint')?.textContent === text, live);
        assert.equal(await top(), builtTop, 'the view did not move');
        assert.equal(await page.locator('#data').count(), 1);
        assert.equal(await page.locator('#app > :not([data-live])').count(), 0, 'nothing of the built page is left');
        assert.ok(await page.locator('#own-file').isEnabled());
      }, messages);
      assert.deepEqual(messages, []);
      assert.deepEqual(env.errors, []);
    } finally {
      await env.close();
    }
  });
}

test('a page built for a province keeps its view for ?view=data until the app takes over', async () => {
  const env = await launch();
  try {
    const page = await env.context.newPage();
    await page.route(/all_views_bg\.wasm/, () => {});
    await page.goto(`${env.url}tinh/son-la/?view=data`);
    assert.ok(await page.locator('#profile').isVisible());
    assert.equal(await page.locator('#data').count(), 0);
    await page.close();
  } finally {
    await env.close();
  }
});
