// @ts-check
/**
 * The few lines a site's backend needs to mint a one-time upload URL from Cloudflare Images' Direct
 * Creator Upload API. It talks to api.cloudflare.com when CLOUDFLARE_ACCOUNT_ID and
 * CLOUDFLARE_API_TOKEN are set, and to the local emulator otherwise. The token stays on the server.
 */

export const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4';

/**
 * @typedef {object} DirectUploadOptions
 * @property {string} [expiry] ISO 8601; Cloudflare allows 2 minutes to 6 hours ahead (default 30 minutes)
 * @property {string} [id] a custom image id
 * @property {Record<string, unknown>} [metadata] up to 1024 bytes of JSON, stored with the image
 * @property {boolean} [requireSignedURLs]
 */

/**
 * @param {object} options
 * @param {string} options.accountId
 * @param {string} options.apiToken
 * @param {string} [options.apiBase] defaults to Cloudflare's API
 */
export function createCloudflareClient({ accountId, apiToken, apiBase = CLOUDFLARE_API }) {
  return {
    /** Whether this client talks to Cloudflare itself rather than the emulator. */
    isCloudflare: apiBase === CLOUDFLARE_API,

    /**
     * Asks for a one-time upload URL.
     * @param {DirectUploadOptions} [options]
     * @returns {Promise<{ id: string, uploadURL: string }>}
     */
    async createDirectUpload({ expiry, id, metadata, requireSignedURLs } = {}) {
      const form = new FormData();
      if (expiry) form.append('expiry', expiry);
      if (id) form.append('id', id);
      if (metadata) form.append('metadata', JSON.stringify(metadata));
      if (requireSignedURLs !== undefined) form.append('requireSignedURLs', String(requireSignedURLs));
      const response = await fetch(`${apiBase}/accounts/${encodeURIComponent(accountId)}/images/v2/direct_upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiToken}` },
        body: form,
      });
      /** @type {{ success?: boolean, result?: { id: string, uploadURL: string }, errors?: { code: number, message: string }[] }} */
      const body = await response.json().catch(() => ({}));
      if (!response.ok || !body.success || !body.result) {
        const reasons = (body.errors ?? []).map((e) => `${e.code}: ${e.message}`).join('; ');
        throw new Error(`Cloudflare refused the direct upload (HTTP ${response.status})${reasons ? `: ${reasons}` : ''}`);
      }
      return body.result;
    },
  };
}

/** @typedef {ReturnType<typeof createCloudflareClient>} CloudflareClient */

/**
 * The real Cloudflare API when the environment names an account and token, else the emulator.
 * @param {NodeJS.ProcessEnv} env
 * @param {{ apiBase: string, accountId: string, apiToken: string }} emulator
 */
export function cloudflareClientFromEnv(env, emulator) {
  const { CLOUDFLARE_ACCOUNT_ID: accountId, CLOUDFLARE_API_TOKEN: apiToken } = env;
  if (accountId && apiToken) return createCloudflareClient({ accountId, apiToken });
  return createCloudflareClient(emulator);
}
