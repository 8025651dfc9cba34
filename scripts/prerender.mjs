// Run after each Trunk build (scripts/post_build.mjs): puts the first view rendered at build time (static/prerender.html,
// written by `cargo run --bin build-dataset`, see src/ui/built_pages/prerender.rs) into the built
// index.html in place of its loading line, so the table is on screen as soon as the HTML
// arrives and without JavaScript. The fragment holds no script and no address of a file, so it
// serves any public URL.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const fragment = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'static/prerender.html'), 'utf8').trim();
if (/<script\b/i.test(fragment)) throw new Error('prerender.mjs: the fragment must hold no script');
const html = readFileSync(file, 'utf8');
const loading = /<p class="loading" role="status">[^<]*<\/p>/;
// Fail the build rather than ship a page without its first view.
if (!loading.test(html)) throw new Error(`prerender.mjs: the loading line was not found in ${file}`);
writeFileSync(file, html.replace(loading, () => fragment));
