import type { UploadErrorReason } from './events.js';
import { messages } from './messages.js';

export interface UploadFailure {
  reason: UploadErrorReason;
  status?: number;
  code?: number;
  message: string;
}

/** What the upload host answered: enough of an XMLHttpRequest to classify it. */
export interface UploadResponse {
  status: number;
  responseText: string;
}

interface CloudflareEnvelope {
  success?: boolean;
  errors?: { code?: number; message?: string }[];
}

function firstError(responseText: string): { code?: number; message?: string } {
  try {
    const body = JSON.parse(responseText) as CloudflareEnvelope;
    const [error] = body.errors ?? [];
    return { code: typeof error?.code === 'number' ? error.code : undefined, message: error?.message };
  } catch {
    return {};
  }
}

/**
 * Maps a failed upload to the reason the page is told. Status 0 means the browser got no answer it
 * may read (offline, refused, or blocked by CORS).
 */
export function classifyFailure(response: UploadResponse | undefined): UploadFailure {
  if (!response || response.status === 0) return { reason: 'network', message: messages.networkFailed() };
  const { status } = response;
  const { code, message } = firstError(response.responseText);
  if (status >= 500) return { reason: 'server', status, code, message: messages.serverFailed(status, message) };
  if (status >= 400) return { reason: 'rejected', status, code, message: messages.uploadRefused(status, message) };
  return { reason: 'server', status, code, message: messages.unexpectedAnswer(status) };
}

/** Which failures may be sent again: only those where the one-time URL cannot have been refused. */
export function shouldRetry(response: UploadResponse): boolean {
  return response.status === 0 || response.status >= 500;
}
