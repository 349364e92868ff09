import { readFailure, type FailedUpload, type UploadOutcome } from './classify-response.js';
import { emit, type CloudflareImage, type DetailOf } from './events.js';
import type { ImageInfo } from './image-info.js';
import {
  decide,
  initialState,
  type Effect,
  type LifecycleEvent,
  type SendResult,
  type UploadState,
  type URLFacts,
  type World,
} from './url-lifecycle.js';
import { claimURL, recordURL } from './url-registry.js';
import { TransferRate, type Rate } from './transfer-rate.js';
import { UploadSession, type SendOutcome } from './upload-session.js';

/** What one file's upload needs from the element that holds it. */
export interface UploadHost {
  readonly element: HTMLElement;
  world(): World;
  /** The URL a file starting now goes to: the page's, or the file's own; undefined for none. */
  urlFor(upload: FileUpload): URLFacts | undefined;
  /** A fresh URL from the provider or endpoint, with what is known of it. */
  freshURL(): Promise<URLFacts>;
  classify(response: FailedUpload): UploadOutcome;
  whenOnline(): Promise<void>;
  onOffline(callback: () => void): () => void;
  /** The single-file element takes a fetched URL as its own `uploadURL`. */
  adopt(url: URLFacts): void;
  /** The file waits for an upload slot. */
  enqueue(upload: FileUpload): void;
  /** Something about the file changed: re-render, free a slot, maybe finish the queue. */
  changed(upload: FileUpload): void;
}

/**
 * One file on its way to Cloudflare: its validation result, its URL and what is known of it, its
 * request, status and progress. Runs the effects `decide` asks for; each upload run has its own
 * abort signal, and what a stale run reports is dropped.
 */
export class FileUpload {
  state: UploadState = initialState;
  percent = 0;
  /** Speed and time left of the upload in flight, for pages and the element's own text. */
  rate: Rate = { bytesPerSecond: null, secondsLeft: null };
  result: CloudflareImage | null = null;
  #run?: AbortController;
  #transferRate = new TransferRate();
  #queue: LifecycleEvent[] = [];
  #busy = false;
  #settled: (() => void)[] = [];
  readonly #session = new UploadSession((bytesUploaded, bytesTotal) => this.#progress(bytesUploaded, bytesTotal));

  constructor(
    readonly file: File,
    readonly info: ImageInfo,
    private readonly host: UploadHost,
  ) {}

  get inFlight(): boolean {
    return this.state.status === 'uploading' || this.state.status === 'queued';
  }

  /** Resolves once the file is not queued or uploading. */
  settled(): Promise<void> {
    return this.inFlight ? new Promise((resolve) => this.#settled.push(resolve)) : Promise.resolve();
  }

  /** Feeds an event to the lifecycle; events raised while one is handled wait their turn. */
  dispatch(event: LifecycleEvent): void {
    this.#queue.push(event);
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) this.#handle(next);
    } finally {
      this.#busy = false;
    }
  }

  /** Stops whatever is in flight without a word: the element is forgetting this file. */
  abandon(): void {
    // As after cancel(): a request stopped on its way may have been stored all the same.
    if (this.state.sending && this.state.url) recordURL(this.state.url.uploadURL, 'outcomeUnknown');
    this.#run?.abort();
    this.#queue = [];
    this.state = { ...this.state, status: 'error' };
    this.#notifySettled();
  }

  #handle(event: LifecycleEvent): void {
    const wasUploading = this.state.status === 'uploading';
    if (event.type === 'start' || event.type === 'accepted') event = { ...event, url: this.host.urlFor(this) };
    const { state, effects } = decide(this.state, event, this.host.world());
    this.state = state;
    if (!wasUploading && state.status === 'uploading') {
      this.#run = new AbortController();
      this.percent = 0;
      this.rate = { bytesPerSecond: null, secondsLeft: null };
      this.#transferRate = new TransferRate();
      this.result = null;
    }
    for (const effect of effects) this.#perform(effect);
    this.host.changed(this);
    if (!this.inFlight) this.#notifySettled();
  }

  #perform(effect: Effect): void {
    const run = this.#run;
    // What an async effect reports counts only while its run is the current one.
    const current =
      <T>(then: (value: T) => LifecycleEvent) =>
      (value: T) => {
        if (run === this.#run && !run?.signal.aborted) this.dispatch(then(value));
      };
    switch (effect.type) {
      case 'emit':
        if (effect.name === 'upload-success') this.result = effect.detail.result;
        // A setup mistake is the page's to fix: people see a plain sentence, developers this.
        if (effect.name === 'upload-error' && effect.detail.reason === 'config') console.warn(`<direct-upload>: ${effect.detail.message}`);
        emit(this.host.element, effect.name, { file: this.file, ...effect.detail } as DetailOf<typeof effect.name>);
        break;
      case 'record':
        recordURL(effect.uploadURL, effect.fact);
        break;
      case 'enqueue':
        this.host.enqueue(this);
        break;
      case 'abort':
        this.#run?.abort();
        break;
      case 'adopt-url':
        this.host.adopt(effect.url);
        break;
      case 'fetch-url':
        this.host.freshURL().then(
          current((url: URLFacts) => ({ type: 'url-fetched', url })),
          current((error: unknown) => ({ type: 'url-fetch-failed', cause: error instanceof Error ? error.message : String(error) })),
        );
        break;
      case 'wait-online':
        void this.host.whenOnline().then(current(() => ({ type: 'online' })));
        break;
      case 'send':
        this.#send(effect.uploadURL, run!)
          // Only a fault of the element's own could get here; the file must not wait for ever.
          .catch((): SendResult => ({ kind: 'failure', outcome: 'network', response: readFailure(undefined), unanswered: 0 }))
          .then(current((result: SendResult) => ({ type: 'sent', result })));
        break;
    }
  }

  async #send(uploadURL: string, run: AbortController): Promise<SendResult> {
    const { canRefresh, stallTimeout } = this.host.world();
    const offline = new AbortController();
    const stopWatching = this.host.onOffline(() => offline.abort());
    const release = claimURL(uploadURL, this);
    let outcome: SendOutcome;
    try {
      outcome = await this.#session.send(this.file, this.info.type, uploadURL, {
        // With a way to get another URL, a silent failure is more likely a refused URL than a network
        // fault: try once more, then replace the URL.
        noAnswerRetries: canRefresh ? 1 : 3,
        stallTimeout,
        signal: AbortSignal.any([run.signal, offline.signal]),
      });
    } finally {
      stopWatching();
      release();
    }
    if (outcome.kind === 'aborted') return { kind: 'offline' };
    if (outcome.kind !== 'failure') return outcome;
    return { ...outcome, outcome: this.host.classify(outcome.response) };
  }

  #progress(bytesUploaded: number, bytesTotal: number): void {
    if (this.state.status !== 'uploading') return;
    const uploaded = Math.min(Math.round(bytesUploaded), bytesTotal);
    this.percent = Math.floor((uploaded / bytesTotal) * 100);
    this.rate = this.#transferRate.sample(uploaded, bytesTotal, performance.now());
    emit(this.host.element, 'upload-progress', {
      file: this.file,
      bytesUploaded: uploaded,
      bytesTotal,
      percent: this.percent,
      ...this.rate,
    });
    this.host.changed(this);
  }

  #notifySettled(): void {
    const waiting = this.#settled;
    this.#settled = [];
    for (const resolve of waiting) resolve();
  }
}
