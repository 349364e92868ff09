import { html, nothing, type TemplateResult } from 'lit';
import type { FileUpload } from './file-upload.js';
import { messages } from './messages.js';
import type { UploadStatus } from './status.js';

/** What the element shows, and what its controls call. */
export interface View {
  multiple: boolean;
  manual: boolean;
  disabled: boolean;
  accept: string;
  /** The file input's `capture`: which camera a phone opens, if any. */
  capture: string;
  dragging: boolean;
  status: UploadStatus;
  uploads: readonly FileUpload[];
  notice?: { text: string; error: boolean };
  /** What the polite live region says: an upload's start, each quarter, its success. */
  spoken: string;
  /** The page's name for the element (its label, aria-label or aria-labelledby), for its button. */
  label: string;
  onFiles(files: File[]): void;
  onDragging(dragging: boolean): void;
  onUpload(): void;
  onCancel(file?: File): void;
  onRetry(file: File): void;
  onRemove(file: File): void;
}

const waitsForURL = (status: string) => status === 'error' || status === 'expired' || status === 'used';

/** A failure to show as one: not the person's own cancel, and not waiting for a new link. */
const failed = (upload: FileUpload | undefined) => upload?.state.status === 'error' && upload.state.error?.reason !== 'aborted';

/**
 * What a person reads about a failed upload: plain words, without HTTP statuses or the page's
 * setup mistakes (the event's `message` has those, and the console the setup ones).
 */
function failureText(upload: FileUpload): string {
  switch (upload.state.error?.reason) {
    case 'aborted':
      return messages.cancelledShort();
    case 'server':
      return messages.serverTrouble();
    case 'rejected':
      return messages.notTaken();
    case 'config':
      return messages.notAvailable();
    default:
      return upload.state.message;
  }
}

/** One file's status, in words. */
function fileText(upload: FileUpload): string {
  const { status, message } = upload.state;
  switch (status) {
    case 'ready':
      return messages.ready();
    case 'queued':
      return messages.queued();
    case 'uploading':
      return message || messages.uploading(upload.percent);
    case 'success':
      return messages.uploaded();
    case 'error':
      return failureText(upload);
    default:
      // Expired or used: a new link is on its way, or the page has to give one; nothing for the
      // person to do or to worry about, unless the last try may have stored the image already.
      return status === 'used' && message !== messages.used() ? messages.maybeUploaded() : messages.waitingForLink();
  }
}

/** The status line: the element's status, and any note about the last choice. */
function statusText(view: Pick<View, 'status' | 'multiple' | 'uploads' | 'notice'>): string {
  const { status, notice, uploads } = view;
  if (notice?.error && status === 'error') return notice.text;
  const note = notice?.text ?? '';
  let text: string;
  if (status === 'validating') text = messages.validating();
  else if (view.multiple) {
    const stored = uploads.filter((upload) => upload.state.status === 'success').length;
    text = uploads.length > 0 ? messages.batchProgress(stored, uploads.length) : '';
  } else if (uploads[0]) text = fileText(uploads[0]);
  // With nothing chosen, an expired link is the page's business (url-expired), not the person's.
  else text = '';
  return [text, note].filter(Boolean).join(' ');
}

/** The error to announce at once, or '' when there is none. */
function alertText(view: View): string {
  if (view.status !== 'error') return '';
  if (!view.multiple) return statusText(view);
  if (view.notice?.error) return view.notice.text;
  const failed = view.uploads.filter((upload) => upload.state.status === 'error').at(-1);
  return failed ? messages.fileAction(failed.file.name, fileText(failed)) : '';
}

/** The sentence the polite live region says when it speaks. */
export function spokenText(view: Pick<View, 'status' | 'multiple' | 'uploads' | 'notice'>, percent: number): string {
  return view.status === 'uploading' ? messages.uploading(percent) : statusText(view);
}

