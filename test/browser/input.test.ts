/** Ways an image gets in besides the file picker and drops: pasting, and a phone's camera. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import type { QueueCompleteDetail } from '../../src/events.js';
import { emulatorHost, mintUploadURL, uploadRequestsFor } from './emulator.js';
import { galleryProvider, gallery, image, posts } from './gallery-helpers.js';
import { uploaderFor } from './helpers.js';

/** Pastes what a clipboard holding `files` (and maybe text) gives, at the focused control. */
function paste(el: DirectUploadElement, files: File[], text?: string): ClipboardEvent {
  const clipboard = new DataTransfer();
  for (const file of files) clipboard.items.add(file);
  if (text !== undefined) clipboard.setData('text/plain', text);
  el.focus();
  const target = el.shadowRoot!.activeElement ?? el;
  const event = new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, composed: true, cancelable: true });
  // Firefox copies a script-made ClipboardEvent's data without its files (a real paste has them),
  // so there the event is given the clipboard itself.
  if (event.clipboardData?.files.length !== clipboard.files.length) {
    Object.defineProperty(event, 'clipboardData', { value: clipboard });
  }
  target.dispatchEvent(event);
  return event;
}

describe('<direct-upload> input', () => {
  it('uploads an image pasted while it has focus', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const success = oneEvent(el, 'upload-success');
    const event = paste(el, [image('screenshot.png')]);
    expect(event.defaultPrevented, 'the page does not paste it too').to.equal(true);
    expect((await success).detail.file.name).to.equal('screenshot.png');
    expect((await posts(id)).length).to.equal(1);
  });

  it('with multiple, takes every pasted image', async () => {
    const { provider, given } = galleryProvider();
    const el = await gallery(provider);
    const done = oneEvent(el, 'queue-complete');
    paste(el, [image('one.png'), image('two.png')]);
    const { succeeded } = ((await done) as CustomEvent<QueueCompleteDetail>).detail;
    expect(succeeded.map((s) => s.file.name).sort()).to.deep.equal(['one.png', 'two.png']);
    expect(given.length).to.equal(2);
  });

  it('leaves pasted text to the page, and takes nothing while disabled', async () => {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    const text = paste(el, [], 'just words');
    expect(text.defaultPrevented).to.equal(false);
    el.disabled = true;
    await el.updateComplete;
    const disabled = paste(el, [image('photo.png')]);
    expect(disabled.defaultPrevented).to.equal(false);
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(await uploadRequestsFor(id)).to.deep.equal([]);
  });

  it('asks a phone for its camera with capture', async () => {
    const el = await fixture<DirectUploadElement>(
      html`<direct-upload capture="environment" upload-hosts=${await emulatorHost()}></direct-upload>`,
    );
    const input = () => el.shadowRoot!.querySelector('input[type="file"]')!;
    expect(input().getAttribute('capture')).to.equal('environment');
    el.capture = '';
    await el.updateComplete;
    expect(input().hasAttribute('capture')).to.equal(false);
  });
});
