// @ts-check
/**
 * What a file is from its first bytes, sniff(bytes), as decision tables: the magic bytes of each
 * format, the ISO-BMFF brands that tell HEIC, HEIF and AVIF apart, SVG behind whatever may come
 * before its root element, the documents that are named in a refusal, and inputs cut short.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniff } from '../../src/sniff.js';

/** Bytes from strings (one byte per character, as Latin-1) and byte values, end to end. */
function bytes(/** @type {(string | number[] | Uint8Array)[]} */ ...parts) {
  const values = parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : [...part]));
  return Uint8Array.from(values);
}

const utf8 = (/** @type {string} */ text) => new TextEncoder().encode(text);
const u32 = (/** @type {number} */ n) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/**
 * An ISO-BMFF `ftyp` box: major brand, minor version (a brand's four letters where `mif3` puts
 * one), compatible brands; `size` overrides the box size the header states.
 */
function ftyp(/** @type {string} */ major, /** @type {string[]} */ compatible = [], minor = '\0\0\0\0', size = 16 + 4 * compatible.length) {
  return bytes(u32(size), 'ftyp', major, minor, compatible.join(''));
}

const png = bytes([0x89], 'PNG\r\n', [0x1a], '\n', u32(13), 'IHDR');
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0');
const webp = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const bmp = bytes('BM', [0x36, 0x10, 0, 0], [0, 0, 0, 0], [0x36, 0, 0, 0], [0x28, 0, 0, 0]);

/** What sniff says for each verdict the tables use. */
const verdicts = {
  png: { kind: 'image', format: 'png', type: 'image/png' },
  jpeg: { kind: 'image', format: 'jpeg', type: 'image/jpeg' },
  gif: { kind: 'image', format: 'gif', type: 'image/gif' },
  webp: { kind: 'image', format: 'webp', type: 'image/webp' },
  svg: { kind: 'image', format: 'svg', type: 'image/svg+xml' },
  heic: { kind: 'image', format: 'heic', type: 'image/heic' },
  heif: { kind: 'image', format: 'heif', type: 'image/heif' },
  avif: { kind: 'image', format: 'avif', type: 'image/avif' },
  bmp: { kind: 'image', format: 'bmp', type: 'image/bmp' },
  tiff: { kind: 'image', format: 'tiff', type: 'image/tiff' },
  html: { kind: 'other', type: 'text/html', what: 'html' },
  pdf: { kind: 'other', type: 'application/pdf', what: 'pdf' },
  zip: { kind: 'other', type: 'application/zip', what: 'zip' },
  xml: { kind: 'other', type: 'application/xml', what: 'xml' },
  unknown: { kind: 'other', type: 'application/octet-stream', what: 'unknown' },
};

/** @typedef {keyof typeof verdicts} Verdict */

/** @type {[string, Uint8Array, Verdict][]} */
const magic = [
  // what, the first bytes, verdict
  ['PNG', png, 'png'],
  ['JPEG (JFIF)', jpeg, 'jpeg'],
  ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'jpeg'],
  ['JPEG with no APPn marker', bytes([0xff, 0xd8, 0xff, 0xdb]), 'jpeg'],
  ['GIF87a', bytes('GIF87a', [10, 0, 10, 0]), 'gif'],
  ['GIF89a', bytes('GIF89a', [10, 0, 10, 0]), 'gif'],
  ['GIF88a, no such version', bytes('GIF88a', [10, 0, 10, 0]), 'unknown'],
  ['gif89a in lower case', bytes('gif89a', [10, 0, 10, 0]), 'unknown'],
  ['WebP', webp, 'webp'],
  ['RIFF that is WAVE audio', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'unknown'],
  ['RIFF that is AVI video', bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST'), 'unknown'],
  ['BMP', bmp, 'bmp'],
  ['BM with reserved bytes set: not a bitmap', bytes('BM', [0x36, 0x10, 0, 0], [1, 0, 0, 0], [0x36, 0, 0, 0]), 'unknown'],
  ['text that starts with BM', utf8('BMW is a car maker.'), 'unknown'],
  ['TIFF, little-endian', bytes('II', [0x2a, 0], [8, 0, 0, 0]), 'tiff'],
  ['TIFF, big-endian', bytes('MM', [0, 0x2a], [0, 0, 0, 8]), 'tiff'],
  ['BigTIFF (version 43)', bytes('II', [0x2b, 0], [8, 0, 0, 0]), 'unknown'],
  ['PDF', utf8('%PDF-1.7\n%âãÏÓ'), 'pdf'],
  ['ZIP (a .docx, an .xlsx, an .epub…)', bytes('PK', [3, 4], [0x14, 0]), 'zip'],
  ['ICO', bytes([0, 0, 1, 0, 1, 0, 32, 32]), 'unknown'],
  ['JPEG XL codestream', bytes([0xff, 0x0a, 0xfa]), 'unknown'],
  ['JPEG XL container', bytes(u32(12), 'JXL ', [0x0d, 0x0a, 0x87, 0x0a]), 'unknown'],
  ['an executable', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'unknown'],
  ['gzip', bytes([0x1f, 0x8b, 8, 0]), 'unknown'],
  ['no bytes', bytes(), 'unknown'],
  ['one zero byte', bytes([0]), 'unknown'],
  ['invalid UTF-8', bytes([0xc3, 0x28, 0xa0, 0xa1]), 'unknown'],
];

