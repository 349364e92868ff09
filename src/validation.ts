import type { FileRejectedReason } from './events.js';
import { countFrames, readDimensions, sniffFile, type ImageInfo } from './image-info.js';
import { messages } from './messages.js';
import { mimeTypes, type ImageFormat } from './sniff.js';

/** The formats Cloudflare Images takes; `accept` can narrow them, never widen them. */
const cloudflareFormats: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'gif', 'webp', 'svg', 'heic']);

/** Cloudflare Images' own limits. */
export const defaultMaxFileSize = 10 * 1024 * 1024;
export const defaultMaxDimension = 12_000;
export const defaultMaxArea = 100_000_000;
export const defaultAccept = 'image/jpeg,image/png,image/gif,image/webp,image/svg+xml,image/heic';

export interface Limits {
  accept: string;
  maxFileSize: number;
  /** Longest side, in pixels. */
  maxDimension: number;
  /** Width × height, in pixels. */
  maxArea: number;
  minWidth: number;
  minHeight: number;
  /** Frames × width × height for animated GIF and WebP; 0 for no limit. */
  maxAnimationArea: number;
}

/** The page's own rule: a message rejects the file, `null` lets it through. */
export type HostRule = (file: File, info: ImageInfo) => string | null | undefined | Promise<string | null | undefined>;

interface Rejection {
  reason: FileRejectedReason;
  message: string;
  limit?: number;
  actual?: number;
}

export type Verdict = { accepted: true; info: ImageInfo } | { accepted: false; rejection: Rejection };

const extensionTypes: Record<string, string> = {
  png: mimeTypes.png,
  jpg: mimeTypes.jpeg,
  jpeg: mimeTypes.jpeg,
  jpe: mimeTypes.jpeg,
  jfif: mimeTypes.jpeg,
  gif: mimeTypes.gif,
  webp: mimeTypes.webp,
  svg: mimeTypes.svg,
  heic: mimeTypes.heic,
  heif: mimeTypes.heif,
  avif: mimeTypes.avif,
  bmp: mimeTypes.bmp,
  tif: mimeTypes.tiff,
  tiff: mimeTypes.tiff,
};

/**
 * Uppy's restrictions for these limits. `accept` extensions become MIME types, because the type
 * checked is the one read from the file's content, not the one its name suggests.
 */
export function toRestrictions({ accept, maxFileSize }: Pick<Limits, 'accept' | 'maxFileSize'>) {
  const allowedFileTypes = accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean)
    .map((token) => (token.startsWith('.') ? (extensionTypes[token.slice(1)] ?? token) : token));
  return { maxFileSize, allowedFileTypes: allowedFileTypes.length > 0 ? allowedFileTypes : null };
}

const reject = (reason: FileRejectedReason, message: string, figures: { limit?: number; actual?: number } = {}): Verdict => ({
  accepted: false,
  rejection: { reason, message, ...figures },
});

/**
 * Checks a file before anything is sent: content type, size, dimensions and area from the header
 * (never decoding the image), then the page's own rule. `admit` asks Uppy's restrictions about
 * type and size.
 */
export async function checkFile(file: File, limits: Limits, admit: (type: string) => boolean, hostRule?: HostRule): Promise<Verdict> {
  const { name } = file;
  if (file.size === 0) return reject('empty', messages.fileEmpty(name));
  const { sniffed, head } = await sniffFile(file);
  if (sniffed.kind !== 'image') return reject('type', messages.notAnImage(name, sniffed.what));
  const { format, type } = sniffed;
  if (!cloudflareFormats.has(format)) return reject('type', messages.formatNotTaken(name, format));
  if (!admit(type)) {
    if (file.size > limits.maxFileSize) {
      return reject('size', messages.fileTooLarge(name, file.size, limits.maxFileSize), {
        limit: limits.maxFileSize,
        actual: file.size,
      });
    }
    return reject('type', messages.formatNotAccepted(name, format, limits.accept));
  }

  const size = await readDimensions(file, format, head);
  if (!size) return reject('unreadable', messages.unreadable(name, format));
  const { width, height } = size;
  const longest = Math.max(width, height);
  if (longest > limits.maxDimension) {
    return reject('dimensions', messages.tooLarge(name, width, height, limits.maxDimension), {
      limit: limits.maxDimension,
      actual: longest,
    });
  }
  if (width < limits.minWidth) {
    return reject('dimensions', messages.tooNarrow(name, width, height, limits.minWidth), { limit: limits.minWidth, actual: width });
  }
  if (height < limits.minHeight) {
    return reject('dimensions', messages.tooShort(name, width, height, limits.minHeight), {
      limit: limits.minHeight,
      actual: height,
    });
  }
  const area = width * height;
  if (area > limits.maxArea) {
    return reject('area', messages.areaTooLarge(name, width, height, limits.maxArea), { limit: limits.maxArea, actual: area });
  }
  if (limits.maxAnimationArea > 0) {
    const frames = await countFrames(file, format);
    if (frames > 1 && frames * area > limits.maxAnimationArea) {
      return reject('area', messages.animationTooLarge(name, frames, width, height, limits.maxAnimationArea), {
        limit: limits.maxAnimationArea,
        actual: frames * area,
      });
    }
  }

  const info: ImageInfo = { format, type, width, height };
  if (hostRule) {
    let message: string | null | undefined;
    try {
      message = await hostRule(file, info);
    } catch (error) {
      message = messages.hostRuleFailed(name, error instanceof Error ? error.message : String(error));
    }
    if (message) return reject('custom', message);
  }
  return { accepted: true, info };
}
