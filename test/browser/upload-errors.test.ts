import { expect } from '@open-wc/testing';
import { onePixelPNG } from '../fixtures/images.js';
import { emulator, emulatorHost, mintUploadURL, misbehave, requestsFor, uploadRequestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { partText, uploaderFor } from './helpers.js';

const dot = () => new File([onePixelPNG], 'dot.png', { type: 'image/png' });

describe('<direct-upload> upload errors', () => {
  describe('reason config: nothing is sent', () => {
    it('refuses a host that upload-hosts does not list', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      el.uploadHosts = 'upload.imagedelivery.net';
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      recorder.stop();
      expect(recorder.types()).to.deep.equal(['file-accepted', 'upload-error']);
      const [error] = recorder.of('upload-error');
      expect(error.reason).to.equal('config');
      expect(error.message).to.equal(
        `The upload host ${new URL(uploadURL).host} is not allowed; add it to upload-hosts if the page trusts it. Nothing was sent.`,
      );
      expect(el.status).to.equal('error');
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
    });

    it('refuses plain http to a host that is not loopback, even when listed', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const { remoteOrigin } = await emulator();
      const remoteURL = uploadURL.replace(new URL(uploadURL).origin, remoteOrigin);
      const el = await uploaderFor(remoteURL);
      el.uploadHosts = `${new URL(remoteOrigin).host} ${await emulatorHost()}`;
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      recorder.stop();
      const [error] = recorder.of('upload-error');
      expect(error.reason).to.equal('config');
      expect(error.message).to.match(/must use https/);
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
    });

    it('refuses to upload without a URL, or without a file', async () => {
      const el = await uploaderFor('');
      const recorder = recordEvents(el);
      await el.upload();
      await el.selectFile(dot());
      recorder.stop();
      expect(recorder.of('upload-error').map((e) => [e.reason, e.file?.name ?? null, e.message])).to.deep.equal([
        ['config', null, 'Choose an image before uploading.'],
        ['config', 'dot.png', 'No upload URL is set: the page must give the element a one-time upload URL from its backend.'],
      ]);
    });

    it('refuses a URL with credentials in it', async () => {
      const { uploadURL, id } = await mintUploadURL();
      const url = new URL(uploadURL);
      url.username = 'user';
      url.password = 'secret';
      const el = await uploaderFor(url.href);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('upload-error')[0].reason).to.equal('config');
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
    });
  });

  describe('reason rejected: the upload host refused, and the URL is not tried again', () => {
    it('reports another 4xx with Cloudflare’s status, code and message', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 403 });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      const [error] = recorder.of('upload-error');
      expect(error).to.deep.include({ reason: 'rejected', status: 403, code: 5400 });
      expect(error.message).to.equal('The upload was refused (HTTP 403): Error 403: the emulator was told to fail this upload.');
      expect(el.status).to.equal('error');
      await el.updateComplete;
      // People read plain words; the status, code and Cloudflare's message are the page's.
      expect(partText(el, 'status')).to.equal('The server did not take this image.');
      expect((await uploadRequestsFor(id)).filter((r) => r.method === 'POST')).to.have.length(1);
    });

    it('reports a 415 that the host gave for an image it would not take, with code 5455', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 415 });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      expect(recorder.of('upload-error')[0]).to.deep.include({ reason: 'rejected', status: 415, code: 5455 });
      expect((await uploadRequestsFor(id)).filter((r) => r.method === 'POST')).to.have.length(1);
    });
  });

  describe('reasons server and network: tried again, then reported', () => {
    it('retries a 5xx a bounded number of times, then reports reason server', async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 503 });
      const el = await uploaderFor(uploadURL);
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      const [error] = recorder.of('upload-error');
      expect(error).to.deep.include({ reason: 'server', status: 503, code: 5500 });
      expect(error.message).to.match(/^The upload server failed \(HTTP 503\)/);
      expect((await uploadRequestsFor(id)).filter((r) => r.method === 'POST')).to.have.length(4);
    });

    it('reports reason network when nothing answers', async () => {
      // Port 9 (discard) has no listener on this loopback, so the connection is refused.
      const el = await uploaderFor('http://localhost:9/upload/nowhere');
      el.uploadHosts = 'localhost:9';
      const recorder = recordEvents(el);
      await el.selectFile(dot());
      const [error] = recorder.of('upload-error');
      expect(error.reason).to.equal('network');
      expect(error.status).to.equal(undefined);
      expect(error.message).to.equal('The upload could not reach the server. Check the connection and try again.');
      expect(el.file?.name).to.equal('dot.png');
    });
  });

  it('has sent no request for a draft the tests never uploaded to', async () => {
    const { id } = await mintUploadURL();
    expect((await requestsFor(id)).map((r) => r.kind)).to.deep.equal(['api']);
  });
});