function onDragOver(view: View, event: DragEvent): void {
  if (view.disabled || !event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  view.onDragging(true);
}

function onDrop(view: View, event: DragEvent): void {
  view.onDragging(false);
  const files = [...(event.dataTransfer?.files ?? [])];
  if (view.disabled || files.length === 0) return;
  event.preventDefault();
  view.onFiles(files);
}

/** Images pasted while the element has focus; anything else pasted is left to the page. */
function onPaste(view: View, event: ClipboardEvent): void {
  const files = [...(event.clipboardData?.files ?? [])];
  if (view.disabled || files.length === 0) return;
  event.preventDefault();
  view.onFiles(files);
}

/** Escape stops what is being sent, as the Cancel button does. */
function onKeyDown(view: View, event: KeyboardEvent): void {
  if (event.key !== 'Escape' || !view.uploads.some((upload) => upload.inFlight)) return;
  event.preventDefault();
  view.onCancel();
}

function onInputChange(view: View, event: Event): void {
  const input = event.target as HTMLInputElement;
  const files = [...(input.files ?? [])];
  // Cleared so that choosing the same file again (say, after an error) is a change too.
  input.value = '';
  if (files.length > 0) view.onFiles(files);
}

/** Without `multiple`: the one file, its progress and its buttons. */
function single(view: View): TemplateResult {
  const upload = view.uploads[0];
  const canUpload = view.manual && upload?.state.status === 'ready';
  // Trying again re-sends the same file: after a network error, a 5xx, a cancel or a timeout.
  const canRetry = upload?.state.status === 'error';
  return html`${upload ? html`<span part="file-name">${upload.file.name}</span>` : html`<span class="hint">${messages.dropHint()}</span>`}
  ${
    canUpload
      ? html`<button part="upload-button" type="button" ?disabled=${view.disabled} @click=${view.onUpload}>${messages.uploadButton()}</button>`
      : nothing
  }
  ${
    canRetry
      ? html`<button part="retry-button" type="button" ?disabled=${view.disabled} @click=${() => view.onRetry(upload.file)}>${messages.retryButton()}</button>`
      : nothing
  }
  ${
    view.status === 'uploading'
      ? html`<progress part="progress" max="100" aria-label=${upload?.file.name ?? messages.uploading(0)} .value=${upload?.percent ?? 0}></progress>
        <button part="cancel-button" type="button" @click=${() => view.onCancel()}>${messages.cancelButton()}</button>`
      : nothing
  }`;
}

/** With `multiple`: a list of files, each with its own progress and buttons. */
function list(view: View): TemplateResult {
  const canUpload = view.manual && view.uploads.some((upload) => upload.state.status === 'ready');
  const button = (part: string, label: string, name: string, onClick: () => void) =>
    html`<button part=${part} type="button" aria-label=${messages.fileAction(label, name)} @click=${onClick}>${label}</button>`;
  return html`<span class="hint">${messages.dropHintMany()}</span>
    ${
      canUpload
        ? html`<button part="upload-button" type="button" ?disabled=${view.disabled} @click=${view.onUpload}>${messages.uploadButton()}</button>`
        : nothing
    }
    ${
      view.uploads.length > 0
        ? html`<ul part="file-list" aria-label=${messages.fileList()}>
          ${view.uploads.map((upload) => {
            const { file, state } = upload;
            return html`<li part="file-item">
              <span part="file-name">${file.name}</span>
              ${
                state.status === 'uploading'
                  ? html`<progress part="progress" max="100" aria-label=${file.name} .value=${upload.percent}></progress>`
                  : nothing
              }
              <span part="file-status" class=${failed(upload) ? 'error' : ''}>${fileText(upload)}</span>
              ${upload.inFlight ? button('cancel-button', messages.cancelButton(), file.name, () => view.onCancel(file)) : nothing}
              ${waitsForURL(state.status) ? button('retry-button', messages.retryButton(), file.name, () => view.onRetry(file)) : nothing}
              ${button('remove-button', messages.removeButton(), file.name, () => view.onRemove(file))}
            </li>`;
          })}
        </ul>`
        : nothing
    }`;
}

// The file input comes after the button: focus given to the element (a label's click, focus(),
// reportValidity()) goes to the first control that can take it, which must be the button.
export function renderElement(view: View): TemplateResult {
  return html`
    <div
      part="base"
      class=${view.dragging ? 'dragging' : ''}
      @dragover=${(event: DragEvent) => onDragOver(view, event)}
      @dragleave=${() => view.onDragging(false)}
      @drop=${(event: DragEvent) => onDrop(view, event)}
      @paste=${(event: ClipboardEvent) => onPaste(view, event)}
      @keydown=${(event: KeyboardEvent) => onKeyDown(view, event)}
    >
      <button
        part="button"
        type="button"
        aria-label=${view.label ? messages.labelled(view.label, view.multiple ? messages.chooseImages() : messages.chooseImage()) : nothing}
        aria-describedby=${view.status === 'error' ? 'status' : nothing}
        ?disabled=${view.disabled}
        @click=${openPicker}
      >
        <slot name="label">${view.multiple ? messages.chooseImages() : messages.chooseImage()}</slot>
      </button>
      <input
        type="file"
        tabindex="-1"
        aria-hidden="true"
        accept=${view.accept}
        capture=${view.capture || nothing}
        ?multiple=${view.multiple}
        ?disabled=${view.disabled}
        @change=${(event: Event) => onInputChange(view, event)}
      />
      ${view.multiple ? list(view) : single(view)}
      <span part="status" id="status" class=${(view.notice?.error && view.status === 'error') || failed(view.uploads[0]) ? 'error' : ''}
        >${statusText(view)}</span
      >
      <span class="announce" role="status">${view.spoken}</span>
      <span class="announce" role="alert">${alertText(view)}</span>
    </div>
  `;
}

function openPicker(event: Event): void {
  const base = (event.currentTarget as HTMLElement).parentElement;
  base?.querySelector('input')?.click();
}
