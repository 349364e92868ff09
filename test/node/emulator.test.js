// @ts-check
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createBackend } from '../../demo/backend.js';
import { createCloudflareClient } from '../../demo/cloudflare-client.js';
import { startEmulatorServer } from '../../demo/emulator/server.js';
import { htmlPage, onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { createServer } from 'node:http';
import { connect } from 'node:net';

/** @type {Awaited<ReturnType<typeof startEmulatorServer>>} */
let server;
let origin = '';
const token = 'test-token';
const account = 'test-account';
const api = () => `${origin}/client/v4/accounts/${account}`;

before(async () => {
  server = await startEmulatorServer({ accountId: account, apiToken: token, testControls: true });
  origin = `http://127.0.0.1:${server.port}`;
});
after(() => server.close());
beforeEach(() => fetch(`${origin}/__emulator/reset`, { method: 'POST' }));

/** @param {Record<string, string>} [fields] */
async function directUpload(fields = {}, auth = `Bearer ${token}`) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const res = await fetch(`${api()}/images/v2/direct_upload`, { method: 'POST', headers: { authorization: auth }, body: form });
  return { status: res.status, body: await res.json() };
}

/** @param {string} uploadURL @param {Uint8Array<ArrayBuffer>} bytes */
async function uploadTo(uploadURL, bytes, name = 'photo.png', field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([bytes]), name);
  const res = await fetch(uploadURL, { method: 'POST', body: form });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** @param {number} ms */
const advanceClock = (ms) => fetch(`${origin}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });

const minutes = (/** @type {number} */ n) => new Date(Date.now() + n * 60_000).toISOString();

describe('direct_upload API', () => {
  it('answers a one-time upload URL in Cloudflare’s envelope', async () => {
    const { status, body } = await directUpload();
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['errors', 'messages', 'result', 'result_info', 'success']);
    assert.equal(body.success, true);
    assert.match(body.result.id, /^[0-9a-f-]{36}$/);
    assert.equal(body.result.uploadURL, `${origin}/upload/emulated-account-hash/${body.result.id}`);
  });

  it('refuses a missing or wrong token, and another account', async () => {
    assert.equal((await directUpload({}, '')).status, 401);
    assert.equal((await directUpload({}, 'Bearer nope')).status, 401);
    const res = await fetch(`${origin}/client/v4/accounts/other/images/v2/direct_upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 401);
    assert.equal((await res.json()).errors[0].code, 10000);
  });

  it('takes urlencoded fields as well as multipart', async () => {
    const res = await fetch(`${api()}/images/v2/direct_upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id: 'urlencoded-id' }),
    });
    assert.equal((await res.json()).result.id, 'urlencoded-id');
  });

  it('accepts an expiry between 2 minutes and 6 hours ahead, and nothing else', async () => {
    assert.equal((await directUpload({ expiry: minutes(3) })).status, 200);
    assert.equal((await directUpload({ expiry: minutes(359) })).status, 200);
    for (const expiry of [minutes(1), minutes(361), 'tomorrow']) {
      const { status, body } = await directUpload({ expiry });
      assert.equal(status, 400, expiry);
      assert.match(body.errors[0].message, /expiry/);
    }
  });

  it('checks custom ids as Cloudflare documents', async () => {
    const ok = await directUpload({ id: 'products/shoe-42' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.result.id, 'products/shoe-42');
    /** @type {Record<string, string>[]} */
    const refused = [
      { id: 'x'.repeat(1025) },
      { id: '2cdc28f0-017a-49c4-9ed7-87056c83901f' },
      { id: '/leading' },
      { id: 'trailing/' },
      { id: 'signed', requireSignedURLs: 'true' },
      { id: 'products/shoe-42' },
    ];
    for (const fields of refused) assert.equal((await directUpload(fields)).status, 400, JSON.stringify(fields).slice(0, 60));
    assert.equal((await directUpload({ id: 'x'.repeat(1024) })).status, 200);
  });

  it('takes metadata of at most 1024 bytes of JSON', async () => {
    const { body } = await directUpload({ metadata: JSON.stringify({ owner: 'ada' }) });
    const record = await (await fetch(`${api()}/images/v1/${body.result.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
    assert.deepEqual(record.result.metadata, { owner: 'ada' });
    assert.equal((await directUpload({ metadata: JSON.stringify({ a: 'x'.repeat(1020) }) })).status, 400);
    assert.equal((await directUpload({ metadata: '{not json' })).status, 400);
  });

  it('shows a draft until the image arrives, and lists only uploaded images', async () => {
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const { body } = await directUpload();
    const { id, uploadURL } = body.result;
    const draft = await (await fetch(`${api()}/images/v1/${id}`, auth)).json();
    assert.equal(draft.result.draft, true);
    assert.deepEqual((await (await fetch(`${api()}/images/v1`, auth)).json()).result.images, []);
    await uploadTo(uploadURL, onePixelPNG);
    const image = await (await fetch(`${api()}/images/v1/${id}`, auth)).json();
    assert.equal(image.result.draft, undefined);
    const list = (await (await fetch(`${api()}/images/v1`, auth)).json()).result.images;
    assert.deepEqual(
      list.map((/** @type {{id: string}} */ i) => i.id),
      [id],
    );
  });
});

