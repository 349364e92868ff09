// @ts-check
/**
 * The one-time URL's lifecycle as a decision table: for each row, a file in some state meets an
 * event in some world, and `decide` must give this status and these effects. The same rows make
 * the table in the README (`node scripts/lifecycle-table.js --write`), and a test keeps the two equal.
 */

const now = Date.parse('2026-12-01T12:00:00Z');
const iso = (/** @type {number} */ ms) => new Date(now + ms).toISOString();

/** @param {Partial<import('../../src/url-lifecycle.js').URLFacts>} [facts] */
const url = (facts = {}) => ({
  uploadURL: 'https://upload.imagedelivery.net/hash/image-1',
  expiry: iso(30 * 60_000),
  id: 'image-1',
  used: false,
  expired: false,
  outcomeUnknown: false,
  sendingElsewhere: false,
  ...facts,
});
const fresh = url({ uploadURL: 'https://upload.imagedelivery.net/hash/image-2', id: 'image-2' });
const failure = (/** @type {number} */ status, /** @type {string} */ outcome, unanswered = 0) => ({
  type: 'sent',
  result: { kind: 'failure', outcome, unanswered, response: { status, errors: [], body: undefined } },
});

/**
 * @typedef {object} Row
 * @property {string} state the file's status, and what else the row's state says
 * @property {string} event
 * @property {string} when the world, in words
 * @property {string} status the status `decide` gives
 * @property {string[]} effects what it asks the driver to do, in order
 * @property {object} input the state, event and world handed to `decide`
 */

const allowed = () => /** @type {string | undefined} */ (undefined);
const refused = () => /** @type {string | undefined} */ ('The upload host … is not allowed.');

/** Worlds: how much the element can do right now. */
const worlds = {
  'page URL only': { canRefresh: false },
  'provider or endpoint': { canRefresh: true },
  offline: { canRefresh: false, online: false },
  'host not allowed': { canRefresh: false, policy: refused },
};

