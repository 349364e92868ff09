import Uppy, { type Meta } from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readFailure, type FailedUpload } from './classify-response.js';
import type { CloudflareImage } from './events.js';
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

type UppyEvent =
  | { type: 'success'; body: CloudflareEnvelope | undefined; status: number }
  | { type: 'error'; request: XMLHttpRequest | undefined }
  | { type: 'stalled' };

/**
 * Owns the element's one Uppy instance: created when the element is connected, destroyed (aborting
 * any upload in flight) when it is disconnected. Sends one file to one upload URL at a time and
 * reports progress at most once per animation frame.
 */
export class UploadSession implements ReactiveController {
  #uppy?: Uppy<Meta, CloudflareEnvelope>;
  #uploadURL = '';
  #onUppyEvent?: (event: UppyEvent) => void;
  #retryCount = 0;
  #noAnswerRetries = 0;
  // Tries of the current send that got no answer: they may have reached the host all the same.
  #unanswered = 0;
  #pendingProgress?: { bytesUploaded: number; bytesTotal: number };
  #frame = 0;
  #lastReportedComplete = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly onProgress: (bytesUploaded: number, bytesTotal: number) => void,
  ) {
    host.addController(this);
  }

  /** The live Uppy instance; undefined while the element is disconnected. */
  get uppy(): Uppy<Meta, CloudflareEnvelope> | undefined {
    return this.#uppy;
  }

  hostConnected(): void {
    const uppy = new Uppy<Meta, CloudflareEnvelope>({ autoProceed: false, allowMultipleUploadBatches: true });
    uppy.use(XHRUpload, {
      endpoint: () => this.#uploadURL,
      method: 'POST',
      formData: true,
      fieldName: 'file',
      // Cloudflare's upload host expects the `file` field alone, and allows no custom headers and no
      // credentials: anything more would fail its CORS preflight or be stored as junk.
      allowedMetaFields: [],
      headers: {},
      withCredentials: false,
      limit: 1,
      onBeforeRequest: (_xhr, retryCount) => {
        this.#retryCount = retryCount;
      },
      shouldRetry: (xhr) => {
        if (xhr.status !== 0) return xhr.status >= 500 && this.#retryCount < serverErrorRetries;
        const retry = this.#retryCount < this.#noAnswerRetries;
        if (retry) this.#unanswered += 1;
        return retry;
      },
    });
    uppy.on('upload-progress', (file, progress) => {
      if (file && typeof progress.bytesUploaded === 'number' && progress.bytesTotal) {
        this.#queueProgress(progress.bytesUploaded, progress.bytesTotal);
      }
    });
    uppy.on('upload-success', (_file, response) =>
      this.#onUppyEvent?.({ type: 'success', body: response.body, status: response.status }),
    );
    uppy.on('upload-error', (_file, error) =>
      this.#onUppyEvent?.({ type: 'error', request: (error as { request?: XMLHttpRequest }).request }),
    );
    uppy.on('upload-stalled', () => this.#onUppyEvent?.({ type: 'stalled' }));
    this.#uppy = uppy;
  }

  hostDisconnected(): void {
    this.#uppy?.destroy();
    this.#uppy = undefined;
  }

  /**
   * Asks Uppy's restrictions whether a file of this content type may be sent under these limits.
   * Changes nothing.
   */
  admit(file: File, type: string, limits: Pick<Limits, 'accept' | 'maxFileSize'>): boolean {
    const uppy = this.#requireUppy();
    uppy.setOptions({ restrictions: toRestrictions(limits) });
    return uppy.validateRestrictions({ name: file.name, type, extension: '', size: file.size }, []) === null;
  }

  /** Sends `file` as `type` to `uploadURL`, replacing whatever Uppy held before. */
  send(file: File, type: string, uploadURL: string, { noAnswerRetries, stallTimeout, signal }: SendOptions): Promise<SendOutcome> {
    const uppy = this.#requireUppy();
    uppy.cancelAll();
    uppy.getPlugin('XHRUpload')?.setOptions({ timeout: stallTimeout });
    this.#uploadURL = uploadURL;
    this.#noAnswerRetries = noAnswerRetries;
    this.#lastReportedComplete = false;
    this.#unanswered = 0;
    return new Promise<SendOutcome>((resolve) => {
      const finish = (outcome: SendOutcome) => {
        this.#onUppyEvent = undefined;
        signal.removeEventListener('abort', abort);
        if (outcome.kind !== 'success') this.#stopProgress();
        if (outcome.kind === 'stalled' || outcome.kind === 'aborted') this.#uppy?.cancelAll();
        resolve(outcome);
      };
      const abort = () => finish({ kind: 'aborted' });
      this.#onUppyEvent = (event) => {
        if (event.type === 'stalled') return finish({ kind: 'stalled' });
        if (event.type === 'error') {
          const response = readFailure(event.request);
          return finish({ kind: 'failure', response, unanswered: this.#unanswered });
        }
        const image = event.body?.result;
        if (!image || typeof image.id !== 'string') return finish({ kind: 'unexpected', status: event.status });
        this.#completeProgress(file.size);
        finish({ kind: 'success', image: { ...image, variants: Array.isArray(image.variants) ? image.variants : [] } });
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort);
      uppy.addFile({ name: file.name, type, data: file, meta: {} });
      uppy.upload().catch(() => finish({ kind: 'failure', response: readFailure(undefined), unanswered: this.#unanswered }));
    });
  }

  #requireUppy(): Uppy<Meta, CloudflareEnvelope> {
    if (!this.#uppy) throw new Error('<direct-upload> is not connected to a document.');
    return this.#uppy;
  }

  #queueProgress(bytesUploaded: number, bytesTotal: number): void {
    this.#pendingProgress = { bytesUploaded, bytesTotal };
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#flushProgress();
    });
  }

  #flushProgress(): void {
    const pending = this.#pendingProgress;
    this.#pendingProgress = undefined;
    if (!pending) return;
    this.#lastReportedComplete = pending.bytesUploaded >= pending.bytesTotal;
    this.onProgress(pending.bytesUploaded, pending.bytesTotal);
  }

  #stopProgress(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#pendingProgress = undefined;
  }

  /** After a success, reports what is pending and makes sure the last report says 100%. */
  #completeProgress(size: number): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#flushProgress();
    if (!this.#lastReportedComplete) this.onProgress(size, size);
  }
}
