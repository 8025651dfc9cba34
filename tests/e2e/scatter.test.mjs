// The scatter view: n dots, correlations, hover names, axes chosen by the user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot } from './browser.mjs';

const env = useBrowser();

test('a dot per province with both values, and the correlations with n', async () => {
  const page = await env.context.newPage();
  await page.goto(env.url + '?view=scatter&index=pci&year=2016&y_index=papi&y_component=total');
  await page.waitForSelector('#scatter-chart svg');
  assert.equal(await page.locator('#scatter-chart polygon').count(), 63);
  assert.match(await page.locator('#scatter-stats').innerText(), /^n = 63 · Pearson r = 0,\d{3} · Spearman ρ = 0,\d{3}$/);
  await page.click('.data-behind summary');
  assert.equal(await page.locator('#scatter-table tbody tr').count(), 63, 'the data table behind the chart');
  const names = await page.locator('#scatter-chart polygon title').evaluateAll((ts) => ts.map((t) => t.textContent));
  assert.ok(names.includes('Sơn La'));
  // PAR INDEX 2023 has 24 provinces, so against PAPI 2023 fewer dots remain.
  await page.selectOption('#scatter-x-index', 'par');
  await page.selectOption('#scatter-year', '2023');
  await page.waitForFunction(() => /^n = 2\d /.test(document.querySelector('#scatter-stats').textContent));
  const n = Number((await page.locator('#scatter-stats').innerText()).match(/n = (\d+)/)[1]);
  assert.equal(await page.locator('#scatter-chart polygon').count(), n);
  await screenshot(page, 'scatter-1280');
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, 'scatter-360');
  await page.close();
});
