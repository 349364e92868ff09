// @ts-check
/** Small helpers for the emulator's and the backend's plain Node HTTP handlers. */

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJSON(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Cloudflare's response envelope for a success. @param {unknown} result */
export function envelope(result) {
  return { result, result_info: null, success: true, errors: [], messages: [] };
}

/** Cloudflare's response envelope for a failure. @param {number} code @param {string} message */
export function errorEnvelope(code, message) {
  return { result: null, success: false, errors: [{ code, message }], messages: [] };
}

/**
 * Reads a small JSON request body (test controls and the backend take a few fields at most).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readJSON(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 64 * 1024) throw new Error('Request body too large');
  }
  return text ? JSON.parse(text) : {};
}