// One row per line, so the table reads like the README's.
// prettier-ignore
/** @type {[string, object, string, object, keyof typeof worlds, string, string[]][]} */
const rows = [
  // state name, state, event name, event, world, status, effects
  ['new', {}, 'accepted', { type: 'accepted', manual: false }, 'page URL only', 'queued', ['enqueue']],
  ['new', {}, 'accepted (manual)', { type: 'accepted', manual: true, url: url() }, 'page URL only', 'ready', []],
  ['new', {}, 'accepted (manual), URL past expiry', { type: 'accepted', manual: true, url: url({ expiry: iso(-1) }) }, 'page URL only', 'expired', ['url-expired (clock)']],
  ['new', {}, 'accepted (manual), URL past expiry', { type: 'accepted', manual: true, url: url({ expiry: iso(-1) }) }, 'provider or endpoint', 'ready', []],
  ['ready', {}, 'upload()', { type: 'upload' }, 'page URL only', 'queued', ['enqueue']],
  ['ready', { url: url({ expiry: iso(-1) }) }, 'expiry passes', { type: 'clock', url: url({ expiry: iso(-1) }) }, 'page URL only', 'expired', ['url-expired (clock)']],
  ['ready', {}, 'expiry passes', { type: 'clock', url: url({ expiry: iso(-1) }) }, 'provider or endpoint', 'ready', ['url-expired (clock)']],
  ['ready', {}, 'answer arrives', failure(409, 'used'), 'page URL only', 'ready', []],
  ['queued', { status: 'queued' }, 'slot free, URL good', { type: 'start', url: url() }, 'page URL only', 'uploading', ['upload-start', 'send']],
  ['queued', { status: 'queued' }, 'slot free, no URL', { type: 'start' }, 'page URL only', 'error', ['upload-error (config)']],
  ['queued', { status: 'queued' }, 'slot free, no URL', { type: 'start' }, 'provider or endpoint', 'uploading', ['fetch-url']],
  ['queued', { status: 'queued' }, 'slot free, URL past expiry', { type: 'start', url: url({ expiry: iso(-1) }) }, 'page URL only', 'expired', ['url-expired (clock)']],
  ['queued', { status: 'queued' }, 'slot free, URL past expiry', { type: 'start', url: url({ expiry: iso(-1) }) }, 'provider or endpoint', 'uploading', ['url-expired (clock)', 'fetch-url']],
  ['queued', { status: 'queued' }, 'slot free, URL expiring in 30 s', { type: 'start', url: url({ expiry: iso(30_000) }) }, 'provider or endpoint', 'uploading', ['fetch-url']],
  ['queued', { status: 'queued' }, 'slot free, URL expiring in 30 s', { type: 'start', url: url({ expiry: iso(30_000) }) }, 'page URL only', 'uploading', ['upload-start', 'send']],
  ['queued', { status: 'queued' }, 'slot free, URL spent on this page', { type: 'start', url: url({ used: true }) }, 'page URL only', 'used', ['url-used (client)']],
  ['queued', { status: 'queued' }, 'slot free, URL spent on this page', { type: 'start', url: url({ used: true }) }, 'provider or endpoint', 'uploading', ['url-used (client)', 'fetch-url']],
  ['queued', { status: 'queued' }, 'slot free, another file is sending to the URL', { type: 'start', url: url({ sendingElsewhere: true }) }, 'page URL only', 'used', ['url-used (client)']],
  ['queued', { status: 'queued' }, 'slot free, host said expired', { type: 'start', url: url({ expired: true }) }, 'page URL only', 'expired', ['url-expired (server)']],
  ['queued, URL already announced', { status: 'queued', url: url({ expiry: iso(-1) }), announced: url().uploadURL }, 'slot free, same URL past expiry', { type: 'start', url: url({ expiry: iso(-1) }) }, 'page URL only', 'expired', []],
  ['queued', { status: 'queued' }, 'slot free, another file’s try to the URL got no answer', { type: 'start', url: url({ outcomeUnknown: true }) }, 'provider or endpoint', 'uploading', ['fetch-url']],
  ['queued', { status: 'queued' }, 'slot free, another file’s try to the URL got no answer', { type: 'start', url: url({ outcomeUnknown: true }) }, 'page URL only', 'uploading', ['upload-start', 'send']],
  ['queued, own try unanswered', { status: 'queued', url: url({ outcomeUnknown: true }) }, 'slot free, its own URL', { type: 'start', url: url({ outcomeUnknown: true }) }, 'provider or endpoint', 'uploading', ['upload-start', 'send']],
  ['queued', { status: 'queued' }, 'slot free, URL good', { type: 'start', url: url() }, 'host not allowed', 'error', ['upload-error (config)']],
  ['queued', { status: 'queued' }, 'slot free, URL good', { type: 'start', url: url() }, 'offline', 'uploading', ['wait-online']],
  ['queued', { status: 'queued' }, 'cancel()', { type: 'cancel' }, 'page URL only', 'error', ['abort', 'upload-error (aborted)']],
  ['queued', { status: 'queued' }, 'upload()', { type: 'upload' }, 'page URL only', 'queued', []],
  ['uploading', { status: 'uploading', url: url() }, 'back online', { type: 'online' }, 'page URL only', 'uploading', ['upload-start', 'send']],
  ['uploading', { status: 'uploading' }, 'fresh URL arrives', { type: 'url-fetched', url: fresh }, 'provider or endpoint', 'uploading', ['adopt-url', 'url-refreshed', 'upload-start', 'send']],
  ['uploading', { status: 'uploading' }, 'fresh URL arrives, already used', { type: 'url-fetched', url: { ...fresh, used: true } }, 'provider or endpoint', 'error', ['adopt-url', 'url-refreshed', 'upload-error (config)']],
  ['uploading', { status: 'uploading' }, 'fresh URL cannot be had', { type: 'url-fetch-failed', cause: 'HTTP 500' }, 'provider or endpoint', 'error', ['upload-error (config)']],
  ['uploading', { status: 'uploading', url: url() }, 'stored', { type: 'sent', result: { kind: 'success', image: { id: 'image-1', variants: [] } } }, 'page URL only', 'success', ['record used', 'upload-success']],
  ['uploading', { status: 'uploading', url: url() }, 'host: expired', failure(400, 'expired'), 'page URL only', 'expired', ['record expired', 'url-expired (server)']],
  ['uploading', { status: 'uploading', url: url() }, 'host: expired', failure(400, 'expired'), 'provider or endpoint', 'uploading', ['record expired', 'url-expired (server)', 'fetch-url']],
  ['uploading, refreshed once', { status: 'uploading', url: url(), refreshedAfterRefusal: true }, 'host: expired', failure(400, 'expired'), 'provider or endpoint', 'expired', ['record expired', 'url-expired (server)']],
  ['uploading', { status: 'uploading', url: url() }, 'host: used', failure(409, 'used'), 'page URL only', 'used', ['record used', 'url-used (server)']],
  ['uploading', { status: 'uploading', url: url() }, 'host: used', failure(409, 'used'), 'provider or endpoint', 'uploading', ['record used', 'url-used (server)', 'fetch-url']],
  ['uploading', { status: 'uploading', url: url() }, 'host: used, after a try with no answer', failure(409, 'used', 1), 'provider or endpoint', 'used', ['record used', 'url-used (server, maybeStored)']],
  ['uploading, earlier try unanswered', { status: 'uploading', url: url({ outcomeUnknown: true }) }, 'host: used', failure(409, 'used'), 'page URL only', 'used', ['record used', 'url-used (server, maybeStored)']],
  ['uploading', { status: 'uploading', url: url() }, 'no readable answer, after retries', failure(0, 'network'), 'provider or endpoint', 'uploading', ['record outcomeUnknown', 'record expired', 'url-expired (server, uncertain)', 'fetch-url']],
  ['uploading', { status: 'uploading', url: url() }, 'no readable answer, after retries', failure(0, 'network'), 'page URL only', 'error', ['record outcomeUnknown', 'upload-error (network)']],
  ['uploading', { status: 'uploading', url: url() }, 'no readable answer, after retries', failure(0, 'network'), 'offline', 'uploading', ['record outcomeUnknown', 'wait-online']],
  ['uploading', { status: 'uploading', url: url() }, 'host: 413', failure(413, 'rejected'), 'page URL only', 'error', ['upload-error (rejected)']],
  ['uploading', { status: 'uploading', url: url() }, 'host: 503, after retries', failure(503, 'server'), 'page URL only', 'error', ['upload-error (server)']],
  ['uploading', { status: 'uploading', url: url() }, '2xx that is not Cloudflare’s', { type: 'sent', result: { kind: 'unexpected', status: 200 } }, 'page URL only', 'error', ['upload-error (server)']],
  ['uploading', { status: 'uploading', url: url() }, 'no progress for stall-timeout', { type: 'sent', result: { kind: 'stalled' } }, 'page URL only', 'error', ['record outcomeUnknown', 'upload-error (timeout)']],
  ['uploading', { status: 'uploading', url: url() }, 'connection lost mid-request', { type: 'sent', result: { kind: 'offline' } }, 'offline', 'uploading', ['record outcomeUnknown', 'wait-online']],
  ['uploading', { status: 'uploading', url: url() }, 'cancel()', { type: 'cancel' }, 'page URL only', 'error', ['abort', 'upload-error (aborted)']],
  ['uploading, request out', { status: 'uploading', url: url(), sending: true }, 'cancel()', { type: 'cancel' }, 'page URL only', 'error', ['abort', 'record outcomeUnknown', 'upload-error (aborted)']],
  ['uploading', { status: 'uploading', url: url() }, 'expiry passes', { type: 'clock', url: url({ expiry: iso(-1) }) }, 'page URL only', 'uploading', []],
  ['success', { status: 'success', url: url({ used: true }) }, 'upload()', { type: 'upload' }, 'page URL only', 'queued', ['enqueue']],
  ['success', { status: 'success', url: url({ used: true }) }, 'expiry passes', { type: 'clock', url: url({ expiry: iso(-1) }) }, 'page URL only', 'success', []],
  ['error', { status: 'error', url: url() }, 'upload()', { type: 'upload' }, 'page URL only', 'queued', ['enqueue']],
  ['error', { status: 'error', url: url() }, 'expiry passes', { type: 'clock', url: url({ expiry: iso(-1) }) }, 'page URL only', 'expired', ['url-expired (clock)']],
  ['error', { status: 'error', url: url() }, 'page sets upload-url', { type: 'url-given', manual: false }, 'page URL only', 'error', []],
  ['expired', { status: 'expired', url: url({ expired: true }) }, 'page sets upload-url', { type: 'url-given', manual: false }, 'page URL only', 'queued', ['enqueue']],
  ['expired', { status: 'expired', url: url({ expired: true }) }, 'page sets upload-url (manual)', { type: 'url-given', manual: true }, 'page URL only', 'ready', []],
  ['expired', { status: 'expired', url: url({ expiry: iso(-1) }) }, 'expiry passes', { type: 'clock', url: url({ expiry: iso(-1) }) }, 'page URL only', 'expired', ['url-expired (clock)']],
  ['expired', { status: 'expired', url: url({ expired: true }) }, 'upload()', { type: 'upload' }, 'provider or endpoint', 'queued', ['enqueue']],
  ['used', { status: 'used', url: url({ used: true }) }, 'page sets upload-url', { type: 'url-given', manual: false }, 'page URL only', 'queued', ['enqueue']],
  ['used', { status: 'used', url: url({ used: true }) }, 'upload()', { type: 'upload' }, 'provider or endpoint', 'queued', ['enqueue']],
  ['used', { status: 'used', url: url({ used: true }) }, 'cancel()', { type: 'cancel' }, 'page URL only', 'used', []],
];

