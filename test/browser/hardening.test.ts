/** Defects found by attacking the element, each pinned by the behaviour it broke. */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { emulator, emulatorHost, mintUploadURL, misbehave, uploadRequestsFor, waitForUploads } from './emulator.js';
import { recordEvents } from './events.js';
import { image, posts } from './gallery-helpers.js';
import { uploaderFor } from './helpers.js';
import { watchErrors } from './reliability.js';

/** A PNG header claiming `width` × `height`, with nothing after it: enough for the checks. */
function pngHeader(width: number, height: number): File {
  const bytes = new Uint8Array(onePixelPNG);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return new File([bytes], 'claims.png', { type: 'image/png' });
}

describe('<direct-upload> hardened', () => {
  it('a cancelled upload’s stall timer cannot stop the next upload', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 3_000_000 });
    const el = await uploaderFor(uploadURL);
    el.stallTimeout = 2500;
    const recorder = recordEvents(el);
    const first = el.selectFile(new File([paddedPNG(9.5 * 1024 * 1024)], 'slow.png', { type: 'image/png' }));
    await waitUntil(() => recorder.of('upload-progress').some((e) => e.percent >= 15), 'the upload never got going', { timeout: 8000 });
    el.cancel();
    await first;
    // The second upload takes over 3 s; the first one's stall timer, were it still running, would end it at 2.5 s.
    await el.upload();
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['aborted']);
    expect(el.status).to.equal('success');
    expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['aborted', 'complete']);
  });

  it('times out an upload that never makes any progress (the host never lets the request begin)', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { hangPreflight: true });
    const el = await uploaderFor(uploadURL);
    el.stallTimeout = 800;
    const recorder = recordEvents(el);
    const started = Date.now();
    await el.selectFile(image('dot.png'));
    expect(Date.now() - started).to.be.below(5000);
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['timeout']);
    expect(el.status).to.equal('error');
    expect(await posts(id)).to.deep.equal([]);
  });

  it('after a success, the next URL’s expiry passing is reported without an uncaught error', async () => {
    const errors = watchErrors();
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    await el.selectFile(image('dot.png'));
    const next = await mintUploadURL();
    const recorder = recordEvents(el);
    el.uploadURL = next.uploadURL;
    el.expiry = new Date(Date.now() + 200).toISOString();
    await waitUntil(() => recorder.of('url-expired').length > 0, 'url-expired never fired');
    await aTimeout(50);
    errors.stop();
    expect(errors.seen).to.deep.equal([]);
    expect(recorder.of('url-expired')[0]).to.include({ file: null, uploadURL: next.uploadURL, detectedBy: 'clock' });
    expect(el.status).to.equal('success');
  });

  it('an element not in the page checks a file, keeps it ready, and sends nothing until it is added', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = document.createElement('direct-upload');
    el.uploadHosts = await emulatorHost();
    el.uploadURL = uploadURL;
    const recorder = recordEvents(el);
    const file = image('dot.png');
    expect(await el.selectFile(file)).to.equal(true);
    expect(el.status).to.equal('ready');
    await el.upload();
    expect(recorder.of('upload-error').map((e) => [e.reason, e.message])).to.deep.equal([
      ['config', 'The element is not in the page, so it does not upload. Nothing was sent.'],
    ]);
    expect(await uploadRequestsFor(id)).to.deep.equal([]);
    document.body.append(el);
    try {
      await el.upload();
      expect(el.status).to.equal('success');
      expect(recorder.of('upload-success').map((e) => e.file)).to.deep.equal([file]);
    } finally {
      el.remove();
    }
  });

  it('upload() while a file is being checked uploads that file once it passes (manual)', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    el.validate = async () => {
      await aTimeout(200);
      return null;
    };
    const recorder = recordEvents(el);
    const file = image('checked.png');
    const chosen = el.selectFile(file);
    await el.upload();
    expect(await chosen).to.equal(true);
    expect(recorder.of('upload-error')).to.deep.equal([]);
    expect(recorder.of('upload-success').map((e) => e.file)).to.deep.equal([file]);
    expect(await posts(id)).to.have.length(1);
  });

  it('upload() while the next file is being checked sends that file, not the one already stored', async () => {
    const first = await mintUploadURL();
    const el = await uploaderFor(first.uploadURL);
    const a = image('a.png');
    await el.selectFile(a);
    const second = await mintUploadURL();
    el.uploadURL = second.uploadURL;
    el.validate = async () => {
      await aTimeout(200);
      return null;
    };
    const recorder = recordEvents(el);
    const b = image('b.png');
    const chosen = el.selectFile(b);
    await el.upload();
    await chosen;
    expect(recorder.of('upload-start').map((e) => e.file)).to.deep.equal([b]);
    const [sent] = await posts(second.id);
    expect(sent.files.map((f) => f.filename)).to.deep.equal(['b.png']);
    expect(await posts(first.id)).to.have.length(1);
  });

  it('two elements given the same URL: the second does not send while the first uploads', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { delayMs: 400 });
    const one = await uploaderFor(uploadURL);
    const two = await uploaderFor(uploadURL);
    const recorder = recordEvents(two);
    const first = one.selectFile(image('one.png'));
    await waitForUploads(id, (rs) => rs.some((r) => r.method === 'POST'), 'the first upload never started');
    await two.selectFile(image('two.png'));
    await first;
    expect(recorder.of('url-used').map((e) => e.detectedBy)).to.deep.equal(['client']);
    expect(two.status).to.equal('used');
    expect(one.status).to.equal('success');
    expect(await posts(id)).to.have.length(1);
  });

  it('a spent URL written another way (a #fragment, HTTP in capitals, 127.1) is still spent', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const { origin } = await emulator();
    const port = new URL(origin).port;
    const loopback = uploadURL.replace(new URL(uploadURL).host, `127.0.0.1:${port}`);
    const el = await uploaderFor(loopback);
    el.uploadHosts = `127.0.0.1:${port}`;
    await el.selectFile(image('first.png'));
    expect(el.status).to.equal('success');
    const variants = [`${loopback}#x`, loopback.replace(/^http:/, 'HTTP:'), loopback.replace('127.0.0.1', '127.1')];
    for (const variant of variants) {
      const other = await uploaderFor(variant);
      other.uploadHosts = `127.0.0.1:${port}`;
      const recorder = recordEvents(other);
      await other.selectFile(image('again.png'));
      expect(
        recorder.of('url-used').map((e) => e.detectedBy),
        variant,
      ).to.deep.equal(['client']);
    }
    expect(await posts(id)).to.have.length(1);
  });

  describe('attribute values it must survive', () => {
    it('removing upload-hosts or accept brings back the default, without throwing', async () => {
      const errors = watchErrors();
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      el.setAttribute('accept', 'image/png');
      el.removeAttribute('accept');
      el.removeAttribute('upload-hosts');
      await el.updateComplete;
      expect([el.accept, el.uploadHosts]).to.deep.equal([
        'image/jpeg,image/png,image/gif,image/webp,image/svg+xml,image/heic',
        'upload.imagedelivery.net',
      ]);
      const recorder = recordEvents(el);
      await el.selectFile(image('dot.png'));
      errors.stop();
      expect(errors.seen).to.deep.equal([]);
      expect(
        recorder.of('upload-error').map((e) => e.reason),
        'the emulator is not an allowed host now',
      ).to.deep.equal(['config']);
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
    });

    for (const [how, setUp] of [
      ['max-file-size="10MB"', (el: DirectUploadElement) => el.setAttribute('max-file-size', '10MB')],
      [
        'max-file-size removed',
        (el: DirectUploadElement) => (el.setAttribute('max-file-size', '20000000'), el.removeAttribute('max-file-size')),
      ],
    ] as const) {
      it(`${how} keeps Cloudflare's 10 MB limit`, async () => {
        const { uploadURL, id } = await mintUploadURL();
        const el = await uploaderFor(uploadURL);
        setUp(el);
        await el.updateComplete;
        const recorder = recordEvents(el);
        expect(await el.selectFile(new File([paddedPNG(11.5 * 1024 * 1024)], 'big.png', { type: 'image/png' }))).to.equal(false);
        expect(recorder.of('file-rejected').map((e) => [e.reason, e.limit])).to.deep.equal([['size', 10 * 1024 * 1024]]);
        expect(await uploadRequestsFor(id)).to.deep.equal([]);
      });
    }

    it('max-dimension="12k" keeps the 12,000 px limit', async () => {
      const el = await fixture<DirectUploadElement>(html`<direct-upload max-dimension="12k"></direct-upload>`);
      const recorder = recordEvents(el);
      expect(await el.selectFile(pngHeader(100_000, 100_000))).to.equal(false);
      expect(recorder.of('file-rejected').map((e) => [e.reason, e.limit])).to.deep.equal([['dimensions', 12_000]]);
    });
  });

  it('an element removed before its URL and expiry arrive keeps no timer and fires nothing', async () => {
    const el = await fixture<DirectUploadElement>(html`<direct-upload></direct-upload>`);
    el.remove();
    const recorder = recordEvents(el);
    const { uploadURL } = await mintUploadURL();
    el.uploadURL = uploadURL;
    el.expiry = new Date(Date.now() + 150).toISOString();
    await el.updateComplete;
    await aTimeout(400);
    expect(recorder.events).to.deep.equal([]);
  });

  it('retries a 5xx after 0.15 s, 0.3 s and 0.6 s, as documented', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { failWith: 503, times: 3 });
    const el = await uploaderFor(uploadURL);
    await el.selectFile(image('dot.png'));
    expect(el.status).to.equal('success');
    const tries = await posts(id);
    expect(tries.map((r) => r.status)).to.deep.equal([503, 503, 503, 200]);
    const gaps = tries.slice(1).map((r, i) => r.startedAt! - tries[i].endedAt!);
    [150, 300, 600].forEach((delay, i) => {
      expect(gaps[i], `gap ${i + 1}: ${gaps.join(', ')} ms`).to.be.within(delay - 20, delay + 250);
    });
  });

  it('a 10,000-character file name takes one line, and the whole name stays in the text', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    el.style.width = '400px';
    const name = `${'a'.repeat(9996)}.png`;
    await el.selectFile(image(name));
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.be.below(200);
    expect(el.shadowRoot!.querySelector('[part="file-name"]')!.textContent).to.equal(name);
  });

  it('moving the element in the page mid-upload does not abort the upload', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { delayMs: 300 });
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const done = el.selectFile(image('dot.png'));
    await waitForUploads(id, (rs) => rs.some((r) => r.method === 'POST'), 'the upload never started');
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    try {
      elsewhere.append(el);
      await done;
      expect(recorder.of('upload-error')).to.deep.equal([]);
      expect(el.status).to.equal('success');
      expect(await posts(id)).to.have.length(1);
    } finally {
      elsewhere.remove();
    }
  });
});
