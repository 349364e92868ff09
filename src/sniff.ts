/**
 * Tells what a file is from its first bytes, never from its name or the MIME type the browser
 * guessed. Recognises the formats Cloudflare Images takes, a few image formats it does not (so a
 * rejection can name them), and common documents that are not images at all.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'heic' | 'heif' | 'avif' | 'bmp' | 'tiff';

export type Sniffed =
  { kind: 'image'; format: ImageFormat; type: string } | { kind: 'other'; type: string; what: 'html' | 'pdf' | 'zip' | 'xml' | 'unknown' };

export const mimeTypes: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
};

const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const avifBrands = new Set(['avif', 'avis']);
const structuralBrands = new Set(['mif1', 'msf1', 'miaf']);

const latin1 = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** ISO-BMFF (HEIF family): the `ftyp` box's major brand decides, else its compatible brands. */
function isoBrandFormat(bytes: Uint8Array): ImageFormat | undefined {
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const major = latin1(bytes, 8, 12);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= Math.min(boxSize, bytes.length); offset += 4) {
    compatible.push(latin1(bytes, offset, offset + 4));
  }
  const byBrand = (brand: string): ImageFormat | undefined => (heicBrands.has(brand) ? 'heic' : avifBrands.has(brand) ? 'avif' : undefined);
  if (byBrand(major)) return byBrand(major);
  if (structuralBrands.has(major)) {
    if (compatible.some((b) => avifBrands.has(b))) return 'avif';
    if (compatible.some((b) => heicBrands.has(b))) return 'heic';
    return 'heif';
  }
  // 'mif3' (the compact `mini` form) carries the real brand where the minor version would be.
  if (major === 'mif3') return byBrand(latin1(bytes, 12, 16)) ?? 'heif';
  if (major === 'jpeg') return 'heif';
  return undefined;
}

// Before the root element an SVG file may have a BOM, an XML declaration, other processing
// instructions, comments and a doctype (with an internal subset), in any amount of whitespace.
const svgProlog = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*/i;

function sniffText(bytes: Uint8Array): Sniffed | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  const body = text.slice(svgProlog.exec(text)?.[0].length ?? 0);
  if (/^<svg[\s>/]/.test(body) || /^<[a-z][\w.-]*:svg[\s>/]/i.test(body)) {
    return { kind: 'image', format: 'svg', type: mimeTypes.svg };
  }
  if (/^\uFEFF?\s*<!doctype html/i.test(text) || /^<(?:html|head|body|title|script|meta|div|p)[\s>]/i.test(body)) {
    return { kind: 'other', type: 'text/html', what: 'html' };
  }
  if (/^\uFEFF?\s*<\?xml/.test(text)) return { kind: 'other', type: 'application/xml', what: 'xml' };
  return undefined;
}

/** What the bytes at the start of a file say it is. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image('jpeg');
  if (/^GIF8[79]a$/.test(latin1(bytes, 0, 6))) return image('gif');
  if (latin1(bytes, 0, 4) === 'RIFF' && latin1(bytes, 8, 12) === 'WEBP') return image('webp');
  if (bytes.length >= 12 && latin1(bytes, 4, 8) === 'ftyp') {
    const format = isoBrandFormat(bytes);
    if (format) return image(format);
  }
  if (latin1(bytes, 0, 2) === 'BM' && bytes.length >= 14 && bytes.subarray(6, 10).every((b) => b === 0)) return image('bmp');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return image('tiff');
  if (latin1(bytes, 0, 5) === '%PDF-') return { kind: 'other', type: 'application/pdf', what: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'other', type: 'application/zip', what: 'zip' };
  return sniffText(bytes) ?? { kind: 'other', type: 'application/octet-stream', what: 'unknown' };
}

function image(format: ImageFormat): Sniffed {
  return { kind: 'image', format, type: mimeTypes[format] };
}
