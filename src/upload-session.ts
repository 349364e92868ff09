import Uppy, { type Meta } from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';
import { readFailure, type FailedUpload } from './classify-response.js';
import type { CloudflareImage } from './events.js';
import { FrameThrottle } from './frame-throttle.js';
import { toRestrictions, type Limits } from './validation.js';

/** Cloudflare's response envelope, as the upload host answers a successful upload. */
export interface CloudflareEnvelope {
  result: CloudflareImage | null;
  success: boolean;
  errors: { code: number; message: string }[];
  messages: unknown[];
  [key: string]: unknown;
}

/** How one `send` ended. */
export type SendOutcome =
  | { kind: 'success'; image: CloudflareImage }
  /** The host answered with an error, or never answered; `unanswered` counts earlier tries that got no answer. */
  | { kind: 'failure'; response: FailedUpload; unanswered: number }
  /** A 2xx answer that is not Cloudflare's. */
  | { kind: 'unexpected'; status: number }
  /** No progress for the stall timeout. */
  | { kind: 'stalled' }
  | { kind: 'aborted' };

export interface SendOptions {
  /** How often a try that got no answer is repeated. */
  noAnswerRetries: number;
  /** Milliseconds without progress before giving up. */
  stallTimeout: number;
  signal: AbortSignal;
}

/** 5xx answers are tried again this often; a 4xx never (the URL is one-time). */
const serverErrorRetries = 3;

// The element reports everything through its own events and messages; Uppy's console output
// (and its notes about strings the script-tag build leaves out) would only be noise on the page.
const quiet = { debug() {}, warn() {}, error() {} };

let admission: Uppy<Meta, CloudflareEnvelope> | undefined;

// A multipart part header may not hold control characters; browsers escape CR, LF and '"' in a
// file name and send the rest as they are, and an upload host may refuse the whole body for them.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const headerUnsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The name the upload host is given for a file: its own, with those characters as "_". */
const sentName = (name: string) => name.replace(headerUnsafe, '_');

/**
 * Asks Uppy's restrictions whether a file of this content type may be sent under these limits.
 * One Uppy instance, which never uploads, answers for every element.
 */
export function admits(file: File, type: string, limits: Pick<Limits, 'accept' | 'maxFileSize'>): boolean {
  admission ??= new Uppy<Meta, CloudflareEnvelope>({ logger: quiet });
  admission.setOptions({ restrictions: toRestrictions(limits) });
  return admission.validateRestrictions({ name: file.name, type, extension: '', size: file.size }, []) === null;
}

/**
 * One file's request to one upload URL, with Uppy's retries: a Uppy instance of its own, made for
 * this send and destroyed when it ends, so that nothing of a finished or aborted request (a retry
 * timer, a stall timer) can reach the next. Progress is reported at most once per animation frame.
 */
export class UploadSession {
  #retryCount = 0;
  #noAnswerRetries = 0;
  // Tries that got no answer: they may have reached the host all the same.
  #unanswered = 0;
  readonly #progress: FrameThrottle;

  constructor(onProgress: (bytesUploaded: number, bytesTotal: number) => void) {
    this.#progress = new FrameThrottle(onProgress);
  }

  /** Sends `file` as `type` to `uploadURL`; resolves how it ended, never rejects. */
  send(file: File, type: string, uploadURL: string, { noAnswerRetries, stallTimeout, signal }: SendOptions): Promise<SendOutcome> {
    this.#noAnswerRetries = noAnswerRetries;
    this.#unanswered = 0;
    return new Promise<SendOutcome>((resolve) => {
      let done = false;
      // The one stall timer of this send: armed when it starts (a host that never lets the request
      // begin makes no progress either), again at each progress report and each retry.
      let stallTimer: ReturnType<typeof setTimeout> | undefined;
      const stillAlive = () => {
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => finish({ kind: 'stalled' }), stallTimeout);
      };
      const uppy = this.#create(uploadURL, stillAlive);
      const finish = (outcome: SendOutcome) => {
        if (done) return;
        done = true;
        clearTimeout(stallTimer);
        signal.removeEventListener('abort', abort);
        if (outcome.kind === 'success') this.#progress.complete(file.size);
        else this.#progress.stop();
        if (outcome.kind === 'aborted' || outcome.kind === 'stalled') uppy.cancelAll();
        // Uppy is still inside the handler that called this; it is destroyed once that returns.
        setTimeout(() => uppy.destroy());
        resolve(outcome);
      };
      const abort = () => finish({ kind: 'aborted' });
      uppy.on('upload-progress', (_file, progress) => {
        stillAlive();
        if (typeof progress.bytesUploaded === 'number' && progress.bytesTotal) {
          this.#progress.report(progress.bytesUploaded, progress.bytesTotal);
        }
      });
      uppy.on('upload-success', (_file, response) => {
        const image = (response.body as CloudflareEnvelope | undefined)?.result;
        if (!image || typeof image.id !== 'string') return finish({ kind: 'unexpected', status: response.status });
        finish({ kind: 'success', image: { ...image, variants: Array.isArray(image.variants) ? image.variants : [] } });
      });
      uppy.on('upload-error', (_file, error) => {
        const response = readFailure((error as { request?: XMLHttpRequest }).request);
        finish({ kind: 'failure', response, unanswered: this.#unanswered });
      });
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort);
      stillAlive();
      uppy.addFile({ name: sentName(file.name), type, data: file, meta: {} });
      uppy.upload().catch(() => finish({ kind: 'failure', response: readFailure(undefined), unanswered: this.#unanswered }));
    });
  }

  #create(uploadURL: string, onTry: () => void): Uppy<Meta, CloudflareEnvelope> {
    const uppy = new Uppy<Meta, CloudflareEnvelope>({ autoProceed: false, logger: quiet });
    uppy.use(XHRUpload, {
      endpoint: uploadURL,
      method: 'POST',
      formData: true,
      fieldName: 'file',
      // Cloudflare's upload host expects the `file` field alone, and allows no custom headers and no
      // credentials: anything more would fail its CORS preflight or be stored as junk.
      allowedMetaFields: [],
      headers: {},
      withCredentials: false,
      limit: 1,
      // The send keeps its own stall timer; Uppy's starts only at the first progress report.
      timeout: 0,
      onBeforeRequest: (_xhr, retryCount) => {
        this.#retryCount = retryCount;
        onTry();
      },
      shouldRetry: (xhr) => {
        if (xhr.status !== 0) return xhr.status >= 500 && this.#retryCount < serverErrorRetries;
        const retry = this.#retryCount < this.#noAnswerRetries;
        if (retry) this.#unanswered += 1;
        return retry;
      },
    });
    return uppy;
  }
}
