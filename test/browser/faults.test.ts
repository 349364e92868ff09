/** Faults of the link and the host, one at a time, as a person uploading would meet them. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { paddedPNG } from '../fixtures/images.js';
import { emulatorHost, isStored, mintUploadURL, misbehave, uploadRequestsFor, waitForUploads, type RequestRecord } from './emulator.js';
import { recordEvents, type Recorded } from './events.js';
import { galleryProvider, image, posts } from './gallery-helpers.js';
import { partText, uploaderFor } from './helpers.js';
import { network } from './reliability.js';

/**
 * The element's tries among the POSTs the host saw. Chromium quietly sends a request again when a
 * reused connection is reset before any answer; the element's own retries come after Uppy's delays
 * (0.15 s at least), so a POST starting sooner after the last one ended is such a resend.
 */
function tries(sent: RequestRecord[]): RequestRecord[][] {
  const groups: RequestRecord[][] = [];
  for (const post of sent) {
    const last = groups.at(-1)?.at(-1);
    if (last && post.startedAt! - last.endedAt! < 100) groups.at(-1)!.push(post);
    else groups.push([post]);
  }
  return groups;
}

const png = (bytes: number, name = 'photo.png') => new File([paddedPNG(bytes)], name, { type: 'image/png' });

/** Progress as the page saw it: never backwards, the same total throughout, ending at 100. */
function expectSteadyProgress(events: Recorded[], size: number) {
  const progress = events
    .filter((e) => e.type === 'upload-progress')
    .map((e) => e.detail as { bytesUploaded: number; bytesTotal: number; percent: number });
  expect(progress.length, 'progress events').to.be.above(0);
  expect([...new Set(progress.map((p) => p.bytesTotal))], 'bytesTotal').to.deep.equal([size]);
  progress.forEach((p, i) => {
    if (i === 0) return;
    expect(p.bytesUploaded, `bytes went back at event ${i}: ${progress.map((q) => q.bytesUploaded).join(', ')}`).to.be.at.least(
      progress[i - 1].bytesUploaded,
    );
    expect(p.percent, `percent went back at event ${i}`).to.be.at.least(progress[i - 1].percent);
  });
  expect(progress.at(-1)).to.include({ bytesUploaded: size, percent: 100 });
  return progress;
}

