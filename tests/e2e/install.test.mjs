// Installable: a web app manifest with icons, and a service worker that controls the page, so
// that the browser offers to install chiso; at the root and under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, untilCached, DIST, DIST_CHISO } from './browser.mjs';

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

for (const [where, prefix, dist] of [['at the root', '/', DIST], ['under /chiso/', '/chiso/', DIST_CHISO]]) {
  test(`the browser finds chiso installable ${where}`, async () => {
    const env = await launch({ prefix, serviceWorkers: 'allow', dist });
    try {
      const page = await env.context.newPage();
      await page.goto(env.url);
      await page.waitForSelector('[data-live] #rankings-table tbody tr');
      const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
      const manifest = await (await page.request.get(manifestUrl)).json();
      assert.equal(manifest.short_name, 'chiso');
      assert.equal(manifest.display, 'standalone');
      // The app's own address, wherever it is hosted.
      assert.equal(new URL(manifest.start_url, manifestUrl).href, env.url);
      for (const icon of manifest.icons) {
        const response = await page.request.get(new URL(icon.src, manifestUrl).href);
        assert.equal(response.status(), 200, icon.src);
        assert.equal(response.headers()['content-type'].split(';')[0], icon.type, icon.src);
        if (icon.type === 'image/png') {
          assert.equal(pngSize(readFileSync(join(dist, 'static', icon.src))).join('x'), icon.sizes);
        }
      }
      await untilCached(page);
      // Chromium's own verdict (what makes it offer "Install"): no errors.
      const cdp = await env.context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, []);
      await page.close();
    } finally {
      await env.close();
    }
  });
}
