// The open data (src/render/open_data/, written into dist/data/ by build-pages): the footer's
// links and how to cite, the files downloaded over HTTP, the CSV read back, the data package
// validated by the Python package frictionless and the workbook read back by openpyxl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON, openApp, screenshot, useBrowser, violations } from './browser.mjs';

const env = useBrowser();
const FILES = ['chiso.csv', 'components.csv', 'national.csv', 'chiso.xlsx', 'datapackage.json'];
const HEADER = 'index,year,geography,province_code,province,province_en,component,value,rank,max_points,unit,source,source_citation';

/** Reads the downloaded files in `dir` with Python: the CSV by its csv module, the package by
 * frictionless, the workbook by openpyxl; returns what it found. */
function readWithPython(dir) {
  const script = `
import csv, json, sys
from frictionless import validate
import openpyxl
dir = sys.argv[1]
with open(f"{dir}/chiso.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
report = validate(f"{dir}/datapackage.json")
book = openpyxl.load_workbook(f"{dir}/chiso.xlsx")
values = book["values"]
header = [c.value for c in values[1]]
value_at = header.index("value")
numbers = [r[value_at] for r in values.iter_rows(min_row=2, values_only=True) if r[value_at] is not None]
sources = [r for r in book["sources"].iter_rows(values_only=True)]
print(json.dumps({
    "header": rows[0],
    "rows": len(rows) - 1,
    "widths": sorted({len(r) for r in rows}),
    "valid": report.valid,
    "errors": [e["note"] for t in report.tasks for e in t.to_dict().get("errors", [])][:5],
    "sheets": book.sheetnames,
    "workbook_header": header,
    "workbook_rows": values.max_row - 1,
    "numbers_are_numbers": all(isinstance(v, (int, float)) for v in numbers),
    "numbers": len(numbers),
    "bold_header": all(c.font.bold for c in values[1]),
    "frozen": values.freeze_panes,
    "cite": sources[0][1],
}))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

test('the footer links to the open data and says how to cite, at 1280 and 360 px', async () => {
  const page = await openApp(env);
  const footer = page.locator('[data-live] .site-footer');
  const links = footer.locator('.open-data a');
  assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['data/chiso.csv', 'data/chiso.xlsx', 'data/datapackage.json']);
  assert.match(await footer.locator('.open-data').innerText(), /^Dữ liệu mở/);
  assert.match(await footer.locator('.citation').innerText(), /^Cách trích dẫn: chiso contributors, chiso: .*phiên bản \d+\.\d+\.\d+\. Số liệu thuộc/);
  // The CSV link downloads the file.
  const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
  assert.equal(download.suggestedFilename(), 'chiso.csv');
  await footer.scrollIntoViewIfNeeded();
  await screenshot(page, 'open-data-footer-1280');
  assert.deepEqual(await violations(page), []);
  await page.setViewportSize({ width: 360, height: 740 });
  await footer.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll');
  await screenshot(page, 'open-data-footer-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  // In English, and from a page built ahead (its <base> leads to the root's data/).
  await page.goto(env.url + 'tinh/son-la/?lang=en');
  await page.locator('[data-live] #profile-name').waitFor();
  const en = page.locator('[data-live] .site-footer');
  assert.match(await en.locator('.open-data').innerText(), /^Open data \(the whole dataset, each value with its source\): CSV · Excel \(\.xlsx\) · Data Package/);
  assert.match(await en.locator('.citation').innerText(), /^How to cite: chiso contributors/);
  assert.equal(await en.locator('.open-data a').first().evaluate((a) => a.href), env.url + 'data/chiso.csv');
  await page.close();
});

test('the files download from dist/data/, the CSV has its header, the package validates and the workbook holds numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-open-data-'));
  const files = {};
  for (const file of FILES) {
    const response = await fetch(env.url + 'data/' + file);
    assert.equal(response.status, 200, file);
    files[file] = Buffer.from(await response.arrayBuffer());
    writeFileSync(join(dir, file), files[file]);
  }
  const csv = files['chiso.csv'].toString('utf8');
  assert.ok(csv.startsWith(HEADER + '\r\n'), 'the header first, no byte-order mark');
  const found = readWithPython(dir);
  assert.equal(found.header.join(','), HEADER);
  assert.deepEqual(found.widths, [HEADER.split(',').length]);
  assert.ok(found.rows > 20000, `${found.rows} rows`);
  assert.equal(found.valid, true, found.errors.join('\n'));
  assert.deepEqual(found.sheets, ['values', 'components', 'national', 'sources']);
  assert.deepEqual(found.workbook_header, found.header);
  assert.equal(found.workbook_rows, found.rows);
  assert.ok(found.numbers_are_numbers && found.numbers > 20000, `${found.numbers} values, all numbers`);
  assert.equal(found.bold_header, true);
  assert.equal(found.frozen, 'A2');
  assert.match(found.cite, /^chiso contributors, chiso: .*version \d+\.\d+\.\d+, https?:\/\//);
  const pkg = JSON.parse(files['datapackage.json'].toString('utf8'));
  assert.deepEqual(pkg.resources.map((r) => r.path), ['chiso.csv', 'components.csv', 'national.csv']);
  assert.deepEqual(pkg.indices.find((i) => i.key === 'papi').method_breaks, [2018]);
});
