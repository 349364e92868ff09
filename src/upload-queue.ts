import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type QueueCompleteDetail } from './events.js';
import type { FileUpload } from './file-upload.js';

type Failed = QueueCompleteDetail['failed'][number];

/**
 * The files an element holds, in the order they were chosen. Starts queued files while fewer than
 * `maxParallel()` are uploading, so that each file's one-time URL is fetched just before it is
 * needed; aborts every upload in flight when the element is removed; and fires `queue-complete`
 * once nothing is waiting or in flight.
 */
export class UploadQueue implements ReactiveController {
  uploads: FileUpload[] = [];
  /** Files being checked: until they are done the queue is not complete. */
  checking = 0;
  // What happened since the queue was last empty.
  #touched = new Set<FileUpload>();
  #rejected: Failed[] = [];
  #scheduled = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly maxParallel: () => number,
  ) {
    host.addController(this);
  }

  get inFlight(): boolean {
    return this.checking > 0 || this.uploads.some((upload) => upload.inFlight);
  }

  add(upload: FileUpload): void {
    this.uploads = [...this.uploads, upload];
  }

  /** Holds `upload` alone, forgetting the others without a word. */
  replaceAll(upload: FileUpload): void {
    for (const held of this.uploads) {
      held.abandon();
      this.#touched.delete(held);
    }
    this.uploads = [upload];
  }

  /** Forgets a file; one in flight is cancelled first (`upload-error`, reason `aborted`). */
  remove(upload: FileUpload): void {
    if (upload.inFlight) upload.dispatch({ type: 'cancel' });
    // It stays counted in the batch, so that the batch still ends with queue-complete.
    this.uploads = this.uploads.filter((held) => held !== upload);
    this.#schedule();
  }

  /** Forgets every file without a word. */
  clear(): void {
    for (const upload of this.uploads) upload.abandon();
    this.uploads = [];
    this.#touched.clear();
    this.#rejected = [];
  }

  rejected(file: File, reason: Failed['reason']): void {
    this.#rejected.push({ file, reason });
    this.#schedule();
  }

  enqueue(upload: FileUpload): void {
    this.#touched.add(upload);
    this.#schedule();
  }

  /** A file changed: a slot may be free, or the queue may be done. */
  changed(): void {
    this.host.requestUpdate();
    this.#schedule();
  }

  /** `max-parallel` may have changed: a slot may be free. */
  hostUpdate(): void {
    this.#schedule();
  }

  hostConnected(): void {
    this.#schedule();
  }

  /**
   * Removing the element aborts its uploads; moving it (removed and added again in the same task)
   * does not, so the check waits for the next task.
   */
  hostDisconnected(): void {
    setTimeout(() => {
      if (this.host.isConnected) return;
      for (const upload of this.uploads) if (upload.inFlight) upload.dispatch({ type: 'cancel' });
    });
  }

  // Once per task at most, and never from inside a file's own event handling.
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#startQueued();
      this.#completeIfDone();
    });
  }

  #startQueued(): void {
    if (!this.host.isConnected) return;
    const limit = Math.max(1, this.maxParallel());
    for (const upload of this.uploads) {
      if (this.uploads.filter((held) => held.state.status === 'uploading').length >= limit) return;
      if (upload.state.status === 'queued') upload.dispatch({ type: 'start' });
    }
  }

  #completeIfDone(): void {
    if (this.inFlight || (this.#touched.size === 0 && this.#rejected.length === 0)) return;
    const detail: QueueCompleteDetail = { succeeded: [], failed: [...this.#rejected] };
    for (const upload of this.uploads) {
      if (!this.#touched.has(upload)) continue;
      const { status, error } = upload.state;
      if (status === 'success' && upload.result) detail.succeeded.push({ file: upload.file, id: upload.result.id });
      else if (status === 'error') detail.failed.push({ file: upload.file, reason: error?.reason ?? 'aborted' });
      else if (status === 'expired' || status === 'used') detail.failed.push({ file: upload.file, reason: status });
    }
    this.#touched.clear();
    this.#rejected = [];
    emit(this.host, 'queue-complete', detail);
  }
}