describe('upload host', () => {
  it('stores the image once and serves it from its variant URL', async () => {
    const { uploadURL, id } = (await directUpload({ metadata: '{"a":1}' })).body.result;
    const { status, body, headers } = await uploadTo(uploadURL, onePixelPNG, 'dot.png');
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(body.success, true);
    assert.equal(body.result.id, id);
    assert.equal(body.result.filename, 'dot.png');
    assert.deepEqual(body.result.metadata, { a: 1 });
    assert.equal(body.result.requireSignedURLs, false);
    assert.ok(!Number.isNaN(Date.parse(body.result.uploaded)));
    const delivered = await fetch(body.result.variants[0]);
    assert.equal(delivered.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await delivered.arrayBuffer()), onePixelPNG);
  });

  it('refuses a used URL with 409 saying the image was already uploaded', async () => {
    const { uploadURL } = (await directUpload()).body.result;
    await uploadTo(uploadURL, onePixelPNG);
    const again = await uploadTo(uploadURL, onePixelPNG);
    assert.equal(again.status, 409);
    assert.equal(again.body.success, false);
    assert.equal(again.body.result, null);
    assert.match(again.body.errors[0].message, /already uploaded/i);
  });

  it('refuses an expired URL with 400 saying it expired', async () => {
    const { uploadURL } = (await directUpload()).body.result;
    await advanceClock(31 * 60_000);
    const late = await uploadTo(uploadURL, onePixelPNG);
    assert.equal(late.status, 400);
    assert.match(late.body.errors[0].message, /expired/i);
  });

  it('keeps a URL valid until its expiry', async () => {
    const { uploadURL } = (await directUpload({ expiry: minutes(10) })).body.result;
    await advanceClock(9 * 60_000);
    assert.equal((await uploadTo(uploadURL, onePixelPNG)).status, 200);
  });

  it('refuses more than 10 MB with 413 and code 5413', async () => {
    const { uploadURL } = (await directUpload()).body.result;
    const big = await uploadTo(uploadURL, paddedPNG(10 * 1024 * 1024 + 1));
    assert.equal(big.status, 413);
    assert.equal(big.body.errors[0].code, 5413);
    assert.equal(big.body.errors[0].message, 'Image too large: the limit is 10 MB');
  });

  it('reads no faster than bytesPerSecond', async () => {
    const { id, uploadURL } = (await directUpload()).body.result;
    await fetch(`${origin}/__emulator/drafts/${id}`, { method: 'POST', body: JSON.stringify({ bytesPerSecond: 2_000_000 }) });
    const started = performance.now();
    assert.equal((await uploadTo(uploadURL, paddedPNG(4_000_000))).status, 200);
    // Two seconds at that rate; a lower bound only, which a loaded machine cannot break.
    assert.ok(performance.now() - started >= 1900, `took ${Math.round(performance.now() - started)} ms`);
  });

  it('takes exactly 10 MB', async () => {
    const { uploadURL } = (await directUpload()).body.result;
    assert.equal((await uploadTo(uploadURL, paddedPNG(10 * 1024 * 1024))).status, 200);
  });

  it('takes more than 10 MB only when started with a larger maxUploadBytes, and names that limit', async () => {
    const roomy = await startEmulatorServer({ accountId: account, apiToken: token, maxUploadBytes: 12 * 1024 * 1024 });
    try {
      const mint = async () => {
        const res = await fetch(`http://127.0.0.1:${roomy.port}/client/v4/accounts/${account}/images/v2/direct_upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        return (await res.json()).result.uploadURL;
      };
      assert.equal((await uploadTo(await mint(), paddedPNG(12 * 1024 * 1024))).status, 200);
      const over = await uploadTo(await mint(), paddedPNG(12 * 1024 * 1024 + 1));
      assert.equal(over.status, 413);
      assert.equal(over.body.errors[0].message, 'Image too large: the limit is 12 MB');
    } finally {
      await roomy.close();
    }
  });

  it('refuses bytes that are not an image with 415 and code 5455, and the URL stays usable', async () => {
    const { uploadURL } = (await directUpload()).body.result;
    const html = await uploadTo(uploadURL, htmlPage, 'page.png');
    assert.equal(html.status, 415);
    assert.equal(html.body.errors[0].code, 5455);
    assert.equal((await uploadTo(uploadURL, onePixelPNG)).status, 200);
  });

  it('answers the CORS preflight for any origin, allowing no extra headers and no credentials', async () => {
    const { uploadURL } = (await directUpload()).body.result;
    const res = await fetch(uploadURL, {
      method: 'OPTIONS',
      headers: { origin: 'https://site.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(res.headers.get('access-control-allow-headers'), null);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  it('logs the fields it received', async () => {
    const { uploadURL, id } = (await directUpload()).body.result;
    await uploadTo(uploadURL, onePixelPNG, 'dot.png');
    const log = await (await fetch(`${origin}/__emulator/requests?draft=${id}`)).json();
    const upload = log.find((/** @type {{kind: string}} */ r) => r.kind === 'upload');
    assert.deepEqual(upload.fields, ['file']);
    assert.deepEqual(upload.files, [
      { field: 'file', filename: 'dot.png', mimeType: 'application/octet-stream', bytes: onePixelPNG.length },
    ]);
    assert.equal(upload.outcome, 'complete');
  });
});

describe('upload host misbehaviour (test controls)', () => {
  /** @param {string} id @param {Record<string, unknown>} behaviour */
  const misbehave = (id, behaviour) =>
    fetch(`${origin}/__emulator/drafts/${encodeURIComponent(id)}`, { method: 'POST', body: JSON.stringify(behaviour) });
  /** @param {string} id */
  const posts = async (id) =>
    (await (await fetch(`${origin}/__emulator/requests?draft=${id}`)).json()).filter(
      (/** @type {{kind: string, method: string}} */ r) => r.kind === 'upload' && r.method === 'POST',
    );

  it('answers a failure as an HTML page, as a proxy in front of the host would, then recovers after `times`', async () => {
    const { uploadURL, id } = (await directUpload()).body.result;
    await misbehave(id, { failWith: 502, htmlError: true, times: 1 });
    const form = new FormData();
    form.append('file', new Blob([onePixelPNG]), 'dot.png');
    const res = await fetch(uploadURL, { method: 'POST', body: form });
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(await res.text(), /<h1>Error 502<\/h1>/);
    assert.equal((await uploadTo(uploadURL, onePixelPNG)).status, 200);
    assert.deepEqual(
      (await posts(id)).map((/** @type {{status: number}} */ r) => r.status),
      [502, 200],
    );
  });

  it('stops reading the body after pauseAfterBytes for pauseMs, then reads on', async () => {
    const { uploadURL, id } = (await directUpload()).body.result;
    await misbehave(id, { pauseAfterBytes: 0, pauseMs: 600 });
    const form = new FormData();
    form.append('file', new Blob([paddedPNG(8 * 1024 * 1024)]), 'big.png');
    const started = Date.now();
    const res = await fetch(uploadURL, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    assert.ok(Date.now() - started >= 600, `answered after ${Date.now() - started} ms`);
    assert.deepEqual(
      (await posts(id)).map((/** @type {{outcome: string}} */ r) => r.outcome),
      ['complete'],
    );
  });

  it('records a client that gave up during the pause as aborted, and stores nothing', async () => {
    const { uploadURL, id } = (await directUpload()).body.result;
    await misbehave(id, { pauseAfterBytes: 0, pauseMs: 300 });
    const form = new FormData();
    form.append('file', new Blob([paddedPNG(8 * 1024 * 1024)]), 'big.png');
    const abort = new AbortController();
    const sent = fetch(uploadURL, { method: 'POST', body: form, signal: abort.signal }).catch((error) => error.name);
    const started = Date.now();
    while ((await posts(id)).length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    abort.abort();
    assert.equal(await sent, 'AbortError');
    while ((await posts(id))[0].outcome === 'pending' && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(
      (await posts(id)).map((/** @type {{outcome: string}} */ r) => r.outcome),
      ['aborted'],
    );
    assert.equal((await (await fetch(`${origin}/__emulator/drafts/${id}`)).json()).state, 'draft');
  });

  it('records a connection it cut part-way as aborted, with no status, though the whole body had arrived', async () => {
    const { uploadURL, id } = (await directUpload()).body.result;
    await misbehave(id, { resetAfterBytes: 100 });
    const { host, pathname } = new URL(uploadURL);
    const body = [
      '--b',
      'content-disposition: form-data; name="file"; filename="dot.png"',
      'content-type: image/png',
      '',
      Buffer.from(onePixelPNG).toString('latin1'),
      '--b--',
      '',
    ].join('\r\n');
    // Request and body in one write, ending the connection: the host has all of it when it cuts.
    const socket = connect(Number(host.split(':')[1]), '127.0.0.1');
    socket.end(
      Buffer.from(
        `POST ${pathname} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: multipart/form-data; boundary=b\r\n` +
          `content-length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
        'latin1',
      ),
    );
    const answer = await new Promise((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', () => {});
    });
    assert.equal(answer, '');
    await new Promise((r) => setTimeout(r, 100));
    const [record] = await posts(id);
    assert.deepEqual([record.outcome, record.status], ['aborted', undefined]);
  });

  it('keeps a file name as sent: UTF-8, slashes and all', async () => {
    for (const name of ['😀 é.png', '\u202Egnp.exe', '<script>alert(1)</script>.png', 'dir/name.png', 'a\\b.png']) {
      const { uploadURL } = (await directUpload()).body.result;
      const { body } = await uploadTo(uploadURL, onePixelPNG, name);
      assert.equal(body.result.filename, name);
    }
  });
});

