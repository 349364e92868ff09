import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { emulatorHost, mintUploadURL, misbehave, requestsFor, uploadRequestsFor, waitForUploads } from './emulator.js';
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

  it('reports progress that only grows and ends at 100, at most once per animation frame', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    let frame = 0;
    let counting = true;
    const tick = () => {
      frame += 1;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const seen: { percent: number; frame: number }[] = [];
    el.addEventListener('upload-progress', (e) => seen.push({ percent: e.detail.percent, frame }));
    await el.selectFile(new File([paddedPNG(2 * 1024 * 1024)], 'big.png', { type: 'image/png' }));
    counting = false;
    expect(el.status).to.equal('success');
    const percents = seen.map((s) => s.percent);
    expect(percents.at(-1)).to.equal(100);
    expect(percents).to.deep.equal([...percents].sort((x, y) => x - y));
    // The closing 100 may share the frame of the last report; every other report has a frame of its own.
    const frames = seen.slice(0, -1).map((s) => s.frame);
    expect(new Set(frames).size).to.equal(frames.length);
  });

  it('removing the element mid-upload aborts the request', async () => {
    const { el, id, recorder } = await stalledUpload();
    el.remove();
    // Not at once: a removal followed by an append in the same task is a move, which goes on uploading.
    await waitUntil(() => recorder.of('upload-error').length > 0, 'removing the element did not abort the upload');
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['aborted']);
    await waitForUploads(
      id,
      (rs) => rs.some((r) => r.method === 'POST' && r.outcome === 'aborted'),
      'the emulator never saw the upload aborted',
    );
  });

  it('an element removed and added again uploads as before', async () => {
    const el = await fixture<DirectUploadElement>(html`<direct-upload upload-hosts=${await emulatorHost()}></direct-upload>`);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    const { uploadURL, id } = await mintUploadURL();
    el.uploadURL = uploadURL;
    expect(await el.selectFile(new File([onePixelPNG], 'dot.png', { type: 'image/png' }))).to.equal(true);
    expect(el.status).to.equal('success');
    expect((await uploadRequestsFor(id)).filter((r) => r.method === 'POST')).to.have.length(1);
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
