// @ts-check
/** Prints the gzip and brotli sizes of the built files and fails when the script-tag build is over budget. */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const budgets = [
  // Everything a script-tag user loads: lit, Uppy, image-size's parsers and the element.
  { label: 'dist/direct-upload.min.js', files: ['dist/direct-upload.min.js'], gzipBudget: 34 * 1024 },
  // The element alone (dist/index.js and the module it re-exports), lit, Uppy and image-size left
  // out: what the npm build adds before a bundler minifies it.
  { label: 'dist/index.js without its dependencies', files: ['dist/index.js', 'dist/define.js'] },
];

let overBudget = false;
for (const { label: file, files, gzipBudget } of budgets) {
  const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const verdict = gzipBudget === undefined ? '' : gzip <= gzipBudget ? ` (budget ${gzipBudget}: ok)` : ` (budget ${gzipBudget}: OVER)`;
  console.log(`${file}: ${bytes.length} B raw, ${gzip} B gzip, ${brotli} B brotli${verdict}`);
  if (gzipBudget !== undefined && gzip > gzipBudget) overBudget = true;
}
process.exitCode = overBudget ? 1 : 0;
