// Trunk post-build hook. Trunk starts the hooks of one stage at the same time, and both of these
// rewrite the built index.html, so they run here one after the other: the first view first
// (prerender.mjs), then the Content-Security-Policy (csp.mjs), which must see the final page.
await import('./prerender.mjs');
await import('./csp.mjs');
