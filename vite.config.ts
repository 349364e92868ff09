import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { directUploadDemo } from './demo/vite-plugin.js';

/** Uppy reads only `version` from its package.json; without this the whole file is bundled. */
function uppyVersionOnly(): Plugin {
  return {
    name: 'uppy-version-only',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]@uppy[\\/][^\\/]+[\\/]package\.json$/.test(id)) return undefined;
      const { version } = JSON.parse(readFileSync(id, 'utf8')) as { version: string };
      return JSON.stringify({ version });
    },
  };
}

/**
 * The element's stylesheet, minified in both builds: a css`` template is a string to a bundler, so
 * its comments and indentation would otherwise reach every page that loads the element.
 */
function minifiedStyles(): Plugin {
  return {
    name: 'minified-styles',
    async transform(code, id) {
      if (!id.endsWith('direct-upload.styles.ts')) return undefined;
      const match = /css`([^`]*)`/.exec(code);
      if (!match) throw new Error('direct-upload.styles.ts no longer holds one css`` template without interpolations');
      const { code: minified } = await transform(match[1], { loader: 'css', minify: true, charset: 'utf8' });
      // Back into a template literal: a backslash must stay a backslash.
      // The module is that one template, so the source map may stay as it was (null says so).
      return { code: code.replace(match[0], () => `css\`${minified.trim().replaceAll('\\', '\\\\')}\``), map: null };
    },
  };
}

/**
 * Script-tag build only: swaps a dependency's module for a smaller one that does what the element
 * needs of it (see each substitute's comment; tests upload through the build to show it still
 * behaves the same). The npm build leaves these dependencies to the user's bundler.
 */
function substitute(pattern: RegExp, replacement: string): Plugin {
  return {
    name: `substitute:${replacement}`,
    enforce: 'pre',
    load(id) {
      return pattern.test(id) ? readFileSync(new URL(replacement, import.meta.url), 'utf8') : undefined;
    },
  };
}

// `npm run demo` serves demo/ with the emulator; `npm run build` makes the npm build (ESM, with lit
// and Uppy left as imports) and, with `--mode script-tag`, the one self-contained classic script.
export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    return {
      root: 'demo',
      plugins: [directUploadDemo()],
      server: { host: 'localhost' },
      // The framework examples are built apart (npm run build:examples); only the main page is live.
      optimizeDeps: { entries: ['index.html'] },
    };
  }
  const scriptTag = mode === 'script-tag';
  return {
    plugins: [
      uppyVersionOnly(),
      minifiedStyles(),
      ...(scriptTag
        ? [
            substitute(/[\\/]@uppy[\\/](core|xhr-upload)[\\/]lib[\\/]locale\.js$/, './scripts/substitutes/uppy-locale.js'),
            substitute(/[\\/]lodash[\\/]throttle\.js$/, './scripts/substitutes/throttle.js'),
            substitute(/[\\/]@uppy[\\/]core[\\/]lib[\\/]utils[\\/]mimeTypes\.js$/, './scripts/substitutes/uppy-mime-types.js'),
            substitute(/[\\/]@uppy[\\/]core[\\/]lib[\\/]utils[\\/]Translator\.js$/, './scripts/substitutes/uppy-translator.js'),
            substitute(/[\\/]mime-match[\\/]index\.js$/, './scripts/substitutes/mime-match.js'),
            substitute(/[\\/]@uppy[\\/]core[\\/]lib[\\/]utils[\\/]generateFileID\.js$/, './scripts/substitutes/uppy-file-id.js'),
            substitute(/[\\/]@transloadit[\\/]prettier-bytes[\\/]dist[\\/]prettierBytes\.js$/, './scripts/substitutes/prettier-bytes.js'),
          ]
        : []),
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: !scriptTag,
      target: 'es2022',
      minify: scriptTag ? 'terser' : false,
      terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 3 }, format: { comments: false } },
      sourcemap: true,
      lib: scriptTag
        ? { entry: 'src/index.ts', name: 'DirectUpload', formats: ['iife'], fileName: () => 'direct-upload.min.js' }
        : { entry: { index: 'src/index.ts', react: 'src/react.ts' }, formats: ['es'], fileName: (_, name) => `${name}.js` },
      rolldownOptions: scriptTag
        ? {}
        : {
            external: [/^lit($|\/)/, /^@lit\//, /^@uppy\//, /^image-size($|\/)/, /^react($|\/)/],
            output: { chunkFileNames: '[name].js' },
          },
    },
  };
});
