// @ts-check
/**
 * The endpoint a site writes for the element: `POST /api/upload-url` mints a one-time upload URL
 * and gives the page only that URL, its image id and its expiry. This is where a real site checks
 * that the visitor may upload at all.
 */
import { readJSON, sendJSON } from './emulator/http.js';

/** How long a minted URL stays valid: Cloudflare's default. */
const URL_LIFETIME_MS = 30 * 60_000;

/**
 * @param {(req: import('node:http').IncomingMessage) => import('./cloudflare-client.js').CloudflareClient} getCloudflare
 *   the client to use for a request
 */
export function createBackend(getCloudflare) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>} whether the request was the backend's
   */
  return async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://backend').pathname;
    if (path !== '/api/upload-url') return false;
    if (req.method !== 'POST') {
      sendJSON(res, 405, { error: 'Use POST' }, { allow: 'POST' });
      return true;
    }
    try {
      const { metadata } = await readJSON(req);
      const expiry = new Date(Date.now() + URL_LIFETIME_MS).toISOString();
      const { id, uploadURL } = await getCloudflare(req).createDirectUpload({
        expiry,
        metadata: metadata && typeof metadata === 'object' ? /** @type {Record<string, unknown>} */ (metadata) : undefined,
      });
      sendJSON(res, 200, { uploadURL, id, expiry }, { 'cache-control': 'no-store' });
    } catch (error) {
      sendJSON(res, 502, { error: /** @type {Error} */ (error).message });
    }
    return true;
  };
}
