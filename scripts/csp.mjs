// Run after each Trunk build (scripts/post_build.mjs): adds a Content-Security-Policy to every
// built page (index.html and the pages built ahead, tinh/*/ and chi-so/*/ and the same under en/). Their inline scripts
// (Trunk's wasm loader, and index.html's two: the line that marks a page opened with `?embed`, and
// the one that opens a page in the language the reader chose) are
// allowed by their SHA-256 hashes (the loader's changes with every build, hence a hook), so no
// other inline script can run. Works on any static host.
//
// Other sites may frame the app (`?embed`, src/ui/components/embed_frame.rs): the policy has no
// `frame-ancestors` (a <meta> policy could not carry it anyway) and nothing here sends
// X-Frame-Options; the README's hosting notes ask hosts not to add either.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';

/** The policy of a page: its own inline scripts' hashes. */
function policy(html) {
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter(([, body]) => body.trim() !== '')
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
    "style-src 'self'",
    // Colour swatches and the progress of an import are set as style attributes.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    // A page built ahead names the app's root in a <base> of the same origin.
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

const pages = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html'));
for (const page of pages) {
  const file = join(dir, page);
  let html = readFileSync(file, 'utf8');
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
  const marker = '<meta charset="utf-8">';
  // Fail the build rather than ship a page without its policy (a minified page writes the
  // marker differently).
  if (!html.includes(marker)) throw new Error(`csp.mjs: ${marker} not found in ${file}`);
  html = html.replace(marker, `${marker}\n  <meta http-equiv="Content-Security-Policy" content="${policy(html)}">`);
  writeFileSync(file, html);
}
