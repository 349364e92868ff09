import { messages } from './messages.js';

/** A fresh one-time upload URL, as the page's backend gives it. */
export interface FreshUploadURL {
  uploadURL: string;
  /** The image id Cloudflare will give the upload. */
  id?: string;
  /** ISO 8601. */
  expiry?: string;
}

/**
 * Where the element gets a fresh URL: a function of the page's (a bare URL, our shape, or
 * Cloudflare's envelope), which wins over `upload-url-endpoint`.
 */
export type UploadURLProvider = () =>
  | string
  | FreshUploadURL
  | { result: { id: string; uploadURL: string } }
  | Promise<string | FreshUploadURL | { result: { id: string; uploadURL: string } }>;

/** Reads either answer shape: `{uploadURL, id?, expiry?}` or Cloudflare's `{result: {id, uploadURL}}`. */
function normalise(answer: unknown): FreshUploadURL | undefined {
  if (typeof answer === 'string') return answer ? { uploadURL: answer } : undefined;
  if (!answer || typeof answer !== 'object') return undefined;
  const body = answer as { uploadURL?: unknown; id?: unknown; expiry?: unknown; result?: { uploadURL?: unknown; id?: unknown } };
  const source = body.result && typeof body.result === 'object' ? body.result : body;
  if (typeof source.uploadURL !== 'string' || !source.uploadURL) return undefined;
  return {
    uploadURL: source.uploadURL,
    id: typeof source.id === 'string' ? source.id : undefined,
    expiry: typeof body.expiry === 'string' ? body.expiry : undefined,
  };
}

/** Gets a fresh upload URL from the provider, else by POSTing to the endpoint (with same-origin credentials). */
export async function fetchUploadURL(provider: UploadURLProvider | undefined, endpoint: string): Promise<FreshUploadURL> {
  let answer: unknown;
  if (provider) {
    answer = await provider();
  } else {
    let response: Response;
    try {
      response = await fetch(endpoint, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
    } catch (error) {
      throw new Error(messages.endpointUnreachable(endpoint, (error as Error).message), { cause: error });
    }
    if (!response.ok) throw new Error(messages.endpointFailed(endpoint, response.status));
    answer = await response.json().catch(() => undefined);
  }
  const fresh = normalise(answer);
  if (!fresh) throw new Error(messages.noURLInAnswer(provider ? 'uploadURLProvider' : endpoint));
  return fresh;
}
