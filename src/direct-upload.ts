import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './direct-upload.styles.js';
import { emit, type CloudflareImage } from './events.js';
import { messages } from './messages.js';
import { nextStatus, type UploadStatus } from './status.js';
import { UploadSession } from './upload-session.js';
import { checkUploadURL, defaultUploadHosts } from './url-policy.js';
import {
  checkFile,
  defaultAccept,
  defaultMaxArea,
  defaultMaxDimension,
  defaultMaxFileSize,
  type HostRule,
  type Limits,
} from './validation.js';
import type { UploadFailure } from './classify-response.js';
import type { ImageInfo } from './image-info.js';

/**
 * Uploads one image straight from the browser to a one-time Cloudflare Images upload URL that the
 * page's backend minted (Direct Creator Upload). The API token never reaches the browser.
 *
 * @summary An image picker that uploads to a Cloudflare Images direct-upload URL.
 *
 * @event file-accepted - A chosen file passed the checks. Detail: `{file, type, width, height}`.
 * @event file-rejected - A chosen file failed the checks; nothing was sent. Detail: `{file, reason: 'type' | 'size' | 'dimensions' | 'area' | 'empty' | 'unreadable' | 'custom', message, limit?, actual?}`.
 * @event upload-start - The upload request is about to be sent. Detail: `{file, uploadURL}`.
 * @event upload-progress - Bytes sent so far, at most once per animation frame, always ending with one at 100. Detail: `{file, bytesUploaded, bytesTotal, percent}`.
 * @event upload-success - Cloudflare stored the image. Detail: `{file, id, result, variants}`.
 * @event upload-error - The upload did not happen or failed. Detail: `{file, reason: 'network' | 'server' | 'rejected' | 'aborted' | 'config', status?, code?, message}`.
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
  readonly session = new UploadSession(this, {
    progress: (bytesUploaded, bytesTotal) => this.#onProgress(bytesUploaded, bytesTotal),
    success: (image) => this.#onSuccess(image),
    failure: (failure) => this.#onFailure(failure),
  });

  #settleUpload?: () => void;
  #info: ImageInfo | null = null;
  // Each choice gets a number, so that a slow check of an earlier file cannot overrule a later one.
  #choice = 0;

  constructor() {
    super();
    this.uploadURL = '';
    this.uploadHosts = defaultUploadHosts;
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

  /** Uploads the chosen file to `uploadURL`. Resolves once the upload succeeded or failed. */
  async upload(): Promise<void> {
    if (this._status === 'uploading') return;
    const file = this._file;
    const info = this.#info;
    if (!file || !info) return this.#fail(null, { reason: 'config', message: messages.noFile() });
    const check = checkUploadURL(this.uploadURL, this.uploadHosts);
    if (!check.ok) return this.#fail(file, { reason: 'config', message: check.message });
    const uploadURL = check.url.href;
    this._percent = 0;
    this._message = '';
    this.#setStatus('uploading');
    emit(this, 'upload-start', { file, uploadURL });
    const settled = new Promise<void>((resolve) => (this.#settleUpload = resolve));
    try {
      await this.session.start(file, info.type, uploadURL);
    } catch (error) {
      if (this.#settleUpload) this.#fail(file, { reason: 'config', message: String((error as Error)?.message ?? error) });
    }
    await settled;
  }

  /** Aborts the upload in flight; the chosen file stays, ready to upload again. */
  cancel(): void {
    if (this._status !== 'uploading') return;
    this.#abortUpload();
  }

  /** Forgets the file, result and message, and aborts any upload in flight, without events. */
  reset(): void {
    this.#choice += 1;
    this.session.cancel();
    this.#settleUpload?.();
    this.#settleUpload = undefined;
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

  #limits(): Limits {
    const { accept, maxFileSize, maxDimension, maxArea, minWidth, minHeight, maxAnimationArea } = this;
    return { accept, maxFileSize, maxDimension, maxArea, minWidth, minHeight, maxAnimationArea };
  }

  #abortUpload(): void {
    const file = this._file;
    this.session.cancel();
    this.#fail(file, { reason: 'aborted', message: messages.cancelled() });
  }

  #setStatus(status: UploadStatus): void {
    this._status = nextStatus(this._status, status);
  }

  #fail(file: File | null, failure: UploadFailure): void {
    this._message = failure.message;
    this.#setStatus('error');
    emit(this, 'upload-error', { file, ...failure });
    this.#finishUpload();
  }

  #finishUpload(): void {
    this.#settleUpload?.();
    this.#settleUpload = undefined;
  }

  #onProgress(bytesUploaded: number, bytesTotal: number): void {
    const file = this._file;
    if (!file || this._status !== 'uploading') return;
    const uploaded = Math.min(Math.round(bytesUploaded), bytesTotal);
    this._percent = Math.floor((uploaded / bytesTotal) * 100);
    emit(this, 'upload-progress', { file, bytesUploaded: uploaded, bytesTotal, percent: this._percent });
  }

  #onSuccess(image: CloudflareImage): void {
    const file = this._file;
    if (!file) return;
    this._result = image;
    this.#setStatus('success');
    emit(this, 'upload-success', { file, id: image.id, result: image, variants: image.variants });
    this.#finishUpload();
  }

  #onFailure(failure: UploadFailure): void {
    if (this._status !== 'uploading') return;
    this.#fail(this._file, failure);
  }

  #openPicker(): void {
    this.renderRoot.querySelector('input')?.click();
  }

  #onInputChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const [file] = input.files ?? [];
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
        return messages.uploading(this._percent);
      case 'success':
        return messages.uploaded();
      case 'error':
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
        <span part="status" role="status" aria-live="polite" class=${status === 'error' ? 'error' : ''}
          >${this.#statusText()}</span
        >
      </div>
    `;
  }
}
