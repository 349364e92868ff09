import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { classifyByDefault } from '../../src/classify-response.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { advanceClock, emulatorHost, isStored, mintUploadURL, misbehave, uploadRequestsFor, waitForUploads } from './emulator.js';
import { recordEvents } from './events.js';
import { partText, uploaderFor } from './helpers.js';

const dot = () => new File([onePixelPNG], 'dot.png', { type: 'image/png' });
const posts = async (id: string) => (await uploadRequestsFor(id)).filter((r) => r.method === 'POST');
const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** An element that may upload to the emulator and gets fresh URLs from `provider`. */
async function refreshingUploader(provider?: () => Promise<unknown>, options: { manual?: boolean } = {}) {
  const el = await fixture<DirectUploadElement>(
    html`<direct-upload upload-hosts=${await emulatorHost()} ?manual=${options.manual ?? false}></direct-upload>`,
  );
  if (provider) el.uploadURLProvider = provider as DirectUploadElement['uploadURLProvider'];
  return el;
}

/** A provider that mints URLs through the backend and remembers what it gave. */
function countingProvider(shape: 'ours' | 'envelope' | 'string' = 'ours') {
  const given: { uploadURL: string; id: string; expiry: string }[] = [];
  const provider = async () => {
    const fresh = await mintUploadURL();
    given.push(fresh);
    if (shape === 'string') return fresh.uploadURL;
    if (shape === 'envelope') return { result: { id: fresh.id, uploadURL: fresh.uploadURL }, success: true, errors: [], messages: [] };
    return fresh;
  };
  return { provider, given };
}

