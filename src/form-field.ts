import type { ReactiveController, ReactiveElement } from 'lit';
import type { UploadStatus } from './status.js';

/** What the form needs to know of the element after each update. */
export interface FieldState {
  name: string;
  required: boolean;
  /** Ids of the images stored, in the order chosen. */
  ids: readonly string[];
  multiple: boolean;
  status: UploadStatus;
  /** What to tell someone who submits without an image, given the status. */
  missingMessage(status: UploadStatus): string;
  /** The control the browser points at (and focuses) when the form is invalid. */
  anchor(): HTMLElement | null;
}

/**
 * The element as a form field, through ElementInternals: its value is the stored image's id (one
 * entry per image with `multiple`), `required` is real constraint validation, and the status is
 * a custom state (`:state(uploading)`) that pages can style. Where the browser lacks
 * ElementInternals (or `states`) the element still uploads; it is then no form field.
 */
export class FormField implements ReactiveController {
  readonly internals: ElementInternals | undefined;
  /** Ids the browser restored on back/forward; they stand until a file is chosen or the form reset. */
  restored: string[] = [];
  #status: UploadStatus | undefined;

  constructor(
    host: ReactiveElement,
    private readonly read: () => FieldState,
  ) {
    this.internals = typeof host.attachInternals === 'function' ? host.attachInternals() : undefined;
    host.addController(this);
  }

  get ids(): readonly string[] {
    const { ids } = this.read();
    return ids.length > 0 ? ids : this.restored;
  }

  hostUpdated(): void {
    const internals = this.internals;
    if (!internals) return;
    const state = this.read();
    const ids = state.ids.length > 0 ? state.ids : this.restored;
    const saved = ids.join(' ');
    if (ids.length === 0) internals.setFormValue(null);
    else if (state.multiple && state.name) {
      const entries = new FormData();
      for (const id of ids) entries.append(state.name, id);
      internals.setFormValue(entries, saved);
    } else internals.setFormValue(ids[0], saved);

    const anchor = state.anchor();
    if (state.required && ids.length === 0)
      internals.setValidity({ valueMissing: true }, state.missingMessage(state.status), anchor ?? undefined);
    else internals.setValidity({});

    if (state.status !== this.#status && internals.states) {
      if (this.#status) setState(internals.states, this.#status, false);
      setState(internals.states, state.status, true);
      this.#status = state.status;
    }
  }

  /** The browser gives back what `setFormValue`'s state held: the ids, space-separated. */
  restore(saved: unknown): void {
    this.restored = typeof saved === 'string' ? saved.split(' ').filter(Boolean) : [];
  }
}

/** Chromium before 125 took only dashed names (`:--uploading`) and throws on others. */
function setState(states: CustomStateSet, name: string, on: boolean): void {
  for (const candidate of [name, `--${name}`]) {
    try {
      if (on) states.add(candidate);
      else states.delete(candidate);
      return;
    } catch {
      // Try the older spelling.
    }
  }
}
