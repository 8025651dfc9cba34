// Run once before the browser tests (make test-browser): the first page a freshly started
// machine shows can take far longer than later ones (Chromium, its libraries and fonts read from
// a cold disk cache; a clean-clone CI run once took 47 s for its first test). Paying that here,
// without the tests' 30 s step limits, keeps a slow disk from failing a test.
import { launch, VIEWS } from './browser.mjs';

const started = Date.now();
const env = await launch();
try {
  const page = await env.context.newPage();
  page.setDefaultTimeout(300_000);
  for (const [, query, ready] of VIEWS) {
    await page.goto(env.url + query);
    await page.waitForSelector(ready);
  }
  await page.screenshot(); // the first one rasterises the fonts
} finally {
  await env.close();
}
console.log(`browser warmed up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
