// @ts-check
/** Prints the lifecycle decision table (test/node/lifecycle-table.js) as Markdown; --write puts it in the README. */
import { readFileSync, writeFileSync } from 'node:fs';
import { lifecycleMarkdown } from '../test/node/lifecycle-table.js';

const table = lifecycleMarkdown();
if (!process.argv.includes('--write')) {
  console.log(table);
} else {
  const path = new URL('../README.md', import.meta.url);
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- lifecycle-table -->';
  const end = '<!-- /lifecycle-table -->';
  const [before, rest] = readme.split(start);
  if (rest === undefined) throw new Error(`README.md has no ${start} marker`);
  writeFileSync(path, `${before}${start}\n${table}\n${end}${rest.split(end)[1]}`);
}
