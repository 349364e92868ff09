import { expect, oneEvent } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { emulatorHost, mintUploadURL, misbehave, uploadRequestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { openFrame } from './helpers.js';

/** Uploads a file with an element of another page and checks the emulator stored it under the URL's id. */
async function expectUploadThrough(win: Window & typeof globalThis, el: DirectUploadElement) {
  const { uploadURL, id } = await mintUploadURL();
  el.uploadHosts = await emulatorHost();
  el.uploadURL = uploadURL;
  const success = oneEvent(el, 'upload-success');
  await el.selectFile(new win.File([onePixelPNG], 'dot.png'));
  expect((await success).detail.id).to.equal(id);
}

describe('dist/direct-upload.min.js, the script-tag build (npm test builds it first)', () => {
  it('defines <direct-upload> from one classic script and uploads with it', async () => {
    const { win, close } = await openFrame({
      srcdoc: '<!doctype html><script src="/dist/direct-upload.min.js"></script><direct-upload></direct-upload>',
    });
    try {
      expect(win.customElements.get('direct-upload'), 'the script defined the element').to.be.a('function');
      const el = win.document.querySelector('direct-upload') as DirectUploadElement;
      // The stylesheet, minified at build time, still applies.
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(win.getComputedStyle(base).borderTopStyle).to.equal('dashed');
      expect(win.getComputedStyle(base).display).to.equal('flex');
      await expectUploadThrough(win, el);
    } finally {
      close();
    }
  });

  it('works under a strict Content Security Policy: default-src self, nothing inline, no eval', async () => {
    const { win, close } = await openFrame({ src: '/test/browser/csp-page.html' });
    try {
      const violations: string[] = [];
      win.document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      expect(win.customElements.get('direct-upload'), 'the script ran').to.be.a('function');
      const el = win.document.querySelector('direct-upload') as DirectUploadElement;
      await el.updateComplete;
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(win.getComputedStyle(base).display, 'the element’s styles applied').to.equal('flex');
      await expectUploadThrough(win, el);
      expect(violations).to.deep.equal([]);
    } finally {
      close();
    }
  });

  it('uploads, retries, refuses and reports as the npm build does, with Uppy’s strings, type table and byte formatter and lodash left out, and logs nothing', async () => {
    const { win, close } = await openFrame({
      srcdoc: '<!doctype html><script src="/dist/direct-upload.min.js"></script><direct-upload></direct-upload>',
    });
    const logged: unknown[][] = [];
    win.console.error = (...args: unknown[]) => logged.push(args);
    win.console.warn = (...args: unknown[]) => logged.push(args);
    try {
      const el = win.document.querySelector('direct-upload') as DirectUploadElement;
      el.uploadHosts = await emulatorHost();
      const recorder = recordEvents(el);
      const png = (bytes: number) => new win.File([paddedPNG(bytes)], 'photo.png');

      // Uppy's restrictions, whose messages came from the strings left out, still decide type and size.
      el.accept = 'image/jpeg';
      expect(await el.selectFile(png(1024))).to.equal(false);
      el.accept = 'image/png';
      el.maxFileSize = 2048;
      expect(await el.selectFile(png(4096))).to.equal(false);
      expect(recorder.of('file-rejected').map((e) => e.reason)).to.deep.equal(['type', 'size']);
      el.maxFileSize = 10 * 1024 * 1024;

      // Progress, throttled by the substitute throttle inside Uppy, still ends at 100.
      const first = await mintUploadURL();
      await misbehave(first.id, { failWith: 502, times: 1 });
      el.uploadURL = first.uploadURL;
      expect(await el.selectFile(png(512 * 1024))).to.equal(true);
      expect(el.status).to.equal('success');
      expect(recorder.of('upload-progress').at(-1)?.percent).to.equal(100);
      const tries = (await uploadRequestsFor(first.id)).filter((r) => r.method === 'POST');
      expect(
        tries.map((r) => r.status),
        'a 5xx is retried',
      ).to.deep.equal([502, 200]);

      // Uppy's table of types by extension is left out: what is sent carries the type read from the bytes.
      const typeless = await mintUploadURL();
      el.uploadURL = typeless.uploadURL;
      expect(await el.selectFile(new win.File([paddedPNG(1024)], 'photo.jpg'))).to.equal(true);
      const [sent] = (await uploadRequestsFor(typeless.id)).filter((r) => r.method === 'POST');
      expect(sent.files.map((f) => [f.field, f.filename, f.mimeType])).to.deep.equal([['file', 'photo.jpg', 'image/png']]);

      const refused = await mintUploadURL();
      await misbehave(refused.id, { failWith: 413 });
      el.uploadURL = refused.uploadURL;
      await el.selectFile(png(1024));
      expect(recorder.of('upload-error').map((e) => [e.reason, e.status, e.code])).to.deep.equal([['rejected', 413, 5413]]);
      expect(logged).to.deep.equal([]);
    } finally {
      close();
    }
  });
});
