import type { UploadErrorReason } from './events.js';
import { messages } from './messages.js';

/** What the upload host answered to a failed upload. Status 0: no answer the page may read. */
export interface FailedUpload {
  status: number;
  /** Cloudflare's `errors`, when the answer was its envelope. */
  errors: { code?: number; message?: string }[];
  /** The answer, parsed as JSON when it was. */
  body: unknown;
}

/** What a failed upload means: the URL expired, the URL was used, or an upload error's reason. */
export type UploadOutcome = 'expired' | 'used' | 'rejected' | 'server' | 'network';

/**
 * Overrides the default classification. Return an outcome, or undefined to let the default decide.
 */
export type ResponseClassifier = (response: FailedUpload) => UploadOutcome | undefined;

/** Reads what `XMLHttpRequest` got back into a `FailedUpload`. */
export function readFailure(xhr: { status: number; responseText: string } | undefined): FailedUpload {
  if (!xhr || xhr.status === 0) return { status: 0, errors: [], body: undefined };
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = xhr.responseText;
  }
  const errors = (body as { errors?: unknown })?.errors;
  return { status: xhr.status, errors: Array.isArray(errors) ? errors : [], body };
}

/**
 * Cloudflare does not document how its upload host refuses an expired or used URL, so the
 * defaults read both the status and the message: 410 or /\bexpir/ → expired; 409 or
 * /\b(already|used|consumed)\b/ → used; 413, 415 and codes 5413, 5455 → rejected; 5xx → server;
 * no answer → network; any other 4xx → rejected. The words are matched as words: "refused",
 * "caused" or "unused" must not read as a spent URL, nor "unexpired" as an expired one.
 */
export function classifyByDefault({ status, errors }: FailedUpload): UploadOutcome {
  if (status === 0) return 'network';
  const text = errors.map((e) => e.message ?? '').join(' ');
  const codes = errors.map((e) => e.code);
  if (status === 413 || status === 415 || codes.includes(5413) || codes.includes(5455)) return 'rejected';
  if (status === 410 || /\bexpir/i.test(text)) return 'expired';
  if (status === 409 || /\b(?:already|used|consumed)\b/i.test(text)) return 'used';
  if (status >= 500) return 'server';
  return 'rejected';
}

export function classify(response: FailedUpload, override?: ResponseClassifier): UploadOutcome {
  return override?.(response) ?? classifyByDefault(response);
}

/** The `upload-error` detail for a failure that is not about the URL itself. */
export function describeFailure(
  reason: Exclude<UploadErrorReason, 'aborted' | 'config' | 'timeout'>,
  { status, errors }: FailedUpload,
): { reason: UploadErrorReason; status?: number; code?: number; message: string } {
  if (reason === 'network' || status === 0) return { reason: 'network', message: messages.networkFailed() };
  const [first] = errors;
  const code = typeof first?.code === 'number' ? first.code : undefined;
  const detail = first?.message;
  const message = reason === 'server' ? messages.serverFailed(status, detail) : messages.uploadRefused(status, detail);
  return { reason, status, code, message };
}
