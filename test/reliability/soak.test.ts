/** Long runs: many elements and uploads, then what is left of them in the heap; a long slow link. */
import { aTimeout, expect } from '@open-wc/testing';
import Uppy from '@uppy/core';
import '../../src/index.js';
import { DirectUploadElement } from '../../src/index.js';
import { FileUpload } from '../../src/file-upload.js';
import { paddedPNG } from '../fixtures/images.js';
import { emulatorHost, isStored, mintUploadURL, misbehave } from '../browser/emulator.js';
import { recordEvents } from '../browser/events.js';
import { galleryProvider, image, posts } from '../browser/gallery-helpers.js';
import { liveObjects, network, prng, watchErrors, watchListeners } from '../browser/reliability.js';

// The prototypes whose live instances are counted, reachable by an expression in the page.
Object.assign(globalThis, {
  directUploadProbes: { element: DirectUploadElement.prototype, upload: FileUpload.prototype, uppy: Uppy.prototype },
});
const probes = {
  elements: 'globalThis.directUploadProbes.element',
  fileUploads: 'globalThis.directUploadProbes.upload',
  uppys: 'globalThis.directUploadProbes.uppy',
};

/** `count` elements, each made, given a URL, sent one image and removed; every tenth a gallery of three. */
async function round(count: number) {
  const hosts = await emulatorHost();
  for (let i = 0; i < count; i += 1) {
    const el = document.createElement('direct-upload');
    el.uploadHosts = hosts;
    document.body.append(el);
    if (i % 10 === 9) {
      el.multiple = true;
      el.uploadURLProvider = galleryProvider().provider;
      await el.selectFiles([image('a.png'), image('b.png'), image('c.png')]);
    } else {
      el.uploadURL = (await mintUploadURL()).uploadURL;
      await el.selectFile(image(`${i}.png`));
    }
    if (el.status !== 'success') throw new Error(`upload ${i} ended ${el.status}`);
    el.remove();
  }
  // Uppy keeps each instance for 3 s after it is made (a one-off online check); then it may go.
  await aTimeout(3500);
}

describe('<direct-upload> over a long session', function () {
  this.timeout(15 * 60_000);

  it('300 elements made, used and removed: none of them, their uploads or their Uppy instances stay in the heap', async function () {
    await round(10);
    const before = await liveObjects(probes);
    if (!before.supported) {
      console.warn(`Skipping the heap check: ${before.reason}.`);
      this.skip();
    }
    await round(100);
    const first = await liveObjects(probes);
    await round(200);
    const last = await liveObjects(probes);
    console.log(`heap used: ${before.usedBytes} after warm-up, ${first.usedBytes} after 100 more, ${last.usedBytes} after 200 more`);
    // Uppy's single instance that checks restrictions for every element stays; nothing else does.
    expect(last.counts).to.deep.equal({ elements: 0, fileUploads: 0, uppys: 1 });
    const growth = last.usedBytes! - first.usedBytes!;
    // Each URL this page used stays known (used URLs must stay refused): some bytes per upload, no more.
    expect(growth / 200, `bytes per upload kept: ${growth} over 200 uploads`).to.be.below(2048);
  });

  it('one gallery through 150 uploads with faults mixed in: each ends once, no URL takes two images, nothing left behind', async () => {
    const errors = watchErrors();
    const listeners = watchListeners([window, document]);
    const random = prng(Date.now() % 2 ** 31);
    const faults = [
      undefined,
      { failWith: 503, times: 1 },
      { resetAfterBytes: 1, times: 1 },
      { failWith: 500 },
      { delayMs: 50 },
      { failWith: 413 },
    ];
    const { provider, given } = galleryProvider(() => random.pick(faults));
    const el = document.createElement('direct-upload');
    el.uploadHosts = await emulatorHost();
    el.multiple = true;
    el.maxFiles = 200;
    el.uploadURLProvider = provider;
    document.body.append(el);
    const recorder = recordEvents(el);
    try {
      const files = Array.from({ length: 150 }, (_, i) => image(`${i}.png`, 1024 + random.below(128 * 1024)));
      for (let i = 0; i < files.length; i += 15) await el.selectFiles(files.slice(i, i + 15));
      const endings = new Map<File, number>();
      for (const e of recorder.events) {
        if (e.type === 'upload-success' || e.type === 'upload-error') endings.set(e.detail.file!, (endings.get(e.detail.file!) ?? 0) + 1);
      }
      expect(
        files.filter((f) => endings.get(f) !== 1).map((f) => f.name),
        'files not ended exactly once',
      ).to.deep.equal([]);
      expect(el.files.map((f) => f.status).filter((s) => s !== 'success' && s !== 'error')).to.deep.equal([]);
      for (const g of given) {
        const stored = (await posts(g.id)).filter((r) => r.status === 200);
        expect(stored.length, `images stored through ${g.id}`).to.be.at.most(1);
      }
      el.remove();
      await aTimeout(50);
      expect(listeners.held(), 'listeners still held').to.deep.equal({});
      expect(errors.seen).to.deep.equal([]);
    } finally {
      listeners.stop();
      errors.stop();
      el.remove();
    }
  });

  it('1 MB over a 50 KB/s link with a 2 s stall-timeout: 20 s of steady progress, then stored', async function () {
    const throttled = await network({ uploadBytesPerSecond: 50_000 });
    if (!throttled.supported) this.skip();
    try {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, {});
      const el = document.createElement('direct-upload');
      el.uploadHosts = await emulatorHost();
      el.uploadURL = uploadURL;
      el.stallTimeout = 2000;
      document.body.append(el);
      const recorder = recordEvents(el);
      const size = 1024 * 1024;
      await el.selectFile(new File([paddedPNG(size)], 'slow.png', { type: 'image/png' }));
      el.remove();
      expect(recorder.of('upload-error')).to.deep.equal([]);
      const progress = recorder.of('upload-progress');
      expect(
        progress.every((p, i) => i === 0 || p.bytesUploaded >= progress[i - 1].bytesUploaded),
        'progress never goes back',
      ).to.equal(true);
      expect(new Set(progress.map((p) => p.percent)).size, 'distinct percents').to.be.at.least(50);
      expect(await isStored(id)).to.equal(true);
    } finally {
      await network({});
    }
  });
});
