/** Races and faults that once broke the per-file model: pages, providers and people acting mid-upload. */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DirectUploadElement, QueueCompleteDetail } from '../../src/index.js';
import { emulatorHost, isStored, mintUploadURL, misbehave, waitForUploads } from './emulator.js';
import { recordEvents } from './events.js';
import { gallery, galleryProvider, image, posts } from './gallery-helpers.js';
import { uploaderFor } from './helpers.js';

/** Resolves 'timed out' if `promise` has not settled within `ms`. */
const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, aTimeout(ms).then(() => 'timed out' as const)]);

/** Collects unhandled rejections and uncaught errors until `stop()`. */
function watchConsole() {
  const problems: string[] = [];
  const onRejection = (e: PromiseRejectionEvent) => {
    problems.push(`unhandledrejection: ${String(e.reason?.stack ?? e.reason)}`);
    e.preventDefault();
  };
  const onError = (e: ErrorEvent) => {
    problems.push(`error: ${e.message}`);
    e.preventDefault();
  };
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return {
    problems,
    stop: () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    },
  };
}

describe('<direct-upload> races and faults', () => {
  it('a provider that rejects with a non-Error (undefined) fails the file instead of hanging', async () => {
    const watch = watchConsole();
    const el = await gallery(() => Promise.reject(undefined));
    const file = image('a.png');
    const outcome = await within(el.selectFiles([file]), 3000);
    watch.stop();
    expect({ outcome, status: el.files.map((f) => f.status), problems: watch.problems.length }).to.deep.equal({
      outcome: [true],
      status: ['error'],
      problems: 0,
    });
  });

  it('a provider that rejects with a string says why', async () => {
    const el = await gallery(() => Promise.reject('the backend is down'));
    const recorder = recordEvents(el);
    await el.selectFiles([image('a.png')]);
    expect(recorder.of('upload-error').map((e) => e.message)).to.deep.equal(['Could not get a new upload URL: the backend is down']);
  });

  it('a classifyResponse that throws does not leave the file uploading forever', async () => {
    const watch = watchConsole();
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { failWith: 415 });
    const el = await uploaderFor(uploadURL);
    el.classifyResponse = () => {
      throw new Error('page bug');
    };
    const outcome = await within(el.selectFile(image('a.png')), 4000);
    watch.stop();
    expect({ outcome, status: el.status, problems: watch.problems.length }).to.deep.equal({ outcome: true, status: 'error', problems: 0 });
  });

  it('two selectFiles at once cannot hold more than max-files', async () => {
    const { provider } = galleryProvider();
    const el = await gallery(provider, { maxFiles: 2 });
    const results = await Promise.all([
      el.selectFiles([image('a.png')]),
      el.selectFiles([image('b.png')]),
      el.selectFiles([image('c.png')]),
    ]);
    expect(el.files.length, `held ${el.files.length} files with max-files 2; results ${JSON.stringify(results)}`).to.be.at.most(2);
  });

  it('raising max-parallel mid-batch starts more uploads (without waiting for an unrelated event)', async () => {
    const { provider, given } = galleryProvider((n) => (n === 0 ? { stallAfterBytes: 0 } : undefined));
    const el = await gallery(provider, { maxParallel: 1 });
    el.stallTimeout = 60_000;
    const done = el.selectFiles([image('stuck.png', 256 * 1024), image('b.png'), image('c.png')]);
    await waitUntil(() => given.length === 1, 'no URL');
    await waitForUploads(given[0].id, (rs) => rs.some((r) => r.method === 'POST'), 'no POST');
    await aTimeout(500);
    el.maxParallel = 3;
    await el.updateComplete;
    await aTimeout(1500);
    const fetched = given.length;
    el.cancel();
    await done;
    expect(fetched, 'URLs fetched 1.5 s after max-parallel went from 1 to 3').to.equal(3);
  });

  it('removing the only file mid-upload still ends the batch with queue-complete', async () => {
    const { provider, given } = galleryProvider(() => ({ stallAfterBytes: 0 }));
    const el = await gallery(provider);
    const completes: QueueCompleteDetail[] = [];
    el.addEventListener('queue-complete', (e) => completes.push(e.detail));
    const file = image('a.png', 128 * 1024);
    const done = el.selectFiles([file]);
    await waitUntil(() => given.length === 1, 'no URL');
    await waitForUploads(given[0].id, (rs) => rs.some((r) => r.method === 'POST'), 'no POST');
    el.removeFile(file);
    await done;
    await aTimeout(100);
    expect(el.status).to.equal('idle');
    expect(completes, 'queue-complete events').to.have.length(1);
  });

  it('removing the element while files are being checked sends nothing afterwards, and keeps them', async () => {
    const { provider, given } = galleryProvider();
    const el = await gallery(provider);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    el.validate = async () => {
      await gate;
      return null;
    };
    const done = el.selectFiles([image('a.png'), image('b.png')]);
    await aTimeout(50);
    el.remove();
    release();
    expect(await within(done, 3000)).to.deep.equal([true, true]);
    await aTimeout(500);
    expect(given, 'URLs fetched after the element was removed').to.have.length(0);
    expect(el.files.map((f) => [f.file.name, f.status])).to.deep.equal([
      ['a.png', 'ready'],
      ['b.png', 'ready'],
    ]);
  });

  it('without multiple, removing the element during the check sends nothing afterwards', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    el.validate = async () => {
      await gate;
      return null;
    };
    const done = el.selectFile(image('a.png'));
    await aTimeout(50);
    el.remove();
    release();
    await within(done, 3000);
    await aTimeout(300);
    expect(await posts(id), 'uploads after the element was removed').to.have.length(0);
    expect(await isStored(id)).to.equal(false);
  });

  it('reset() mid-upload, then a new file: the host\'s "used" is reported as maybeStored, as after cancel()', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { delayMs: 2000, times: 1 });
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    void el.selectFile(image('first.png'));
    await waitUntil(() => isStored(id), 'the first image was never stored', { timeout: 5000 });
    el.reset();
    await el.selectFile(image('second.png'));
    expect(el.status).to.equal('used');
    const [used] = recorder.of('url-used');
    expect(used.detectedBy).to.equal('server');
    expect(used.maybeStored, 'maybeStored').to.equal(true);
  });

  it('retry() of a file already stored does not upload it a second time', async () => {
    const { provider, given } = galleryProvider();
    const el = await gallery(provider);
    const file = image('a.png');
    await el.selectFiles([file]);
    expect(el.files[0].status).to.equal('success');
    await el.retry(file);
    expect(given, 'URLs fetched').to.have.length(1);
  });

  it('without multiple, manual, no provider: expiry passing during the check leaves the file expired (and says so)', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    const recorder = recordEvents(el);
    el.expiry = new Date(Date.now() + 300).toISOString();
    await el.updateComplete;
    el.validate = async () => {
      await aTimeout(800);
      return null;
    };
    await el.selectFile(image('a.png'));
    await aTimeout(100);
    expect(recorder.of('url-expired'), 'url-expired events').to.have.length(1);
    expect(el.status).to.equal('expired');
  });
});

