import type { ReactiveController, ReactiveControllerHost } from 'lit';

// setTimeout holds at most about 24.8 days; a later expiry is reached in steps.
const longestTimeout = 2 ** 31 - 1;

/** Calls back when a URL's expiry passes, while the element is connected. */
export class ExpiryClock implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #expiry: number | undefined;
  // A timer only while the element is in a page: a removed element keeps none, so it can be collected.
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly onExpired: () => void,
  ) {
    host.addController(this);
  }

  /** Watches `expiry` (epoch ms), replacing any earlier one; undefined stops watching. */
  watch(expiry: number | undefined): void {
    this.#expiry = expiry;
    this.#arm();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#arm();
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#expiry === undefined || !this.#connected) return;
    const wait = this.#expiry - Date.now();
    this.#timer = setTimeout(() => (wait > longestTimeout ? this.#arm() : this.onExpired()), Math.max(0, Math.min(wait, longestTimeout)));
  }
}
