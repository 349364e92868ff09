import { GIF } from 'image-size/types/gif';
import { HEIF } from 'image-size/types/heif';
import { JPG } from 'image-size/types/jpg';
import { PNG } from 'image-size/types/png';
import { SVG } from 'image-size/types/svg';
import { WEBP } from 'image-size/types/webp';
import { sniff, type ImageFormat, type Sniffed } from './sniff.js';

/** What the element learned of an image from its header, without decoding it. */
export interface ImageInfo {
  format: ImageFormat;
  /** MIME type, from the content. */
  type: string;
  /** As displayed: EXIF orientations 5–8 swap the stored width and height. */
  width: number;
  height: number;
}

// Enough for every format's header; a JPEG with large EXIF or other segments before its frame
// header may need more, read in steps up to a bound rather than the whole file.
const firstRead = 64 * 1024;
const readBound = 1024 * 1024;

interface Size {
  width?: number;
  height?: number;
}

const parsers: Partial<Record<ImageFormat, { calculate(input: Uint8Array): Size & { orientation?: number; images?: Size[] } }>> = {
  png: PNG,
  jpeg: JPG,
  gif: GIF,
  webp: WEBP,
  svg: SVG,
  heic: HEIF,
  heif: HEIF,
  avif: HEIF,
};

async function readBytes(blob: Blob, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, end).arrayBuffer());
}

/** The first bytes of a file and what they say it is. */
export async function sniffFile(file: Blob): Promise<{ sniffed: Sniffed; head: Uint8Array }> {
  const head = await readBytes(file, firstRead);
  return { sniffed: sniff(head), head };
}

const isSide = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

function calculate(format: ImageFormat, bytes: Uint8Array): { width: number; height: number } | undefined {
  const parser = parsers[format];
  if (!parser) return undefined;
  try {
    const { images = [], orientation, ...first } = parser.calculate(bytes);
    // A HEIF file lists the sizes of its tiles and thumbnails too; the largest is the image, as
    // image-size itself decides.
    const { width, height } = images.reduce(
      (largest, image) => ((image.width ?? 0) * (image.height ?? 0) > (largest.width ?? 0) * (largest.height ?? 0) ? image : largest),
      first,
    );
    if (!isSide(width) || !isSide(height)) return undefined;
    return orientation !== undefined && orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
  } catch {
    return undefined;
  }
}

/**
 * Width and height from the header alone. Reads more of the file only while the header is not
 * yet complete, up to a bound; undefined when they cannot be read.
 */
export async function readDimensions(
  file: Blob,
  format: ImageFormat,
  head: Uint8Array,
): Promise<{ width: number; height: number } | undefined> {
  let bytes = head;
  for (;;) {
    const size = calculate(format, bytes);
    if (size || bytes.length >= file.size || bytes.length >= readBound) return size;
    bytes = await readBytes(file, Math.min(bytes.length * 4, readBound));
  }
}

/** How many frames an animated GIF or WebP has (1 for a still image); reads the whole file. */
export async function countFrames(file: Blob, format: ImageFormat): Promise<number> {
  if (format !== 'gif' && format !== 'webp') return 1;
  const bytes = new Uint8Array(await file.arrayBuffer());
  return Math.max(1, format === 'gif' ? gifFrames(bytes) : webpFrames(bytes));
}

/** Counts GIF image descriptors, walking the blocks between them. */
function gifFrames(bytes: Uint8Array): number {
  const colorTableSize = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  const skipSubBlocks = (at: number) => {
    let offset = at;
    while (offset < bytes.length && bytes[offset] !== 0) offset += bytes[offset] + 1;
    return offset + 1;
  };
  let offset = 13 + colorTableSize(bytes[10]);
  let frames = 0;
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x2c) {
      frames += 1;
      offset = skipSubBlocks(offset + 10 + colorTableSize(bytes[offset + 9]) + 1);
    } else if (block === 0x21) {
      offset = skipSubBlocks(offset + 2);
    } else {
      break;
    }
  }
  return frames;
}

/** Counts WebP `ANMF` (animation frame) chunks. */
function webpFrames(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let frames = 0;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    if (String.fromCharCode(...bytes.subarray(offset, offset + 4)) === 'ANMF') frames += 1;
    offset += 8 + view.getUint32(offset + 4, true) + (view.getUint32(offset + 4, true) % 2);
  }
  return frames;
}