/** @returns {Row[]} */
export function lifecycleRows() {
  return rows.map(([stateName, state, eventName, event, when, status, effects]) => ({
    state: stateName,
    event: eventName,
    when,
    status,
    effects,
    input: {
      state: { status: 'ready', refreshedAfterRefusal: false, announced: '', message: '', ...state },
      event,
      world: { now, online: true, refreshMargin: 60_000, stallTimeout: 30_000, policy: allowed, ...worlds[when] },
    },
  }));
}

/** Effects in the words the table uses. */
export function describeEffect(/** @type {any} */ effect) {
  if (effect.type === 'record') return `record ${effect.fact}`;
  if (effect.type !== 'emit') return effect.type;
  const { name, detail } = effect;
  if (name === 'upload-error') return `upload-error (${detail.reason})`;
  if (name === 'url-expired') return `url-expired (${detail.detectedBy}${detail.certain ? '' : ', uncertain'})`;
  if (name === 'url-used') return `url-used (${detail.detectedBy}${detail.maybeStored ? ', maybeStored' : ''})`;
  return name;
}

/** The rows as the README's Markdown table. */
export function lifecycleMarkdown() {
  const lines = ['| status | event | element can | → status | effects |', '| --- | --- | --- | --- | --- |'];
  for (const row of lifecycleRows()) {
    lines.push(`| \`${row.state}\` | ${row.event} | ${row.when} | \`${row.status}\` | ${row.effects.join(', ') || '—'} |`);
  }
  return lines.join('\n');
}
