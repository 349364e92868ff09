import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { numberOr, orDefault, textOr } from './attributes.js';
import { announce, type Said } from './announcements.js';
import { classify, classifyByDefault, type ResponseClassifier } from './classify-response.js';
import { Connectivity } from './connectivity.js';
import { styles } from './direct-upload.styles.js';
import { renderElement, spokenText, type View } from './direct-upload.template.js';
import { emit, type CloudflareImage } from './events.js';
import { ExpiryClock } from './expiry-clock.js';
import { FileChooser } from './file-chooser.js';
import { FormField } from './form-field.js';
import type { FileUpload, UploadHost } from './file-upload.js';
import { messages } from './messages.js';
import { summarise, type UploadStatus } from './status.js';
import { UploadQueue } from './upload-queue.js';
import { urlProblem, type FileStatus, type Failure, type URLFacts, type World } from './url-lifecycle.js';
import { checkUploadURL, defaultUploadHosts } from './url-policy.js';
import { factsOf, recordURL } from './url-registry.js';
import { fetchUploadURL, type UploadURLProvider } from './url-source.js';
import { defaultAccept, defaultMaxArea, defaultMaxDimension, defaultMaxFileSize, type HostRule, type Limits } from './validation.js';

/** One file the element holds, as the page sees it. */
export interface HeldFile {
  file: File;
  status: FileStatus;
  /** 0 to 100. */
  percent: number;
  /** The image id, once stored. */
  id?: string;
  /** Why the last upload of this file failed. */
  error?: Failure;
}