describe('<direct-upload> without multiple, mid-upload', () => {
  it("without multiple, with a provider: a new file chosen while the first was being stored is not sent to the first file's URL", async () => {
    const { provider, given } = galleryProvider((n) => (n === 0 ? { delayMs: 2000 } : undefined));
    const el = await fixture<DirectUploadElement>(html`<direct-upload upload-hosts=${await emulatorHost()}></direct-upload>`);
    el.uploadURLProvider = provider;
    const recorder = recordEvents(el);
    const first = image('first.png');
    const second = image('second.png');
    void el.selectFile(first);
    await waitUntil(() => given.length === 1, 'no URL');
    await waitUntil(() => isStored(given[0].id), 'the first image was never stored', { timeout: 5000 });
    await el.selectFile(second);
    const used = recorder.of('url-used');
    expect(
      used.filter((e) => e.file === second && e.maybeStored),
      `url-used claims the second file may be stored as ${used[0]?.id} (the first file's image)`,
    ).to.deep.equal([]);
    expect(el.status).to.equal('success');
    expect(recorder.of('upload-success').map((e) => e.file)).to.deep.equal([second]);
  });

  it('a page calling upload() from its url-expired listener does not loop', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    el.expiry = new Date(Date.now() - 1000).toISOString();
    await el.updateComplete;
    let calls = 0;
    el.addEventListener('url-expired', () => {
      calls += 1;
      if (calls < 50) void el.upload();
    });
    await el.selectFile(image('a.png'));
    await aTimeout(200);
    expect(calls, 'url-expired events').to.be.at.most(3);
  });

  it('without multiple, a new file chosen during the URL fetch: one upload, to a fresh URL', async () => {
    const given: string[] = [];
    const el = await fixture<DirectUploadElement>(html`<direct-upload upload-hosts=${await emulatorHost()}></direct-upload>`);
    el.uploadURLProvider = async () => {
      const fresh = await mintUploadURL();
      given.push(fresh.id);
      await aTimeout(500);
      return fresh;
    };
    const recorder = recordEvents(el);
    const first = image('first.png');
    const second = image('second.png');
    const a = el.selectFile(first);
    await aTimeout(100);
    const b = el.selectFile(second);
    expect(await a).to.equal(true);
    expect(await b).to.equal(true);
    await aTimeout(700);
    expect(el.status).to.equal('success');
    expect(recorder.of('upload-start').map((e) => e.file)).to.deep.equal([second]);
  });

  it('cancel() during a multiple batch also holds back files still being checked, ready to send', async () => {
    const { provider, given } = galleryProvider(() => ({ stallAfterBytes: 0 }));
    const el = await gallery(provider);
    let n = 0;
    el.validate = async () => {
      if (n++ > 0) await aTimeout(400);
      return null;
    };
    const done = el.selectFiles([image('a.png', 128 * 1024), image('b.png', 128 * 1024)]);
    await waitUntil(() => given.length === 1, 'no URL');
    el.cancel();
    expect(await within(done, 2000)).to.deep.equal([true, true]);
    await aTimeout(300);
    expect(given, 'URLs fetched after cancel()').to.have.length(1);
    expect(el.files.map((f) => [f.file.name, f.status])).to.deep.equal([
      ['a.png', 'error'],
      ['b.png', 'ready'],
    ]);
  });
});

