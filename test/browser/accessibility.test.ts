/** What a screen reader or keyboard user gets: names, announcements, focus, Escape, axe per state. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { DirectUploadElement } from '../../src/index.js';
import { emulatorHost, mintUploadURL, misbehave } from './emulator.js';
import { image } from './gallery-helpers.js';
import { uploaderFor } from './helpers.js';

const part = (el: DirectUploadElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const focusedPart = (el: DirectUploadElement) => el.shadowRoot!.activeElement?.getAttribute('part');

/** Every text the polite live region takes, in order. */
function listen(el: DirectUploadElement) {
  const region = el.shadowRoot!.querySelector('[role="status"]')!;
  const texts: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent?.trim() ?? '';
    if (text && text !== texts.at(-1)) texts.push(text);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { texts, stop: () => observer.disconnect() };
}

describe('<direct-upload> accessibility', () => {
  it('announces a slow upload’s start, its quarters and its success, not every progress event', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 1_500_000 });
    const el = await uploaderFor(uploadURL);
    const heard = listen(el);
    let progressEvents = 0;
    el.addEventListener('upload-progress', () => (progressEvents += 1));
    await el.selectFile(image('photo.png', 9.5 * 1024 * 1024));
    await el.updateComplete;
    heard.stop();
    expect(heard.texts[0]).to.match(/^Uploading… 0\s?%$/);
    expect(heard.texts.at(-1)).to.equal('Uploaded.');
    expect(heard.texts.length, heard.texts.join(' | ')).to.be.at.most(5);
    const percents = heard.texts.slice(0, -1).map((text) => Number(text.replace(/\D/g, '')));
    expect(percents).to.deep.equal([...percents].sort((a, b) => a - b));
    expect(progressEvents, 'the test saw more progress than was spoken').to.be.greaterThan(heard.texts.length - 2);
  });

  it('says an error at once through an alert tied to the button', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { failWith: 500, times: 10 });
    const el = await uploaderFor(uploadURL);
    await el.selectFile(image('photo.png'));
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(el.status).to.equal('error');
    expect(alert.textContent?.trim()).to.equal(part(el, 'status')!.textContent?.trim());
    expect(alert.textContent?.trim()).to.equal('Something went wrong on the server. Try again in a moment.');
    expect(part(el, 'button')!.getAttribute('aria-describedby')).to.equal('status');
    expect(el.shadowRoot!.getElementById('status')).to.equal(part(el, 'status'));
  });

  it('names its progress bar', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 200_000 });
    const el = await uploaderFor(uploadURL);
    const sending = el.selectFile(image('holiday.png', 400_000));
    await oneEvent(el, 'upload-start');
    await el.updateComplete;
    expect(part(el, 'progress')!.getAttribute('aria-label')).to.equal('holiday.png');
    el.cancel();
    await sending;
  });

  it('takes the page’s name for it: aria-label, aria-labelledby or a <label for>', async () => {
    const host = await emulatorHost();
    const root = await fixture<HTMLDivElement>(html`<div>
      <direct-upload id="a" aria-label="Profile photo" upload-hosts=${host}></direct-upload>
      <span id="cover-name">Cover image</span>
      <direct-upload id="b" aria-labelledby="cover-name" upload-hosts=${host}></direct-upload>
      <label for="c">Receipt</label>
      <direct-upload id="c" upload-hosts=${host}></direct-upload>
      <direct-upload id="d" upload-hosts=${host}></direct-upload>
    </div>`);
    const names = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      const el = root.querySelector<DirectUploadElement>(`#${id}`)!;
      el.requestUpdate();
      await el.updateComplete;
      names.push(part(el, 'button')!.getAttribute('aria-label'));
    }
    expect(names).to.deep.equal(['Profile photo: Choose image', 'Cover image: Choose image', 'Receipt: Choose image', null]);
    const labelled = root.querySelector<DirectUploadElement>('#c')!;
    root.querySelector('label')!.click();
    expect(document.activeElement).to.equal(labelled);
    expect(focusedPart(labelled)).to.equal('button');
  });

  it('moves focus to the control that replaces a pressed button, never to the page', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 100_000 });
    const el = await uploaderFor(uploadURL, { manual: true });
    await el.selectFile(image('photo.png', 400_000));
    await el.updateComplete;
    part(el, 'upload-button')!.focus();
    part(el, 'upload-button')!.click();
    await waitUntil(() => part(el, 'cancel-button'), 'no Cancel button while uploading');
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(focusedPart(el)).to.equal('cancel-button');

    part(el, 'cancel-button')!.click();
    await waitUntil(() => part(el, 'retry-button'), 'no Try again after a cancel');
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(focusedPart(el)).to.equal('retry-button');
  });

  it('Escape cancels an upload in flight', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 100_000 });
    const el = await uploaderFor(uploadURL);
    const sending = el.selectFile(image('photo.png', 400_000));
    await oneEvent(el, 'upload-start');
    await el.updateComplete;
    el.focus();
    const error = oneEvent(el, 'upload-error');
    el.shadowRoot!.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }),
    );
    expect((await error).detail.reason).to.equal('aborted');
    await sending;
    await el.updateComplete;
    expect(part(el, 'retry-button')!.textContent?.trim()).to.equal('Try again');
  });

  it('Try again re-sends the same file after a server error', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { failWith: 500, times: 4 });
    const el = await uploaderFor(uploadURL);
    const file = image('photo.png');
    await el.selectFile(file);
    await el.updateComplete;
    expect(el.status).to.equal('error');
    const success = oneEvent(el, 'upload-success');
    part(el, 'retry-button')!.click();
    expect((await success).detail.file).to.equal(file);
  });
});

