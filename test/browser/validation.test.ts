import { expect, fixture, html } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import type { FileAcceptedDetail, FileRejectedDetail } from '../../src/events.js';
import { bmpHeader, gif, heif, htmlPage, jpegHeader, onePixelPNG, pngHeader, text, tiffHeader, webp } from '../fixtures/images.js';
import { mintUploadURL, requestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { uploaderFor } from './helpers.js';

type Outcome = { accepted: FileAcceptedDetail } | { rejected: FileRejectedDetail };

/** Chooses a file in an element that would upload it at once, and returns what it decided. */
async function choose(
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  configure: (el: DirectUploadElement) => void = () => {},
  type = '',
): Promise<Outcome & { el: DirectUploadElement }> {
  const { uploadURL, id } = await mintUploadURL();
  const el = await uploaderFor(uploadURL, { manual: true });
  configure(el);
  const recorder = recordEvents(el);
  await el.selectFile(new File([bytes], name, { type }));
  recorder.stop();
  const accepted = recorder.of('file-accepted');
  const rejected = recorder.of('file-rejected');
  expect(accepted.length + rejected.length, 'exactly one verdict').to.equal(1);
  expect(
    (await requestsFor(id)).filter((r) => r.kind === 'upload'),
    'nothing was sent',
  ).to.deep.equal([]);
  return accepted.length ? { el, accepted: accepted[0] } : { el, rejected: rejected[0] };
}

async function accepted(...args: Parameters<typeof choose>) {
  const outcome = await choose(...args);
  if (!('accepted' in outcome)) throw new Error(`expected acceptance, got: ${outcome.rejected.message}`);
  const { file, ...rest } = outcome.accepted;
  return rest;
}

async function rejected(...args: Parameters<typeof choose>) {
  const outcome = await choose(...args);
  if (!('rejected' in outcome)) throw new Error(`expected rejection, got acceptance as ${outcome.accepted.type}`);
  const { file, ...rest } = outcome.rejected;
  return rest;
}

describe('<direct-upload> validation by content', () => {
  describe('reads type and size from the header of every format Cloudflare takes', () => {
    const cases: [string, Uint8Array<ArrayBuffer>, string, number, number][] = [
      ['PNG', pngHeader(640, 480), 'image/png', 640, 480],
      ['JPEG', jpegHeader(4000, 3000), 'image/jpeg', 4000, 3000],
      ['GIF', gif(320, 200), 'image/gif', 320, 200],
      ['WebP', webp(800, 600), 'image/webp', 800, 600],
      ['HEIC', heif(4032, 3024), 'image/heic', 4032, 3024],
      [
        'HEIC in 512 px tiles, as phones write it',
        heif(4032, 3024, 'heic', [
          [512, 512],
          [512, 512],
        ]),
        'image/heic',
        4032,
        3024,
      ],
      ['SVG with width and height', text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"/>'), 'image/svg+xml', 300, 150],
      ['SVG with a viewBox only', text('<svg viewBox="0 0 120 60" xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml', 120, 60],
    ];
    for (const [label, bytes, type, width, height] of cases) {
      it(label, async () => {
        expect(await accepted(bytes, 'image', undefined)).to.deep.equal({ type, width, height });
      });
    }

    it('SVG after a BOM, XML declaration, comments and a doctype', async () => {
      const svg = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
        <!-- made by hand -->
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [ <!ENTITY a "b"> ]>
        <!-- another -->
        <svg width="40px" height="30px"></svg>`;
      expect(await accepted(text(svg), 'drawing.svg')).to.deep.equal({ type: 'image/svg+xml', width: 40, height: 30 });
    });
  });

  describe('content wins over name and MIME type', () => {
    it('a JPEG named .png, typed image/png, is a JPEG', async () => {
      expect(await accepted(jpegHeader(10, 20), 'photo.png', undefined, 'image/png')).to.deep.equal({
        type: 'image/jpeg',
        width: 10,
        height: 20,
      });
    });

    it('an extension in accept matches the content, not the name', async () => {
      const onlyPNG = (el: DirectUploadElement) => (el.accept = '.png');
      expect((await accepted(onePixelPNG, 'photo.jpg', onlyPNG, 'image/jpeg')).type).to.equal('image/png');
      expect(await rejected(gif(1, 1), 'anim.png', onlyPNG, 'image/png')).to.deep.equal({
        reason: 'type',
        message: '“anim.png” is a GIF image, which is not accepted here (accepted: .png).',
      });
    });

    it('wildcards match the content type', async () => {
      expect((await accepted(webp(2, 2), 'x.bin', (el) => (el.accept = 'image/*'))).type).to.equal('image/webp');
    });

    for (const [what, bytes, message] of [
      ['an HTML page', htmlPage, '“x.png” is an HTML document, not an image.'],
      ['a PDF', text('%PDF-1.7\n%âãÏÓ\n'), '“x.png” is a PDF document, not an image.'],
      ['a ZIP archive', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), '“x.png” is a ZIP archive, not an image.'],
      [
        'random bytes',
        Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256),
        '“x.png” is not an image in a format Cloudflare Images takes (JPEG, PNG, GIF, WebP, SVG or HEIC).',
      ],
    ] as const) {
      it(`${what} named .png is rejected for its type, saying what it is`, async () => {
        expect(await rejected(bytes, 'x.png', undefined, 'image/png')).to.deep.equal({ reason: 'type', message });
      });
    }

    for (const [format, bytes] of [
      ['BMP', bmpHeader],
      ['TIFF', tiffHeader],
      ['AVIF', heif(10, 10, 'avif')],
    ] as const) {
      it(`names ${format}, which Cloudflare does not take, even when accept allows image/*`, async () => {
        const article = format === 'AVIF' ? 'an' : 'a';
        expect(await rejected(bytes, 'x.png', (el) => (el.accept = 'image/*'))).to.deep.equal({
          reason: 'type',
          message: `“x.png” is ${article} ${format} image; Cloudflare Images takes JPEG, PNG, GIF, WebP, SVG or HEIC.`,
        });
      });
    }
  });

  describe('limits', () => {
    it('rejects a side over 12,000 px by default, with the numbers', async () => {
      expect(await rejected(pngHeader(12_480, 9_000), 'wide.png')).to.deep.equal({
        reason: 'dimensions',
        message: '“wide.png”: 12,480 × 9,000 px is larger than the 12,000 px limit.',
        limit: 12_000,
        actual: 12_480,
      });
      expect(await accepted(pngHeader(12_000, 100), 'edge.png')).to.deep.include({ width: 12_000 });
    });

    it('rejects an area over 100 megapixels: a header-only 10,001 × 10,001 PNG', async () => {
      expect(await rejected(pngHeader(10_001, 10_001), 'huge.png')).to.deep.equal({
        reason: 'area',
        message: '“huge.png”: 10,001 × 10,001 px is 100.02 megapixels, more than the 100 megapixel limit.',
        limit: 100_000_000,
        actual: 100_020_001,
      });
      expect(await accepted(pngHeader(10_000, 10_000), 'exact.png')).to.deep.include({ width: 10_000 });
    });

    it('takes its limits from attributes', async () => {
      const el = await fixture<DirectUploadElement>(
        html`<direct-upload max-dimension="500" max-area="1000" min-width="10" min-height="20" max-animation-area="5000"></direct-upload>`,
      );
      expect([el.maxDimension, el.maxArea, el.minWidth, el.minHeight, el.maxAnimationArea]).to.deep.equal([500, 1000, 10, 20, 5000]);
    });

    it('applies max-dimension, max-area, min-width and min-height', async () => {
      const limits = (el: DirectUploadElement) => Object.assign(el, { maxDimension: 500, maxArea: 200_000, minWidth: 100, minHeight: 50 });
      expect(await rejected(pngHeader(501, 10), 'a.png', limits)).to.deep.include({ reason: 'dimensions', limit: 500, actual: 501 });
      expect(await rejected(pngHeader(450, 450), 'b.png', limits)).to.deep.include({ reason: 'area', limit: 200_000, actual: 202_500 });
      expect(await rejected(pngHeader(99, 400), 'c.png', limits)).to.deep.equal({
        reason: 'dimensions',
        message: '“c.png”: 99 × 400 px is narrower than the minimum width of 100 px.',
        limit: 100,
        actual: 99,
      });
      expect(await rejected(pngHeader(400, 49), 'd.png', limits)).to.deep.equal({
        reason: 'dimensions',
        message: '“d.png”: 400 × 49 px is shorter than the minimum height of 50 px.',
        limit: 50,
        actual: 49,
      });
      expect(await accepted(pngHeader(400, 400), 'e.png', limits)).to.deep.include({ width: 400, height: 400 });
    });

    it('counts every frame of an animation against max-animation-area', async () => {
      const limit = (el: DirectUploadElement) => (el.maxAnimationArea = 25_000);
      expect(await rejected(gif(100, 100, 3), 'anim.gif', limit)).to.deep.equal({
        reason: 'area',
        message: '“anim.gif”: 3 frames of 100 × 100 px make 0.03 megapixels, more than the 0.03 megapixel limit for animations.',
        limit: 25_000,
        actual: 30_000,
      });
      expect(await rejected(webp(100, 100, 4), 'anim.webp', limit)).to.deep.include({ reason: 'area', actual: 40_000 });
      expect(await accepted(gif(100, 100, 2), 'short.gif', limit)).to.deep.include({ width: 100 });
      expect(await accepted(gif(200, 200, 1), 'still.gif', limit)).to.deep.include({ width: 200 });
      expect(await accepted(gif(100, 100, 3), 'anim.gif')).to.deep.include({ width: 100 });
    });
  });

  describe('EXIF orientation', () => {
    it('orientations 5 to 8 swap width and height', async () => {
      for (const orientation of [5, 6, 7, 8]) {
        expect(await accepted(jpegHeader(4000, 3000, { orientation }), 'rotated.jpg')).to.deep.equal({
          type: 'image/jpeg',
          width: 3000,
          height: 4000,
        });
      }
    });

    it('orientations 1 to 4 do not', async () => {
      for (const orientation of [1, 2, 3, 4]) {
        expect(await accepted(jpegHeader(4000, 3000, { orientation }), 'upright.jpg')).to.deep.include({ width: 4000, height: 3000 });
      }
    });
  });

  describe('damaged and unusual headers', () => {
    it('reads a JPEG whose frame header comes after 300 kB of other segments', async () => {
      expect(await accepted(jpegHeader(640, 480, { orientation: 6, paddingBytes: 300_000 }), 'big-exif.jpg')).to.deep.include({
        width: 480,
        height: 640,
      });
    });

    it('gives up as unreadable past a bound rather than reading a whole large JPEG', async () => {
      expect(await rejected(jpegHeader(640, 480, { paddingBytes: 1_500_000 }), 'odd.jpg')).to.deep.equal({
        reason: 'unreadable',
        message: '“odd.jpg” looks like a JPEG image, but its width and height cannot be read; it may be damaged.',
      });
    });

    const damaged: [string, Uint8Array<ArrayBuffer>][] = [
      ['a PNG cut off in its header', pngHeader(10, 10).slice(0, 20)],
      ['a PNG that claims 0 × 0', pngHeader(0, 0)],
      ['a JPEG with no frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)])],
      ['a JPEG with a segment length past its end', Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1, 2, 3])],
      ['a GIF cut off after its signature', text('GIF89a\x01')],
      [
        'a WebP with a broken VP8X header',
        Uint8Array.from([...text('RIFF'), 30, 0, 0, 0, ...text('WEBPVP8X'), 10, 0, 0, 0, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      ],
      ['a HEIC with no size property', Uint8Array.from([0, 0, 0, 16, ...text('ftypheic'), 0, 0, 0, 0])],
      ['an SVG with no size', text('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')],
    ];
    for (const [label, bytes] of damaged) {
      it(`${label} is unreadable, with no uncaught error`, async () => {
        const errors: unknown[] = [];
        const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
        window.addEventListener('error', onError);
        window.addEventListener('unhandledrejection', onError);
        try {
          expect(await rejected(bytes, 'damaged')).to.deep.include({ reason: 'unreadable' });
        } finally {
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onError);
        }
        expect(errors).to.deep.equal([]);
      });
    }
  });

  describe('the page’s own rule', () => {
    it('gets the file and what was read of it, and rejects with its message', async () => {
      const seen: unknown[] = [];
      const rule = (el: DirectUploadElement) =>
        (el.validate = (file, info) => {
          seen.push([file.name, info]);
          return info.width < info.height ? 'Please choose a landscape photo.' : null;
        });
      expect(await rejected(pngHeader(300, 400), 'portrait.png', rule)).to.deep.equal({
        reason: 'custom',
        message: 'Please choose a landscape photo.',
      });
      expect(await accepted(pngHeader(400, 300), 'landscape.png', rule)).to.deep.include({ width: 400 });
      expect(seen).to.deep.equal([
        ['portrait.png', { format: 'png', type: 'image/png', width: 300, height: 400 }],
        ['landscape.png', { format: 'png', type: 'image/png', width: 400, height: 300 }],
      ]);
    });

    it('may be async', async () => {
      const rule = (el: DirectUploadElement) => (el.validate = async () => 'Taken already.');
      expect(await rejected(onePixelPNG, 'dot.png', rule)).to.deep.equal({ reason: 'custom', message: 'Taken already.' });
    });

    it('rejects when the rule throws, saying so', async () => {
      const rule = (el: DirectUploadElement) =>
        (el.validate = () => {
          throw new Error('quota service down');
        });
      expect(await rejected(onePixelPNG, 'dot.png', rule)).to.deep.equal({
        reason: 'custom',
        message: '“dot.png” could not be checked: quota service down',
      });
    });

    it('is not asked about a file the built-in checks refused', async () => {
      let asked = false;
      await rejected(htmlPage, 'x.png', (el) => (el.validate = () => ((asked = true), null)));
      expect(asked).to.equal(false);
    });
  });

  it('a later choice wins over an earlier one still being checked', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    let release!: () => void;
    el.validate = (file) => (file.name === 'slow.png' ? new Promise((resolve) => (release = () => resolve(null))) : null);
    const recorder = recordEvents(el);
    const slow = el.selectFile(new File([onePixelPNG], 'slow.png'));
    await new Promise((r) => setTimeout(r, 20));
    expect(await el.selectFile(new File([onePixelPNG], 'fast.png'))).to.equal(true);
    release();
    expect(await slow).to.equal(false);
    expect(recorder.of('file-accepted').map((e) => e.file.name)).to.deep.equal(['fast.png']);
    expect(el.file?.name).to.equal('fast.png');
    expect(el.status).to.equal('ready');
  });
});
