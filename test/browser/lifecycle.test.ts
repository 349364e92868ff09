import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { emulatorHost, mintUploadURL, misbehave, requestsFor, waitForUploads } from './emulator.js';
import { recordEvents } from './events.js';
import { partText, uploaderFor } from './helpers.js';

/** Starts an upload that the emulator stops reading part-way, and waits until it is in flight. */
async function stalledUpload() {
  const { uploadURL, id } = await mintUploadURL();
  await misbehave(id, { stallAfterBytes: 64 * 1024 });
  const el = await uploaderFor(uploadURL);
  const file = new File([paddedPNG(4 * 1024 * 1024)], 'stalled.png', { type: 'image/png' });
  const recorder = recordEvents(el);
  const accepted = el.selectFile(file);
  await waitForUploads(id, (records) => records.some((r) => r.method === 'POST'), 'the upload never reached the emulator');
  expect(el.status).to.equal('uploading');
  return { el, id, file, recorder, accepted };
}

describe('<direct-upload> lifecycle', () => {
  it('cancel() aborts the request in flight and keeps the file', async () => {
    const { el, id, file, recorder, accepted } = await stalledUpload();
    el.cancel();
    expect(await accepted).to.equal(true);
    const [error] = recorder.of('upload-error');
    expect(error).to.deep.equal({ file, reason: 'aborted', message: 'The upload was cancelled.' });
    expect(el.status).to.equal('error');
    expect(el.file).to.equal(file);
    const records = await waitForUploads(
      id,
      (rs) => rs.some((r) => r.method === 'POST' && r.outcome === 'aborted'),
      'the emulator never saw the upload aborted',
    );
    expect(records.filter((r) => r.method === 'POST')).to.have.length(1);
  });

  it('reports progress at most once per animation frame, with the latest figures', async () => {
    const { el, file } = await stalledUpload();
    const uppy = el.session.uppy!;
    const [uppyFile] = uppy.getFiles();
    const seen: number[] = [];
    el.addEventListener('upload-progress', (e) => seen.push(e.detail.bytesUploaded));
    await nextFrame();
    seen.length = 0;
    // Uppy reports progress as often as XMLHttpRequest does; five reports arrive within one frame.
    for (const bytesUploaded of [1000, 2000, 3000, 4000, 5000]) {
      uppy.emit('upload-progress', uppyFile, { uploadStarted: 1, bytesUploaded, bytesTotal: file.size });
    }
    expect(seen).to.deep.equal([]);
    await nextFrame();
    expect(seen).to.deep.equal([5000]);
    el.cancel();
  });

  it('removing the element mid-upload aborts the request and leaves no Uppy instance', async () => {
    const { el, id, recorder } = await stalledUpload();
    expect(el.session.uppy).not.to.equal(undefined);
    el.remove();
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['aborted']);
    expect(el.session.uppy).to.equal(undefined);
    await waitForUploads(
      id,
      (rs) => rs.some((r) => r.method === 'POST' && r.outcome === 'aborted'),
      'the emulator never saw the upload aborted',
    );
  });

  it('a connected element has one Uppy instance, made anew when it is connected again', async () => {
    const el = await fixture<DirectUploadElement>(html`<direct-upload></direct-upload>`);
    const first = el.session.uppy;
    expect(first).not.to.equal(undefined);
    const parent = el.parentElement!;
    el.remove();
    expect(el.session.uppy).to.equal(undefined);
    parent.append(el);
    expect(el.session.uppy).not.to.equal(undefined);
    expect(el.session.uppy).not.to.equal(first);
  });

  it('manual waits for upload() before sending anything', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    const file = new File([onePixelPNG], 'dot.png', { type: 'image/png' });
    expect(await el.selectFile(file)).to.equal(true);
    expect(el.status).to.equal('ready');
    expect((await requestsFor(id)).filter((r) => r.kind === 'upload')).to.deep.equal([]);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="upload-button"]')!;
    const success = oneEvent(el, 'upload-success');
    button.click();
    expect((await success).detail.file).to.equal(file);
    expect(el.status).to.equal('success');
  });

  it('reset() returns to idle, forgetting file and result', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    await el.selectFile(new File([onePixelPNG], 'dot.png', { type: 'image/png' }));
    expect(el.status).to.equal('success');
    el.reset();
    expect([el.status, el.file, el.result]).to.deep.equal(['idle', null, null]);
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('');
  });

  it('choosing another file while uploading aborts the first upload', async () => {
    const { el, id, recorder } = await stalledUpload();
    const { uploadURL } = await mintUploadURL();
    el.uploadURL = uploadURL;
    const second = new File([onePixelPNG], 'second.png', { type: 'image/png' });
    await el.selectFile(second);
    expect(recorder.of('upload-error').map((e) => [e.reason, e.file?.name])).to.deep.equal([['aborted', 'stalled.png']]);
    expect(recorder.of('upload-success').map((e) => e.file)).to.deep.equal([second]);
    await waitForUploads(id, (rs) => rs.some((r) => r.outcome === 'aborted'), 'the first upload was not aborted');
  });

  it('disabled takes no file', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    el.disabled = true;
    await el.updateComplete;
    expect(await el.selectFile(new File([onePixelPNG], 'dot.png', { type: 'image/png' }))).to.equal(false);
    expect(el.status).to.equal('idle');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.disabled).to.equal(true);
    expect((await requestsFor(id)).filter((r) => r.kind === 'upload')).to.deep.equal([]);
  });

  it('allows the emulator’s host by upload-hosts only', async () => {
    expect(await emulatorHost()).to.match(/^localhost:\d+$/);
  });
});
