/**
 * Upload speed and time left, smoothed: progress events arrive in bursts (the browser hands the
 * network stack large chunks), so the rate between two events swings wildly. An exponential
 * moving average weighted by elapsed time keeps "2 minutes left" from jumping about; nothing is
 * reported until the upload has run long enough for the figure to mean something.
 *
 * The clock starts at the first progress event, not at the send: what the first event reports is
 * mostly the socket's buffers filling (half of a 10 MB file at once on loopback), not the link.
 */
export interface Rate {
  /** Bytes per second, or null until known. */
  bytesPerSecond: number | null;
  /** Whole seconds until the last byte is sent, or null until known. */
  secondsLeft: number | null;
}

const unknown: Rate = { bytesPerSecond: null, secondsLeft: null };

export class TransferRate {
  #bytes = 0;
  #at: number | undefined;
  #elapsed = 0;
  #rate: number | null = null;

  /**
   * @param halfLife how long (ms) until an old rate counts half as much as it did
   * @param warmUp how long (ms) after the first progress event a rate is first reported
   */
  constructor(
    private readonly halfLife = 2000,
    private readonly warmUp = 500,
  ) {}

  /** Takes the bytes sent so far, at `at` ms (any monotonic clock), and returns the smoothed rate. */
  sample(bytesUploaded: number, bytesTotal: number, at: number): Rate {
    if (this.#at === undefined) {
      this.#at = at;
      this.#bytes = bytesUploaded;
    }
    const elapsed = at - this.#at;
    if (elapsed > 0 && bytesUploaded >= this.#bytes) {
      const instant = ((bytesUploaded - this.#bytes) / elapsed) * 1000;
      const weight = 1 - 2 ** (-elapsed / this.halfLife);
      this.#rate = this.#rate === null ? instant : this.#rate + weight * (instant - this.#rate);
      this.#elapsed += elapsed;
      this.#bytes = bytesUploaded;
      this.#at = at;
    }
    if (bytesUploaded >= bytesTotal) return { bytesPerSecond: this.#rate === null ? null : Math.round(this.#rate), secondsLeft: 0 };
    if (this.#rate === null || this.#rate <= 0 || this.#elapsed < this.warmUp) return unknown;
    // From the rounded speed, so that the two figures a page shows agree.
    const bytesPerSecond = Math.max(1, Math.round(this.#rate));
    return { bytesPerSecond, secondsLeft: Math.ceil((bytesTotal - bytesUploaded) / bytesPerSecond) };
  }
}
