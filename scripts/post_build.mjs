// Trunk post-build hook. Trunk starts the hooks of one stage at the same time, and these rewrite
// the built pages, so they run here one after the other: the pages built ahead first (the
// native bin build-pages, see src/ui/built_pages/pages.rs: it copies the built index.html before the first
// view is put in), then the first view (prerender.mjs), then the Content-Security-Policy of every
// page (csp.mjs), which must see the final pages, and last the size of what was built (size.mjs).
import { execFileSync } from 'node:child_process';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'build-pages', '--', staging], {
  cwd: process.env.TRUNK_SOURCE_DIR ?? '.',
  stdio: 'inherit',
});
await import('./prerender.mjs');
await import('./csp.mjs');
await import('./size.mjs');
