import type { FileStatus } from './url-lifecycle.js';

/** Where the element is, summed up over the files it holds. */
export type UploadStatus = 'idle' | 'validating' | 'ready' | 'uploading' | 'success' | 'error' | 'expired' | 'used';

export interface Holdings {
  /** The status of each file held. */
  files: readonly FileStatus[];
  /** Files being checked. */
  checking: number;
  /** The last choice was refused, or an upload could not even begin (no file, no way to get URLs). */
  refused: boolean;
  /** With no file held, the page's upload URL expired and nothing can replace it. */
  urlExpired: boolean;
}

/**
 * The element's status: `validating` while any file is checked, `uploading` while any is queued or
 * sent, then `error` if any failed, `expired` or `used` if any waits for a URL, `ready` if any waits
 * for `upload()`, `success` when every file held is stored.
 */
export function summarise({ files, checking, refused, urlExpired }: Holdings): UploadStatus {
  if (checking > 0) return 'validating';
  const any = (...statuses: FileStatus[]) => files.some((status) => statuses.includes(status));
  if (any('uploading', 'queued')) return 'uploading';
  if (refused || any('error')) return 'error';
  if (any('expired')) return 'expired';
  if (any('used')) return 'used';
  if (any('ready')) return 'ready';
  if (any('success')) return 'success';
  return urlExpired ? 'expired' : 'idle';
}
