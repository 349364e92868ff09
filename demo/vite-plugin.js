// @ts-check
/**
 * Runs the Cloudflare emulator and the site's backend inside Vite's dev server, so `npm run demo`
 * is the whole stack on one port. With CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN set, the
 * backend talks to Cloudflare instead and the emulator only stands by.
 */
import { createBackend } from './backend.js';
import { cloudflareClientFromEnv } from './cloudflare-client.js';
import { createEmulator } from './emulator/emulator.js';
import { examples } from './example-config.js';
import { staticFiles } from './static-files.js';

/** @returns {import('vite').Plugin} */
export function directUploadDemo() {
  const emulator = createEmulator();
  const usesCloudflare = Boolean(process.env.CLOUDFLARE_ACCOUNT_ID && process.env.CLOUDFLARE_API_TOKEN);
  const backend = createBackend((req) =>
    cloudflareClientFromEnv(process.env, {
      // The emulator answers on this same server, at the address the page used.
      apiBase: `http://${req.headers.host}/client/v4`,
      accountId: emulator.accountId,
      apiToken: emulator.apiToken,
    }),
  );
  return {
    name: 'direct-upload-demo',
    config: () => ({
      define: {
        // The emulator takes uploads on the page's own host; Cloudflare on the element's default.
        __UPLOAD_HOSTS__: usesCloudflare ? JSON.stringify('upload.imagedelivery.net') : 'location.host',
      },
    }),
    configureServer(server) {
      server.config.logger.info(
        usesCloudflare
          ? '  direct-upload demo: minting upload URLs from Cloudflare (CLOUDFLARE_ACCOUNT_ID is set)'
          : '  direct-upload demo: minting upload URLs from the local Cloudflare emulator',
      );
      // The framework examples are built on their own (npm run build:examples) and served as they are.
      const builtExamples = examples.map((name) => staticFiles(`/${name}/`, new URL(`./${name}/dist`, import.meta.url).pathname));
      server.middlewares.use((req, res, next) => {
        if (builtExamples.some((serve) => serve(req, res))) return;
        (async () => (await backend(req, res)) || (await emulator.handle(req, res)) || next())().catch(next);
      });
    },
  };
}
