// @ts-check
/**
 * What a failed upload means, as decision tables: what XMLHttpRequest got back (readFailure), what
 * the default reading makes of a status and Cloudflare's errors (classifyByDefault), how a page's
 * classifyResponse overrides it (classify), and the upload-error detail a failure gives (describeFailure).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, classifyByDefault, describeFailure, readFailure } from '../../src/classify-response.js';
import { messages } from '../../src/messages.js';

/** Cloudflare's error envelope, as the upload host sends it. */
const envelope = (/** @type {{ code?: number, message?: string }[]} */ errors) =>
  JSON.stringify({ result: null, success: false, errors, messages: [] });

describe('readFailure(xhr): what the upload host answered', () => {
  /** @type {[string, { status: number, responseText: string } | undefined, import('../../src/classify-response.js').FailedUpload][]} */
  const table = [
    // what, the request as Uppy hands it over, the failure read from it
    ['no request at all', undefined, { status: 0, errors: [], body: undefined }],
    [
      'status 0: no answer the page may read, whatever text there is',
      { status: 0, responseText: 'ignored' },
      { status: 0, errors: [], body: undefined },
    ],
    [
      'Cloudflare’s envelope',
      { status: 409, responseText: envelope([{ code: 5409, message: 'already used' }]) },
      {
        status: 409,
        errors: [{ code: 5409, message: 'already used' }],
        body: { result: null, success: false, errors: [{ code: 5409, message: 'already used' }], messages: [] },
      },
    ],
    [
      'JSON whose errors is not a list',
      { status: 400, responseText: '{"errors":"bad"}' },
      { status: 400, errors: [], body: { errors: 'bad' } },
    ],
    ['JSON without errors', { status: 400, responseText: '{"error":"bad"}' }, { status: 400, errors: [], body: { error: 'bad' } }],
    ['JSON null', { status: 502, responseText: 'null' }, { status: 502, errors: [], body: null }],
    ['a JSON list', { status: 400, responseText: '[{"code":1}]' }, { status: 400, errors: [], body: [{ code: 1 }] }],
    ['a JSON string', { status: 400, responseText: '"expired"' }, { status: 400, errors: [], body: 'expired' }],
    [
      'an HTML error page',
      { status: 502, responseText: '<html>Bad gateway</html>' },
      { status: 502, errors: [], body: '<html>Bad gateway</html>' },
    ],
    ['an empty body', { status: 503, responseText: '' }, { status: 503, errors: [], body: '' }],
    ['truncated JSON', { status: 400, responseText: '{"errors":[{"code":54' }, { status: 400, errors: [], body: '{"errors":[{"code":54' }],
  ];
  for (const [what, xhr, failure] of table) {
    it(`${what} → status ${failure.status}, ${failure.errors.length} error(s)`, () => assert.deepEqual(readFailure(xhr), failure));
  }
});

describe('classifyByDefault(failure): status × Cloudflare’s errors → outcome', () => {
  const error = (/** @type {string} */ message, /** @type {number | undefined} */ code = undefined) => [{ code, message }];
  /** @type {[string, number, { code?: number, message?: string }[], string][]} */
  const table = [
    // what, status, errors, outcome
    ['no answer', 0, [], 'network'],
    ['no answer, whatever the errors say', 0, error('URL expired'), 'network'],
    ['410 Gone', 410, [], 'expired'],
    ['400 saying the URL expired', 400, error('Upload URL expired: ask for a new one', 5400), 'expired'],
    ['403 saying it has expired, in capitals', 403, error('EXPIRED'), 'expired'],
    ['400 about the expiry', 400, error('expiry passed'), 'expired'],
    ['the message in the second error', 400, [{ code: 5400, message: 'Bad request' }, { message: 'URL expired' }], 'expired'],
    ['409 Conflict', 409, [], 'used'],
    ['400 saying the image was already uploaded', 400, error('Image already uploaded', 5409), 'used'],
    ['400 saying the URL was used', 400, error('this URL was used'), 'used'],
    ['400 saying the URL was consumed', 400, error('Upload URL consumed'), 'used'],
    ['413 Payload Too Large', 413, [], 'rejected'],
    ['415 Unsupported Media Type', 415, [], 'rejected'],
    ['400 with code 5413 (too large)', 400, error('Image too large', 5413), 'rejected'],
    ['400 with code 5455 (unsupported format)', 400, error('Unsupported image format', 5455), 'rejected'],
    ['413 that also says expired: the file is what was refused', 413, error('expired'), 'rejected'],
    ['410 with code 5455', 410, error('gone', 5455), 'rejected'],
    ['410 that also says already used', 410, error('already used'), 'expired'],
    ['500', 500, [], 'server'],
    ['503 with a message', 503, error('Service unavailable', 5500), 'server'],
    ['599', 599, [], 'server'],
    ['502 that says the URL expired', 502, error('upload URL expired'), 'expired'],
    ['400 Bad Request', 400, error('Bad request: the form could not be read', 5400), 'rejected'],
    ['401', 401, [], 'rejected'],
    ['403', 403, error('Forbidden', 5403), 'rejected'],
    ['404 for an unknown URL', 404, error('Image not found: this upload URL is unknown', 5404), 'rejected'],
    ['429', 429, [], 'rejected'],
    // The words are read as words: these only contain "used" or "expir".
    ['403 saying the upload was refused', 403, error('Upload refused: not an image'), 'rejected'],
    ['400 saying the URL is unused', 400, error('the upload URL is unused'), 'rejected'],
    ['500 saying what caused it', 500, error('Failure caused by an upstream timeout'), 'server'],
    ['400 saying the URL has not expired', 400, error('unexpired URL: wrong field name'), 'rejected'],
    ['a message-less error with a code', 400, [{ code: 5400 }], 'rejected'],
  ];
  for (const [what, status, errors, outcome] of table) {
    it(`${what} → ${outcome}`, () => assert.equal(classifyByDefault({ status, errors, body: undefined }), outcome));
  }
});

