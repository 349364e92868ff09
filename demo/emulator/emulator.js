// @ts-check
/**
 * A local stand-in for Cloudflare Images' Direct Creator Upload: the API that mints one-time upload
 * URLs, the upload host that takes one image per URL, and delivery of the stored image. The demo and
 * the tests use it so that nothing leaves the machine. State lives in memory.
 */
import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import { envelope, errorEnvelope, readJSON, sendJSON } from './http.js';
import { sniffImageType } from './sniff.js';

const MINUTE = 60_000;
/** Cloudflare Images refuses files over 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @typedef {object} Draft
 * @property {string} id
 * @property {number} expiry epoch milliseconds
 * @property {Record<string, unknown>} metadata
 * @property {boolean} requireSignedURLs
 * @property {number} created
 * @property {'draft' | 'uploaded'} state
 * @property {string} [filename]
 * @property {string} [contentType]
 * @property {Buffer} [bytes]
 * @property {number} [uploaded]
 * @property {string} deliveryBase
 * @property {Behaviour} behaviour test-only: how the upload host misbehaves
 * @property {number} uploadRequests how many uploads (POSTs) reached it
 */

/**
 * @typedef {object} Behaviour how the upload host misbehaves for one draft (test controls only)
 * @property {number} [times] how many upload requests misbehave, from the first; all by default
 * @property {number} [failWith] answer this HTTP status in Cloudflare's envelope
 * @property {boolean} [htmlError] with `failWith`: answer an HTML page instead, as a proxy in front of the host would
 * @property {boolean} [answerExpired] answer as for an expired URL
 * @property {boolean} [answerUsed] answer as for a used URL
 * @property {boolean} [noCors] leave CORS headers off error answers, so a browser cannot read them
 * @property {number} [resetAfterBytes] cut the connection after this many bytes of the body
 * @property {number} [stallAfterBytes] take the rest of the body after this many bytes and never answer
 * @property {number} [pauseAfterBytes] stop reading the body after this many bytes, so that the sender's
 *   buffers fill and its upload makes no progress, as over a link that stopped carrying data
 * @property {number} [pauseMs] how long such a pause lasts before the host reads on (5 s by default): a
 *   host that never reads again would never see the client give up
 * @property {boolean} [dropAnswer] store the image, then cut the connection instead of answering
 * @property {number} [delayMs] wait this long before answering a success
 * @property {number} [bytesPerSecond] read the body no faster than this, as a slow link would
 * @property {boolean} [hangPreflight] never answer the CORS preflight, so the upload never begins
 */

/**
 * @typedef {object} RequestRecord what the emulator saw of one request, for tests to assert on
 * @property {string} method
 * @property {string} path
 * @property {'api' | 'upload' | 'delivery'} kind
 * @property {string} [draftId]
 * @property {Record<string, string | undefined>} headers the request headers a test may care about
 * @property {string[]} fields multipart field names, in order
 * @property {{ field: string, filename?: string, mimeType: string, bytes: number }[]} files
 * @property {number} [status]
 * @property {'complete' | 'aborted' | 'pending'} outcome
 * @property {number} [startedAt] upload POSTs: when the request arrived (epoch ms)
 * @property {number} [endedAt] upload POSTs: when its connection closed
 */

/**
 * @param {object} [options]
 * @param {string} [options.accountId]
 * @param {string} [options.accountHash] the account's delivery hash, part of every upload and image URL
 * @param {string} [options.apiToken] the Bearer token the API demands
 * @param {string} [options.publicOrigin] origin for upload and delivery URLs; by default the request's own
 * @param {boolean} [options.testControls] serve `/__emulator/*`: request log, clock, reset, misbehaviour
 * @param {number} [options.maxUploadBytes] the largest upload taken; Cloudflare's 10 MB unless a
 *   benchmark needs bigger files to measure throughput
 */
