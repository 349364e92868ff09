/**
 * Every event `<direct-upload>` fires, with its detail type. All are `CustomEvent`s that bubble and
 * cross shadow roots, so a page can listen on the element or on any ancestor.
 */

/** What Cloudflare Images answers for an uploaded image (`result` of its response envelope). */
export interface CloudflareImage {
  id: string;
  filename?: string;
  metadata?: Record<string, unknown>;
  uploaded?: string;
  requireSignedURLs?: boolean;
  variants: string[];
  [key: string]: unknown;
}

/** `count`: more files than `max-files`, or more than one without `multiple`. */
export type FileRejectedReason = 'type' | 'size' | 'dimensions' | 'area' | 'empty' | 'unreadable' | 'custom' | 'count';

export type UploadErrorReason = 'network' | 'server' | 'rejected' | 'aborted' | 'config' | 'timeout';

export interface FileAcceptedDetail {
  file: File;
  /** The MIME type read from the file's content, whatever its name or the browser say. */
  type: string;
  /** Width and height in pixels, as displayed (after EXIF rotation), read from the header. */
  width: number;
  height: number;
}

export interface FileRejectedDetail {
  file: File;
  reason: FileRejectedReason;
  /** A sentence for the person who chose the file. */
  message: string;
  /** The limit the file broke, in its unit: bytes, pixels or pixels of area. */
  limit?: number;
  /** The file's figure in the same unit. */
  actual?: number;
}

export interface UploadStartDetail {
  file: File;
  uploadURL: string;
}

export interface UploadProgressDetail {
  file: File;
  bytesUploaded: number;
  bytesTotal: number;
  /** 0 to 100, whole numbers. */
  percent: number;
  /** Upload speed, smoothed over the last seconds; null until known (about half a second in). */
  bytesPerSecond: number | null;
  /** Whole seconds until the last byte is sent at that speed; null until known, 0 at the end. */
  secondsLeft: number | null;
}

export interface UploadSuccessDetail {
  file: File;
  /** The image id, as Cloudflare Images will know it from now on. */
  id: string;
  result: CloudflareImage;
  /** Delivery URLs, one per variant. */
  variants: string[];
}

export interface UploadErrorDetail {
  file: File | null;
  reason: UploadErrorReason;
  /** The HTTP status, when the upload host answered. */
  status?: number;
  /** Cloudflare's error code, when its answer carried one. */
  code?: number;
  message: string;
}

export interface UrlExpiredDetail {
  /** The file that was to go to this URL; null when none was chosen yet. */
  file: File | null;
  uploadURL: string;
  /** The expiry the page gave (ISO 8601), if any. */
  expiry: string | null;
  /** `clock`: the expiry passed; `server`: the upload host said so. */
  detectedBy: 'clock' | 'server';
  /**
   * False when the host refused the URL without CORS headers, so the browser could not read why:
   * the URL was probably expired or used.
   */
  certain: boolean;
}

export interface UrlUsedDetail {
  /** The file that was to go to this URL. */
  file: File | null;
  uploadURL: string;
  /** `client`: this page already uploaded to it; `server`: the upload host said so. */
  detectedBy: 'client' | 'server';
  /**
   * True when an earlier try got no answer before the host said "used": that try may have stored
   * the image, as `id`. Ask the backend whether image `id` exists before uploading again.
   */
  maybeStored?: boolean;
  /** The image id the URL was for. */
  id?: string;
}

export interface UrlRefreshedDetail {
  /** The file the fresh URL is for. */
  file: File;
  /** The fresh URL the element fetched and now uses. */
  uploadURL: string;
  id?: string;
  expiry?: string;
}

export interface QueueCompleteDetail {
  /** Files stored since the queue was last empty, with their image ids. */
  succeeded: { file: File; id: string }[];
  /**
   * Files refused or not uploaded since then: a `file-rejected` or `upload-error` reason, or
   * `expired` / `used` for a file left waiting for a URL.
   */
  failed: { file: File; reason: FileRejectedReason | UploadErrorReason | 'expired' | 'used' }[];
}

export interface DirectUploadEventMap {
  'file-accepted': CustomEvent<FileAcceptedDetail>;
  'file-rejected': CustomEvent<FileRejectedDetail>;
  'upload-start': CustomEvent<UploadStartDetail>;
  'upload-progress': CustomEvent<UploadProgressDetail>;
  'upload-success': CustomEvent<UploadSuccessDetail>;
  'upload-error': CustomEvent<UploadErrorDetail>;
  'url-expired': CustomEvent<UrlExpiredDetail>;
  'url-used': CustomEvent<UrlUsedDetail>;
  'url-refreshed': CustomEvent<UrlRefreshedDetail>;
  'queue-complete': CustomEvent<QueueCompleteDetail>;
}

export type DirectUploadEventName = keyof DirectUploadEventMap;

export type DetailOf<K extends DirectUploadEventName> = DirectUploadEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires one of the element's events; the only way the element fires them.
 * @internal
 */
export function emit<K extends DirectUploadEventName>(target: EventTarget, name: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- only an interface merges into the DOM's event map
  interface HTMLElementEventMap extends DirectUploadEventMap {}
}
