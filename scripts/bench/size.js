// @ts-check
/**
 * Size: our script-tag build as shipped, then our package and four other uploaders each bundled
 * from one entry file (entries/) by esbuild with the same settings, JavaScript and CSS minified.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { build } from 'esbuild';
import { compressed } from './stats.js';

/** @type {{ name: string, entry: string, includes: string }[]} */
export const libraries = [
  {
    name: 'direct-upload (npm build, bundled)',
    entry: 'direct-upload.js',
    includes: 'dist/index.js with lit, @uppy/core, @uppy/xhr-upload, image-size; styles are in the JS',
  },
  { name: 'FilePond', entry: 'filepond.js', includes: 'filepond core, filepond.css' },
  { name: 'Dropzone', entry: 'dropzone.js', includes: 'dropzone, dropzone.css' },
  {
    name: 'Uppy Dashboard',
    entry: 'uppy-dashboard.js',
    includes: '@uppy/dashboard, @uppy/core, @uppy/xhr-upload, core and dashboard CSS',
  },
  {
    name: 'Uploadcare File Uploader',
    entry: 'uploadcare.js',
    includes: '@uploadcare/file-uploader (all components, regular widget), index.css',
  },
];

/** The one set of esbuild settings every library is bundled with. */
export const esbuildSettings = /** @type {const} */ ({
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  loader: { '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
  logLevel: 'error',
});

/**
 * @typedef {object} SizeRow
 * @property {string} name
 * @property {string} [bundle] the bundle's file name without extension, for those bundled here
 * @property {string} includes
 * @property {string} how
 * @property {{ js: number, css: number }} raw minified bytes
 * @property {number} gzip JavaScript and CSS, each compressed, added up
 * @property {number} brotli
 * @property {string[]} files where the bundles were written, to look at
 */

/** @param {{ js: Uint8Array, css?: Uint8Array }} parts */
function measure({ js, css }) {
  const a = compressed(js);
  const b = css ? compressed(css) : { gzip: 0, brotli: 0 };
  return { raw: { js: js.length, css: css?.length ?? 0 }, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/**
 * @param {{ outdir: string }} options where the bundles are written
 * @returns {Promise<SizeRow[]>}
 */
export async function measureSizes({ outdir }) {
  const shipped = readFileSync('dist/direct-upload.min.js');
  /** @type {SizeRow[]} */
  const rows = [
    {
      name: 'direct-upload (dist/direct-upload.min.js)',
      includes: 'the script-tag build as shipped: lit, Uppy, image-size, styles',
      how: 'as built by npm run build (vite + terser, two stand-in modules)',
      ...measure({ js: shipped }),
      files: ['dist/direct-upload.min.js'],
    },
  ];
  for (const { name, entry, includes } of libraries) {
    const entryPoint = new URL(`./entries/${entry}`, import.meta.url).pathname;
    const result = await build({ ...esbuildSettings, entryPoints: [entryPoint], outdir, write: true, metafile: true });
    const outputs = Object.keys(result.metafile.outputs);
    const js = outputs.find((f) => extname(f) === '.js');
    const css = outputs.find((f) => extname(f) === '.css');
    if (!js) throw new Error(`esbuild wrote no JavaScript for ${entry}`);
    rows.push({
      name,
      bundle: basename(entry, '.js'),
      includes,
      how: `esbuild ${basename(entry)}`,
      ...measure({ js: readFileSync(js), css: css ? readFileSync(css) : undefined }),
      files: [js, ...(css ? [css] : [])],
    });
  }
  return rows;
}
