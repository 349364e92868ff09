/** What an element leaves behind once it is gone: timers, listeners, object URLs, events. */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { DirectUploadElement } from '../../src/index.js';
import { emulatorHost, mintUploadURL, misbehave, waitForUploads } from './emulator.js';
import { recordEvents } from './events.js';
import { galleryProvider, image, posts } from './gallery-helpers.js';
import { watchListeners, watchTimers } from './reliability.js';

/** An element in the page, made by hand so that nothing else keeps it. */
async function element(setUp: (el: DirectUploadElement) => void = () => {}) {
  const el = document.createElement('direct-upload');
  el.uploadHosts = await emulatorHost();
  setUp(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/**
 * A bit of everything an element does: an upload, one through 5xx retries, one cancelled mid-request,
 * a gallery of three, and a URL expiring in an hour; then every element removed.
 */
async function workload() {
  const plain = await mintUploadURL();
  const one = await element((el) => {
    el.uploadURL = plain.uploadURL;
    el.expiry = new Date(Date.now() + 3_600_000).toISOString();
    // Long, so that a stall timer left running would still be pending when the test looks.
    el.stallTimeout = 60_000;
  });
  await one.selectFile(image('plain.png'));

  const flaky = await mintUploadURL();
  await misbehave(flaky.id, { failWith: 503, times: 2 });
  one.uploadURL = flaky.uploadURL;
  await one.selectFile(image('flaky.png'));

  const stuck = await mintUploadURL();
  await misbehave(stuck.id, { stallAfterBytes: 0 });
  one.uploadURL = stuck.uploadURL;
  const stopped = one.selectFile(image('stuck.png', 64 * 1024));
  await waitForUploads(stuck.id, (rs) => rs.some((r) => r.method === 'POST'), 'no POST');
  one.cancel();
  await stopped;

  const { provider } = galleryProvider();
  const many = await element((el) => {
    el.multiple = true;
    el.uploadURLProvider = provider;
    el.stallTimeout = 60_000;
  });
  await many.selectFiles([image('a.png'), image('b.png'), image('c.png')]);

  const inFlight = await mintUploadURL();
  await misbehave(inFlight.id, { stallAfterBytes: 0 });
  one.uploadURL = inFlight.uploadURL;
  void one.selectFile(image('left-uploading.png', 64 * 1024));
  await waitForUploads(inFlight.id, (rs) => rs.some((r) => r.method === 'POST'), 'no POST');

  expect([one.status, many.status]).to.deep.equal(['uploading', 'success']);
  one.remove();
  many.remove();
  return { one, many, inFlight };
}

describe('<direct-upload> leaves nothing behind', function () {
  this.timeout(30_000);

  it('no timer of its own or of Uppy’s outlives it (Uppy’s 3 s online check aside, which ends)', async () => {
    const timers = watchTimers();
    try {
      await workload();
      // Uppy checks the connection 3 s after each instance is made, once; every other timer is cleared.
      await waitUntil(() => timers.pending().length === 0, '', { timeout: 6000, interval: 100 }).catch(() => undefined);
      expect(timers.pending(), 'timers still pending').to.deep.equal([]);
    } finally {
      timers.stop();
    }
  });

  it('no listener on window or document outlives it: every Uppy instance made for a send is destroyed', async () => {
    // Uppy's one instance that answers restriction checks for every element lives on; it is made here first.
    const warm = await element();
    await warm.selectFile(image('warm.png'));
    warm.remove();
    const listeners = watchListeners([window, document]);
    try {
      await workload();
      await aTimeout(50);
      expect(listeners.held(), 'listeners still held').to.deep.equal({});
    } finally {
      listeners.stop();
    }
  });

  it('every object URL it makes is revoked', async () => {
    const made = new Set<string>();
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = createObjectURL(object);
      made.add(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      made.delete(url);
      revokeObjectURL(url);
    };
    try {
      await workload();
      await aTimeout(50);
      expect([...made]).to.deep.equal([]);
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }
  });

  it('once removed mid-upload, it fires the abort and then nothing: no timeout, no expiry, no progress', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { stallAfterBytes: 0 });
    const el = await element((el) => {
      el.uploadURL = uploadURL;
      el.stallTimeout = 400;
      el.expiry = new Date(Date.now() + 600).toISOString();
    });
    const recorder = recordEvents(el);
    void el.selectFile(image('a.png', 64 * 1024));
    await waitForUploads(id, (rs) => rs.some((r) => r.method === 'POST'), 'no POST');
    recorder.events.length = 0;
    el.remove();
    // Past the stall timeout and the expiry both.
    await aTimeout(1200);
    expect(recorder.milestones()).to.deep.equal(['upload-error']);
    expect(recorder.of('upload-error')[0].reason).to.equal('aborted');
    expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['aborted']);
  });
});
