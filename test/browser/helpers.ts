import { fixture, html } from '@open-wc/testing';
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