describe('<direct-upload> under a sequence of interruptions', () => {
  it('cancel during a slow URL fetch, then retry, remove element mid-fetch, reset mid-upload: no console errors, no double sends', async () => {
    const watch = watchConsole();
    const given: { id: string; uploadURL: string }[] = [];
    const slow = async () => {
      const fresh = await mintUploadURL();
      given.push(fresh);
      await aTimeout(300);
      return fresh;
    };
    const el = await gallery(slow, { maxParallel: 2 });
    const files = [image('a.png'), image('b.png'), image('c.png')];
    const done = el.selectFiles(files);
    await waitUntil(() => given.length === 2, 'two fetches');
    el.cancel(files[0]);
    void el.retry(files[0]);
    await done;
    await waitUntil(() => el.status === 'success', 'not all stored', { timeout: 5000 });
    const counts = await Promise.all(given.map(async (g) => (await posts(g.id)).length));
    expect(counts.filter((c) => c > 1)).to.deep.equal([]);
    const el2 = await gallery(slow);
    void el2.selectFiles([image('d.png'), image('e.png')]);
    await aTimeout(100);
    el2.remove();
    await aTimeout(600);
    el.reset();
    await aTimeout(100);
    watch.stop();
    expect(watch.problems).to.deep.equal([]);
  });
});
