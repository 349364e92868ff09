// @ts-check
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { createBackend } from './demo/backend.js';
import { createCloudflareClient } from './demo/cloudflare-client.js';
import { startEmulatorServer } from './demo/emulator/server.js';
import { examples } from './demo/example-config.js';
import { staticFiles } from './demo/static-files.js';
import { findBrowsers } from './scripts/find-browsers.js';
import { chromiumArgs } from './scripts/find-chromium.js';
import { webkitLauncher } from './scripts/webkit-launcher.js';
import { browserControlPlugin } from './test/support/browser-control.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

// The emulator runs on its own port, so uploads from the test page are cross-origin (and
// preflighted) as they are to Cloudflare. 127.0.0.2 is a second loopback address that the
// element must treat as remote: it is how the tests show that plain http to a remote host sends nothing.
const emulatorServer = await startEmulatorServer({ hosts: ['127.0.0.1', '127.0.0.2'], testControls: true });
const { port } = emulatorServer;
const emulatorOrigin = `http://localhost:${port}`;
const cloudflare = createCloudflareClient({
  accountId: emulatorServer.emulator.accountId,
  apiToken: emulatorServer.emulator.apiToken,
  apiBase: `${emulatorOrigin}/client/v4`,
});
const backend = createBackend(() => cloudflare);

// Real images from public test corpora, served as they are (the dev server would turn JSON into a
// module). The part whose licences allow shipping it is in the project; the whole corpus sits
// beside the project on the team's machines and is absent from a user's clone, where the tests
// that use it skip. SHARED_FIXTURES names another place for it: one that does not exist runs the
// tests as such a clone would.
const corpora = [
  { prefix: '/corpus/', root: resolve('test/fixtures/corpus') },
  { prefix: '/shared-fixtures/', root: resolve(process.env.SHARED_FIXTURES ?? '../shared/fixtures') },
];

// The framework examples, as `npm run build:examples` built them.
const builtExamples = examples.map((name) => staticFiles(`/examples/${name}/`, resolve(`demo/${name}/dist`)));

// Chromium, Firefox (puppeteer over WebDriver BiDi) and WebKitGTK (WebKitWebDriver), each found or
// installed by find-browsers; one that cannot be had here is skipped, and the run says so first.
const found = findBrowsers();
for (const reason of found.skipped) console.warn(`[browsers] Skipping ${reason}`);
const browsers = [];
if (found.chromium) browsers.push(chromeLauncher({ launchOptions: { executablePath: found.chromium, args: chromiumArgs() } }));
if (found.firefox) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: found.firefox, headless: true },
    }),
  );
}
if (found.webkit) browsers.push(webkitLauncher(found.webkit));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  browsers,
  // One engine at a time, one test file at a time: every file shares the emulator and its test
  // clock, and timing checks need the machine's attention.
  concurrentBrowsers: 1,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  middleware: [
    async (ctx, next) => {
      // FUZZ_SEED=… replays the fuzz tests' cases; without it each suite picks its own seed.
      if (ctx.path === '/fuzz-seed.json') {
        ctx.body = { seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null };
        return;
      }
      if (ctx.path === '/emulator.json') {
        ctx.body = { origin: emulatorOrigin, remoteOrigin: `http://127.0.0.2:${port}` };
        return;
      }
      const corpus = corpora.find(({ prefix }) => ctx.path.startsWith(prefix));
      if (corpus) {
        const file = resolve(corpus.root, decodeURIComponent(ctx.path.slice(corpus.prefix.length)));
        if (!file.startsWith(corpus.root + sep) || !existsSync(file)) {
          ctx.status = 404;
          return;
        }
        ctx.type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        ctx.body = readFileSync(file);
        return;
      }
      if (ctx.path === '/api/upload-url-broken') {
        ctx.status = 500;
        ctx.body = { error: 'the backend is down' };
        return;
      }
      if (builtExamples.some((serve) => serve(ctx.req, ctx.res))) {
        ctx.respond = false;
        return;
      }
      if (await backend(ctx.req, ctx.res)) {
        ctx.respond = false;
        return;
      }
      await next();
    },
  ],
  // Uppy imports its package.json; the browser needs it as a JavaScript module.
  mimeTypes: { '**/*.json': 'js' },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // Each file is converted on its own request, so a CommonJS module required before it was seen
    // looks like ESM; taking its default export is what `require` meant.
    // axe-core (loaded by chai-a11y-axe) is a browser script that sets window.axe; converted, it breaks.
    fromRollup(commonjs)({ include: ['**/node_modules/**'], exclude: ['**/node_modules/axe-core/**'], requireReturnsDefault: 'preferred' }),
    fromRollup(json)(),
    browserControlPlugin(),
    { name: 'emulator', serverStop: () => emulatorServer.close() },
  ],
};
