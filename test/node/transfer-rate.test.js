// @ts-check
/** Upload speed and time left, as upload-progress reports them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransferRate } from '../../src/transfer-rate.js';

const MB = 1_000_000;

test('nothing is reported until half a second after the first progress event', () => {
  const rate = new TransferRate();
  assert.deepEqual(rate.sample(0, 10 * MB, 0), { bytesPerSecond: null, secondsLeft: null });
  assert.deepEqual(rate.sample(100_000, 10 * MB, 100), { bytesPerSecond: null, secondsLeft: null });
  assert.deepEqual(rate.sample(400_000, 10 * MB, 400), { bytesPerSecond: null, secondsLeft: null });
  const known = rate.sample(500_000, 10 * MB, 500);
  assert.equal(known.bytesPerSecond, MB);
  assert.equal(known.secondsLeft, 10);
});

test('the first event’s burst (buffers filling) is not taken for the link’s speed', () => {
  const rate = new TransferRate();
  rate.sample(5 * MB, 10 * MB, 10);
  assert.deepEqual(rate.sample(6 * MB, 10 * MB, 1010), { bytesPerSecond: MB, secondsLeft: 4 });
});

test('a steady 1 MB/s upload reads 1 MB/s, and time left counts down', () => {
  const rate = new TransferRate();
  rate.sample(0, 10 * MB, 0);
  const table = [
    // [ms, bytes sent, seconds left]
    [1000, 1 * MB, 9],
    [2000, 2 * MB, 8],
    [5000, 5 * MB, 5],
    [9500, 9.5 * MB, 1],
  ];
  for (const [at, bytes, left] of table) {
    const { bytesPerSecond, secondsLeft } = rate.sample(bytes, 10 * MB, at);
    assert.equal(bytesPerSecond, MB, `at ${at} ms`);
    assert.equal(secondsLeft, left, `at ${at} ms`);
  }
});

test('a burst does not swing the figure: one 50 ms chunk at 20 MB/s moves it a little', () => {
  const rate = new TransferRate();
  rate.sample(0, 20 * MB, 0);
  rate.sample(4 * MB, 20 * MB, 4000);
  const { bytesPerSecond } = rate.sample(5 * MB, 20 * MB, 4050);
  assert.ok(bytesPerSecond !== null && bytesPerSecond > MB && bytesPerSecond < 1.5 * MB, `got ${bytesPerSecond}`);
});

test('when the link slows from 1 MB/s to 100 kB/s, the figure follows within a few seconds', () => {
  const rate = new TransferRate();
  rate.sample(0, 20 * MB, 0);
  rate.sample(5 * MB, 20 * MB, 5000);
  let last = rate.sample(5 * MB, 20 * MB, 5000);
  for (let s = 1; s <= 8; s += 1) last = rate.sample(5 * MB + s * 100_000, 20 * MB, 5000 + s * 1000);
  assert.ok(last.bytesPerSecond !== null && last.bytesPerSecond < 200_000, `still ${last.bytesPerSecond} B/s after 8 s`);
});

test('no progress for a while reads as slower, never negative, never a division by zero', () => {
  const rate = new TransferRate();
  rate.sample(0, 10 * MB, 0);
  rate.sample(MB, 10 * MB, 1000);
  const stalled = rate.sample(MB, 10 * MB, 3000);
  assert.ok(stalled.bytesPerSecond !== null && stalled.bytesPerSecond > 0 && stalled.bytesPerSecond < MB);
  const zero = new TransferRate();
  zero.sample(0, 10 * MB, 0);
  assert.deepEqual(zero.sample(0, 10 * MB, 1000), { bytesPerSecond: null, secondsLeft: null });
});

test('the last byte sent means no time left, even when it is the first event', () => {
  const rate = new TransferRate();
  assert.deepEqual(rate.sample(10 * MB, 10 * MB, 200), { bytesPerSecond: null, secondsLeft: 0 });
  const steady = new TransferRate();
  steady.sample(0, 10 * MB, 0);
  assert.deepEqual(steady.sample(10 * MB, 10 * MB, 200), { bytesPerSecond: 50 * MB, secondsLeft: 0 });
});

test('samples out of order (same instant, or fewer bytes) are ignored', () => {
  const rate = new TransferRate();
  rate.sample(0, 10 * MB, 0);
  rate.sample(MB, 10 * MB, 1000);
  assert.deepEqual(rate.sample(MB, 10 * MB, 1000), { bytesPerSecond: MB, secondsLeft: 9 });
  assert.deepEqual(rate.sample(500_000, 10 * MB, 1100), { bytesPerSecond: MB, secondsLeft: 10 });
});
