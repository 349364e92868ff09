// @ts-check
/** Prints the gzip and brotli sizes of the built files and fails when the script-tag build is over budget. */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const budgets = [
  // Everything a script-tag user loads: lit, Uppy and the element.
  { file: 'dist/direct-upload.min.js', gzipBudget: 32 * 1024 },
  // The element alone: what a bundler adds on top of lit and Uppy (unminified here).
  { file: 'dist/index.js' },
];

let overBudget = false;
for (const { file, gzipBudget } of budgets) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const verdict = gzipBudget === undefined ? '' : gzip <= gzipBudget ? ` (budget ${gzipBudget}: ok)` : ` (budget ${gzipBudget}: OVER)`;
  console.log(`${file}: ${bytes.length} B raw, ${gzip} B gzip, ${brotli} B brotli${verdict}`);
  if (gzipBudget !== undefined && gzip > gzipBudget) overBudget = true;
}
process.exitCode = overBudget ? 1 : 0;
