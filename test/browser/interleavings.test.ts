/** People and pages acting while a file is checked, waiting or sent: what races.test.ts does not cover. */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { QueueCompleteDetail } from '../../src/index.js';
import { emulator, emulatorHost, isStored, mintUploadURL, misbehave, uploadRequestsFor, waitForUploads } from './emulator.js';
import { recordEvents } from './events.js';
import { gallery, galleryProvider, image, posts } from './gallery-helpers.js';
import { uploaderFor } from './helpers.js';
import { prng, watchErrors, watchListeners, within } from './reliability.js';

/** Polls the emulator until `id` has seen `count` finished POSTs; quick enough to act inside a 0.6 s back-off. */
async function finishedPosts(id: string, count: number) {
  await waitUntil(async () => (await posts(id)).filter((r) => r.outcome !== 'pending').length >= count, `${count} finished POSTs`, {
    timeout: 10_000,
    interval: 10,
  });
}

describe('<direct-upload> interleaved with the page and the person', () => {
  let errors: ReturnType<typeof watchErrors>;
  beforeEach(() => (errors = watchErrors()));
  afterEach(() => {
    errors.stop();
    expect(errors.seen, 'uncaught errors').to.deep.equal([]);
  });

  it('three files chosen at once: only the last is checked through and sent', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const files = [image('a.png'), image('b.png'), image('c.png')];
    const results = await within(Promise.all(files.map((file) => el.selectFile(file))), 5000);
    expect(results).to.deep.equal([false, false, true]);
    expect(recorder.milestones()).to.deep.equal(['file-accepted', 'upload-start', 'upload-success']);
    expect(recorder.of('file-accepted')[0].file).to.equal(files[2]);
    expect((await posts(id)).map((r) => r.files[0].filename)).to.deep.equal(['c.png']);
  });

  it('files chosen one after another while each is being checked: the last is sent, once', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const random = prng(7);
    el.validate = async () => {
      await aTimeout(random.below(60));
      return null;
    };
    const files = Array.from({ length: 8 }, (_, i) => image(`${i}.png`));
    const choices: Promise<boolean>[] = [];
    for (const file of files) {
      choices.push(el.selectFile(file));
      await aTimeout(random.below(30));
    }
    const results = await within(Promise.all(choices), 5000);
    // A file whose check ended before the next was chosen was accepted (and its upload then
    // stopped); which ones depends on the engine's timers. The rest were superseded mid-check.
    const accepted = recorder.of('file-accepted').map((e) => e.file);
    expect(results).to.deep.equal(files.map((file) => accepted.includes(file)));
    expect(results.at(-1)).to.equal(true);
    const stored = (await posts(id)).filter((r) => r.outcome === 'complete');
    expect(stored.map((r) => r.files[0].filename)).to.deep.equal(['7.png']);
    expect(el.status).to.equal('success');
  });

  it('three galleries’ worth chosen at once, with checks of random length: each file sent once, to its own URL, max-parallel kept', async () => {
    const { provider, given } = galleryProvider(() => ({ delayMs: 100 }));
    const el = await gallery(provider, { maxParallel: 2 });
    const random = prng(11);
    el.validate = async () => {
      await aTimeout(random.below(80));
      return null;
    };
    await fetch(`${(await emulator()).origin}/__emulator/in-flight`, { method: 'POST' });
    const batches = [0, 1, 2].map((b) => [0, 1, 2].map((i) => image(`${b}-${i}.png`)));
    const results = await within(Promise.all(batches.map((batch) => el.selectFiles(batch))), 15_000);
    expect(results).to.deep.equal(batches.map((batch) => batch.map(() => true)));
    expect(el.files.map((f) => f.status)).to.deep.equal(Array(9).fill('success'));
    const sent = await Promise.all(given.map(async (g) => (await posts(g.id)).map((r) => r.files[0].filename)));
    expect(sent.flat().sort()).to.deep.equal(
      batches
        .flat()
        .map((f) => f.name)
        .sort(),
    );
    expect(
      sent.every((names) => names.length === 1),
      `POSTs per URL: ${sent.map((s) => s.length)}`,
    ).to.equal(true);
    const { most } = (await (await fetch(`${(await emulator()).origin}/__emulator/in-flight`)).json()) as { most: number };
    expect(most, 'uploads at once').to.be.at.most(2);
  });

  it('cancel() while the request waits for its preflight: aborted at once, nothing sent; the retry is one upload', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { hangPreflight: true });
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const done = el.selectFile(image('a.png'));
    await waitForUploads(id, (rs) => rs.some((r) => r.method === 'OPTIONS'), 'no preflight');
    el.cancel();
    expect(await within(done, 2000)).to.equal(true);
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['aborted']);
    expect(await posts(id)).to.deep.equal([]);
    await misbehave(id, {});
    await el.retry();
    expect(el.status).to.equal('success');
    expect((await posts(id)).map((r) => r.outcome)).to.deep.equal(['complete']);
  });

  it('a file removed during the retry back-off after a 503 is not sent again', async () => {
    const { provider, given } = galleryProvider(() => ({ failWith: 503 }));
    const el = await gallery(provider);
    const recorder = recordEvents(el);
    const completes: QueueCompleteDetail[] = [];
    el.addEventListener('queue-complete', (e) => completes.push(e.detail));
    const file = image('a.png');
    const done = el.selectFiles([file]);
    await waitUntil(() => given.length === 1, 'no URL');
    // The third 503 is followed by a 0.6 s back-off.
    await finishedPosts(given[0].id, 3);
    el.removeFile(file);
    expect(await within(done, 2000)).to.deep.equal([true]);
    await aTimeout(1500);
    expect(await posts(given[0].id), 'POSTs').to.have.length(3);
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['aborted']);
    expect(el.files).to.deep.equal([]);
    // The batch ends; a file the person took out is not counted in it.
    expect(completes.map((c) => [c.succeeded.length, c.failed.length])).to.deep.equal([[0, 0]]);
  });

  it('the element removed during the retry back-off sends nothing more', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { failWith: 503 });
    const el = await uploaderFor(uploadURL);
    const done = el.selectFile(image('a.png'));
    await finishedPosts(id, 3);
    el.remove();
    await within(done, 2000);
    await aTimeout(1500);
    expect(await posts(id), 'POSTs').to.have.length(3);
  });

  it('a new upload-url set during the retry back-off: the retry still goes to the URL it began with', async () => {
    const first = await mintUploadURL();
    await misbehave(first.id, { failWith: 503, times: 2 });
    const el = await uploaderFor(first.uploadURL);
    const recorder = recordEvents(el);
    const done = el.selectFile(image('a.png'));
    await finishedPosts(first.id, 1);
    const second = await mintUploadURL();
    el.uploadURL = second.uploadURL;
    await done;
    expect(recorder.of('upload-success').map((e) => e.id)).to.deep.equal([first.id]);
    expect((await posts(first.id)).map((r) => r.status)).to.deep.equal([503, 503, 200]);
    expect(await uploadRequestsFor(second.id)).to.deep.equal([]);
    await el.selectFile(image('b.png'));
    expect(recorder.of('upload-success').map((e) => e.id)).to.deep.equal([first.id, second.id]);
  });

  it('upload-url cleared mid-upload: the upload finishes, and the next file is refused for want of a URL', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { delayMs: 300 });
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    const done = el.selectFile(image('a.png'));
    await waitForUploads(id, (rs) => rs.some((r) => r.method === 'POST'), 'no POST');
    el.uploadURL = '';
    await done;
    expect(el.status).to.equal('success');
    await el.selectFile(image('b.png'));
    expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(['config']);
    expect(await posts(id)).to.have.length(1);
  });

  it('removed and added back twenty times mid-upload: each removal stops the request, no listener is left, and it still uploads', async () => {
    const { provider, given } = galleryProvider((n) => (n < 20 ? { stallAfterBytes: 0 } : undefined));
    const listeners = watchListeners([window]);
    const parent = document.createElement('div');
    document.body.append(parent);
    const el = document.createElement('direct-upload');
    el.uploadHosts = await emulatorHost();
    el.uploadURLProvider = provider;
    const recorder = recordEvents(el);
    try {
      parent.append(el);
      for (let i = 0; i < 20; i += 1) {
        const done = el.selectFile(image(`${i}.png`));
        await waitUntil(() => given.length === i + 1, `no URL for try ${i}`);
        await waitForUploads(given[i].id, (rs) => rs.some((r) => r.method === 'POST'), `no POST for try ${i}`);
        el.remove();
        expect(await within(done, 3000), `try ${i} settled`).to.equal(true);
        parent.append(el);
      }
      await el.selectFile(image('last.png'));
      expect(el.status).to.equal('success');
      for (const g of given.slice(0, 20)) {
        await waitForUploads(g.id, (rs) => rs.every((r) => r.outcome !== 'pending'), 'a stalled request was left open');
        expect(await isStored(g.id)).to.equal(false);
      }
      expect(recorder.of('upload-error').map((e) => e.reason)).to.deep.equal(Array(20).fill('aborted'));
      el.remove();
      expect(listeners.held(), 'window listeners kept after removal').to.deep.equal({});
    } finally {
      listeners.stop();
      parent.remove();
    }
  });

  it('removed and added back in a loop before its URL expires: url-expired fires once', async () => {
    const { uploadURL } = await mintUploadURL();
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('direct-upload');
    el.uploadHosts = await emulatorHost();
    el.uploadURL = uploadURL;
    el.expiry = new Date(Date.now() + 600).toISOString();
    const recorder = recordEvents(el);
    for (let i = 0; i < 20; i += 1) {
      parent.append(el);
      await el.updateComplete;
      el.remove();
    }
    parent.append(el);
    await waitUntil(() => recorder.of('url-expired').length > 0, 'url-expired never fired', { timeout: 3000 });
    await aTimeout(300);
    expect(recorder.of('url-expired').map((e) => e.detectedBy)).to.deep.equal(['clock']);
  });
});