/** @type {[string, Uint8Array, Verdict][]} */
const brands = [
  // what, the ftyp box, verdict
  ['major brand heic', ftyp('heic', ['mif1', 'heic']), 'heic'],
  ['major brand heix', ftyp('heix', ['mif1', 'heix']), 'heic'],
  ['major brand hevc (a sequence)', ftyp('hevc', ['msf1', 'hevc']), 'heic'],
  ['major brand hevx', ftyp('hevx'), 'heic'],
  ['major brand heim', ftyp('heim'), 'heic'],
  ['major brand heis', ftyp('heis'), 'heic'],
  ['major brand avif', ftyp('avif', ['avif', 'mif1', 'miaf']), 'avif'],
  ['major brand avis (a sequence)', ftyp('avis', ['avis', 'msf1']), 'avif'],
  ['mif1 with heic among the compatible brands', ftyp('mif1', ['mif1', 'heic']), 'heic'],
  ['mif1 with avif among the compatible brands', ftyp('mif1', ['mif1', 'avif']), 'avif'],
  ['mif1 with both: AVIF wins', ftyp('mif1', ['heic', 'avif']), 'avif'],
  ['msf1 with hevc', ftyp('msf1', ['msf1', 'hevc']), 'heic'],
  ['miaf with avif', ftyp('miaf', ['miaf', 'avif']), 'avif'],
  ['mif1 with no codec brand (uncompressed, JPEG…)', ftyp('mif1', ['mif1', 'heif']), 'heif'],
  ['mif1 with no compatible brands at all', ftyp('mif1'), 'heif'],
  ['mif3 (the compact form) carrying avif as its minor version', ftyp('mif3', [], 'avif'), 'avif'],
  ['mif3 carrying heic', ftyp('mif3', [], 'heic'), 'heic'],
  ['mif3 carrying something else', ftyp('mif3', [], 'j2ki'), 'heif'],
  ['major brand jpeg (JPEG in HEIF)', ftyp('jpeg', ['jpeg', 'mif1']), 'heif'],
  ['brands in capitals are other brands', ftyp('HEIC'), 'unknown'],
  ['an MP4 video', ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']), 'unknown'],
  ['a QuickTime movie', ftyp('qt  ', ['qt  ']), 'unknown'],
  ['a Canon CR3 raw', ftyp('crx ', ['crx ', 'isom']), 'unknown'],
  ['a blank major brand', ftyp('\0\0\0\0', ['mif1', 'heic']), 'unknown'],
  // The box says how far its compatible brands go; a brand after it belongs to the next box.
  ['a brand only after the ftyp box ends', bytes(ftyp('mif1', ['mif1']), u32(12), 'heic', 'avif'), 'heif'],
  ['a box size of zero', ftyp('mif1', ['heic'], '\0\0\0\0', 0), 'heif'],
  ['a box size past the end of the bytes read', ftyp('mif1', ['avif'], '\0\0\0\0', 4096), 'avif'],
  ['only the 12 bytes up to the major brand', bytes(u32(24), 'ftypheic'), 'heic'],
  ['mif1 cut off before its compatible brands', ftyp('mif1', ['avif']).subarray(0, 19), 'heif'],
  ['ftyp not at offset 4', bytes([0, 0], u32(16), 'ftypheic'), 'unknown'],
];

/** @type {[string, string, Verdict][]} */
const text = [
  // what, the file's text, verdict
  ['bare svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'svg'],
  ['svg closed at once', '<svg/>', 'svg'],
  ['svg with no attributes', '<svg></svg>', 'svg'],
  ['svg then a newline', '<svg\n  viewBox="0 0 1 1"/>', 'svg'],
  ['svg behind white space', ' \r\n\t<svg/>', 'svg'],
  ['svg behind a byte order mark', '\uFEFF<svg/>', 'svg'],
  ['svg behind a BOM and white space', '\uFEFF \n<svg/>', 'svg'],
  ['svg behind an XML declaration', '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<svg/>', 'svg'],
  ['svg behind a BOM and an XML declaration', '\uFEFF<?xml version="1.0"?><svg/>', 'svg'],
  ['svg behind another processing instruction', '<?xml version="1.0"?>\n<?xml-stylesheet href="a.css"?>\n<svg/>', 'svg'],
  ['svg behind a comment', '<!-- Generator: Adobe Illustrator 27.0 -->\n<svg/>', 'svg'],
  ['svg behind a comment that mentions html', '<!-- <html> --><svg/>', 'svg'],
  ['svg behind a comment that spans lines and holds a ?>', '<!--\n a ?> b\n--><svg/>', 'svg'],
  [
    'svg behind a doctype',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg/>',
    'svg',
  ],
  ['svg behind a doctype in lower case', '<!doctype svg>\n<svg/>', 'svg'],
  [
    'svg behind a doctype with an internal subset',
    '<!DOCTYPE svg [\n  <!ENTITY ns "http://www.w3.org/2000/svg">\n  <!ENTITY g "<g/>">\n]>\n<svg/>',
    'svg',
  ],
  ['svg behind all of them', '\uFEFF<?xml version="1.0"?>\n<!-- one -->\n<!DOCTYPE svg>\n<!-- two -->\n<svg/>', 'svg'],
  ['svg with a namespace prefix', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>', 'svg'],
  ['svg in capitals is not SVG (XML is case-sensitive)', '<SVG/>', 'unknown'],
  ['another element whose name starts with svg', '<svgx/>', 'unknown'],
  ['svg as a later element', '<g><svg/></g>', 'unknown'],
  ['text before svg', 'hello <svg/>', 'unknown'],
  ['svg cut off after its name', '<svg', 'unknown'],
  ['svg behind a comment that never ends', '<!-- cut off <svg/>', 'unknown'],
  ['svg behind a doctype that never ends', '<!DOCTYPE svg [ <!ENTITY a "b">', 'unknown'],
  ['an HTML doctype', '<!DOCTYPE html>\n<html lang="en">', 'html'],
  ['an HTML doctype in lower case, behind a BOM', '\uFEFF<!doctype html>', 'html'],
  ['html', '<html>', 'html'],
  ['HTML in capitals behind white space', '  \n<HTML lang="en">', 'html'],
  ['head', '<head><title>x</title>', 'html'],
  ['body', '<body>', 'html'],
  ['title', '<title>x</title>', 'html'],
  ['script', '<script>alert(1)</script>', 'html'],
  ['meta', '<meta charset="utf-8">', 'html'],
  ['div', '<div class="x">', 'html'],
  ['p', '<p>hello', 'html'],
  ['html behind a comment that mentions svg', '<!-- <svg> -->\n<html>', 'html'],
  ['XHTML: an XML declaration, then html', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
  ['an element HTML has but this list does not', '<span>', 'unknown'],
  ['html cut off after its name', '<html', 'unknown'],
  ['XML of another kind', '<?xml version="1.0"?>\n<rss version="2.0">', 'xml'],
  ['XML behind a BOM and white space', '\uFEFF \n<?xml version="1.0"?><feed/>', 'xml'],
  ['an XML declaration cut off', '<?xml version="1.0"', 'xml'],
  ['XML with no declaration', '<rss version="2.0">', 'unknown'],
  ['plain text', 'hello, world', 'unknown'],
  ['JSON', '{"width": 10}', 'unknown'],
  ['white space only', ' \n\t ', 'unknown'],
];

/** @param {Uint8Array} input @param {Verdict} verdict */
const expectVerdict = (input, verdict) => assert.deepEqual(sniff(input), verdicts[verdict]);

describe('sniff(bytes): magic bytes', () => {
  for (const [what, input, verdict] of magic) it(`${what} → ${verdict}`, () => expectVerdict(input, verdict));
});

describe('sniff(bytes): the ftyp box of ISO-BMFF (HEIC, HEIF, AVIF)', () => {
  for (const [what, input, verdict] of brands) it(`${what} → ${verdict}`, () => expectVerdict(input, verdict));
});

describe('sniff(bytes): text (SVG and the documents it names)', () => {
  for (const [what, input, verdict] of text) it(`${what} → ${verdict}`, () => expectVerdict(utf8(input), verdict));

  it('reads UTF-8 beyond ASCII in the prolog', () => expectVerdict(utf8('<!-- Größe: 10 × 10 — ✓ --><svg/>'), 'svg'));
});

describe('sniff(bytes): inputs cut short', () => {
  /** @type {[Verdict, Uint8Array, number][]} */
  const signatures = [
    // verdict, the bytes, how many of them decide it
    ['png', png, 8],
    ['jpeg', jpeg, 3],
    ['gif', bytes('GIF89a', [1, 0, 1, 0]), 6],
    ['webp', webp, 12],
    ['heic', ftyp('heic', ['mif1']), 12],
    ['avif', ftyp('avif', ['mif1']), 12],
    ['bmp', bmp, 14],
    ['tiff', bytes('MM', [0, 0x2a], [0, 0, 0, 8]), 4],
    ['pdf', utf8('%PDF-1.4'), 5],
    ['zip', bytes('PK', [3, 4, 0x14, 0]), 4],
    ['svg', utf8('<svg/>'), 5],
  ];
  for (const [verdict, input, decisive] of signatures) {
    it(`${verdict}: from ${decisive} bytes on, never from fewer, and never throws`, () => {
      for (let length = 0; length <= input.length; length += 1) {
        const got = sniff(input.subarray(0, length));
        const want = length < decisive ? 'unknown' : verdict;
        assert.deepEqual(got, verdicts[want], `${length} of ${input.length} bytes`);
      }
    });
  }

  it('reads a view into a larger buffer from the view’s own start', () => {
    const buffer = bytes('junk', ftyp('mif1', ['mif1', 'avif']), 'more');
    expectVerdict(buffer.subarray(4), 'avif');
    expectVerdict(bytes('BMxx', png).subarray(4), 'png');
  });
});
