// Trunk post-build hook. Trunk starts the hooks of one stage at the same time, and these rewrite
// the built pages, so they run here one after the other: wasm-bindgen's glue minified, the whole app's files versioned in
// the loader and the comments of index.html and the stylesheet left out (below), then the pages built ahead (the
// native bin build-pages, see src/ui/built_pages/pages.rs: it copies the built index.html before the first
// view is put in), then the first view (prerender.mjs), then the Content-Security-Policy of every
// page (csp.mjs), which must see the final pages, and last the size of what was built (size.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';

// wasm-bindgen's glue of each wasm built (`x.js` beside `x_bg.wasm`) as written, readable, is
// 10.4 KB gzip of the small app's first visit; minified, 8.2 (Trunk's own minifier cannot read
// it). The page's apps are ES modules, the workers' glue plain scripts whose top-level
// `wasm_bindgen` their loaders call, which terser keeps in a script.
for (const wasm of readdirSync(staging).filter((f) => f.endsWith('_bg.wasm'))) {
  const glue = join(staging, wasm.replace(/_bg\.wasm$/, '.js'));
  const code = readFileSync(glue, 'utf8');
  const min = await minify(code, { module: /^export /m.test(code), ecma: 2020 });
  writeFileSync(glue, min.code);
}

// The whole app's files keep their names from build to build (Trunk names a worker-type build
// by its binary): the loader asks for them with their content's hash, so that no cache pairs
// one release's script with another's wasm. First, as the pages built ahead copy index.html.
const index = join(staging, 'index.html');
const hash = createHash('sha256');
for (const file of ['all_views.js', 'all_views_bg.wasm']) hash.update(readFileSync(join(staging, file)));
const version = hash.digest('hex').slice(0, 16);
const loader = readFileSync(index, 'utf8');
const versioned = loader.replace(/(all_views(?:_bg\.wasm|\.js))(?=['"])/g, `$1?v=${version}`);
if (versioned === loader) throw new Error('post_build.mjs: the loader names no file of the whole app');
// The comments of index.html and of the stylesheet are for whoever reads the source: a first
// visit would download them (1.5 KB gzip of a province page's, whose budget is 300 KB). The
// stylesheet's integrity (Trunk's SRI hash) is computed again for what is left.
let page = versioned.replace(/<!--[\s\S]*?-->\n?\s*/g, '');
const sheet = page.match(/<link rel="stylesheet" href="[^"]*?(style-[0-9a-f]+\.css)" integrity="([^"]+)"/);
if (!sheet) throw new Error('post_build.mjs: index.html links no stylesheet with its integrity');
const css = readFileSync(join(staging, sheet[1]), 'utf8').replace(/\/\*[\s\S]*?\*\/\n?/g, '');
writeFileSync(join(staging, sheet[1]), css);
page = page.replace(sheet[2], `sha384-${createHash('sha384').update(css).digest('base64')}`);
writeFileSync(index, page);
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'build-pages', '--', staging], {
  cwd: process.env.TRUNK_SOURCE_DIR ?? '.',
  stdio: 'inherit',
});
await import('./prerender.mjs');
await import('./csp.mjs');
await import('./size.mjs');
