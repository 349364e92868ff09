import { expect, oneEvent } from '@open-wc/testing';
import { onePixelPNG } from '../fixtures/images.js';
import { mintUploadURL } from './emulator.js';
import { partText, uploaderFor } from './helpers.js';

describe('<direct-upload> UI', () => {
  it('renders a file name containing HTML as text', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    const name = '<img src=x onerror="window.__injected=1">.png';
    await el.selectFile(new File([onePixelPNG], name, { type: 'image/png' }));
    await el.updateComplete;
    expect(partText(el, 'file-name')).to.equal(name);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __injected?: number }).__injected).to.equal(undefined);
  });

  it('opens the file picker from its button', async () => {
    const el = await uploaderFor('');
    const input = el.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).to.equal(el.accept);
    const clicked = oneEvent(input, 'click');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await clicked;
  });

  it('uploads a file chosen in the file input', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const input = el.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File([onePixelPNG], 'picked.png', { type: 'image/png' }));
    input.files = transfer.files;
    const success = oneEvent(el, 'upload-success');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect((await success).detail.file.name).to.equal('picked.png');
    await el.updateComplete;
    expect(partText(el, 'status')).to.equal('Uploaded.');
    expect(partText(el, 'file-name')).to.equal('picked.png');
    expect(input.value, 'cleared, so choosing the same file again is a change').to.equal('');
  });

  it('uploads a dropped file', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([onePixelPNG], 'dropped.png', { type: 'image/png' }));
    const dragover = new DragEvent('dragover', { dataTransfer: transfer, cancelable: true, bubbles: true });
    base.dispatchEvent(dragover);
    expect(dragover.defaultPrevented).to.equal(true);
    const success = oneEvent(el, 'upload-success');
    base.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true, bubbles: true }));
    expect((await success).detail.file.name).to.equal('dropped.png');
  });

  it('shows progress while uploading and the message of an error', async () => {
    const el = await uploaderFor('http://localhost:9/upload/nowhere');
    el.uploadHosts = 'localhost:9';
    const started = oneEvent(el, 'upload-start');
    const done = el.selectFile(new File([onePixelPNG], 'dot.png', { type: 'image/png' }));
    await started;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress[part="progress"]')).not.to.equal(null);
    expect(partText(el, 'status')).to.match(/^Uploading… 0\s?%$/);
    await done;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    expect(partText(el, 'status')).to.equal('The upload could not reach the server. Check the connection and try again.');
  });
});