export function createEmulator({
  accountId = 'emulated-account',
  accountHash = 'emulated-account-hash',
  apiToken = 'emulator-token',
  publicOrigin,
  testControls = false,
  maxUploadBytes = MAX_UPLOAD_BYTES,
} = {}) {
  const tooLarge = `Image too large: the limit is ${Number((maxUploadBytes / 1024 / 1024).toFixed(2))} MB`;
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  /** @type {Map<string, Draft>} */
  const drafts = new Map();
  /** @type {RequestRecord[]} */
  const log = [];
  /** Upload POSTs open now, and the most open at once since a test last asked to reset it. */
  const inFlight = { now: 0, most: 0 };

  const apiPrefix = `/client/v4/accounts/`;

  /** @param {import('node:http').IncomingMessage} req */
  const originOf = (req) => publicOrigin ?? `http://${req.headers.host}`;

  /** @param {Draft} draft */
  const imageRecord = (draft) => ({
    id: draft.id,
    filename: draft.filename,
    metadata: draft.metadata,
    uploaded: new Date(draft.uploaded ?? draft.created).toISOString(),
    requireSignedURLs: draft.requireSignedURLs,
    variants: [`${draft.deliveryBase}/${encodeURIComponent(draft.id)}/public`],
    ...(draft.state === 'draft' ? { draft: true } : {}),
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {RequestRecord['kind']} kind
   * @param {string} path
   * @returns {RequestRecord}
   */
  function record(req, kind, path) {
    const h = req.headers;
    /** @type {RequestRecord} */
    const entry = {
      method: req.method ?? 'GET',
      path,
      kind,
      headers: {
        origin: h.origin,
        cookie: h.cookie,
        authorization: h.authorization ? '(present)' : undefined,
        'content-type': h['content-type'],
        'access-control-request-method': /** @type {string | undefined} */ (h['access-control-request-method']),
        'access-control-request-headers': /** @type {string | undefined} */ (h['access-control-request-headers']),
      },
      fields: [],
      files: [],
      outcome: 'pending',
    };
    log.push(entry);
    return entry;
  }

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {RequestRecord} entry
   * @param {number} status
   * @param {unknown} body
   * @param {Record<string, string>} [headers]
   */
  function answer(res, entry, status, body, headers) {
    // The connection is gone (the client went away, or a test cut it): what the client gets is nothing.
    if (res.destroyed || !res.socket || res.socket.destroyed) {
      entry.outcome = 'aborted';
      return;
    }
    entry.status = status;
    entry.outcome = 'complete';
    if (!res.headersSent) sendJSON(res, status, body, headers);
  }

  // ---- API ---------------------------------------------------------------------------------

  /**
   * Reads the form fields of a direct_upload request (multipart or urlencoded; no body is fine).
   * @param {import('node:http').IncomingMessage} req
   * @returns {Promise<Record<string, string>>}
   */
  function readForm(req) {
    return new Promise((resolve, reject) => {
      const type = req.headers['content-type'] ?? '';
      if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) {
        req.resume();
        req.on('end', () => resolve({}));
        return;
      }
      /** @type {Record<string, string>} */
      const fields = {};
      const parser = busboy({ headers: req.headers, limits: { fieldSize: 64 * 1024, files: 0 } });
      parser.on('field', (name, value) => (fields[name] = value));
      parser.on('close', () => resolve(fields));
      parser.on('error', reject);
      req.pipe(parser);
    });
  }

  /**
   * Checks the direct_upload fields as Cloudflare documents them.
   * @param {Record<string, string>} fields
   * @returns {{ error: string } | { expiry: number, id?: string, metadata: Record<string, unknown>, requireSignedURLs: boolean }}
   */
  function parseDirectUploadFields(fields) {
    let expiry = now() + 30 * MINUTE;
    if (fields.expiry !== undefined) {
      const parsed = Date.parse(fields.expiry);
      if (Number.isNaN(parsed)) return { error: `expiry must be an ISO 8601 date, got "${fields.expiry}"` };
      if (parsed < now() + 2 * MINUTE || parsed > now() + 360 * MINUTE) {
        return { error: 'expiry must be at least 2 minutes and at most 6 hours in the future' };
      }
      expiry = parsed;
    }
    let requireSignedURLs = false;
    if (fields.requireSignedURLs !== undefined) {
      if (!/^(true|false)$/.test(fields.requireSignedURLs)) return { error: 'requireSignedURLs must be true or false' };
      requireSignedURLs = fields.requireSignedURLs === 'true';
    }
    const id = fields.id;
    if (id !== undefined) {
      if (id.length === 0 || id.length > 1024) return { error: 'id must be 1 to 1024 characters long' };
      if (UUID.test(id)) return { error: 'id must not be a UUID' };
      if (id.startsWith('/') || id.endsWith('/')) return { error: 'id must not start or end with a slash' };
      if (requireSignedURLs) return { error: 'a custom id cannot be used with requireSignedURLs=true' };
      if (drafts.has(id)) return { error: `an image with id ${id} already exists` };
    }
    /** @type {Record<string, unknown>} */
    let metadata = {};
    if (fields.metadata !== undefined) {
      if (Buffer.byteLength(fields.metadata) > 1024) return { error: 'metadata must be at most 1024 bytes' };
      try {
        metadata = JSON.parse(fields.metadata);
      } catch {
        return { error: 'metadata must be JSON' };
      }
      if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
        return { error: 'metadata must be a JSON object' };
      }
    }
    return { expiry, id, metadata, requireSignedURLs };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   */
  async function handleAPI(req, res, path) {
    const entry = record(req, 'api', path);
    const [account, ...rest] = path.slice(apiPrefix.length).split('/');
    const route = rest.join('/');
    if (req.headers.authorization !== `Bearer ${apiToken}` || account !== accountId) {
      req.resume();
      return answer(res, entry, 401, errorEnvelope(10000, 'Authentication error'));
    }
    if (req.method === 'POST' && route === 'images/v2/direct_upload') {
      let fields;
      try {
        fields = await readForm(req);
      } catch {
        return answer(res, entry, 400, errorEnvelope(5400, 'Bad request: the form could not be read'));
      }
      const parsed = parseDirectUploadFields(fields);
      if ('error' in parsed) return answer(res, entry, 400, errorEnvelope(5400, `Bad request: ${parsed.error}`));
      const id = parsed.id ?? randomUUID();
      const origin = originOf(req);
      drafts.set(id, {
        id,
        expiry: parsed.expiry,
        metadata: parsed.metadata,
        requireSignedURLs: parsed.requireSignedURLs,
        created: now(),
        state: 'draft',
        deliveryBase: `${origin}/cdn/${accountHash}`,
        behaviour: {},
        uploadRequests: 0,
      });
      entry.draftId = id;
      return answer(res, entry, 200, envelope({ id, uploadURL: `${origin}/upload/${accountHash}/${encodeURIComponent(id)}` }));
    }
    req.resume();
    if (req.method === 'GET' && route === 'images/v1') {
      const images = [...drafts.values()].filter((d) => d.state === 'uploaded').map(imageRecord);
      return answer(res, entry, 200, envelope({ images }));
    }
    if (req.method === 'GET' && route.startsWith('images/v1/')) {
      const draft = drafts.get(decodeURIComponent(route.slice('images/v1/'.length)));
      if (!draft) return answer(res, entry, 404, errorEnvelope(5404, 'Image not found'));
      return answer(res, entry, 200, envelope(imageRecord(draft)));
    }
    return answer(res, entry, 404, errorEnvelope(7003, 'No route for that URI'));
  }

  // ---- Upload host -------------------------------------------------------------------------

  // As Cloudflare's upload host: any origin, no credentials, and no request headers beyond the
  // CORS-safelisted ones, so a browser that adds one fails its preflight.
  const corsHeaders = { 'access-control-allow-origin': '*' };
  const preflightHeaders = {
    ...corsHeaders,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-max-age': '0',
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   */
  function handleUpload(req, res, path) {
    const entry = record(req, 'upload', path);
    const id = decodeURIComponent(path.split('/').slice(3).join('/'));
    entry.draftId = id;
    const preflighted = drafts.get(id);
    if (req.method === 'OPTIONS' && preflighted?.behaviour.hangPreflight) return;
    if (req.method === 'OPTIONS') {
      entry.status = 204;
      entry.outcome = 'complete';
      res.writeHead(204, preflightHeaders);
      return res.end();
    }
    const draft = drafts.get(id);
    const isPost = req.method === 'POST';
    if (isPost) {
      // How many uploads are in flight at once: each request's span, and the most seen together.
      entry.startedAt = Date.now();
      inFlight.now += 1;
      inFlight.most = Math.max(inFlight.most, inFlight.now);
      res.on('close', () => {
        inFlight.now -= 1;
        entry.endedAt = Date.now();
      });
    }
    if (draft && isPost) draft.uploadRequests += 1;
    /** @type {Behaviour} */
    const behaviour = draft && isPost && draft.uploadRequests <= (draft.behaviour.times ?? Infinity) ? draft.behaviour : {};
    const errorHeaders = behaviour.noCors ? {} : corsHeaders;
    const fail = (/** @type {number} */ status, /** @type {number} */ code, /** @type {string} */ message) => {
      answer(res, entry, status, errorEnvelope(code, message), errorHeaders);
      req.resume();
    };
    const expired = () => fail(400, 5400, 'Upload URL expired: ask for a new one-time upload URL');
    const used = () => fail(409, 5409, 'Image already uploaded: this one-time upload URL was already used');
    if (!isPost) return fail(405, 5405, 'Method not allowed: upload with POST');
    if (!draft) return fail(404, 5404, 'Image not found: this upload URL is unknown');
    if (draft.state === 'uploaded' || behaviour.answerUsed) return used();
    if (behaviour.failWith && behaviour.htmlError) {
      const status = behaviour.failWith;
      entry.status = status;
      entry.outcome = 'complete';
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...errorHeaders });
      res.end(`<!doctype html><title>${status}</title><h1>Error ${status}</h1><p>The emulator was told to fail this upload.</p>`);
      req.resume();
      return;
    }
    if (behaviour.failWith) {
      const status = behaviour.failWith;
      const code = { 409: 5409, 413: 5413, 415: 5455 }[status] ?? (status >= 500 ? 5500 : 5400);
      return fail(status, code, `Error ${status}: the emulator was told to fail this upload`);
    }
    if (now() > draft.expiry || behaviour.answerExpired) return expired();
    if (!/multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      return fail(400, 5400, 'Bad request: upload as multipart/form-data with the image in field "file"');
    }
    const contentLength = Number(req.headers['content-length']);
    if (contentLength > maxUploadBytes + 64 * 1024) return fail(413, 5413, tooLarge);

    // The response closing before it was sent means the client went away (or was cut off).
    res.on('close', () => {
      if (entry.outcome === 'pending' && !res.writableFinished) entry.outcome = 'aborted';
    });

    // busboy stops passing data on one byte past the limit, so at most the limit + 1 byte is ever held.
    // File names are kept as the browser sent them: UTF-8, with any slashes in them (a browser sends
    // only the name, never a path, so a slash is part of the name).
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      preservePath: true,
      limits: { fileSize: maxUploadBytes + 1, files: 1, fields: 20 },
    });
    /** @type {{ code: number, status: number, message: string } | undefined} */
    let refusal;
    /** @type {{ filename?: string, contentType: string, bytes: Buffer } | undefined} */
    let stored;
    parser.on('field', (name) => entry.fields.push(name));
    parser.on('file', (name, stream, info) => {
      entry.fields.push(name);
      const file = { field: name, filename: info.filename, mimeType: info.mimeType, bytes: 0 };
      entry.files.push(file);
      /** @type {Buffer[]} */
      const chunks = [];
      // A body cut short fails the file's stream as well as the parser; the parser's error answers.
      stream.on('error', () => {});
      stream.on('data', (/** @type {Buffer} */ chunk) => {
        file.bytes += chunk.length;
        if (name === 'file' && !refusal) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (name !== 'file' || refusal) return;
        if (file.bytes > maxUploadBytes) {
          refusal = { status: 413, code: 5413, message: tooLarge };
          return;
        }
        const bytes = Buffer.concat(chunks);
        const contentType = sniffImageType(bytes.subarray(0, 4096));
        if (!contentType) {
          refusal = {
            status: 415,
            code: 5455,
            message: 'Uploaded image must have image/jpeg, image/png, image/webp, image/gif, image/heic or image/svg+xml content',
          };
          return;
        }
        stored = { filename: info.filename, contentType, bytes };
      });
    });
    parser.on('error', () => fail(400, 5400, 'Bad request: the multipart body could not be read'));
    parser.on('close', () => {
      if (refusal) return fail(refusal.status, refusal.code, refusal.message);
      if (!stored) return fail(400, 5400, 'Bad request: no image in field "file"');
      if (draft.state === 'uploaded') return used();
      Object.assign(draft, { state: 'uploaded', uploaded: now(), ...stored });
      // The answer breaks off after its status line, so the client cannot tell what happened (and a
      // browser does not quietly send the request again, as it may when a reused connection closes).
      if (behaviour.dropAnswer) return req.socket.end('HTTP/1.1 200 OK\r\n', () => req.socket.destroy());
      setTimeout(() => answer(res, entry, 200, envelope(imageRecord(draft)), corsHeaders), behaviour.delayMs ?? 0);
    });

    // Fed by hand rather than piped, so that a test can cut the connection part-way, make the host
    // stop reading for a while (`pauseAfterBytes`), or make it stall: past `stallAfterBytes` it takes
    // the rest of the body without looking at it and never answers, and keeps reading so that it
    // notices when the client gives up.
    let received = 0;
    const { stallAfterBytes, resetAfterBytes, pauseAfterBytes, pauseMs = 5000, bytesPerSecond } = behaviour;
    let paused = false;
    const stalled = () => stallAfterBytes !== undefined && received >= stallAfterBytes;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      received += chunk.length;
      if (resetAfterBytes !== undefined && received >= resetAfterBytes) return req.socket.destroy();
      if (stalled()) return;
      const drained = parser.write(chunk) ? undefined : new Promise((resolve) => parser.once('drain', resolve));
      const wait = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const pause = pauseAfterBytes !== undefined && received >= pauseAfterBytes && !paused;
      if (pause) paused = true;
      // Paused for as long as this chunk takes at that rate, so TCP slows the sender down, and
      // until the parser has room: both, or a busy parser would let the link run faster.
      const paced = pause ? wait(pauseMs) : bytesPerSecond ? wait((chunk.length / bytesPerSecond) * 1000) : undefined;
      if (drained || paced) {
        req.pause();
        void Promise.all([drained, paced]).then(() => req.resume());
      }
    });
    req.on('end', () => {
      if (!stalled()) parser.end();
    });
  }

  // ---- Delivery ----------------------------------------------------------------------------

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   */
  function handleDelivery(req, res, path) {
    const entry = record(req, 'delivery', path);
    const [, , hash, encodedId, variant] = path.split('/');
    const draft = drafts.get(decodeURIComponent(encodedId ?? ''));
    entry.draftId = draft?.id;
    if (hash !== accountHash || !draft?.bytes || variant !== 'public') {
      entry.status = 404;
      entry.outcome = 'complete';
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not found');
    }
    entry.status = 200;
    entry.outcome = 'complete';
    res.writeHead(200, {
      'content-type': draft.contentType ?? 'application/octet-stream',
      'content-length': String(draft.bytes.length),
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : draft.bytes);
  }

  // ---- Test controls -----------------------------------------------------------------------

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function handleTestControl(req, res, url) {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST' });
      return res.end();
    }
    const path = url.pathname.slice('/__emulator'.length);
    const body = req.method === 'POST' ? await readJSON(req) : {};
    if (path === '/requests') {
      const draftId = url.searchParams.get('draft');
      return sendJSON(res, 200, draftId ? log.filter((r) => r.draftId === draftId) : log, cors);
    }
    if (path === '/clock' && req.method === 'POST') {
      clockOffset += Number(body.advanceMs ?? 0);
      return sendJSON(res, 200, { now: new Date(now()).toISOString() }, cors);
    }
    if (path === '/in-flight') {
      if (req.method === 'POST') inFlight.most = inFlight.now;
      return sendJSON(res, 200, inFlight, cors);
    }
    if (path === '/reset' && req.method === 'POST') {
      clockOffset = 0;
      drafts.clear();
      log.length = 0;
      return sendJSON(res, 200, {}, cors);
    }
    const draftMatch = /^\/drafts\/(.+)$/.exec(path);
    const draft = draftMatch && drafts.get(decodeURIComponent(draftMatch[1]));
    if (draft && req.method === 'POST') {
      draft.behaviour = /** @type {Behaviour} */ (body);
      return sendJSON(res, 200, draft.behaviour, cors);
    }
    if (draft) return sendJSON(res, 200, { state: draft.state, uploadRequests: draft.uploadRequests }, cors);
    return sendJSON(res, 404, { error: 'unknown test control' }, cors);
  }

  /**
   * Serves a request if it is the emulator's; resolves whether it was.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname;
    if (path.startsWith(apiPrefix)) await handleAPI(req, res, path);
    else if (path.startsWith(`/upload/`)) handleUpload(req, res, path);
    else if (path.startsWith(`/cdn/`)) handleDelivery(req, res, path);
    else if (testControls && path.startsWith('/__emulator/')) await handleTestControl(req, res, url);
    else return false;
    return true;
  }

  return { handle, accountId, apiToken, drafts, log, now };
}

/** @typedef {ReturnType<typeof createEmulator>} Emulator */
