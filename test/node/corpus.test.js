// @ts-check
/**
 * The image corpus in test/fixtures/corpus: every file is the one its manifest entry describes,
 * everything comes from a source its README names under a licence that lets the project ship it,
 * it stays within its size budget, and it keeps the cases the browser tests rely on.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const budget = 3_000_000;

/** Sources whose licences allow shipping their files in an MIT project; the README has a section for each. */
const sources = ['pngsuite', 'image-size', 'image-gif', 'image-webp', 'libwebp-test-data'];

/** @returns {string[]} every file under `dir`, relative to the corpus */
const filesUnder = (/** @type {string} */ dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );

describe('the image corpus (test/fixtures/corpus)', () => {
  it('holds exactly the files its manifest lists, byte for byte', () => {
    const listed = manifest.map((/** @type {any} */ entry) => entry.path);
    const images = filesUnder(root).filter((path) => path !== 'manifest.json' && path !== 'README.md' && !path.startsWith('LICENSES/'));
    assert.deepEqual([...images].sort(), [...listed].sort());
    assert.deepEqual(listed, [...listed].sort(), 'the manifest is sorted by path');
    for (const entry of manifest) {
      const bytes = readFileSync(join(root, entry.path));
      assert.equal(bytes.length, entry.bytes, entry.path);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), entry.sha256, entry.path);
    }
  });

  it(`stays within ${budget.toLocaleString('en')} bytes, README, manifest and licences included`, () => {
    const total = filesUnder(root).reduce((sum, path) => sum + statSync(join(root, path)).size, 0);
    assert.ok(total <= budget, `${total} bytes`);
  });

  it('comes only from sources the README names, each with its licence text, and never from a file it leaves out', () => {
    for (const source of sources) {
      assert.ok(readme.includes(`### \`${source}/\``), `README has no section for ${source}`);
    }
    const licences = [...readme.matchAll(/`LICENSES\/([^`]+)`/g)].map(([, file]) => file);
    for (const file of licences) assert.ok(existsSync(join(root, 'LICENSES', file)), `LICENSES/${file} is missing`);
    assert.deepEqual(readdirSync(join(root, 'LICENSES')).sort(), [...new Set(licences)].sort());

    const leftOut = readme.slice(readme.indexOf('## Left out'), readme.indexOf('## What it covers'));
    const leftOutPaths = [...leftOut.matchAll(/`([^`]+)`/g)].map(([, path]) => path);
    assert.ok(leftOutPaths.includes('image-size/valid/ico/sample.ico'));
    for (const entry of manifest) {
      const [source] = entry.path.split('/');
      assert.ok(sources.includes(source), `${entry.path}: ${source} is not a source the README names`);
      for (const path of leftOutPaths) {
        assert.ok(!entry.path.startsWith(path.replace(/\/$/, '') + '/') && entry.path !== path, `${entry.path} is left out in the README`);
      }
      if (source !== 'pngsuite')
        assert.ok(
          readme.includes(
            entry.path
              .split('/')
              .at(-1)
              .replace(/\.svg$/, ''),
          ),
          `README does not name ${entry.path}`,
        );
    }
  });

  it('keeps the cases the browser tests rely on', () => {
    /** @type {[string, (entry: any) => boolean][]} */
    const cases = [
      ['a valid PNG', (e) => e.format === 'png' && e.expectedValid],
      ['a valid JPEG', (e) => e.format === 'jpeg' && e.expectedValid],
      ['a progressive JPEG', (e) => e.path.endsWith('progressive.jpg')],
      ['a valid GIF', (e) => e.format === 'gif' && e.expectedValid],
      ['a valid WebP', (e) => e.format === 'webp' && e.expectedValid],
      ['a valid SVG', (e) => e.format === 'svg' && e.expectedValid],
      ['a valid HEIC', (e) => e.format === 'heic' && e.expectedValid],
      ['an AVIF', (e) => e.format === 'avif'],
      ['a BMP', (e) => e.format === 'bmp'],
      ['a TIFF', (e) => e.format === 'tiff'],
      ['a format sniffing knows no name for', (e) => e.format === 'jxl'],
      ['bytes that are no format at all', (e) => e.format === 'unknown'],
      ['an EXIF orientation that swaps width and height', (e) => e.orientation >= 5],
      ['an animated GIF', (e) => e.format === 'gif' && e.frames > 1],
      ['an animated WebP', (e) => e.format === 'webp' && e.frames > 1],
      ['a corrupt PNG', (e) => e.format === 'png' && !e.expectedValid],
      ['a malformed SVG', (e) => e.format === 'svg' && !e.expectedValid],
      ['a GIF whose header claims a huge size', (e) => e.format === 'gif' && !e.expectedValid && e.width * e.height > 100_000_000],
      ['a garbled AVIF', (e) => e.format === 'avif' && !e.expectedValid],
      ['an SVG sized by its viewBox only', (e) => e.path.endsWith('/viewbox.svg')],
    ];
    const missing = cases.filter(([, has]) => !manifest.some(has)).map(([what]) => what);
    assert.deepEqual(missing, []);
  });

  const shared = resolve(process.env.SHARED_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures', import.meta.url)));
  const sharedManifest = join(shared, 'manifest.json');
  it(
    'describes each file as the whole corpus in ../shared/fixtures does, its notes apart',
    {
      skip:
        !existsSync(sharedManifest) && `${sharedManifest} is absent: the whole corpus sits beside the project on the team’s machines only`,
    },
    () => {
      const byPath = new Map(JSON.parse(readFileSync(sharedManifest, 'utf8')).map((/** @type {any} */ entry) => [entry.path, entry]));
      const withoutNote = (/** @type {any} */ { note, ...entry }) => entry;
      for (const entry of manifest) {
        assert.ok(byPath.has(entry.path), `${entry.path} is not in ${sharedManifest}`);
        assert.deepEqual(withoutNote(entry), withoutNote(byPath.get(entry.path)));
      }
    },
  );
});
