// The benchmark's peer: chiso's bundled dataset loaded into FINOS Perspective (served from
// node_modules, no CDN) and shown the way chiso's rankings open: one index, component and year,
// best first. `scripts/bench.mjs` serves the repository root and measures this page.
import '/node_modules/@finos/perspective-viewer/dist/cdn/perspective-viewer.js';
import '/node_modules/@finos/perspective-viewer-datagrid/dist/cdn/perspective-viewer-datagrid.js';
import perspective from '/node_modules/@finos/perspective/dist/cdn/perspective.js';

const SCHEMA = {
  index: 'string', component: 'string', year: 'integer', province: 'string', region: 'string',
  value: 'float', rank: 'integer', source: 'string',
};

// chiso's column-wise series as one row per published point, with names and citations resolved.
function rows(dataset) {
  const region = Object.fromEntries(dataset.regions.map((r) => [r.key, r.name_vi]));
  const citation = Object.fromEntries(dataset.sources.map((s) => [s.id, s.citation]));
  const out = [];
  for (const s of dataset.series) {
    s.provinces.forEach((p, i) => {
      const province = dataset.provinces[p];
      out.push({
        index: s.index, component: s.component, year: s.year, province: province.name_vi,
        region: region[province.region], value: s.values[i], rank: s.ranks?.[i] ?? null,
        source: citation[s.other_sources?.[i] ?? s.source],
      });
    });
  }
  return out;
}

const params = new URLSearchParams(location.search);
const index = params.get('index') ?? 'papi';
const year = Number(params.get('year') ?? 2020);

const [client, dataset] = await Promise.all([
  perspective.worker(),
  fetch('/dist/static/dataset.json').then((r) => r.json()),
]);
const table = await client.table(SCHEMA);
await table.update(rows(dataset));
const viewer = document.getElementById('viewer');
await viewer.load(table);
await viewer.restore({
  plugin: 'Datagrid',
  columns: ['province', 'region', 'value', 'rank', 'source'],
  filter: [['index', '==', index], ['component', '==', 'total'], ['year', '==', year]],
  sort: [['value', 'desc']],
});

// The datagrid's rows live in shadow roots: the benchmark reads them through this.
window.__tableRows = () => viewer.querySelector('perspective-viewer-datagrid')
  ?.shadowRoot?.querySelector('regular-table')?.querySelectorAll('tbody tr') ?? [];
if (window.__tableRows().length === 0) throw new Error('Perspective rendered no rows');
window.__firstRow = performance.now();
window.__viewer = viewer;
