// Automated accessibility check (axe-core) of every view, in both languages and on a phone:
// no serious or critical violations; and every control of every view reached with the Tab key,
// showing where the focus is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, screenshot, violations, VIEWS } from './browser.mjs';

const env = useBrowser();

for (const [name, query, ready] of VIEWS) {
  for (const [lang, width, height] of [['vi', 1440, 900], ['en', 360, 740]]) {
    test(`${name} (${lang}, ${width}px) has no serious or critical accessibility violations`, async () => {
      const page = await env.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${env.url}${query}&lang=${lang}`);
      await page.waitForSelector(ready);
      assert.deepEqual(await violations(page), []);
      // Nothing makes the page scroll sideways: wide tables and charts scroll in their own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      // Every chart drawing has a title and a description in words that exists on the page.
      const charts = await page.evaluate(() => [...document.querySelectorAll('.chart-svg, #map-svg')].map((chart) => ({
        label: chart.getAttribute('aria-label') ?? '',
        description: document.getElementById(chart.getAttribute('aria-describedby'))?.textContent ?? '',
      })));
      for (const chart of charts) {
        assert.ok(chart.label.length > 3, `a chart without a title: ${JSON.stringify(chart)}`);
        assert.ok(chart.description.length > 20 && chart.description !== chart.label, `a chart without a description: ${JSON.stringify(chart)}`);
      }
      await screenshot(page, `a11y-${name}-${width}`);
      await page.close();
    });
  }
}

for (const [lang, width, height] of [['vi', 1440, 900], ['en', 360, 740]]) {
  test(`the Embed dialogue (${lang}, ${width}px) has no serious or critical accessibility violations`, async () => {
    const page = await env.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${env.url}?view=map&index=papi&year=2024&lang=${lang}`);
    await page.waitForSelector('#map-svg path.province');
    await page.click('#embed-button');
    await page.waitForSelector('#embed-dialog[open] #embed-code');
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}

// Every control the page shows, radio groups counted once (Tab enters a group once), and which
// of them the focus is on, with whether that is visible: an outline, or for the map's shapes
// the highlighted stroke.
function focusState() {
  const controls = [...document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
  )].filter((el) => !el.disabled && el.checkVisibility({ visibilityProperty: true }))
    .filter((el, i, all) => el.type !== 'radio' || all.findIndex((o) => o.type === 'radio' && o.name === el.name) === i);
  const el = document.activeElement;
  // A tile or an archipelago on the map shows its focus on its square or outline.
  const style = el && getComputedStyle(el.matches('g.tile, g.islands') ? el.querySelector('rect') : el);
  const shown = !!style && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    || (el instanceof SVGElement && style.stroke === 'rgb(240, 180, 0)'));
  const radio = el?.type === 'radio' ? controls.find((c) => c.type === 'radio' && c.name === el.name) : el;
  return { count: controls.length, at: controls.indexOf(radio), shown, what: el?.outerHTML.slice(0, 80) };
}

for (const [name, query, ready] of VIEWS) {
  test(`${name}: every control is reached with Tab, and the focus is visible on each`, async () => {
    const page = await env.context.newPage();
    await page.goto(`${env.url}${query}&lang=en`);
    await page.waitForSelector(ready);
    // With the list of sources, whose [n] links are controls too.
    await page.waitForFunction(() => !document.querySelector('#sources-loading'));
    const reached = new Set();
    const unmarked = [];
    let count = 0;
    for (let step = 0; step <= count + 2; step++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(focusState);
      count = state.count;
      if (state.at < 0) continue;
      reached.add(state.at);
      if (!state.shown) unmarked.push(state.what);
    }
    assert.equal(reached.size, count, `${name}: ${count - reached.size} controls never reached`);
    assert.deepEqual(unmarked, []);
    await page.close();
  });
}
