import { expect, oneEvent } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG } from '../fixtures/images.js';
import { emulatorHost, mintUploadURL } from './emulator.js';
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
});
