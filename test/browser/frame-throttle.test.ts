import { expect, nextFrame } from '@open-wc/testing';
import { FrameThrottle } from '../../src/frame-throttle.js';

describe('progress throttle', () => {
  it('passes on the latest of many reports in one frame, once', async () => {
    const seen: number[] = [];
    const throttle = new FrameThrottle((bytesUploaded) => seen.push(bytesUploaded));
    await nextFrame();
    // XMLHttpRequest may report several times within one frame.
    for (const bytes of [1000, 2000, 3000, 4000, 5000]) throttle.report(bytes, 10_000);
    expect(seen).to.deep.equal([]);
    await nextFrame();
    expect(seen).to.deep.equal([5000]);
  });

  it('on completion passes on what is pending, then a report of all the bytes', () => {
    const seen: number[] = [];
    const throttle = new FrameThrottle((bytesUploaded) => seen.push(bytesUploaded));
    throttle.report(4000, 10_000);
    throttle.complete(10_000);
    expect(seen).to.deep.equal([4000, 10_000]);
  });

  it('drops what is pending when stopped', async () => {
    const seen: number[] = [];
    const throttle = new FrameThrottle((bytesUploaded) => seen.push(bytesUploaded));
    throttle.report(4000, 10_000);
    throttle.stop();
    await nextFrame();
    await nextFrame();
    expect(seen).to.deep.equal([]);
  });
});