describe('<direct-upload> under faults of the link and the host', () => {
  describe('a connection reset part-way through the body', () => {
    const size = 1024 * 1024;
    for (const percent of [0, 50, 99]) {
      it(`at ${percent} %, once: sent again, and the host stores every byte`, async () => {
        const { uploadURL, id } = await mintUploadURL();
        await misbehave(id, { resetAfterBytes: Math.floor((size * percent) / 100), times: 1 });
        const el = await uploaderFor(uploadURL);
        const recorder = recordEvents(el);
        const file = png(size);
        expect(await el.selectFile(file)).to.equal(true);
        expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'upload-success']);
        const tries = await posts(id);
        expect(
          tries.map((r) => r.outcome),
          JSON.stringify(tries),
        ).to.deep.equal(['aborted', 'complete']);
        expect(tries[1].files.map((f) => f.bytes)).to.deep.equal([size]);
        const [success] = recorder.of('upload-success');
        const delivered = await fetch(success.variants[0]);
        expect((await delivered.arrayBuffer()).byteLength).to.equal(size);
        expect(recorder.of('upload-progress').at(-1)).to.include({ bytesUploaded: size, bytesTotal: size, percent: 100 });
      });

      it(`at ${percent} %, every time: four tries, then upload-error network, and nothing stored`, async () => {
        const { uploadURL, id } = await mintUploadURL();
        await misbehave(id, { resetAfterBytes: Math.floor((size * percent) / 100) });
        const el = await uploaderFor(uploadURL);
        const recorder = recordEvents(el);
        await el.selectFile(png(size));
        expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'upload-error']);
        const [error] = recorder.of('upload-error');
        expect([error.reason, error.status]).to.deep.equal(['network', undefined]);
        const sent = await posts(id);
        expect([...new Set(sent.map((r) => r.outcome))]).to.deep.equal(['aborted']);
        expect(tries(sent), 'tries, each a POST and any resends of it').to.have.length(4);
        expect(await isStored(id)).to.equal(false);
        expect(el.status).to.equal('error');
        expect(el.file, 'the file is kept for another try').to.not.equal(null);
      });
    }
  });

  describe('5xx answers', () => {
    for (const status of [500, 502, 503]) {
      it(`${status} every time: three retries, then upload-error server with the status and Cloudflare's code`, async () => {
        const { uploadURL, id } = await mintUploadURL();
        await misbehave(id, { failWith: status });
        const el = await uploaderFor(uploadURL);
        const recorder = recordEvents(el);
        await el.selectFile(image('dot.png'));
        expect(recorder.of('upload-error')).to.deep.equal([
          {
            file: el.file,
            reason: 'server',
            status,
            code: 5500,
            message: `The upload server failed (HTTP ${status}): Error ${status}: the emulator was told to fail this upload. Try again later.`,
          },
        ]);
        expect((await posts(id)).map((r) => r.status)).to.deep.equal([status, status, status, status]);
      });

      it(`${status} twice, then stored: one upload-start, one upload-success`, async () => {
        const { uploadURL, id } = await mintUploadURL();
        await misbehave(id, { failWith: status, times: 2 });
        const el = await uploaderFor(uploadURL);
        const recorder = recordEvents(el);
        await el.selectFile(image('dot.png'));
        expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'upload-success']);
        expect((await posts(id)).map((r) => r.status)).to.deep.equal([status, status, 200]);
      });
    }

    it('a proxy’s HTML 502 page: retried, then upload-error server with the status and no code', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 502, htmlError: true });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(image('dot.png'));
      expect(recorder.of('upload-error')).to.deep.equal([
        { file: el.file, reason: 'server', status: 502, code: undefined, message: 'The upload server failed (HTTP 502). Try again later.' },
      ]);
      expect(await posts(id)).to.have.length(4);
    });

    it('a 5xx is not taken for a spent URL: with a provider, no fresh URL is fetched', async () => {
      const { provider, given } = galleryProvider(() => ({ failWith: 503 }));
      const el = await fixture<DirectUploadElement>(html`<direct-upload upload-hosts=${await emulatorHost()}></direct-upload>`);
      el.uploadURLProvider = provider;
      const recorder = recordEvents(el);
      await el.selectFile(image('dot.png'));
      expect(given).to.have.length(1);
      expect(recorder.of('url-refreshed')).to.have.length(1);
      expect(recorder.of('upload-error').map((e) => [e.reason, e.status])).to.deep.equal([['server', 503]]);
      expect(await posts(given[0].id)).to.have.length(4);
    });
  });

  it('a host that stops taking bytes mid-body: upload-error timeout, progress stopped short, nothing stored', async () => {
    const { uploadURL, id } = await mintUploadURL();
    // Longer than the stall timeout: the host reads on only after the element gave up.
    await misbehave(id, { pauseAfterBytes: 0, pauseMs: 4000 });
    const el = await uploaderFor(uploadURL);
    el.stallTimeout = 1000;
    const recorder = recordEvents(el);
    const progressAt: number[] = [];
    el.addEventListener('upload-progress', () => progressAt.push(performance.now()));
    let errorAt = 0;
    el.addEventListener('upload-error', () => (errorAt = performance.now()));
    // Larger than what the two ends' socket buffers hold, so the sender's progress must stop.
    await el.selectFile(png(9.5 * 1024 * 1024));
    expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'upload-error']);
    expect(recorder.of('upload-error')[0].reason).to.equal('timeout');
    const last = recorder.of('upload-progress').at(-1);
    if (last) expect(last.percent).to.be.below(100);
    const quiet = errorAt - (progressAt.at(-1) ?? errorAt - 1000);
    // Progress is reported once per frame, so the last report may trail the last byte a little.
    expect(quiet, 'ms from the last progress to the timeout').to.be.at.least(1000 - 100);
    const [attempt] = await waitForUploads(
      id,
      (rs) => rs.some((r) => r.method === 'POST' && r.outcome !== 'pending'),
      'the host never saw the end of the request',
    );
    expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['aborted']);
    expect(attempt.kind).to.equal('upload');
    expect(await isStored(id)).to.equal(false);
  });

  it('a slow host (50 KB/s): the upload completes, its progress never goes back', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 50_000 });
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const size = 150 * 1024;
    await el.selectFile(png(size));
    expect(el.status).to.equal('success');
    expectSteadyProgress(recorder.events, size);
    expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['complete']);
  });

  describe("the browser's own network emulation", () => {
    // Fail-safe: a test that stops half-way must not leave the page throttled or offline.
    afterEach(() => network({}));

    it('a 50 KB/s link: the upload completes though it outlasts stall-timeout, its progress steady', async function () {
      const throttled = await network({ uploadBytesPerSecond: 50_000 });
      if (!throttled.supported) this.skip();
      const { uploadURL } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      // About 3 s in all, but never 1.5 s without progress.
      el.stallTimeout = 1500;
      const recorder = recordEvents(el);
      const size = 150 * 1024;
      await el.selectFile(png(size));
      await network({});
      expect(recorder.of('upload-error')).to.deep.equal([]);
      expect(el.status).to.equal('success');
      const progress = expectSteadyProgress(recorder.events, size);
      const between = new Set(progress.map((p) => p.percent).filter((p) => p > 0 && p < 100));
      expect(between.size, `percents reported: ${progress.map((p) => p.percent).join(', ')}`).to.be.at.least(5);
    });

    it('offline mid-upload: the request stops, the element waits and says so, then sends again and stores', async function () {
      const { uploadURL, id } = await mintUploadURL();
      // The first try gets no answer, so it is still out when the connection goes.
      await misbehave(id, { stallAfterBytes: 0, times: 1 });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      const done = el.selectFile(image('dot.png'));
      await waitForUploads(id, (rs) => rs.some((r) => r.method === 'POST'), 'the upload never started');
      const wentOffline = new Promise<void>((resolve) => window.addEventListener('offline', () => resolve(), { once: true }));
      const back = network({ offlineForMs: 800 });
      const seen = await Promise.race([wentOffline.then(() => 'offline'), back.then(() => 'answered')]);
      if (seen === 'answered') {
        const answer = await back;
        if (!answer.supported) this.skip();
      }
      await el.updateComplete;
      const whileOffline = { online: navigator.onLine, status: el.status, text: partText(el, 'status') };
      await back;
      await done;
      expect(whileOffline).to.deep.equal({
        online: false,
        status: 'uploading',
        text: 'Offline: the upload will go on when the connection is back.',
      });
      expect(el.status).to.equal('success');
      expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'upload-start', 'upload-success']);
      expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['aborted', 'complete']);
    });

    it('a file chosen while offline waits, sends nothing, and goes once the connection is back', async function () {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      const wentOffline = new Promise<void>((resolve) => window.addEventListener('offline', () => resolve(), { once: true }));
      const back = network({ offlineForMs: 800 });
      const seen = await Promise.race([wentOffline.then(() => 'offline'), back.then(() => 'answered')]);
      if (seen === 'answered') {
        const answer = await back;
        if (!answer.supported) this.skip();
      }
      const done = el.selectFile(image('dot.png'));
      await waitUntil(() => el.status === 'uploading', 'the file was not taken');
      const startsWhileOffline = recorder.of('upload-start').length;
      await back;
      await done;
      expect(startsWhileOffline, 'upload-start while offline').to.equal(0);
      expect(el.status).to.equal('success');
      expect((await uploadRequestsFor(id)).filter((r) => r.method === 'POST').map((r) => r.outcome)).to.deep.equal(['complete']);
    });
  });
});
