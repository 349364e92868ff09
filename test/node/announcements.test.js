// @ts-check
/** When the polite live region speaks: an upload's start, each quarter, its success; nothing else. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { announce } from '../../src/announcements.js';

/** @typedef {import('../../src/status.js').UploadStatus} Status */

/**
 * Feeds a run of moments and returns those spoken.
 * @param {[Status, number][]} moments
 */
function spoken(moments) {
  /** @type {import('../../src/announcements.js').Said | undefined} */
  let said;
  const out = [];
  for (const [status, percent] of moments) {
    const next = announce(said, { status, percent });
    said = next.said;
    if (next.speak) out.push(`${status} ${percent}`);
  }
  return out;
}

describe('announcements', () => {
  // prettier-ignore
  /** @type {[string, [Status, number][], string[]][]} */
  const table = [
    ['a slow upload: start, every quarter, success', [['validating', 0], ['uploading', 0], ...Array.from({ length: 100 }, (_, i) => /** @type {[Status, number]} */ (['uploading', i + 1])), ['success', 100]], ['uploading 0', 'uploading 25', 'uploading 50', 'uploading 75', 'success 100']],
    ['a burst: half the file at once speaks once for 50', [['uploading', 0], ['uploading', 52], ['uploading', 60], ['uploading', 100], ['success', 100]], ['uploading 0', 'uploading 52', 'success 100']],
    ['100 % is not a quarter of its own: success says it', [['uploading', 80], ['uploading', 100], ['success', 100]], ['uploading 80', 'success 100']],
    ['checking, ready and idle are not spoken', [['idle', 0], ['validating', 0], ['ready', 0], ['idle', 0]], []],
    ['an error is not spoken here (the alert region says it), and the retry starts afresh', [['uploading', 0], ['uploading', 30], ['error', 30], ['uploading', 0], ['success', 100]], ['uploading 0', 'uploading 30', 'uploading 0', 'success 100']],
    ['waiting for a new URL mid-upload, then going on, announces the new start', [['uploading', 40], ['expired', 40], ['uploading', 0], ['uploading', 26]], ['uploading 40', 'uploading 0', 'uploading 26']],
    ['success stays said once, however many renders', [['uploading', 0], ['success', 100], ['success', 100], ['success', 100]], ['uploading 0', 'success 100']],
    ['a second image after a success is announced', [['uploading', 0], ['success', 100], ['validating', 0], ['uploading', 0], ['success', 100]], ['uploading 0', 'success 100', 'uploading 0', 'success 100']],
    ['progress that goes back (a new try) does not re-announce a quarter', [['uploading', 60], ['uploading', 10], ['uploading', 60], ['uploading', 76]], ['uploading 60', 'uploading 76']],
  ];
  for (const [name, moments, expected] of table) {
    it(name, () => assert.deepEqual(spoken(moments), expected));
  }
});