describe('classify(failure, override): the page’s classifyResponse first', () => {
  const failure = { status: 403, errors: [{ code: 5403, message: 'Forbidden' }], body: undefined };
  /** @type {[string, import('../../src/classify-response.js').ResponseClassifier | undefined, string][]} */
  const table = [
    ['no override', undefined, 'rejected'],
    ['an override that decides', () => 'expired', 'expired'],
    ['an override that leaves it to the default', () => undefined, 'rejected'],
    ['an override that reads the code', ({ errors }) => (errors.some((e) => e.code === 5403) ? 'used' : undefined), 'used'],
  ];
  for (const [what, override, outcome] of table) {
    it(`${what} → ${outcome}`, () => assert.equal(classify(failure, override), outcome));
  }

  it('hands the override the failure as read', () => {
    /** @type {unknown[]} */
    const seen = [];
    classify(failure, (response) => void seen.push(response));
    assert.deepEqual(seen, [failure]);
  });
});

describe('describeFailure(reason, failure): the upload-error detail', () => {
  /** @type {[string, 'rejected' | 'server' | 'network', import('../../src/classify-response.js').FailedUpload, object][]} */
  const table = [
    // what, reason, failure, detail
    ['no answer', 'network', { status: 0, errors: [], body: undefined }, { reason: 'network', message: messages.networkFailed() }],
    [
      'status 0 whatever the reason given',
      'server',
      { status: 0, errors: [], body: undefined },
      { reason: 'network', message: messages.networkFailed() },
    ],
    [
      'the network reason whatever the status',
      'network',
      { status: 503, errors: [], body: '' },
      { reason: 'network', message: messages.networkFailed() },
    ],
    [
      '413 with Cloudflare’s code and message',
      'rejected',
      { status: 413, errors: [{ code: 5413, message: 'Image too large' }], body: undefined },
      { reason: 'rejected', status: 413, code: 5413, message: messages.uploadRefused(413, 'Image too large') },
    ],
    [
      '415 with no errors',
      'rejected',
      { status: 415, errors: [], body: 'not an image' },
      { reason: 'rejected', status: 415, code: undefined, message: messages.uploadRefused(415, undefined) },
    ],
    [
      'the first error speaks for all',
      'rejected',
      {
        status: 400,
        errors: [
          { code: 5400, message: 'first' },
          { code: 5455, message: 'second' },
        ],
        body: undefined,
      },
      { reason: 'rejected', status: 400, code: 5400, message: messages.uploadRefused(400, 'first') },
    ],
    [
      'a code that is not a number is left out',
      'rejected',
      { status: 400, errors: [{ code: /** @type {any} */ ('5400'), message: 'Bad request' }], body: undefined },
      { reason: 'rejected', status: 400, code: undefined, message: messages.uploadRefused(400, 'Bad request') },
    ],
    [
      'a code without a message',
      'rejected',
      { status: 400, errors: [{ code: 5400 }], body: undefined },
      { reason: 'rejected', status: 400, code: 5400, message: messages.uploadRefused(400, undefined) },
    ],
    [
      '503 after retries',
      'server',
      { status: 503, errors: [{ code: 5500, message: 'Service unavailable' }], body: undefined },
      { reason: 'server', status: 503, code: 5500, message: messages.serverFailed(503, 'Service unavailable') },
    ],
    [
      '500 with an HTML page',
      'server',
      { status: 500, errors: [], body: '<html>' },
      { reason: 'server', status: 500, code: undefined, message: messages.serverFailed(500, undefined) },
    ],
  ];
  for (const [what, reason, failure, detail] of table) {
    it(`${what} → ${/** @type {any} */ (detail).reason}`, () => assert.deepEqual(describeFailure(reason, failure), detail));
  }

  it('says the status and Cloudflare’s message in words', () => {
    assert.equal(messages.uploadRefused(413, 'Image too large'), 'The upload was refused (HTTP 413): Image too large.');
    assert.equal(messages.serverFailed(503), 'The upload server failed (HTTP 503). Try again later.');
  });
});