describe('<direct-upload> under axe', () => {
  it('has no violations in any state it reaches', async () => {
    const { uploadURL, id } = await mintUploadURL();
    await misbehave(id, { bytesPerSecond: 100_000 });
    const el = await uploaderFor(uploadURL, { manual: true });
    const states: string[] = [];
    const check = async () => {
      await el.updateComplete;
      states.push(el.status);
      await expect(el).to.be.accessible();
    };
    await check(); // idle
    await el.selectFile(image('photo.png', 300_000));
    await check(); // ready
    const sending = el.upload();
    await oneEvent(el, 'upload-start');
    await check(); // uploading
    el.cancel();
    await sending;
    await check(); // error (cancelled), with Try again
    const refused = await el.selectFile(new File(['<html></html>'], 'page.png', { type: 'image/png' }));
    expect(refused).to.equal(false);
    await check(); // a refusal shown
    const fresh = await mintUploadURL();
    el.uploadURL = fresh.uploadURL;
    await el.selectFile(image('photo.png'));
    await el.upload();
    await check(); // success
    expect(states).to.deep.equal(['idle', 'ready', 'uploading', 'error', 'error', 'success']);
  });

  it('has no violations as a gallery with files in several states', async () => {
    const el = await fixture<DirectUploadElement>(
      html`<direct-upload multiple manual upload-hosts=${await emulatorHost()}></direct-upload>`,
    );
    el.uploadURLProvider = async () => {
      const fresh = await mintUploadURL();
      if (fresh) await misbehave(fresh.id, { failWith: 400, times: 1 });
      return fresh;
    };
    await el.selectFiles([image('a.png'), image('b.png')]);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await el.upload();
    await el.updateComplete;
    expect(el.files.map((f) => f.status)).to.deep.equal(['error', 'error']);
    await expect(el).to.be.accessible();
  });
});

describe('<direct-upload> in light and dark pages', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps its error readable on a ${scheme} page (axe, contrast included)`, async () => {
      const { uploadURL, id } = await mintUploadURL();
      await misbehave(id, { failWith: 500, times: 10 });
      const page = await fixture<HTMLDivElement>(html`<div
        style=${scheme === 'dark' ? 'color-scheme: dark; background: #121212; color: #e8e8e8; padding: 1em' : 'color-scheme: light; background: #fff; color: #1b1b1b; padding: 1em'}
      >
        <direct-upload upload-url=${uploadURL} upload-hosts=${await emulatorHost()}></direct-upload>
      </div>`);
      const el = page.querySelector('direct-upload') as DirectUploadElement;
      await el.selectFile(image('photo.png'));
      await el.updateComplete;
      expect(el.status).to.equal('error');
      const colour = getComputedStyle(part(el, 'status')!).color;
      expect(colour).to.equal(scheme === 'dark' ? 'rgb(255, 180, 171)' : 'rgb(179, 38, 30)');
      await expect(page).to.be.accessible();
    });
  }
});
