import type { FileRejectedReason } from './events.js';
import { messages } from './messages.js';

/** Cloudflare Images refuses files over 10 MB. */
export const defaultMaxFileSize = 10 * 1024 * 1024;

/** The formats Cloudflare Images accepts for upload. */
export const defaultAccept = 'image/jpeg,image/png,image/gif,image/webp,image/svg+xml,image/heic';

export interface Limits {
  accept: string;
  maxFileSize: number;
}

/** Turns limits into Uppy's restrictions, which do the checking. */
export function toRestrictions({ accept, maxFileSize }: Limits) {
  const allowedFileTypes = accept
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  return {
    maxFileSize,
    // Uppy skips a zero minimum, so one byte is what makes an empty file fail.
    minFileSize: 1,
    allowedFileTypes: allowedFileTypes.length > 0 ? allowedFileTypes : null,
  };
}

/** Names what is wrong with a file that Uppy's restrictions refused, in the page's terms. */
export function describeRejection(file: File, { accept, maxFileSize }: Limits): { reason: FileRejectedReason; message: string } {
  if (file.size === 0) return { reason: 'empty', message: messages.fileEmpty(file.name) };
  if (file.size > maxFileSize) {
    return { reason: 'size', message: messages.fileTooLarge(file.name, file.size, maxFileSize) };
  }
  return { reason: 'type', message: messages.fileTypeNotAccepted(file.name, file.type, accept) };
}
