import Uppy, { type Meta } from '@uppy/core';
import XHRUpload from '@uppy/xhr-upload';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { classifyFailure, shouldRetry, type UploadFailure } from './classify-response.js';
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

export interface UploadSessionEvents {
  progress(bytesUploaded: number, bytesTotal: number): void;
  success(image: CloudflareImage): void;
  failure(failure: UploadFailure): void;
}

/**
 * Owns the element's one Uppy instance: created when the element is connected, destroyed (aborting
 * any upload in flight) when it is disconnected. Sends one file to one upload URL at a time, and
 * reports progress at most once per animation frame.
 */
export class UploadSession implements ReactiveController {
  #uppy?: Uppy<Meta, CloudflareEnvelope>;
  #uploadURL = '';
  #pendingProgress?: { bytesUploaded: number; bytesTotal: number };
  #frame = 0;
  #lastReportedComplete = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly on: UploadSessionEvents,
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
      shouldRetry,
    });
    uppy.on('upload-progress', (file, progress) => {
      if (file && typeof progress.bytesUploaded === 'number' && progress.bytesTotal) {
        this.#queueProgress(progress.bytesUploaded, progress.bytesTotal);
      }
    });
    uppy.on('upload-success', (file, response) => {
      const image = response.body?.result;
      if (!image || typeof image.id !== 'string') {
        this.#settle();
        this.on.failure(classifyFailure({ status: response.status, responseText: '' }));
        return;
      }
      this.#settle(file?.size ?? undefined);
      this.on.success({ ...image, variants: Array.isArray(image.variants) ? image.variants : [] });
    });
    uppy.on('upload-error', (_file, error) => {
      this.#settle();
      const request = (error as { request?: XMLHttpRequest }).request;
      this.on.failure(classifyFailure(request));
    });
    this.#uppy = uppy;
  }

  hostDisconnected(): void {
    this.#settle();
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

  /**
   * Sends `file` as `type` to `uploadURL`, replacing whatever Uppy held before; the outcome arrives
   * through the session's events.
   */
  async start(file: File, type: string, uploadURL: string): Promise<void> {
    const uppy = this.#requireUppy();
    uppy.cancelAll();
    uppy.addFile({ name: file.name, type, data: file, meta: {} });
    this.#uploadURL = uploadURL;
    this.#lastReportedComplete = false;
    await uppy.upload();
  }

  /** Aborts the request in flight, if any. */
  cancel(): void {
    this.#settle();
    this.#uppy?.cancelAll();
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
    this.on.progress(pending.bytesUploaded, pending.bytesTotal);
  }

  /** Ends progress reporting; after a success, makes sure the last report says 100%. */
  #settle(completedSize?: number): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (completedSize === undefined) {
      this.#pendingProgress = undefined;
      return;
    }
    this.#flushProgress();
    if (!this.#lastReportedComplete) this.on.progress(completedSize, completedSize);
  }
}
