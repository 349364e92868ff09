import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { DirectUploadElement, QueueCompleteDetail } from '../../src/index.js';
import { htmlPage } from '../fixtures/images.js';
import { emulatorHost, isStored, mintUploadURL, uploadRequestsFor, waitForUploads, type RequestRecord } from './emulator.js';
import { recordEvents } from './events.js';
import { gallery, galleryProvider, image, posts } from './gallery-helpers.js';
import { partText, uploaderFor } from './helpers.js';

/** The most requests that were open at one moment, from the emulator's record of each. */
function mostAtOnce(records: RequestRecord[]): number {
  const moments = records.flatMap((r) => [
    [r.startedAt!, 1],
    [r.endedAt!, -1],
  ]);
  moments.sort(([a, x], [b, y]) => a - b || x - y);
  let open = 0;
  let most = 0;
  for (const [, change] of moments) most = Math.max(most, (open += change));
  return most;
}

describe('<direct-upload multiple>: a gallery, each file to its own one-time URL', () => {
  it('uploads 12 files with at most 3 in flight, each to its own URL fetched just in time and POSTed once', async () => {
    let finished = 0;
    const heldAhead: number[] = [];
    const { provider, given } = galleryProvider(() => ({ delayMs: 150 }));
    const el = await gallery(async () => {
      heldAhead.push(given.length - finished);
      return provider();
    });
    el.addEventListener('upload-success', () => (finished += 1));
    el.addEventListener('upload-error', () => (finished += 1));
    const complete = oneEvent(el, 'queue-complete');
    const files = Array.from({ length: 12 }, (_, i) => image(`photo-${i + 1}.png`, 64 * 1024));
    expect(await el.selectFiles(files)).to.deep.equal(files.map(() => true));
    const { detail } = (await complete) as CustomEvent<QueueCompleteDetail>;

    expect(given).to.have.length(12);
    expect(new Set(given.map((g) => g.uploadURL)).size).to.equal(12);
    expect(Math.max(...heldAhead), 'URLs held ahead of need when another was fetched').to.be.below(3);
    const records = (await Promise.all(given.map((g) => posts(g.id)))).flat();
    expect(records).to.have.length(12);
    expect(records.every((r) => r.status === 200)).to.equal(true);
    const most = mostAtOnce(records);
    expect(most, 'uploads in flight at once').to.be.at.most(3);
    expect(most, 'uploads in flight at once').to.be.at.least(2);

    expect(el.status).to.equal('success');
    expect(el.files.map((f) => [f.file, f.status, f.percent])).to.deep.equal(files.map((file) => [file, 'success', 100]));
    const ids = el.files.map((f) => f.id!);
    expect(new Set(ids)).to.deep.equal(new Set(given.map((g) => g.id)));
    expect(detail.failed).to.deep.equal([]);
    expect(detail.succeeded).to.deep.equal(el.files.map((f) => ({ file: f.file, id: f.id })));
    expect(await Promise.all(ids.map(isStored))).to.deep.equal(ids.map(() => true));
  });

  it('refuses a spoofed file alone: the others upload, and nothing is sent for it', async () => {
    const { provider, given } = galleryProvider();
    const el = await gallery(provider);
    const recorder = recordEvents(el);
    const complete = oneEvent(el, 'queue-complete');
    const spoof = new File([htmlPage], 'holiday.png', { type: 'image/png' });
    const files = [image('a.png'), spoof, image('b.png'), image('c.png')];
    expect(await el.selectFiles(files)).to.deep.equal([true, false, true, true]);
    const { detail } = (await complete) as CustomEvent<QueueCompleteDetail>;
    expect(recorder.of('file-rejected').map((e) => [e.file, e.reason])).to.deep.equal([[spoof, 'type']]);
    expect(recorder.of('upload-start').map((e) => e.file)).to.have.members([files[0], files[2], files[3]]);
    expect(given).to.have.length(3);
    expect(el.files.map((f) => f.file)).to.deep.equal([files[0], files[2], files[3]]);
    expect(el.status).to.equal('success');
    expect(detail.failed).to.deep.equal([{ file: spoof, reason: 'type' }]);
    expect(detail.succeeded.map((s) => s.file)).to.deep.equal([files[0], files[2], files[3]]);
  });

  it('refreshes only the file whose URL answers "expired" mid-batch', async () => {
    const { provider, given } = galleryProvider((n) => (n === 1 ? { answerExpired: true } : { delayMs: 100 }));
    const el = await gallery(provider);
    const recorder = recordEvents(el);
    const files = ['a.png', 'b.png', 'c.png', 'd.png'].map((name) => image(name));
    await el.selectFiles(files);
    const [expired] = recorder.of('url-expired');
    expect(recorder.of('url-expired')).to.have.length(1);
    expect(expired.uploadURL).to.equal(given[1].uploadURL);
    const unlucky = expired.file!;
    // One fresh URL per file, and one more for the file whose URL was refused.
    const refreshed = recorder.of('url-refreshed');
    expect(refreshed).to.have.length(5);
    expect(refreshed.filter((e) => e.file === unlucky)).to.have.length(2);
    expect(refreshed.filter((e) => e.file !== unlucky).map((e) => e.file)).to.have.members(files.filter((f) => f !== unlucky));
    expect(el.files.map((f) => f.status)).to.deep.equal(['success', 'success', 'success', 'success']);
    expect(await posts(given[1].id)).to.have.length(1);
    for (const fresh of [given[0], ...given.slice(2)]) expect(await posts(fresh.id)).to.have.length(1);
  });

  it('cancelling one file leaves the others running; it can be sent again', async () => {
    const { provider, given } = galleryProvider((n) => (n === 0 ? { stallAfterBytes: 0, times: 1 } : { delayMs: 300 }));
    const el = await gallery(provider);
    const recorder = recordEvents(el);
    const files = [image('stuck.png', 256 * 1024), image('b.png'), image('c.png')];
    const completes: QueueCompleteDetail[] = [];
    el.addEventListener('queue-complete', (e) => completes.push(e.detail));
    const done = el.selectFiles(files);
    await waitUntil(() => given.length > 0, 'no URL was fetched');
    await waitForUploads(given[0].id, (rs) => rs.some((r) => r.method === 'POST'), 'the first upload never started');
    el.cancel(files[0]);
    await done;
    expect(recorder.of('upload-error').map((e) => [e.file, e.reason])).to.deep.equal([[files[0], 'aborted']]);
    expect(el.files.map((f) => f.status)).to.deep.equal(['error', 'success', 'success']);
    expect(el.files[0].error?.reason).to.equal('aborted');
    expect(el.status).to.equal('error');
    expect(completes).to.have.length(1);
    expect(completes[0].failed).to.deep.equal([{ file: files[0], reason: 'aborted' }]);
    await waitForUploads(given[0].id, (rs) => rs.some((r) => r.outcome === 'aborted'), 'the emulator never saw the upload aborted');

    await el.retry(files[0]);
    expect(el.files.map((f) => f.status)).to.deep.equal(['success', 'success', 'success']);
    expect((await posts(given[0].id)).map((r) => r.outcome)).to.deep.equal(['aborted', 'complete']);
    expect(completes[1]).to.deep.equal({ succeeded: [{ file: files[0], id: given[0].id }], failed: [] });
  });

  it('the list has a Cancel, Try again and Remove button per file, named for it', async () => {
    const { provider, given } = galleryProvider((n) => (n === 0 ? { stallAfterBytes: 0, times: 1 } : undefined));
    const el = await gallery(provider);
    const files = [image('stuck.png', 256 * 1024), image('fine.png')];
    const done = el.selectFiles(files);
    await waitUntil(() => given.length > 0, 'no URL was fetched');
    await waitForUploads(given[0].id, (rs) => rs.some((r) => r.method === 'POST'), 'the first upload never started');
    await el.updateComplete;
    const items = () => [...el.shadowRoot!.querySelectorAll('[part="file-item"]')];
    const buttonIn = (item: Element, part: string) => item.querySelector<HTMLButtonElement>(`[part="${part}"]`);
    expect(buttonIn(items()[0], 'cancel-button')!.getAttribute('aria-label')).to.equal('Cancel: stuck.png');
    buttonIn(items()[0], 'cancel-button')!.click();
    await done;
    await el.updateComplete;
    expect(items().map((item) => item.querySelector('[part="file-status"]')!.textContent)).to.deep.equal([
      'Upload cancelled.',
      'Uploaded.',
    ]);
    const retry = buttonIn(items()[0], 'retry-button')!;
    expect(retry.getAttribute('aria-label')).to.equal('Try again: stuck.png');
    const success = oneEvent(el, 'upload-success');
    retry.click();
    expect((await success).detail.file).to.equal(files[0]);
    await el.updateComplete;
    buttonIn(items()[1], 'remove-button')!.click();
    await el.updateComplete;
    expect(el.files.map((f) => f.file)).to.deep.equal([files[0]]);
    expect(items().map((item) => item.querySelector('[part="file-name"]')!.textContent)).to.deep.equal(['stuck.png']);
  });

  it('takes several files from the picker', async () => {
    const { provider } = galleryProvider();
    const el = await gallery(provider);
    const input = el.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.multiple).to.equal(true);
    const transfer = new DataTransfer();
    for (const name of ['one.png', 'two.png']) transfer.items.add(image(name));
    input.files = transfer.files;
    const complete = oneEvent(el, 'queue-complete');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const { detail } = (await complete) as CustomEvent<QueueCompleteDetail>;
    expect(detail.succeeded.map((s) => s.file.name)).to.deep.equal(['one.png', 'two.png']);
  });

  it('refuses files over max-files with reason count', async () => {
    const { provider, given } = galleryProvider();
    const el = await gallery(provider, { maxFiles: 2 });
    const recorder = recordEvents(el);
    const files = ['a.png', 'b.png', 'c.png'].map((name) => image(name));
    expect(await el.selectFiles(files)).to.deep.equal([true, true, false]);
    expect(await el.selectFile(image('d.png'))).to.equal(false);
    expect(recorder.of('file-rejected').map((e) => [e.file.name, e.reason, e.limit, e.actual])).to.deep.equal([
      ['c.png', 'count', 2, 3],
      ['d.png', 'count', 2, 3],
    ]);
    expect(given).to.have.length(2);
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('2 of 2 uploaded. At most 2 images can be added; “d.png” was not.');
  });

  it('without a provider or endpoint, refuses at selection and sends nothing', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await fixture<DirectUploadElement>(
      html`<direct-upload multiple upload-url=${uploadURL} upload-hosts=${await emulatorHost()}></direct-upload>`,
    );
    const recorder = recordEvents(el);
    expect(await el.selectFiles([image('a.png'), image('b.png')])).to.deep.equal([false, false]);
    expect(recorder.types()).to.deep.equal(['upload-error']);
    expect(recorder.of('upload-error')).to.deep.equal([
      {
        file: null,
        reason: 'config',
        message: 'Several images need one upload URL each: set uploadURLProvider or upload-url-endpoint. Nothing was sent.',
      },
    ]);
    expect(el.status).to.equal('error');
    expect(await uploadRequestsFor(id)).to.deep.equal([]);
  });

  it('removing the element aborts every upload in flight', async () => {
    const { provider, given } = galleryProvider(() => ({ stallAfterBytes: 0 }));
    const el = await gallery(provider);
    const recorder = recordEvents(el);
    void el.selectFiles(['a.png', 'b.png', 'c.png'].map((name) => image(name, 128 * 1024)));
    await waitUntil(() => given.length === 3, 'three URLs were not fetched');
    for (const fresh of given) await waitForUploads(fresh.id, (rs) => rs.some((r) => r.method === 'POST'), 'an upload never started');
    el.remove();
    await waitUntil(() => recorder.of('upload-error').length === 3, 'removing the element did not abort every upload');
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['aborted', 'aborted', 'aborted']);
    for (const fresh of given) {
      await waitForUploads(fresh.id, (rs) => rs.some((r) => r.outcome === 'aborted'), 'an upload was not aborted');
    }
  });

  it('with manual, waits for upload(), then sends every file held', async () => {
    const { provider, given } = galleryProvider();
    const el = await gallery(provider, { manual: true });
    await el.selectFiles([image('a.png'), image('b.png')]);
    expect(el.files.map((f) => f.status)).to.deep.equal(['ready', 'ready']);
    expect(given).to.have.length(0);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="upload-button"]')!.click();
    await waitUntil(() => el.status === 'success', 'the files were not uploaded');
    expect(given).to.have.length(2);
  });
});

describe('<direct-upload> without multiple', () => {
  it('a drop of several files takes the first image and says only one can be added', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const transfer = new DataTransfer();
    transfer.items.add(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
    transfer.items.add(image('first.png'));
    transfer.items.add(image('second.png'));
    const success = oneEvent(el, 'upload-success');
    el.shadowRoot!.querySelector('[part="base"]')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true }),
    );
    expect((await success).detail.file.name).to.equal('first.png');
    expect(recorder.of('file-rejected').map((e) => [e.file.name, e.reason])).to.deep.equal([
      ['notes.txt', 'count'],
      ['second.png', 'count'],
    ]);
    expect(el.status).to.equal('success');
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('Uploaded. Only one image can be added here; “second.png” was not.');
    expect(await posts(id)).to.have.length(1);
  });

  it('fires queue-complete once the one file is done', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const file = image('dot.png');
    const complete = oneEvent(el, 'queue-complete');
    await el.selectFile(file);
    expect((await complete).detail).to.deep.equal({ succeeded: [{ file, id }], failed: [] });
  });
});
