/**
 * Passes on the latest progress at most once per animation frame: XMLHttpRequest reports far more
 * often than a page can draw, and each report is an event the page handles.
 */
export class FrameThrottle {
  #pending?: { bytesUploaded: number; bytesTotal: number };
  #frame = 0;
  #lastWasComplete = false;

  constructor(private readonly onProgress: (bytesUploaded: number, bytesTotal: number) => void) {}

  report(bytesUploaded: number, bytesTotal: number): void {
    this.#pending = { bytesUploaded, bytesTotal };
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#flush();
    });
  }

  /** Drops what is pending: the request ended without success. */
  stop(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#pending = undefined;
  }

  /** The request succeeded: pass on what is pending, and make sure the last report says all of it. */
  complete(size: number): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#flush();
    if (!this.#lastWasComplete) this.onProgress(size, size);
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (!pending) return;
    this.#lastWasComplete = pending.bytesUploaded >= pending.bytesTotal;
    this.onProgress(pending.bytesUploaded, pending.bytesTotal);
  }
}
