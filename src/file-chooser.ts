import { emit, type FileRejectedReason } from './events.js';
import { FileUpload, type UploadHost } from './file-upload.js';
import { messages } from './messages.js';
import type { UploadQueue } from './upload-queue.js';
import { admits } from './upload-session.js';
import { checkFile, type HostRule, type Limits, type Verdict } from './validation.js';

/** The element's settings that choosing files follows, as they are at the time. */
export interface ChoiceSettings {
  multiple: boolean;
  manual: boolean;
  maxFiles: number;
  /** A provider or endpoint can give each file a URL of its own. */
  canRefresh: boolean;
  validate: HostRule | undefined;
  limits: Limits;
}

/** What choosing files needs of the element. */
export interface ChooserHost {
  readonly element: HTMLElement;
  readonly queue: UploadQueue;
  readonly uploadHost: UploadHost;
  settings(): ChoiceSettings;
}

/** A word to the person beside the files: a refused choice (`error`), or a note about one. */
export interface Notice {
  text: string;
  error: boolean;
}

/**
 * Decides what becomes of chosen files: checks each, holds the accepted ones (one replacing the
 * other without `multiple`; up to `max-files` with it) and refuses the rest, saying why.
 */
export class FileChooser {
  notice?: Notice;
  // Each choice gets a number, so that a slow check of an earlier file cannot overrule a later one:
  // choices before `#dropBefore` are dropped when their check ends, and those up to `#holdBackUpTo`
  // are held without being sent (cancel() came while they were checked).
  #choices = 0;
  #dropBefore = 0;
  #holdBackUpTo = 0;
  /** Files of `multiple` choices that passed the `max-files` count and are still being checked. */
  #pending = 0;
  /** Checks whose files are not yet held or refused. */
  readonly #checks = new Set<Promise<unknown>>();

  constructor(private readonly host: ChooserHost) {}

  /** Resolves, once the accepted files are uploaded or failed (unless `manual`), whether each was accepted. */
  choose(files: File[]): Promise<boolean[]> {
    return this.host.settings().multiple ? this.#chooseMany(files) : this.#chooseFirstImage(files);
  }

  /** Resolves once every file chosen so far is held or refused. */
  async checked(): Promise<void> {
    while (this.#checks.size > 0) await Promise.allSettled(this.#checks);
  }

  /** Forgets the notice and drops any choice still being checked. */
  forget(): void {
    this.#dropBefore = ++this.#choices;
    this.notice = undefined;
  }

  /** Files still being checked are held once they pass, but not sent. */
  holdBack(): void {
    this.#holdBackUpTo = this.#choices;
  }

  /** An upload that cannot begin: nothing to send, or no way to get URLs. Nothing is sent. */
  refuseToUpload(message: string): void {
    this.notice = { text: message, error: true };
    this.host.queue.changed();
    emit(this.host.element, 'upload-error', { file: null, reason: 'config', message });
  }

  /** Without `multiple`: the first image is taken, the others refused. */
  async #chooseFirstImage(files: File[]): Promise<boolean[]> {
    const first = Math.max(
      0,
      files.findIndex((file) => file.type.startsWith('image/')),
    );
    const accepted = this.#chooseOne(files[first]);
    files.forEach((file, i) => i !== first && this.#refuseCount(file, messages.onlyOneImage(file.name), 1, files.length));
    const taken = await accepted;
    return files.map((_, i) => i === first && taken);
  }

  /** Without `multiple`: one file replaces the one held, once it passes the checks. */
  async #chooseOne(file: File): Promise<boolean> {
    const { queue } = this.host;
    const held = queue.uploads[0];
    // A new choice replaces the file being uploaded, so that upload stops first.
    if (held?.inFlight) held.dispatch({ type: 'cancel' });
    const choice = ++this.#choices;
    this.#dropBefore = choice;
    this.notice = undefined;
    queue.checking += 1;
    queue.changed();
    const { done, taken } = this.#track();
    const verdict = await this.#check(file).finally(() => (queue.checking -= 1));
    queue.changed();
    const upload = choice < this.#dropBefore ? undefined : this.#take(file, verdict, choice);
    taken();
    await done;
    if (!upload) return false;
    await upload.settled();
    return true;
  }

  async #chooseMany(files: File[]): Promise<boolean[]> {
    const { queue } = this.host;
    const { maxFiles, canRefresh } = this.host.settings();
    if (!canRefresh) {
      this.refuseToUpload(messages.multipleNeedsSource());
      return files.map(() => false);
    }
    this.notice = undefined;
    const choice = ++this.#choices;
    queue.checking += files.length;
    const accepted: FileUpload[] = [];
    const results: boolean[] = [];
    for (const file of files) {
      let upload: FileUpload | undefined;
      // After reset() the rest of this choice is dropped.
      if (choice >= this.#dropBefore) {
        const held = queue.uploads.length + this.#pending;
        if (held >= maxFiles) {
          this.#refuseCount(file, messages.tooManyFiles(file.name, maxFiles), maxFiles, held + 1);
        } else {
          this.#pending += 1;
          const { taken } = this.#track();
          const verdict = await this.#check(file).finally(() => (this.#pending -= 1));
          if (choice >= this.#dropBefore) upload = this.#take(file, verdict, choice);
          taken();
        }
      }
      queue.checking -= 1;
      queue.changed();
      if (upload) accepted.push(upload);
      results.push(Boolean(upload));
    }
    await Promise.all(accepted.map((upload) => upload.settled()));
    return results;
  }

  /** Counts a check as in progress until `taken()`: its file is then held or refused. */
  #track(): { done: Promise<void>; taken: () => void } {
    let taken!: () => void;
    const done = new Promise<void>((resolve) => (taken = resolve));
    this.#checks.add(done);
    void done.then(() => this.#checks.delete(done));
    return { done, taken };
  }

  #check(file: File): Promise<Verdict> {
    const { limits, validate } = this.host.settings();
    return checkFile(file, limits, (type) => admits(file, type, limits), validate);
  }

  /**
   * Holds an accepted file and queues it, unless `manual` is set, cancel() came during the check,
   * or the element left the page meanwhile (then it is held, ready, and nothing is sent). Reports a
   * rejected one.
   */
  #take(file: File, verdict: Verdict, choice: number): FileUpload | undefined {
    const { element, queue } = this.host;
    if (!verdict.accepted) {
      this.notice = { text: verdict.rejection.message, error: true };
      emit(element, 'file-rejected', { file, ...verdict.rejection });
      queue.rejected(file, verdict.rejection.reason);
      return undefined;
    }
    const { multiple, manual } = this.host.settings();
    const upload = new FileUpload(file, verdict.info, this.host.uploadHost);
    if (multiple) queue.add(upload);
    else queue.replaceAll(upload);
    const { type, width, height } = verdict.info;
    emit(element, 'file-accepted', { file, type, width, height });
    const send = !manual && choice > this.#holdBackUpTo && element.isConnected;
    upload.dispatch({ type: 'accepted', manual: !send });
    return upload;
  }

  #refuseCount(file: File, message: string, limit: number, actual: number): void {
    const reason: FileRejectedReason = 'count';
    // Without `multiple` the one image taken goes on: the others are a note, not an error.
    this.notice = { text: message, error: this.host.settings().multiple };
    emit(this.host.element, 'file-rejected', { file, reason, message, limit, actual });
    this.host.queue.rejected(file, reason);
  }
}
