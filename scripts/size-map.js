// @ts-check
/**
 * What the script-tag build holds, module by module, read from its source map: the minified bytes
 * each source became, and those bytes gzipped on their own (more than their share of the whole,
 * whose modules compress together, but in the same order). `npm run size:map [rows]`, after a build.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const file = 'dist/direct-upload.min.js';
const rows = Number(process.argv[2] ?? 40);
const code = readFileSync(file, 'utf8');
const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
const lines = code.split('\n');

/** @type {import('source-map-js').MappingItem[]} */
const mappings = [];
map.eachMapping((mapping) => mappings.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);

/** @type {Map<string, string[]>} */
const bySource = new Map();
mappings.forEach((mapping, i) => {
  const next = mappings[i + 1];
  const line = lines[mapping.generatedLine - 1];
  const end = next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
  const source = (mapping.source ?? '(unmapped)').replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
  bySource.set(source, [...(bySource.get(source) ?? []), line.slice(mapping.generatedColumn, end)]);
});

const table = [...bySource].map(([source, pieces]) => {
  const text = pieces.join('');
  return { source, minified: text.length, gzip: gzipSync(text, { level: 9 }).length };
});
table.sort((a, b) => b.gzip - a.gzip);
console.log(`${file}: ${gzipSync(code, { level: 9 }).length} B gzip in all`);
console.log('  gzip   minified  source');
for (const { source, minified, gzip } of table.slice(0, rows)) {
  console.log(`${String(gzip).padStart(6)} ${String(minified).padStart(10)}  ${source}`);
}