/**
 * Uploads images straight from the browser to one-time Cloudflare Images upload URLs that the
 * page's backend minted (Direct Creator Upload). The API token never reaches the browser. One image
 * by default; with `multiple`, a gallery, each file to its own URL fetched just before it is sent.
 *
 * @summary An image picker that uploads to Cloudflare Images direct-upload URLs.
 * @tagname direct-upload
 *
 * @event {CustomEvent<FileAcceptedDetail>} file-accepted - A chosen file passed the checks: `{file, type, width, height}`.
 * @event {CustomEvent<FileRejectedDetail>} file-rejected - A chosen file failed the checks; nothing was sent: `{file, reason, message, limit?, actual?}`, reason `type`, `size`, `dimensions`, `area`, `empty`, `unreadable`, `custom` or `count`.
 * @event {CustomEvent<UploadStartDetail>} upload-start - The upload request is about to be sent: `{file, uploadURL}`.
 * @event {CustomEvent<UploadProgressDetail>} upload-progress - Bytes sent so far, at most once per animation frame, always ending with one at 100: `{file, bytesUploaded, bytesTotal, percent, bytesPerSecond, secondsLeft}` (speed and time left are null until known).
 * @event {CustomEvent<UploadSuccessDetail>} upload-success - Cloudflare stored the image: `{file, id, result, variants}`.
 * @event {CustomEvent<UploadErrorDetail>} upload-error - The upload did not happen or failed: `{file, reason, status?, code?, message}`, reason `network`, `server`, `rejected`, `aborted`, `config` or `timeout`.
 * @event {CustomEvent<UrlExpiredDetail>} url-expired - An upload URL expired: its `expiry` passed, or the upload host said so: `{file, uploadURL, expiry, detectedBy, certain}`.
 * @event {CustomEvent<UrlUsedDetail>} url-used - An upload URL was already used, on this page or by the host's account: `{file, uploadURL, detectedBy, maybeStored?, id?}`.
 * @event {CustomEvent<UrlRefreshedDetail>} url-refreshed - The element fetched a fresh upload URL for a file from `uploadURLProvider` or `upload-url-endpoint`: `{file, uploadURL, id?, expiry?}`.
 * @event {CustomEvent<QueueCompleteDetail>} queue-complete - No file is being checked, waiting or uploading any more: `{succeeded: [{file, id}], failed: [{file, reason}]}` since the last one.
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
 * @csspart file-list - With `multiple`: the list of files held.
 * @csspart file-item - With `multiple`: one file in the list, with its `file-name`, `progress`, `file-status` and buttons.
 * @csspart file-status - With `multiple`: one file's status or error text.
 * @csspart retry-button - With `multiple`: sends one file again after an error.
 * @csspart remove-button - With `multiple`: takes one file out of the list.
 *
 * @cssstate idle - No file is held.
 * @cssstate validating - A file is being checked.
 * @cssstate ready - A file waits for `upload()`.
 * @cssstate uploading - A file is waiting to be sent or being sent.
 * @cssstate success - Every file held is stored.
 * @cssstate error - A choice was refused or an upload failed.
 * @cssstate expired - A file waits for a new URL: the last one expired.
 * @cssstate used - A file waits for a new URL: the last one was used.
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
  static formAssociated = true;
  // Focusing the element (a label's click, reportValidity(), focus()) focuses its button.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    uploadURL: { attribute: 'upload-url', converter: textOr('') },
    uploadHosts: { attribute: 'upload-hosts', converter: textOr(defaultUploadHosts) },
    expiry: { converter: textOr('') },
    uploadURLEndpoint: { attribute: 'upload-url-endpoint', converter: textOr('') },
    uploadURLProvider: { attribute: false },
    refreshMargin: { attribute: 'refresh-margin', converter: numberOr(60) },
    stallTimeout: { attribute: 'stall-timeout', converter: numberOr(30_000, 1) },
    classifyResponse: { attribute: false },
    accept: { converter: textOr(defaultAccept) },
    maxFileSize: { attribute: 'max-file-size', converter: numberOr(defaultMaxFileSize) },
    maxDimension: { attribute: 'max-dimension', converter: numberOr(defaultMaxDimension) },
    maxArea: { attribute: 'max-area', converter: numberOr(defaultMaxArea) },
    minWidth: { attribute: 'min-width', converter: numberOr(0) },
    minHeight: { attribute: 'min-height', converter: numberOr(0) },
    maxAnimationArea: { attribute: 'max-animation-area', converter: numberOr(0) },
    validate: { attribute: false },
    manual: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    multiple: { type: Boolean, reflect: true },
    maxFiles: { attribute: 'max-files', converter: numberOr(20, 1) },
    maxParallel: { attribute: 'max-parallel', converter: numberOr(3, 1) },
    capture: { converter: textOr('') },
    name: { converter: textOr('') },
    required: { type: Boolean, reflect: true },
    _dragging: { state: true },
    // The page's name for the element, passed on to its button.
    _ariaLabel: { attribute: 'aria-label' },
    _ariaLabelledby: { attribute: 'aria-labelledby' },
  };

  /** The one-time upload URL from Cloudflare's Direct Creator Upload API, minted by the page's backend. Not used with `multiple`. */
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
  /**
   * Takes several images, each uploaded to its own one-time URL from `uploadURLProvider` or
   * `upload-url-endpoint` (one of which must be set), fetched just before that file is sent.
   */
  declare multiple: boolean;
  /** With `multiple`: how many files the element holds at most; more are refused (reason `count`). */
  declare maxFiles: number;
  /** With `multiple`: how many files upload at once, and so how many URLs are fetched ahead. */
  declare maxParallel: number;

  /**
   * On phones, open the camera instead of the photo library: `environment` (the back camera) or
   * `user` (the front one), as the file input's `capture`. Ignored by desktop browsers.
   */
  declare capture: string;
  /** The form field's name: a form submits the stored image's id under it (with `multiple`, one entry per image). */
  declare name: string;
  /** Keeps the form from submitting until an image is stored. */
  declare required: boolean;

  /** The drop highlight: a named field, since Lit's reactive state cannot be #private. @internal */
  declare private _dragging: boolean;
  /** @internal */
  declare private _ariaLabel: string | null;
  /** @internal */
  declare private _ariaLabelledby: string | null;
  #said: Said | undefined;
  #spoken = '';

  readonly #queue = new UploadQueue(this, () => (this.multiple ? orDefault(this.maxParallel, 3, 1) : 1));
  readonly #clock = new ExpiryClock(this, () => this.#clockExpired());
  readonly #connectivity = new Connectivity(this);
  /** With no file held, the page's URL expired and nothing can replace it. */
  #urlExpired = false;
  /** Disabled by a disabled `<fieldset>` around it. */
  #formDisabled = false;
  readonly #field = new FormField(this, () => ({
    name: typeof this.name === 'string' ? this.name : '',
    required: this.required,
    ids: this.#queue.uploads.flatMap((upload) => (upload.result ? [upload.result.id] : [])),
    multiple: this.multiple,
    status: this.status,
    missingMessage: (status) =>
      status === 'validating' || status === 'uploading'
        ? messages.stillUploading()
        : this.multiple
          ? messages.requiredMany()
          : messages.required(),
    anchor: () => this.renderRoot?.querySelector<HTMLElement>('[part~="button"]') ?? null,
  }));

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
    this.multiple = false;
    this.maxFiles = 20;
    this.maxParallel = 3;
    this.capture = '';
    this.name = '';
    this.required = false;
    this._dragging = false;
  }

  /** Where the element is, over all its files: `idle`, `validating`, `ready`, `uploading`, `success`, `error`, `expired` or `used`. */
  get status(): UploadStatus {
    return summarise({
      files: this.#queue.uploads.map((upload) => upload.state.status),
      checking: this.#queue.checking,
      refused: Boolean(this.#chooser.notice?.error) && (!this.multiple || this.#queue.uploads.length === 0),
      urlExpired: this.#urlExpired,
    });
  }

  /** One entry per file held, in the order chosen: `{file, status, percent, id?, error?}`. */
  get files(): HeldFile[] {
    return this.#queue.uploads.map(({ file, state, percent, result }) => ({
      file,
      status: state.status,
      percent,
      ...(result && { id: result.id }),
      ...(state.status === 'error' && state.error && { error: state.error }),
    }));
  }

  /** The stored image's id, as the form submits it (with `multiple`, the ids space-separated); '' before. */
  get value(): string {
    return this.#field.ids.join(' ');
  }

  /** The `<form>` the element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#field.internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.#field.internals?.validity;
  }

  get validationMessage(): string {
    return this.#field.internals?.validationMessage ?? '';
  }

  get willValidate(): boolean {
    return this.#field.internals?.willValidate ?? false;
  }

  checkValidity(): boolean {
    return this.#field.internals?.checkValidity() ?? true;
  }

  /** As checkValidity(), and when invalid the browser says why and focuses the button. */
  reportValidity(): boolean {
    return this.#field.internals?.reportValidity() ?? true;
  }

  /** The file chosen last that passed the checks. */
  get file(): File | null {
    return this.#queue.uploads.at(-1)?.file ?? null;
  }

  /** Cloudflare's `result` for the image uploaded last, after `upload-success`. */
  get result(): CloudflareImage | null {
    return this.#queue.uploads.at(-1)?.result ?? null;
  }

  /**
   * Checks a file and, unless `manual` is set, uploads it. Resolves whether the file was accepted.
   * Without `multiple`, a rejected file leaves an earlier accepted one in place, and a new file
   * stops an upload in flight.
   */
  async selectFile(file: File): Promise<boolean> {
    const [accepted] = await this.selectFiles([file]);
    return accepted;
  }

  /**
   * Checks files and, unless `manual` is set, uploads those accepted; resolves, once they are
   * uploaded or failed, whether each was accepted. Without `multiple` only the first image is taken.
   */
  async selectFiles(files: Iterable<File>): Promise<boolean[]> {
    const chosen = [...files];
    if (this.#disabled || chosen.length === 0) return chosen.map(() => false);
    this.#field.restored = [];
    return this.#chooser.choose(chosen);
  }

  /**
   * Uploads what is held and not yet stored (without `multiple`: the chosen file, to `uploadURL`),
   * getting fresh URLs where needed and possible. Resolves once those uploads succeeded, failed, or
   * wait for a new URL (status `expired` or `used`).
   */
  async upload(): Promise<void> {
    // A file being checked is the one to upload, once it is held.
    await this.#chooser.checked();
    if (!this.isConnected) return this.#chooser.refuseToUpload(messages.notInPage());
    const uploads = this.#queue.uploads.filter((upload) => !upload.inFlight && (!this.multiple || upload.state.status !== 'success'));
    if (this.#queue.uploads.length === 0) return this.#chooser.refuseToUpload(messages.noFile());
    if (this.multiple && !this.#canRefresh) return this.#chooser.refuseToUpload(messages.multipleNeedsSource());
    this.#chooser.notice = undefined;
    for (const upload of uploads) upload.dispatch({ type: 'upload' });
    await Promise.all(uploads.map((upload) => upload.settled()));
  }

  /** Sends one file again (without a file: as `upload()`); resolves as `upload()` does. */
  async retry(file?: File): Promise<void> {
    const upload = file && this.#find(file);
    if (!upload) return file ? undefined : this.upload();
    // Stored already: sending it again would store it twice.
    if (upload.state.status === 'success') return;
    if (!this.isConnected) return this.#chooser.refuseToUpload(messages.notInPage());
    upload.dispatch({ type: 'upload' });
    await upload.settled();
  }

  /**
   * Aborts the upload of `file`, or of every file in flight, and holds back files still being
   * checked; the files stay, ready to send again.
   */
  cancel(file?: File): void {
    if (!file) this.#chooser.holdBack();
    for (const upload of this.#queue.uploads) {
      if ((!file || upload.file === file) && upload.inFlight) upload.dispatch({ type: 'cancel' });
    }
  }

  /** Takes a file out of the element, aborting its upload if one is in flight. */
  removeFile(file: File): void {
    const upload = this.#find(file);
    if (upload) this.#queue.remove(upload);
    this.requestUpdate();
  }

  /** Forgets every file, result and message, and aborts any upload in flight, without events. */
  reset(): void {
    this.#chooser.forget();
    this.#queue.clear();
    this.#urlExpired = false;
    this.#field.restored = [];
    this.requestUpdate();
    const input = this.renderRoot?.querySelector('input');
    if (input) input.value = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const view = { status: this.status, multiple: this.multiple, uploads: this.#queue.uploads, notice: this.#chooser.notice };
    const sending = view.uploads.filter((upload) => upload.inFlight || upload.state.status === 'success');
    const percent = sending.length
      ? sending.reduce((sum, upload) => sum + (upload.inFlight ? upload.percent : 100), 0) / sending.length
      : 0;
    const { said, speak } = announce(this.#said, { status: view.status, percent });
    this.#said = said;
    if (speak) this.#spoken = spokenText(view, Math.floor(percent));
    if (changed.has('expiry') || changed.has('uploadURL')) {
      const expiry = Date.parse(this.expiry);
      this.#clock.watch(this.expiry && !Number.isNaN(expiry) ? expiry : undefined);
    }
    // A new URL from the page resumes a file that was waiting for one.
    if (changed.has('uploadURL') && this.uploadURL && !this.multiple) {
      this.#urlExpired = false;
      this.#queue.uploads[0]?.dispatch({ type: 'url-given', manual: this.manual });
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    const focused = this.shadowRoot?.activeElement;
    super.update(changed);
    // The focused button went with the state it belonged to (Upload once sending, Cancel once
    // stopped): focus moves to the control that replaced it, never to the page's body.
    if (focused && !focused.isConnected) this.#refocus();
  }

  #refocus(): void {
    for (const part of ['cancel-button', 'retry-button', 'upload-button', 'remove-button', 'button']) {
      const next = this.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]:not([disabled])`);
      if (next) return next.focus();
    }
  }

  override render() {
    const uploads = this.#queue.uploads;
    const view: View = {
      multiple: this.multiple,
      manual: this.manual,
      disabled: this.#disabled,
      accept: this.accept,
      capture: typeof this.capture === 'string' ? this.capture : '',
      dragging: this._dragging,
      status: this.status,
      uploads,
      notice: this.#chooser.notice,
      spoken: this.#spoken,
      label: this.#label(),
      onFiles: (files) => void this.selectFiles(files),
      onDragging: (dragging) => (this._dragging = dragging),
      onUpload: () => void this.upload(),
      onCancel: (file) => this.cancel(file),
      onRetry: (file) => void this.retry(file),
      onRemove: (file) => this.removeFile(file),
    };
    return renderElement(view);
  }

  /** @internal */
  formResetCallback(): void {
    this.reset();
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  /** @internal Back/forward: the ids stored before the page was left. */
  formStateRestoreCallback(state: unknown, _mode?: 'restore' | 'autocomplete'): void {
    this.#field.restore(state);
    this.requestUpdate();
  }

  /** The page's name for the element: aria-label, else aria-labelledby, else its `<label>`s. */
  #label(): string {
    if (this._ariaLabel) return this._ariaLabel;
    const root = this.getRootNode() as Document | ShadowRoot;
    const byId = (this._ariaLabelledby ?? '').split(/\s+/).flatMap((id) => (id ? [root.getElementById?.(id)?.textContent ?? ''] : []));
    const labels = byId.length > 0 ? byId : [...(this.#field.internals?.labels ?? [])].map((label) => label.textContent ?? '');
    return labels
      .map((text) => text.trim())
      .filter(Boolean)
      .join(' ');
  }

  get #disabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  get #canRefresh(): boolean {
    return Boolean(this.uploadURLProvider || this.uploadURLEndpoint);
  }

  get #world(): World {
    return {
      now: Date.now(),
      online: this.#connectivity.online,
      canRefresh: this.#canRefresh,
      refreshMargin: orDefault(this.refreshMargin, 60) * 1000,
      stallTimeout: orDefault(this.stallTimeout, 30_000, 1),
      policy: (uploadURL) => {
        const check = checkUploadURL(uploadURL, this.uploadHosts ?? defaultUploadHosts);
        return check.ok ? undefined : check.message;
      },
    };
  }

  /** What each file's upload needs from the element. */
  readonly #uploadHost: UploadHost = {
    element: this,
    world: () => this.#world,
    urlFor: (upload) => {
      if (!this.multiple) return this.#pageURL(upload);
      const own = upload.state.url;
      return own && factsOf(own.uploadURL, own.expiry, own.id, upload);
    },
    freshURL: async () => {
      const fresh = await fetchUploadURL(this.uploadURLProvider, this.uploadURLEndpoint);
      if (fresh.id) recordURL(fresh.uploadURL, { id: fresh.id });
      return factsOf(fresh.uploadURL, fresh.expiry ?? '', fresh.id);
    },
    classify: (response) => {
      try {
        return classify(response, this.classifyResponse);
      } catch (error) {
        console.warn('<direct-upload>: classifyResponse threw, so the default reading was used.', error);
        return classifyByDefault(response);
      }
    },
    whenOnline: () => this.#connectivity.whenOnline(),
    onOffline: (callback) => this.#connectivity.onOffline(callback),
    adopt: (url) => {
      if (this.multiple) return;
      this.uploadURL = url.uploadURL;
      this.expiry = url.expiry;
    },
    enqueue: (upload) => this.#queue.enqueue(upload),
    changed: () => this.#queue.changed(),
  };

  readonly #chooser = new FileChooser({
    element: this,
    queue: this.#queue,
    uploadHost: this.#uploadHost,
    settings: () => ({
      multiple: this.multiple,
      manual: this.manual,
      maxFiles: orDefault(this.maxFiles, 20, 1),
      canRefresh: this.#canRefresh,
      validate: this.validate,
      limits: this.#limits(),
    }),
  });

  #pageURL(viewer?: FileUpload): URLFacts | undefined {
    return this.uploadURL ? factsOf(this.uploadURL, this.expiry, undefined, viewer) : undefined;
  }

  #find(file: File): FileUpload | undefined {
    return this.#queue.uploads.find((upload) => upload.file === file);
  }

  /** The page's expiry passed: tell the page, even while nothing is happening. */
  #clockExpired(): void {
    const url = this.#pageURL();
    if (!url || this.multiple || this.#queue.checking > 0) return;
    const held = this.#queue.uploads[0];
    if (held && held.state.status !== 'success') return held.dispatch({ type: 'clock', url });
    const problem = urlProblem(url, { ...this.#world, canRefresh: false });
    if (problem?.kind !== 'expired') return;
    emit(this, 'url-expired', { file: null, uploadURL: url.uploadURL, expiry: url.expiry || null, detectedBy: 'clock', certain: true });
    if (!held && !this.#canRefresh) this.#urlExpired = true;
    this.requestUpdate();
  }

  /** The limits as set, where a value set from code that is not a number falls back to the default. */
  #limits(): Limits {
    return {
      accept: typeof this.accept === 'string' ? this.accept : defaultAccept,
      maxFileSize: orDefault(this.maxFileSize, defaultMaxFileSize),
      maxDimension: orDefault(this.maxDimension, defaultMaxDimension),
      maxArea: orDefault(this.maxArea, defaultMaxArea),
      minWidth: orDefault(this.minWidth, 0),
      minHeight: orDefault(this.minHeight, 0),
      maxAnimationArea: orDefault(this.maxAnimationArea, 0),
    };
  }
}
