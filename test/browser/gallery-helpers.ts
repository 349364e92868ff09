import { fixture, html } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { emulatorHost, mintUploadURL, misbehave, uploadRequestsFor, type Behaviour } from './emulator.js';

/** A PNG named `name`: one pixel, or padded to `bytes`. */
export const image = (name: string, bytes = 0) => new File([bytes ? paddedPNG(bytes) : onePixelPNG], name, { type: 'image/png' });

/** The upload POSTs the emulator saw for one draft. */
export const posts = async (id: string) => (await uploadRequestsFor(id)).filter((r) => r.method === 'POST');

/**
 * A provider that mints a URL per call through the backend, as a site's would, and remembers what
 * it gave; `misbehaviour(n)` tells the emulator how the n-th URL (from 0) should misbehave.
 */
export function galleryProvider(misbehaviour: (n: number) => Behaviour | undefined = () => undefined) {
  const given: { uploadURL: string; id: string }[] = [];
  const provider = async () => {
    const fresh = await mintUploadURL();
    const behaviour = misbehaviour(given.length);
    given.push(fresh);
    if (behaviour) await misbehave(fresh.id, behaviour);
    return fresh;
  };
  return { provider, given };
}

/** A `<direct-upload multiple>` that may upload to the emulator and gets its URLs from `provider`. */
export async function gallery(
  provider: () => Promise<unknown>,
  attributes: { maxParallel?: number; maxFiles?: number; manual?: boolean } = {},
) {
  const el = await fixture<DirectUploadElement>(html`<direct-upload
    multiple
    upload-hosts=${await emulatorHost()}
    max-parallel=${attributes.maxParallel ?? 3}
    max-files=${attributes.maxFiles ?? 20}
    ?manual=${attributes.manual ?? false}
  ></direct-upload>`);
  el.uploadURLProvider = provider as DirectUploadElement['uploadURLProvider'];
  return el;
}
