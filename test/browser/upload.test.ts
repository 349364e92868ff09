import { expect, fixture, html } from '@open-wc/testing';
import { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { emulator, mintUploadURL, requestsFor, uploadRequestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { uploaderFor } from './helpers.js';

describe('<direct-upload> uploading', () => {
  it('is defined by importing the package and has Cloudflare’s defaults', () => {
    const el = document.createElement('direct-upload');
    expect(el).to.be.instanceOf(DirectUploadElement);
    expect(el.uploadHosts).to.equal('upload.imagedelivery.net');
    expect(el.maxFileSize).to.equal(10485760);
    expect(el.accept).to.equal('image/jpeg,image/png,image/gif,image/webp,image/svg+xml,image/heic');
    expect(el.status).to.equal('idle');
    expect(el.file).to.equal(null);
    expect(el.result).to.equal(null);
  });

  it('takes its settings from attributes', async () => {
    const el = await fixture<DirectUploadElement>(
      html`<direct-upload upload-url="https://upload.imagedelivery.net/h/i" upload-hosts="a.example b.example:8443"
        accept="image/png" max-file-size="2048" manual disabled></direct-upload>`,
    );
    expect(el.uploadURL).to.equal('https://upload.imagedelivery.net/h/i');
    expect(el.uploadHosts).to.equal('a.example b.example:8443');
    expect(el.accept).to.equal('image/png');
    expect(el.maxFileSize).to.equal(2048);
    expect(el.manual).to.equal(true);
    expect(el.disabled).to.equal(true);
  });

  it('uploads a chosen image and tells the page each step', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents();
    const file = new File([onePixelPNG], 'dot.png', { type: 'image/png' });

    expect(await el.selectFile(file)).to.equal(true);
    recorder.stop();

    expect(recorder.types()).to.deep.equal(['file-accepted', 'upload-start', 'upload-progress', 'upload-success']);
    expect(recorder.of('file-accepted')[0]).to.deep.equal({ file, type: 'image/png', width: 1, height: 1 });
    expect(recorder.of('upload-start')[0]).to.deep.equal({ file, uploadURL });
    const success = recorder.of('upload-success')[0];
    expect(success.file).to.equal(file);
    expect(success.id).to.equal(id);
    expect(success.result.id).to.equal(id);
    expect(success.result.filename).to.equal('dot.png');
    expect(success.variants).to.deep.equal(success.result.variants);
    expect(success.variants).to.have.length(1);
    expect(el.status).to.equal('success');
    expect(el.result).to.deep.equal(success.result);
    expect(el.file).to.equal(file);

    const delivered = await fetch(success.variants[0]);
    expect(delivered.headers.get('content-type')).to.equal('image/png');
    expect(new Uint8Array(await delivered.arrayBuffer())).to.deep.equal(onePixelPNG);
  });

  it('reports progress that never goes back and ends at 100 with every byte counted', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const file = new File([paddedPNG(6 * 1024 * 1024)], 'big.png', { type: 'image/png' });

    await el.selectFile(file);
    recorder.stop();

    const progress = recorder.of('upload-progress');
    expect(progress.length).to.be.greaterThan(0);
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i].bytesUploaded).to.be.at.least(progress[i - 1].bytesUploaded);
      expect(progress[i].percent).to.be.at.least(progress[i - 1].percent);
    }
    for (const p of progress) {
      expect(p.file).to.equal(file);
      expect(p.bytesTotal).to.equal(file.size);
      expect(Number.isInteger(p.bytesUploaded) && Number.isInteger(p.percent)).to.equal(true);
    }
    const { bytesPerSecond, ...last } = progress.at(-1)!;
    expect(last).to.deep.equal({ file, bytesUploaded: file.size, bytesTotal: file.size, percent: 100, secondsLeft: 0 });
    // On loopback the whole file may go in one burst, before any speed could be measured.
    expect(bytesPerSecond === null || bytesPerSecond > 0).to.equal(true);
    const types = recorder.events.map((e) => e.type);
    expect(types.indexOf('upload-success')).to.equal(types.length - 1);
  });

  it('sends a PNG named .jpg as the PNG it is', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const file = new File([onePixelPNG], 'photo.jpg', { type: 'image/jpeg' });
    await el.selectFile(file);
    expect(recorder.of('file-accepted')).to.deep.equal([{ file, type: 'image/png', width: 1, height: 1 }]);
    const [post] = (await uploadRequestsFor(id)).filter((r) => r.method === 'POST');
    expect(post.files).to.deep.equal([{ field: 'file', filename: 'photo.jpg', mimeType: 'image/png', bytes: onePixelPNG.length }]);
  });

  it('sends the field "file" and nothing else: no cookies, no extra headers, one preflight at most', async () => {
    document.cookie = 'session=secret-session; path=/';
    try {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      await el.selectFile(new File([onePixelPNG], 'dot.png', { type: 'image/png' }));
      expect(el.status).to.equal('success');

      const uploads = await uploadRequestsFor(id);
      const preflights = uploads.filter((r) => r.method === 'OPTIONS');
      const posts = uploads.filter((r) => r.method === 'POST');
      // Upload progress listeners make the browser preflight a cross-origin upload, once.
      expect(preflights).to.have.length(1);
      for (const preflight of preflights) {
        expect(preflight.headers['access-control-request-method']).to.equal('POST');
        expect(preflight.headers['access-control-request-headers']).to.equal(undefined);
      }
      expect(posts).to.have.length(1);
      const [post] = posts;
      expect(post.fields).to.deep.equal(['file']);
      expect(post.files).to.deep.equal([{ field: 'file', filename: 'dot.png', mimeType: 'image/png', bytes: onePixelPNG.length }]);
      expect(post.headers.cookie).to.equal(undefined);
      expect(post.headers.authorization).to.equal(undefined);
      expect(post.headers.origin).to.equal(location.origin);
      expect(post.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
      expect(uploads.every((r) => r.headers.cookie === undefined)).to.equal(true);
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });

  it('is cross-origin to the upload host, as a site is to Cloudflare', async () => {
    const { origin } = await emulator();
    expect(new URL(origin).origin).not.to.equal(location.origin);
    const { id } = await mintUploadURL();
    expect((await requestsFor(id)).map((r) => r.kind)).to.deep.equal(['api']);
  });
});
