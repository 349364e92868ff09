// @ts-check
/**
 * What the benchmarks run against, all on loopback: the emulator (on its own port, so uploads are
 * cross-origin as they are to Cloudflare) and a small page server for the scripts under test.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createCloudflareClient } from '../../demo/cloudflare-client.js';
import { startEmulatorServer } from '../../demo/emulator/server.js';

/**
 * @param {object} options
 * @param {number} options.maxUploadBytes the emulator's upload limit, raised above Cloudflare's 10 MB
 * @param {Record<string, { type: string, body: () => Uint8Array | string }>} options.files path → content
 * @param {string} options.bundles the folder served under /bundles/
 */
export async function startBenchServers({ maxUploadBytes, files, bundles }) {
  const emulatorServer = await startEmulatorServer({ hosts: ['127.0.0.1'], maxUploadBytes });
  const emulatorHost = `127.0.0.1:${emulatorServer.port}`;
  const cloudflare = createCloudflareClient({
    accountId: emulatorServer.emulator.accountId,
    apiToken: emulatorServer.emulator.apiToken,
    apiBase: `http://${emulatorHost}/client/v4`,
  });

  const pages = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    const bundle = /^\/bundles\/([\w-]+\.(js|css))$/.exec(path);
    const file = bundle
      ? { type: bundle[2] === 'js' ? 'text/javascript' : 'text/css', body: fileAt(join(bundles, bundle[1])) }
      : files[path];
    // Every page load fetches every script again, so no load is helped by an earlier one's cache.
    if (file) res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body());
    else
      res
        .writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' })
        .end('<!doctype html><meta charset="utf-8"><title>bench</title><body></body>');
  });
  await new Promise((resolve) => pages.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (pages.address());

  return {
    origin: `http://127.0.0.1:${port}`,
    emulatorHost,
    emulator: emulatorServer.emulator,
    /** A fresh one-time upload URL, minted through the emulator's API as a site's backend does. */
    mint: () => cloudflare.createDirectUpload(),
    async close() {
      pages.closeAllConnections();
      await new Promise((resolve) => pages.close(() => resolve(undefined)));
      await emulatorServer.close();
    },
  };
}

/** @param {string} path */
export const fileAt = (path) => () => readFileSync(path);

/** @typedef {Awaited<ReturnType<typeof startBenchServers>>} BenchServers */
