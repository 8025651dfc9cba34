// Run after each Trunk build (scripts/post_build.mjs): prints the size of what was built, in
// all and by part (the app, the pages built ahead, their previews and the open data), raw and
// gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const files = readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());
const parts = { app: [0, 0, 0], pages: [0, 0, 0], previews: [0, 0, 0], 'open data': [0, 0, 0] };
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  const part = file.endsWith('preview.png') ? 'previews'
    : /^(tinh|chi-so|en)[/\\]/.test(file) ? 'pages'
      : /^data[/\\]/.test(file) ? 'open data' : 'app';
  parts[part][0] += 1;
  parts[part][1] += bytes.length;
  parts[part][2] += gzipSync(bytes).length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const total = Object.values(parts).reduce((a, p) => a.map((v, i) => v + p[i]), [0, 0, 0]);
const detail = Object.entries(parts).map(([name, [n, raw, gz]]) => `${name} ${n} files ${kb(raw)} (${kb(gz)} gzip)`);
console.log(`size of ${dir.replace(/[/\\]\.stage$/, '')}: ${total[0]} files, ${kb(total[1])} (${kb(total[2])} gzip): ${detail.join('; ')}`);
