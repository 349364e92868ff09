import { readFileSync } from 'node:fs';
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
    plugins: [uppyVersionOnly()],
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
