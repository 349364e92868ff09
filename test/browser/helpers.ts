import { fixture, html, oneEvent } from '@open-wc/testing';
import { DirectUploadElement } from '../../src/index.js';
import { emulatorHost } from './emulator.js';

/** A `<direct-upload>` that may upload to the emulator. */
export async function uploaderFor(uploadURL: string, options: { manual?: boolean } = {}) {
  return fixture<DirectUploadElement>(
    html`<direct-upload
      upload-url=${uploadURL}
      upload-hosts=${await emulatorHost()}
      ?manual=${options.manual ?? false}
    ></direct-upload>`,
  );
}

/** Text the element shows in one of its parts, as a person reads it. */
export function partText(el: DirectUploadElement, part: string): string {
  return el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.trim() ?? '';
}

/** Loads a page in a frame (removed again by `close`), for code that must run in a page of its own. */
export async function openFrame(source: { src: string } | { srcdoc: string }) {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  Object.assign(frame, source);
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as Window & typeof globalThis, close: () => frame.remove() };
}
