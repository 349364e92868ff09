import { expect, waitUntil } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG } from '../fixtures/images.js';
import { emulatorHost, uploadRequestsFor } from './emulator.js';
import { openFrame } from './helpers.js';

/** Opens a built example (npm test builds them) in a frame, as a visitor would. */
async function openExample(name: string) {
  const { win, close } = await openFrame({ src: `/examples/${name}/?upload-hosts=${encodeURIComponent(await emulatorHost())}` });
  let el: DirectUploadElement | null = null;
  await waitUntil(() => (el = win.document.querySelector('direct-upload'))?.shadowRoot, `${name} never rendered <direct-upload>`);
  return { close, win, el: el! };
}

/** Chooses a file in the element's file input, as a person does. */
function chooseFile(win: Window & typeof globalThis, el: DirectUploadElement) {
  const input = el.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
  const transfer = new win.DataTransfer();
  transfer.items.add(new win.File([onePixelPNG], 'dot.png', { type: 'image/png' }));
  input.files = transfer.files;
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

describe('framework examples, built as their users build them', function () {
  this.timeout(20_000);
  for (const [name, label] of [
    ['react', 'React 19, the element itself'],
    ['react18', 'React 18, <DirectUpload> from direct-upload/react'],
    ['vue', 'Vue 3, the element in a single-file component'],
  ]) {
    it(`${label}: the property binding reaches the element, and the framework's handler sees upload-success`, async () => {
      const { close, win, el } = await openExample(name);
      try {
        expect(typeof el.uploadURLProvider, 'uploadURLProvider was set as a property').to.equal('function');
        expect(el.uploadHosts).to.equal(await emulatorHost());
        chooseFile(win, el);
        let status = '';
        await waitUntil(
          () => (status = win.document.querySelector('[role="status"]')?.textContent ?? '').startsWith('Uploaded '),
          `${name} never showed the upload (alert: ${win.document.querySelector('[role="alert"]')?.textContent ?? 'none'})`,
          { timeout: 10_000 },
        );
        const id = status.slice('Uploaded '.length);
        expect(el.uploadURL, 'the upload went to the URL the provider gave').to.match(new RegExp(`/${id}$`));
        const posts = (await uploadRequestsFor(id)).filter((r) => r.method === 'POST');
        expect(posts.map((r) => r.status)).to.deep.equal([200]);
      } finally {
        close();
      }
    });
  }
});
