import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Follows `navigator.onLine` and its `online`/`offline` events while the element is connected. */
export class Connectivity implements ReactiveController {
  #waiting: (() => void)[] = [];
  readonly #onOffline = new Set<() => void>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get online(): boolean {
    return navigator.onLine;
  }

  /** Resolves once the browser is online (at once if it is). */
  whenOnline(): Promise<void> {
    if (this.online) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Calls `callback` when the browser goes offline, until the returned function is called. */
  onOffline(callback: () => void): () => void {
    this.#onOffline.add(callback);
    return () => this.#onOffline.delete(callback);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#wentOnline);
    window.addEventListener('offline', this.#wentOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#wentOnline);
    window.removeEventListener('offline', this.#wentOffline);
  }

  #wentOnline = () => {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  };

  #wentOffline = () => {
    for (const callback of [...this.#onOffline]) callback();
  };
}