describe('backend and Cloudflare client', () => {
  it('mints an upload URL through the client and hands the page only URL, id and expiry', async () => {
    const cloudflare = createCloudflareClient({ accountId: account, apiToken: token, apiBase: `${origin}/client/v4` });
    assert.equal(cloudflare.isCloudflare, false);
    const handle = createBackend(() => cloudflare);
    const site = createServer(async (req, res) => {
      if (!(await handle(req, res))) res.writeHead(404).end();
    });
    await new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(undefined)));
    const port = /** @type {import('node:net').AddressInfo} */ (site.address()).port;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/upload-url`, { method: 'POST' });
      const body = await res.json();
      assert.deepEqual(Object.keys(body).sort(), ['expiry', 'id', 'uploadURL']);
      assert.ok(body.uploadURL.endsWith(body.id));
      const lifetime = Date.parse(body.expiry) - Date.now();
      assert.ok(lifetime > 29 * 60_000 && lifetime <= 30 * 60_000, `lifetime ${lifetime}`);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/upload-url`)).status, 405);
    } finally {
      site.close();
    }
  });

  it('reports Cloudflare’s errors', async () => {
    const cloudflare = createCloudflareClient({ accountId: account, apiToken: 'wrong', apiBase: `${origin}/client/v4` });
    await assert.rejects(cloudflare.createDirectUpload(), /HTTP 401.*10000: Authentication error/);
  });
});
