import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { classify, describeFailure, type ResponseClassifier } from './classify-response.js';
import { Connectivity } from './connectivity.js';
import { styles } from './direct-upload.styles.js';
import { emit, type CloudflareImage, type UploadErrorDetail } from './events.js';
import { ExpiryClock } from './expiry-clock.js';
import { messages } from './messages.js';
import { imageIdOf, isSpent, markSpent } from './spent-urls.js';
import { nextStatus, type UploadStatus } from './status.js';
import { UploadSession } from './upload-session.js';
import { checkUploadURL, defaultUploadHosts } from './url-policy.js';
import { fetchUploadURL, type UploadURLProvider } from './url-source.js';
import {
  checkFile,
  defaultAccept,
  defaultMaxArea,
  defaultMaxDimension,
  defaultMaxFileSize,
  type HostRule,
  type Limits,
} from './validation.js';
import type { ImageInfo } from './image-info.js';

type Failure = Omit<UploadErrorDetail, 'file'>;

/** What stands between the current upload URL and an upload. */
type URLProblem =
  | { kind: 'missing' }
  | { kind: 'expired'; detectedBy: 'clock' | 'server' }
  | { kind: 'used' }
  /** Valid, but expires within `refresh-margin`: replaced first when the element can get another. */
  | { kind: 'expiring' };

/**
 * Uploads one image straight from the browser to a one-time Cloudflare Images upload URL that the
 * page's backend minted (Direct Creator Upload). The API token never reaches the browser.
 *
 * @summary An image picker that uploads to a Cloudflare Images direct-upload URL.
 * @tagname direct-upload
 *
 * @event {CustomEvent<FileAcceptedDetail>} file-accepted - A chosen file passed the checks: `{file, type, width, height}`.
 * @event {CustomEvent<FileRejectedDetail>} file-rejected - A chosen file failed the checks; nothing was sent: `{file, reason, message, limit?, actual?}`, reason `type`, `size`, `dimensions`, `area`, `empty`, `unreadable` or `custom`.
 * @event {CustomEvent<UploadStartDetail>} upload-start - The upload request is about to be sent: `{file, uploadURL}`.
 * @event {CustomEvent<UploadProgressDetail>} upload-progress - Bytes sent so far, at most once per animation frame, always ending with one at 100: `{file, bytesUploaded, bytesTotal, percent}`.
 * @event {CustomEvent<UploadSuccessDetail>} upload-success - Cloudflare stored the image: `{file, id, result, variants}`.
 * @event {CustomEvent<UploadErrorDetail>} upload-error - The upload did not happen or failed: `{file, reason, status?, code?, message}`, reason `network`, `server`, `rejected`, `aborted`, `config` or `timeout`.
 * @event {CustomEvent<UrlExpiredDetail>} url-expired - The upload URL expired: its `expiry` passed, or the upload host said so: `{uploadURL, expiry, detectedBy, certain}`.
 * @event {CustomEvent<UrlUsedDetail>} url-used - The upload URL was already used, on this page or by the host's account: `{uploadURL, detectedBy, maybeStored?, id?}`.
 * @event {CustomEvent<UrlRefreshedDetail>} url-refreshed - The element fetched a fresh upload URL from `uploadURLProvider` or `upload-url-endpoint`: `{uploadURL, id?, expiry?}`.
 *
 * @slot label - The text of the button that opens the file picker.
 *
 * @csspart base - The box around everything; also the drop target.
 * @csspart button - The button that opens the file picker.
 * @csspart upload-button - The button that starts an upload when `manual` is set.
 * @csspart cancel-button - The button that cancels an upload in flight.
 * @csspart file-name - The chosen file's name.
 * @csspart progress - The `<progress>` bar shown while uploading.
 * @csspart status - The status or error text.
 *
 * @cssprop --direct-upload-color - Text colour.
 * @cssprop --direct-upload-background - Background of the box.
 * @cssprop --direct-upload-drop-background - Background of the box while a file is dragged over it.
 * @cssprop --direct-upload-border - Border of the box.
 * @cssprop --direct-upload-radius - Corner radius of the box and buttons.
 * @cssprop --direct-upload-padding - Padding of the box.
 * @cssprop --direct-upload-button-background - Background of the buttons.
 * @cssprop --direct-upload-accent - Colour of the progress bar.
 * @cssprop --direct-upload-error-color - Colour of error text.
 */