describe('<direct-upload> one-time URL lifecycle', () => {
  describe('expiry by the clock', () => {
    it('fires url-expired when the expiry passes, even while idle, and sends nothing there', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      const expiry = secondsFromNow(0.3);
      el.expiry = expiry;
      const expired = await oneEvent(el, 'url-expired');
      expect(expired.detail).to.deep.equal({ file: null, uploadURL, expiry, detectedBy: 'clock', certain: true });
      expect(el.status).to.equal('expired');

      const file = dot();
      const recorder = recordEvents(el);
      expect(await el.selectFile(file)).to.equal(true);
      expect(recorder.milestones()).to.deep.equal(['file-accepted', 'url-expired']);
      expect(el.status).to.equal('expired');
      expect(el.file).to.equal(file);
      await el.updateComplete;
      // A new link is the page's to give; the person sees a neutral wait, not an error.
      expect(partText(el, 'status')).to.equal('Getting ready to upload…');
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
    });

    it('resumes with the same file when the page sets a new upload-url', async () => {
      const old = await mintUploadURL();
      const el = await uploaderFor(old.uploadURL);
      el.expiry = secondsFromNow(-1);
      await el.updateComplete;
      const file = dot();
      await el.selectFile(file);
      expect(el.status).to.equal('expired');
      const fresh = await mintUploadURL();
      const success = oneEvent(el, 'upload-success');
      el.uploadURL = fresh.uploadURL;
      el.expiry = fresh.expiry;
      expect((await success).detail.file).to.equal(file);
      expect(await posts(fresh.id)).to.have.length(1);
      expect(await uploadRequestsFor(old.id)).to.deep.equal([]);
    });

    it('with manual, a new upload-url makes the file ready rather than sending it', async () => {
      const old = await mintUploadURL();
      const el = await uploaderFor(old.uploadURL, { manual: true });
      el.expiry = secondsFromNow(-1);
      await el.selectFile(dot());
      await el.upload();
      expect(el.status).to.equal('expired');
      const fresh = await mintUploadURL();
      el.uploadURL = fresh.uploadURL;
      el.expiry = fresh.expiry;
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(await uploadRequestsFor(fresh.id)).to.deep.equal([]);
    });
  });

  describe('URLs already used', () => {
    it('a URL one element uploaded to is spent for every element on the page', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await (await uploaderFor(uploadURL)).selectFile(dot());
      const second = await uploaderFor(uploadURL);
      const recorder = recordEvents(second);
      await second.selectFile(dot());
      expect(recorder.milestones()).to.deep.equal(['file-accepted', 'url-used']);
      expect(recorder.of('url-used')).to.deep.equal([{ file: recorder.of('file-accepted')[0].file, uploadURL, detectedBy: 'client' }]);
      expect(second.status).to.equal('used');
      expect(await posts(id)).to.have.length(1);
    });

    it('the same element does not send a second file to a spent URL', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      await el.selectFile(dot());
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('url-used')).to.deep.equal([{ file: recorder.of('file-accepted')[0].file, uploadURL, detectedBy: 'client' }]);
      expect(await posts(id)).to.have.length(1);
    });
  });

  describe('what the upload host says', () => {
    it('an expired answer fires url-expired from the server and keeps the file', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await advanceClock(31 * 60_000);
      try {
        await el.selectFile(dot());
      } finally {
        await advanceClock(-31 * 60_000);
      }
      expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'url-expired']);
      expect(recorder.of('url-expired')).to.deep.equal([{ file: el.file, uploadURL, expiry: null, detectedBy: 'server', certain: true }]);
      expect(el.status).to.equal('expired');
      expect(el.file?.name).to.equal('dot.png');
      expect(await posts(id)).to.have.length(1);
    });

    it('a used answer fires url-used from the server', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { answerUsed: true });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('url-used')).to.deep.equal([{ file: el.file, uploadURL, detectedBy: 'server' }]);
      expect(recorder.of('upload-error')).to.deep.equal([]);
      expect(el.status).to.equal('used');
    });

    it('the classifier can be overridden', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 403 });
      const el = await uploaderFor(uploadURL);
      const seen: unknown[] = [];
      el.classifyResponse = (response) => {
        seen.push(response);
        return response.status === 403 ? 'expired' : undefined;
      };
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('url-expired').map((e) => e.detectedBy)).to.deep.equal(['server']);
      expect(seen).to.deep.equal([
        {
          status: 403,
          errors: [{ code: 5400, message: 'Error 403: the emulator was told to fail this upload' }],
          body: {
            result: null,
            success: false,
            errors: [{ code: 5400, message: 'Error 403: the emulator was told to fail this upload' }],
            messages: [],
          },
        },
      ]);
    });

    it('classifies by status and by Cloudflare’s message', () => {
      const answer = (status: number, code?: number, message?: string) =>
        classifyByDefault({ status, errors: code || message ? [{ code, message }] : [], body: undefined });
      expect([
        answer(410),
        answer(400, 5400, 'Upload URL expired'),
        answer(409),
        answer(400, 5400, 'Image already uploaded'),
        answer(403, 5400, 'This URL was consumed'),
        answer(413),
        answer(400, 5413),
        answer(415),
        answer(400, 5455),
        answer(500),
        answer(503),
        answer(0),
        answer(400),
        answer(404),
      ]).to.deep.equal([
        'expired',
        'expired',
        'used',
        'used',
        'used',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'server',
        'server',
        'network',
        'rejected',
        'rejected',
      ]);
    });
  });

  describe('fresh URLs from the page', () => {
    for (const shape of ['ours', 'envelope', 'string'] as const) {
      it(`fetches one when a file is chosen and there is none yet (provider answering ${shape})`, async () => {
        const { provider, given } = countingProvider(shape);
        const el = await refreshingUploader(provider);
        const recorder = recordEvents(el);
        const file = dot();
        await el.selectFile(file);
        expect(recorder.milestones()).to.deep.equal(['file-accepted', 'url-refreshed', 'upload-start', 'upload-success']);
        expect(given).to.have.length(1);
        const [refreshed] = recorder.of('url-refreshed');
        expect(refreshed.uploadURL).to.equal(given[0].uploadURL);
        expect(el.uploadURL).to.equal(given[0].uploadURL);
        expect(recorder.of('upload-success')[0]).to.deep.include({ file, id: given[0].id });
        expect(await posts(given[0].id)).to.have.length(1);
      });
    }

    it('uses upload-url-endpoint when there is no provider', async () => {
      const el = await refreshingUploader();
      el.uploadURLEndpoint = '/api/upload-url';
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      const [refreshed] = recorder.of('url-refreshed');
      expect(refreshed.uploadURL).to.match(/\/upload\//);
      expect(refreshed.id).to.be.a('string');
      expect(Date.parse(refreshed.expiry!)).to.be.greaterThan(Date.now());
      expect(el.status).to.equal('success');
      expect(await posts(refreshed.id!)).to.have.length(1);
    });

    it('a provider wins over the endpoint', async () => {
      const { provider, given } = countingProvider();
      const el = await refreshingUploader(provider);
      el.uploadURLEndpoint = '/api/upload-url-broken';
      await el.selectFile(dot());
      expect(el.status).to.equal('success');
      expect(given).to.have.length(1);
    });

    it('after the server says expired, uploads the same File once to a fresh URL', async () => {
      const old = await mintUploadURL();
      await misbehave(old.id, { answerExpired: true });
      const { provider, given } = countingProvider();
      const el = await refreshingUploader(provider);
      el.uploadURL = old.uploadURL;
      const recorder = recordEvents(el);
      const file = dot();
      await el.selectFile(file);
      expect(recorder.milestones()).to.deep.equal([
        'file-accepted',
        'upload-start',
        'url-expired',
        'url-refreshed',
        'upload-start',
        'upload-success',
      ]);
      expect(recorder.of('upload-start').map((e) => e.uploadURL)).to.deep.equal([old.uploadURL, given[0].uploadURL]);
      expect(recorder.of('upload-success')[0].file).to.equal(file);
      expect(await posts(old.id)).to.have.length(1);
      expect(await posts(given[0].id)).to.have.length(1);
    });

    it('after the server says used, does the same', async () => {
      const old = await mintUploadURL();
      await misbehave(old.id, { answerUsed: true });
      const { provider, given } = countingProvider();
      const el = await refreshingUploader(provider);
      el.uploadURL = old.uploadURL;
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('url-used')).to.deep.equal([{ file: el.file, uploadURL: old.uploadURL, detectedBy: 'server' }]);
      expect(el.status).to.equal('success');
      expect(await posts(given[0].id)).to.have.length(1);
    });

    it('replaces a clock-expired URL before sending, so it gets no request', async () => {
      const old = await mintUploadURL();
      const { provider, given } = countingProvider();
      const el = await refreshingUploader(provider);
      el.uploadURL = old.uploadURL;
      el.expiry = secondsFromNow(-5);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.milestones()).to.deep.equal(['file-accepted', 'url-expired', 'url-refreshed', 'upload-start', 'upload-success']);
      expect(await uploadRequestsFor(old.id)).to.deep.equal([]);
      expect(await posts(given[0].id)).to.have.length(1);
    });

    it('refreshes a URL that expires within refresh-margin before an upload starts', async () => {
      const old = await mintUploadURL();
      const { provider, given } = countingProvider();
      const el = await refreshingUploader(provider);
      el.uploadURL = old.uploadURL;
      el.expiry = secondsFromNow(30);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.milestones()).to.deep.equal(['file-accepted', 'url-refreshed', 'upload-start', 'upload-success']);
      expect(await uploadRequestsFor(old.id)).to.deep.equal([]);
      expect(given).to.have.length(1);

      const later = await mintUploadURL();
      el.uploadURL = later.uploadURL;
      el.expiry = secondsFromNow(30);
      el.refreshMargin = 10;
      await el.selectFile(dot());
      expect(given).to.have.length(1);
      expect(await posts(later.id)).to.have.length(1);
    });

    it('reports a failed refresh as reason config, with the cause, and keeps the file', async () => {
      const el = await refreshingUploader();
      el.uploadURLEndpoint = '/api/upload-url-broken';
      const recorder = recordEvents(el);
      const file = dot();
      await el.selectFile(file);
      expect(recorder.of('upload-error')).to.deep.equal([
        { file, reason: 'config', message: 'Could not get a new upload URL: /api/upload-url-broken answered HTTP 500.' },
      ]);
      expect(el.file).to.equal(file);
    });

    it('refreshes only once when the fresh URL is refused too', async () => {
      const refused: string[] = [];
      const el = await refreshingUploader(async () => {
        const fresh = await mintUploadURL();
        await misbehave(fresh.id, { answerExpired: true });
        refused.push(fresh.id);
        return fresh;
      });
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(refused).to.have.length(2);
      expect(recorder.of('url-expired')).to.have.length(2);
      expect(el.status).to.equal('expired');
    });
  });

  describe('answers the browser cannot read', () => {
    it('retries a URL refused without CORS headers once, then uploads to a fresh one', async () => {
      const old = await mintUploadURL();
      await misbehave(old.id, { answerExpired: true, noCors: true });
      const { provider, given } = countingProvider();
      const el = await refreshingUploader(provider);
      el.uploadURL = old.uploadURL;
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('url-expired')).to.deep.equal([
        { file: el.file, uploadURL: old.uploadURL, expiry: null, detectedBy: 'server', certain: false },
      ]);
      expect(el.status).to.equal('success');
      expect(await posts(old.id)).to.have.length(2);
      expect(await posts(given[0].id)).to.have.length(1);
    });

    it('without a way to get another URL, the same failure is a network error after 3 retries', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { answerExpired: true, noCors: true });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['network']);
      expect(await posts(id)).to.have.length(4);
    });
  });

  describe('retries and stalls', () => {
    it('retries a 5xx and succeeds', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 502, times: 1 });
      const el = await uploaderFor(uploadURL);
      await el.selectFile(dot());
      expect(el.status).to.equal('success');
      expect((await posts(id)).map((r) => r.status)).to.deep.equal([502, 200]);
    });

    it('retries a connection cut part-way through the body and succeeds', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { resetAfterBytes: 1, times: 1 });
      const el = await uploaderFor(uploadURL);
      await el.selectFile(new File([paddedPNG(256 * 1024)], 'cut.png'));
      expect(el.status).to.equal('success');
      const tries = await posts(id);
      expect(tries.map((r) => r.outcome)).to.deep.equal(['aborted', 'complete']);
    });

    it('stops with reason timeout when no progress is made for stall-timeout', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { stallAfterBytes: 0 });
      const el = await uploaderFor(uploadURL);
      el.stallTimeout = 400;
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('upload-error')).to.deep.equal([
        { file: el.file, reason: 'timeout', message: 'The upload made no progress for 0 seconds and was stopped.' },
      ]);
      await waitForUploads(id, (rs) => rs.some((r) => r.outcome === 'aborted'), 'the stalled request was not aborted');
    });

    it('says the image may be stored when a retry after no answer is told "used"', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { dropAnswer: true, times: 1 });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('url-used')).to.deep.equal([{ file: el.file, uploadURL, detectedBy: 'server', maybeStored: true, id }]);
      expect(recorder.of('upload-error')).to.deep.equal([]);
      expect(el.status).to.equal('used');
      await el.updateComplete;
      // The id is for the page (url-used); the person learns the image may already be there.
      expect(partText(el, 'status')).to.equal('The image may already have been uploaded.');
      expect(await isStored(id)).to.equal(true);
    });
  });

  describe('offline', () => {
    let onLine: PropertyDescriptor | undefined;
    const goOffline = () => {
      onLine = Object.getOwnPropertyDescriptor(navigator, 'onLine');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      window.dispatchEvent(new Event('offline'));
    };
    const goOnline = () => {
      if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
      else delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
    };
    afterEach(() => {
      if (!navigator.onLine) goOnline();
    });

    it('waits for the connection before sending', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      goOffline();
      const done = el.selectFile(dot());
      await new Promise((r) => setTimeout(r, 200));
      expect(el.status).to.equal('uploading');
      await el.updateComplete;
      expect(partText(el, 'status')).to.equal('Offline: the upload will go on when the connection is back.');
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
      goOnline();
      await done;
      expect(el.status).to.equal('success');
      expect(await posts(id)).to.have.length(1);
    });

    it('stops a request when the connection goes, and sends it again when it is back', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { stallAfterBytes: 0, times: 1 });
      const el = await uploaderFor(uploadURL);
      const done = el.selectFile(dot());
      await waitForUploads(id, (rs) => rs.some((r) => r.method === 'POST'), 'the upload never started');
      goOffline();
      await waitForUploads(id, (rs) => rs.some((r) => r.outcome === 'aborted'), 'going offline did not stop the request');
      expect(el.status).to.equal('uploading');
      goOnline();
      await done;
      expect(el.status).to.equal('success');
      expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['aborted', 'complete']);
    });
  });

  it('a URL changed mid-upload: the running upload finishes on its own URL, the new one is used next', async () => {
    const first = await mintUploadURL();
    await misbehave(first.id, { delayMs: 400 });
    const el = await uploaderFor(first.uploadURL);
    const recorder = recordEvents(el);
    const done = el.selectFile(dot());
    await waitForUploads(first.id, (rs) => rs.some((r) => r.method === 'POST'), 'the upload never started');
    const second = await mintUploadURL();
    el.uploadURL = second.uploadURL;
    await done;
    expect(recorder.of('upload-success').map((e) => e.id)).to.deep.equal([first.id]);
    expect(await uploadRequestsFor(second.id)).to.deep.equal([]);
    await el.selectFile(dot());
    expect(recorder.of('upload-success').map((e) => e.id)).to.deep.equal([first.id, second.id]);
  });
});
