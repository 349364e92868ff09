// @ts-check
/** The package as users get it: `npm test` builds it first. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (/** @type {string} */ path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the built package', () => {
  it('imports in Node, with no DOM, without throwing (server-side rendering, tests, tools)', async () => {
    assert.equal(typeof globalThis.window, 'undefined');
    const built = (/** @type {string} */ file) => new URL(`../../dist/${file}`, import.meta.url).href;
    const module = await import(built('index.js'));
    assert.equal(typeof module.DirectUploadElement, 'function');
    const react = await import(built('react.js'));
    assert.equal(typeof react.DirectUpload, 'object');
  });

  it('exports what package.json promises', () => {
    const pkg = JSON.parse(read('package.json'));
    const files = [pkg.main, pkg.types, pkg.customElements];
    for (const target of Object.values(pkg.exports)) {
      if (typeof target === 'string') files.push(target);
      else files.push(...Object.values(/** @type {Record<string, string>} */ (target)));
    }
    for (const file of files) assert.doesNotThrow(() => read(file.replace(/^\.\//, '')), `${file} is missing`);
  });
});

describe('custom-elements.json', () => {
  it('is what the analyzer makes of the source now', () => {
    const outdir = 'node_modules/.cache/cem-check';
    rmSync(outdir, { recursive: true, force: true });
    execFileSync('npx', ['cem', 'analyze', '--outdir', outdir], { stdio: 'pipe' });
    assert.equal(read('custom-elements.json'), read(`${outdir}/custom-elements.json`), 'run npm run build and commit custom-elements.json');
  });

  it('describes every attribute, property, method, event, part, custom property and slot in the README', () => {
    const manifest = JSON.parse(read('custom-elements.json'));
    const element = manifest.modules
      .flatMap((/** @type {any} */ m) => m.declarations)
      .find((/** @type {any} */ d) => d.tagName === 'direct-upload');
    const readme = read('README.md');
    const names = [
      ...element.attributes.map((/** @type {any} */ a) => a.name),
      ...element.members.map((/** @type {any} */ m) => m.name),
      ...element.events.map((/** @type {any} */ e) => e.name),
      ...element.cssParts.map((/** @type {any} */ p) => p.name),
      ...element.cssProperties.map((/** @type {any} */ p) => p.name),
      ...element.slots.map((/** @type {any} */ s) => s.name),
    ];
    assert.ok(names.length > 50, `only ${names.length} names in the manifest`);
    const missing = names.filter((name) => !readme.includes(`\`${name}`));
    assert.deepEqual(missing, [], 'the README does not mention these');
  });
});