export class DirectUploadElement extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    uploadURL: { attribute: 'upload-url' },
    uploadHosts: { attribute: 'upload-hosts' },
    expiry: {},
    uploadURLEndpoint: { attribute: 'upload-url-endpoint' },
    uploadURLProvider: { attribute: false },
    refreshMargin: { attribute: 'refresh-margin', type: Number },
    stallTimeout: { attribute: 'stall-timeout', type: Number },
    classifyResponse: { attribute: false },
    accept: {},
    maxFileSize: { attribute: 'max-file-size', type: Number },
    maxDimension: { attribute: 'max-dimension', type: Number },
    maxArea: { attribute: 'max-area', type: Number },
    minWidth: { attribute: 'min-width', type: Number },
    minHeight: { attribute: 'min-height', type: Number },
    maxAnimationArea: { attribute: 'max-animation-area', type: Number },
    validate: { attribute: false },
    manual: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    _status: { state: true },
    _file: { state: true },
    _result: { state: true },
    _percent: { state: true },
    _message: { state: true },
    _dragging: { state: true },
  };

  /** The one-time upload URL from Cloudflare's Direct Creator Upload API, minted by the page's backend. */
  declare uploadURL: string;
  /** Space-separated `host[:port]` list the element may upload to. */
  declare uploadHosts: string;
  /**
   * When `upload-url` expires (ISO 8601, the value the backend asked Cloudflare for). Set it with
   * each new URL. Once it passes the element sends nothing to that URL and fires `url-expired`.
   */
  declare expiry: string;
  /**
   * The page's backend URL that answers a POST (same-origin credentials) with a fresh upload URL:
   * `{uploadURL, id?, expiry?}` or Cloudflare's `{result: {id, uploadURL}}`.
   */
  declare uploadURLEndpoint: string;
  /** Gets a fresh upload URL (either shape above, or a bare string); wins over `upload-url-endpoint`. */
  declare uploadURLProvider: UploadURLProvider | undefined;
  /** With a provider or endpoint, a URL expiring within this many seconds is replaced before an upload. */
  declare refreshMargin: number;
  /** Milliseconds without upload progress after which the upload stops with reason `timeout`. */
  declare stallTimeout: number;
  /** Overrides how a failed upload is read (see the README); undefined lets the default decide. */
  declare classifyResponse: ResponseClassifier | undefined;
  /**
   * Accepted types, matched against the type read from the file's content: MIME types, wildcards
   * such as `image/*`, or extensions such as `.png`, comma-separated. Narrows the formats Cloudflare
   * Images takes; cannot widen them.
   */
  declare accept: string;
  /** Largest file accepted, in bytes. Cloudflare refuses more than 10 MB. */
  declare maxFileSize: number;
  /** Longest side accepted, in pixels. Cloudflare refuses more than 12,000. */
  declare maxDimension: number;
  /** Largest area accepted, width × height in pixels. Cloudflare refuses more than 100 megapixels. */
  declare maxArea: number;
  /** Smallest width accepted, in pixels; 0 for none. */
  declare minWidth: number;
  /** Smallest height accepted, in pixels; 0 for none. */
  declare minHeight: number;
  /** Largest area of all frames of an animated GIF or WebP together, in pixels; 0 for no limit. */
  declare maxAnimationArea: number;
  /**
   * The page's own rule, run after the built-in checks: return a message to reject the file
   * (reason `custom`), or `null` to accept it. May be async.
   */
  declare validate: HostRule | undefined;
  /** Don't upload when a file is chosen; wait for `upload()` or the Upload button. */
  declare manual: boolean;
  /** Stops the element taking files. */
  declare disabled: boolean;

  declare private _status: UploadStatus;
  declare private _file: File | null;
  declare private _result: CloudflareImage | null;
  declare private _percent: number;
  declare private _message: string;
  declare private _dragging: boolean;

  /** @internal The upload session around Uppy; exposed for tests. */
  readonly session = new UploadSession(this, (bytesUploaded, bytesTotal) => this.#onProgress(bytesUploaded, bytesTotal));
  readonly #clock = new ExpiryClock(this, () => this.#clockExpired());
  readonly #connectivity = new Connectivity(this);

  #info: ImageInfo | null = null;
  /** The upload in progress; aborted by `cancel()`, `reset()`, a new file or removal. */
  #run?: AbortController;
  /** URLs the upload host said had expired. */
  readonly #expiredURLs = new Set<string>();
  /** URLs with a try whose outcome is unknown: the host may have stored the image. */
  readonly #unknownOutcome = new Set<string>();
  /** Image ids that came with URLs the element fetched. */
  readonly #freshIds = new Map<string, string | undefined>();
  // Each choice gets a number, so that a slow check of an earlier file cannot overrule a later one.
  #choice = 0;

  constructor() {
    super();
    this.uploadURL = '';
    this.uploadHosts = defaultUploadHosts;
    this.expiry = '';
    this.uploadURLEndpoint = '';
    this.uploadURLProvider = undefined;
    this.refreshMargin = 60;
    this.stallTimeout = 30_000;
    this.classifyResponse = undefined;
    this.accept = defaultAccept;
    this.maxFileSize = defaultMaxFileSize;
    this.maxDimension = defaultMaxDimension;
    this.maxArea = defaultMaxArea;
    this.minWidth = 0;
    this.minHeight = 0;
    this.maxAnimationArea = 0;
    this.validate = undefined;
    this.manual = false;
    this.disabled = false;
    this._status = 'idle';
    this._file = null;
    this.#info = null;
    this._result = null;
    this._percent = 0;
    this._message = '';
    this._dragging = false;
  }

  /** Where the element is: `idle`, `validating`, `ready`, `uploading`, `success` or `error`. */
  get status(): UploadStatus {
    return this._status;
  }

  /** The file chosen last that passed the checks. */
  get file(): File | null {
    return this._file;
  }

  /** Cloudflare's `result` for the uploaded image, after `upload-success`. */
  get result(): CloudflareImage | null {
    return this._result;
  }

  /**
   * Checks a file and, unless `manual` is set, uploads it. Resolves whether the file was accepted.
   * A rejected file leaves an earlier accepted one in place; a new file stops an upload in flight.
   */
  async selectFile(file: File): Promise<boolean> {
    if (this.disabled) return false;
    // A new choice replaces the file being uploaded, so that upload stops first.
    if (this._status === 'uploading') this.#abortUpload();
    const choice = ++this.#choice;
    this.#setStatus('validating');
    const limits = this.#limits();
    const verdict = await checkFile(file, limits, (type) => this.session.admit(file, type, limits), this.validate);
    if (choice !== this.#choice) return false;
    if (!verdict.accepted) {
      this._message = verdict.rejection.message;
      this.#setStatus('error');
      emit(this, 'file-rejected', { file, ...verdict.rejection });
      return false;
    }
    const { type, width, height } = verdict.info;
    this._file = file;
    this.#info = verdict.info;
    this._result = null;
    this._message = '';
    emit(this, 'file-accepted', { file, type, width, height });
    if (this.manual) {
      this.#setStatus('ready');
    } else {
      await this.upload();
    }
    return true;
  }

  /**
   * Uploads the chosen file to `uploadURL`, first getting a fresh URL when the current one is
   * missing, expired, used or about to expire and a provider or endpoint is set. Resolves once the
   * upload succeeded, failed, or waits for a new URL (status `expired` or `used`).
   */
  async upload(): Promise<void> {
    if (this._status === 'uploading') return;
    const file = this._file;
    const info = this.#info;
    if (!file || !info) return this.#fail(null, { reason: 'config', message: messages.noFile() });
    const run = new AbortController();
    this.#run = run;
    this._percent = 0;
    this._message = '';
    this.#setStatus('uploading');
    // A URL the host turned down is replaced once per upload, so a bad provider cannot loop.
    let refreshedAfterRefusal = false;
    let announced = '';
    for (;;) {
      let uploadURL = this.uploadURL;
      const problem = this.#urlProblem(uploadURL);
      if (problem && uploadURL !== announced) this.#announce(problem, uploadURL);
      if (problem) {
        if (this.#canRefresh) {
          const fresh = await this.#refresh(file, run.signal);
          if (fresh === undefined) return;
          uploadURL = fresh;
        } else if (problem.kind === 'missing') {
          return this.#fail(file, { reason: 'config', message: messages.noUploadURL() });
        } else if (problem.kind !== 'expiring') {
          return this.#waitForURL(problem.kind);
        }
      }
      const check = checkUploadURL(uploadURL, this.uploadHosts);
      if (!check.ok) return this.#fail(file, { reason: 'config', message: check.message });

      if (!this.#connectivity.online) {
        this._message = messages.offline();
        await Promise.race([this.#connectivity.whenOnline(), aborted(run.signal)]);
        if (run.signal.aborted) return;
        this._message = '';
      }
      emit(this, 'upload-start', { file, uploadURL });
      const offline = new AbortController();
      const stopWatching = this.#connectivity.onOffline(() => offline.abort());
      const outcome = await this.session.send(file, info.type, uploadURL, {
        // With a way to get another URL, a silent failure is more likely a refused URL than a network
        // fault: try once more, then replace the URL.
        noAnswerRetries: this.#canRefresh ? 1 : 3,
        stallTimeout: this.stallTimeout,
        signal: AbortSignal.any([run.signal, offline.signal]),
      });
      stopWatching();
      if (outcome.kind === 'aborted' || outcome.kind === 'stalled') this.#unknownOutcome.add(uploadURL);
      if (run.signal.aborted) return;

      if (outcome.kind === 'success') {
        markSpent(uploadURL);
        this._result = outcome.image;
        this.#setStatus('success');
        emit(this, 'upload-success', { file, id: outcome.image.id, result: outcome.image, variants: outcome.image.variants });
        return;
      }
      if (outcome.kind === 'aborted') continue; // went offline: wait, then send again
      if (outcome.kind === 'stalled') return this.#fail(file, { reason: 'timeout', message: messages.stalled(this.stallTimeout) });
      if (outcome.kind === 'unexpected') {
        return this.#fail(file, { reason: 'server', status: outcome.status, message: messages.unexpectedAnswer(outcome.status) });
      }

      const { response, unanswered } = outcome;
      const unknownBefore = unanswered > 0 || this.#unknownOutcome.has(uploadURL);
      if (response.status === 0) this.#unknownOutcome.add(uploadURL);
      const kind = classify(response, this.classifyResponse);
      if (kind === 'network' && !this.#connectivity.online) continue;
      if (kind === 'used') {
        markSpent(uploadURL);
        if (unknownBefore) {
          const id = this.#imageId(uploadURL);
          emit(this, 'url-used', { uploadURL, detectedBy: 'server', maybeStored: true, id });
          return this.#waitForURL('used', messages.maybeStored(id));
        }
        emit(this, 'url-used', { uploadURL, detectedBy: 'server' });
      } else if (kind === 'expired' || (kind === 'network' && this.#canRefresh && !refreshedAfterRefusal)) {
        // No answer with a way to refresh: probably refused without CORS headers, so unreadable.
        this.#expiredURLs.add(uploadURL);
        emit(this, 'url-expired', { uploadURL, expiry: this.expiry || null, detectedBy: 'server', certain: kind === 'expired' });
      } else {
        return this.#fail(file, describeFailure(kind, response));
      }
      if (!this.#canRefresh || refreshedAfterRefusal) return this.#waitForURL(kind === 'used' ? 'used' : 'expired');
      refreshedAfterRefusal = true;
      announced = uploadURL;
    }
  }

  /** Aborts the upload in flight; the chosen file stays, ready to upload again. */
  cancel(): void {
    if (this._status !== 'uploading') return;
    this.#abortUpload();
  }

  /** Forgets the file, result and message, and aborts any upload in flight, without events. */
  reset(): void {
    this.#choice += 1;
    this.#run?.abort();
    this._file = null;
    this.#info = null;
    this._result = null;
    this._percent = 0;
    this._message = '';
    this.#setStatus('idle');
    const input = this.renderRoot?.querySelector('input');
    if (input) input.value = '';
  }

  override disconnectedCallback(): void {
    if (this._status === 'uploading') this.#abortUpload();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('expiry') || changed.has('uploadURL')) {
      const expiry = Date.parse(this.expiry);
      this.#clock.watch(this.expiry && !Number.isNaN(expiry) ? expiry : undefined);
    }
    // A new URL from the page resumes a file that was waiting for one.
    if (changed.has('uploadURL') && (this._status === 'expired' || this._status === 'used') && this.uploadURL) {
      if (this._file && !this.manual) queueMicrotask(() => void this.upload());
      else this.#setStatus(this._file ? 'ready' : 'idle');
    }
  }

  get #canRefresh(): boolean {
    return Boolean(this.uploadURLProvider || this.uploadURLEndpoint);
  }

  #urlProblem(uploadURL: string): URLProblem | undefined {
    if (!uploadURL) return { kind: 'missing' };
    if (isSpent(uploadURL)) return { kind: 'used' };
    if (this.#expiredURLs.has(uploadURL)) return { kind: 'expired', detectedBy: 'server' };
    const expiry = Date.parse(this.expiry);
    if (Number.isNaN(expiry)) return undefined;
    if (Date.now() >= expiry) return { kind: 'expired', detectedBy: 'clock' };
    if (this.#canRefresh && expiry - Date.now() < this.refreshMargin * 1000) return { kind: 'expiring' };
    return undefined;
  }

  /** Tells the page about an unusable URL found before sending. */
  #announce(problem: URLProblem, uploadURL: string): void {
    if (problem.kind === 'expired') {
      emit(this, 'url-expired', { uploadURL, expiry: this.expiry || null, detectedBy: problem.detectedBy, certain: true });
    } else if (problem.kind === 'used') {
      emit(this, 'url-used', { uploadURL, detectedBy: 'client' });
    }
  }

  /** The expiry passed: tell the page, even while nothing is happening. */
  #clockExpired(): void {
    const uploadURL = this.uploadURL;
    const problem = this.#urlProblem(uploadURL);
    if (problem?.kind !== 'expired' || this._status === 'uploading' || this._status === 'validating') return;
    this.#announce(problem, uploadURL);
    if (!this.#canRefresh && this._status !== 'expired' && this._status !== 'used') this.#waitForURL('expired');
  }

  /** Gets a fresh URL from the provider or endpoint; on failure reports it and resolves undefined. */
  async #refresh(file: File, signal: AbortSignal): Promise<string | undefined> {
    let fresh;
    try {
      fresh = await fetchUploadURL(this.uploadURLProvider, this.uploadURLEndpoint);
    } catch (error) {
      if (!signal.aborted) this.#fail(file, { reason: 'config', message: messages.refreshFailed((error as Error).message) });
      return undefined;
    }
    if (signal.aborted) return undefined;
    this.uploadURL = fresh.uploadURL;
    this.expiry = fresh.expiry ?? '';
    this.#freshIds.set(fresh.uploadURL, fresh.id);
    emit(this, 'url-refreshed', fresh);
    const problem = this.#urlProblem(fresh.uploadURL);
    if (problem?.kind === 'expired' || problem?.kind === 'used') {
      this.#fail(file, { reason: 'config', message: messages.freshURLUnusable(problem.kind) });
      return undefined;
    }
    return fresh.uploadURL;
  }

  #imageId(uploadURL: string): string | undefined {
    return this.#freshIds.get(uploadURL) ?? imageIdOf(uploadURL);
  }

  /** Keeps the file until the page gives a new URL. */
  #waitForURL(status: 'expired' | 'used', message = status === 'used' ? messages.used() : messages.expired()): void {
    this._message = message;
    this.#setStatus(status);
  }

  #limits(): Limits {
    const { accept, maxFileSize, maxDimension, maxArea, minWidth, minHeight, maxAnimationArea } = this;
    return { accept, maxFileSize, maxDimension, maxArea, minWidth, minHeight, maxAnimationArea };
  }

  #abortUpload(): void {
    this.#run?.abort();
    this.#fail(this._file, { reason: 'aborted', message: messages.cancelled() });
  }

  #setStatus(status: UploadStatus): void {
    this._status = nextStatus(this._status, status);
  }

  #fail(file: File | null, failure: Failure): void {
    this._message = failure.message;
    this.#setStatus('error');
    emit(this, 'upload-error', { file, ...failure });
  }

  #onProgress(bytesUploaded: number, bytesTotal: number): void {
    const file = this._file;
    if (!file || this._status !== 'uploading') return;
    const uploaded = Math.min(Math.round(bytesUploaded), bytesTotal);
    this._percent = Math.floor((uploaded / bytesTotal) * 100);
    emit(this, 'upload-progress', { file, bytesUploaded: uploaded, bytesTotal, percent: this._percent });
  }

  #openPicker(): void {
    this.renderRoot.querySelector('input')?.click();
  }

  #onInputChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const [file] = input.files ?? [];
    // Cleared so that choosing the same file again (say, after an error) is a change too.
    input.value = '';
    if (file) void this.selectFile(file);
  }

  #onDragOver(event: DragEvent): void {
    if (this.disabled || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this._dragging = true;
  }

  #onDragLeave(): void {
    this._dragging = false;
  }

  #onDrop(event: DragEvent): void {
    this._dragging = false;
    const file = event.dataTransfer?.files[0];
    if (this.disabled || !file) return;
    event.preventDefault();
    void this.selectFile(file);
  }

  #statusText(): string {
    switch (this._status) {
      case 'validating':
        return messages.validating();
      case 'ready':
        return messages.ready();
      case 'uploading':
        return this._message || messages.uploading(this._percent);
      case 'success':
        return messages.uploaded();
      case 'error':
      case 'expired':
      case 'used':
        return this._message;
      default:
        return '';
    }
  }

  override render() {
    const status = this._status;
    const canUpload = this.manual && this._file !== null && (status === 'ready' || status === 'error');
    return html`
      <div
        part="base"
        class=${this._dragging ? 'dragging' : ''}
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <input
          type="file"
          tabindex="-1"
          aria-hidden="true"
          accept=${this.accept}
          ?disabled=${this.disabled}
          @change=${this.#onInputChange}
        />
        <button part="button" type="button" ?disabled=${this.disabled} @click=${this.#openPicker}>
          <slot name="label">${messages.chooseImage()}</slot>
        </button>
        ${this._file
          ? html`<span part="file-name">${this._file.name}</span>`
          : html`<span>${messages.dropHint()}</span>`}
        ${canUpload
          ? html`<button part="upload-button" type="button" ?disabled=${this.disabled} @click=${() => this.upload()}>
              ${messages.uploadButton()}
            </button>`
          : nothing}
        ${status === 'uploading'
          ? html`<progress part="progress" max="100" .value=${this._percent}></progress>
              <button part="cancel-button" type="button" @click=${() => this.cancel()}>${messages.cancelButton()}</button>`
          : nothing}
        <span part="status" role="status" aria-live="polite" class=${status === 'error' || status === 'expired' || status === 'used' ? 'error' : ''}
          >${this.#statusText()}</span
        >
      </div>
    `;
  }
}

/** Resolves when `signal` aborts. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
