// @ts-check
/**
 * The Vite config the framework examples share: each is built on its own (so the React 18 one can
 * have React 18), resolves `direct-upload` to this project's source, and is served as static files
 * by `npm run demo` (under /react/, /react18/, /vue/) and by the tests.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const project = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} name the example's folder under demo/
 * @param {{ plugins?: import('vite').PluginOption[], alias?: { find: RegExp, replacement: string }[] }} [options]
 */
export function exampleConfig(name, { plugins = [], alias = [] } = {}) {
  return defineConfig({
    root: `${project}demo/${name}`,
    base: './',
    logLevel: 'warn',
    plugins,
    resolve: {
      alias: [
        ...alias,
        { find: /^direct-upload\/react$/, replacement: `${project}src/react.ts` },
        { find: /^direct-upload$/, replacement: `${project}src/index.ts` },
      ],
    },
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  });
}

/** Example folders, for the build script, the demo server and the tests. */
export const examples = ['react', 'react18', 'vue'];
