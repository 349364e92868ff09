// @ts-check
/**
 * The element's status summed over the files it holds, summarise(holdings), as a decision table:
 * a check under way first, then anything queued or sent, then a failure, then a file waiting for a
 * URL (expired before used), then one waiting for upload(), then stored; idle or expired with none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarise } from '../../src/status.js';

/** @typedef {import('../../src/status.js').Holdings} Holdings */
/** @typedef {import('../../src/url-lifecycle.js').FileStatus} FileStatus */

const none = { files: [], checking: 0, refused: false, urlExpired: false };
const status = (/** @type {Partial<Holdings>} */ holdings) => summarise({ ...none, ...holdings });

describe('summarise(holdings)', () => {
  /** @type {[string, Partial<Holdings>, string][]} */
  const table = [
    // held, holdings, status
    ['no file', {}, 'idle'],
    ['no file, the page URL expired with nothing to replace it', { urlExpired: true }, 'expired'],
    ['no file, the last choice refused', { refused: true }, 'error'],
    ['no file, the last choice refused and the page URL expired', { refused: true, urlExpired: true }, 'error'],
    ['a file being checked, none held yet', { checking: 1 }, 'validating'],
    ['a file being checked, another uploading', { checking: 1, files: ['uploading'] }, 'validating'],
    ['two files being checked, one failed and the last choice refused', { checking: 2, files: ['error'], refused: true }, 'validating'],
    ['one queued', { files: ['queued'] }, 'uploading'],
    ['one uploading, one stored', { files: ['uploading', 'success'] }, 'uploading'],
    ['one queued, one failed', { files: ['queued', 'error'] }, 'uploading'],
    ['one uploading, the last choice refused', { files: ['uploading'], refused: true }, 'uploading'],
    ['one failed, one stored', { files: ['error', 'success'] }, 'error'],
    ['the last choice refused, one stored', { refused: true, files: ['success'] }, 'error'],
    ['the last choice refused, one waits for a URL', { refused: true, files: ['expired'] }, 'error'],
    ['one failed, one waits for a URL', { files: ['expired', 'error'] }, 'error'],
    ['one waits for a URL, one stored', { files: ['expired', 'success'] }, 'expired'],
    ['one waits after "expired", one after "used"', { files: ['used', 'expired'] }, 'expired'],
    ['one waits after "used", one ready', { files: ['used', 'ready'] }, 'used'],
    ['manual: waiting for upload()', { files: ['ready', 'success'] }, 'ready'],
    ['manual: one ready, the page URL expired', { files: ['ready'], urlExpired: true }, 'ready'],
    ['all stored', { files: ['success', 'success'] }, 'success'],
    ['all stored, and the next URL expired', { files: ['success'], urlExpired: true }, 'success'],
  ];
  for (const [held, holdings, want] of table) {
    it(`${held} → ${want}`, () => assert.equal(status(holdings), want));
  }

  // Each file status against every one below it, both ways round: the higher one names the element's.
  /** @type {[FileStatus, string][]} */
  const ranks = [
    ['uploading', 'uploading'],
    ['queued', 'uploading'],
    ['error', 'error'],
    ['expired', 'expired'],
    ['used', 'used'],
    ['ready', 'ready'],
    ['success', 'success'],
  ];
  it('one file status outranks another whatever the order of the files', () => {
    for (const [i, [higher, want]] of ranks.entries()) {
      for (const [lower] of ranks.slice(i + 1)) {
        assert.equal(status({ files: [higher, lower] }), want, `${higher} then ${lower}`);
        assert.equal(status({ files: [lower, higher] }), want, `${lower} then ${higher}`);
        assert.equal(status({ files: [lower, lower, higher, lower] }), want, `${higher} among ${lower}`);
      }
    }
  });
});
