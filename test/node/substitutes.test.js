// @ts-check
/** The script-tag build's smaller stand-ins for dependency modules do what the element needs of them. */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createRequire } from 'node:module';
import mimeMatch from '../../scripts/substitutes/mime-match.js';
import { getSafeFileId } from '../../scripts/substitutes/uppy-file-id.js';
import throttle from '../../scripts/substitutes/throttle.js';

/** Node 20's mock clock reads the end of a tick inside timers, so time moves a millisecond at a time. */
const advance = (/** @type {number} */ ms) => {
  for (let i = 0; i < ms; i += 1) mock.timers.tick(1);
};

/** When the throttled function runs (ms), for calls at these times. */
function runTimes(/** @type {number[]} */ calls, wait = 500) {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
  try {
    /** @type {number[]} */
    const ran = [];
    const throttled = throttle(() => ran.push(Date.now()), wait);
    let at = 0;
    for (const time of calls) {
      advance(time - at);
      at = time;
      throttled();
    }
    advance(10 * wait);
    return ran;
  } finally {
    mock.timers.reset();
  }
}

describe('lodash/throttle stand-in (Uppy: throttle(updateTotalProgress, 500, {leading: true, trailing: true}))', () => {
  const patterns = [[0], [0, 100, 200], [0, 499, 500, 501], [0, 100, 600, 700, 1300], [0, 1000, 1001, 2600], [5, 10, 15, 20, 25, 30]];
  for (const calls of patterns) {
    it(`calls at ${calls.join(', ')} ms: the first runs at once, the last is never lost, runs are 500 ms apart`, () => {
      const ran = runTimes(calls);
      assert.equal(ran[0], calls[0], 'leading edge');
      const last = calls.at(-1) ?? 0;
      assert.ok(
        ran.some((t) => t >= last && t <= last + 500),
        `a run follows the last call within 500 ms: ${ran}`,
      );
      ran.slice(1).forEach((t, i) => assert.ok(t - ran[i] >= 500, `runs at ${ran[i]} and ${t} are too close`));
      assert.ok(ran.length <= calls.length);
    });
  }

  it('cancel() drops the pending run', () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    try {
      let runs = 0;
      const throttled = throttle(() => (runs += 1), 500);
      throttled();
      throttled();
      throttled.cancel();
      mock.timers.tick(1000);
      assert.equal(runs, 1);
    } finally {
      mock.timers.reset();
    }
  });
});

describe('@uppy locale stand-in', () => {
  it('is a locale with no strings', async () => {
    const { default: locale } = await import('../../scripts/substitutes/uppy-locale.js');
    assert.deepEqual(locale, { strings: {} });
  });
});

describe('mime-match stand-in (Uppy: does a file’s type match an accepted type?)', () => {
  const original = createRequire(import.meta.url)('mime-match');
  const types = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/heic', 'image', 'text/html', 'application/pdf', 'image/png; q=1', ''];
  const patterns = [
    'image/png',
    'image/*',
    '*/*',
    'image/svg+xml',
    'image/svg*',
    'image/*+xml',
    'text/*',
    'image/png;charset=x',
    '*',
    'image/jpeg',
  ];
  for (const type of types) {
    it(`answers as mime-match does for “${type}” against every pattern`, () => {
      for (const pattern of patterns) {
        assert.equal(mimeMatch(type, pattern), Boolean(original(type, pattern)), `${type} against ${pattern}`);
      }
    });
  }
});

describe('Uppy file id stand-in', () => {
  it('gives every file a new id, with Uppy’s instance id in front', () => {
    const ids = Array.from({ length: 100 }, () => getSafeFileId({ name: 'same.png' }, 'uppy-abc'));
    assert.equal(new Set(ids).size, 100);
    assert.ok(ids.every((id) => id.startsWith('uppy-abc-')));
  });
});
