import type { URLFacts } from './url-lifecycle.js';

/**
 * What this page has learnt about one-time upload URLs: used, expired by the host's word, tried
 * with no answer, and the image id each stands for. Shared by every `<direct-upload>` in the
 * window, even across two copies of the library (a script tag and a bundle), through a registered
 * symbol, so that no element sends to a URL another one spent.
 */
interface Known {
  used?: boolean;
  expired?: boolean;
  outcomeUnknown?: boolean;
  id?: string;
  /** The file whose request to it is out right now. */
  sender?: object;
}

const key = Symbol.for('direct-upload.upload-urls');
const holder = globalThis as typeof globalThis & { [key]?: Map<string, Known> };
const known: Map<string, Known> = (holder[key] ??= new Map());

/** One URL written two ways (`HTTP:`, `127.1`, a `#fragment`) is still one URL. */
function identity(uploadURL: string): string {
  try {
    const url = new URL(uploadURL);
    url.hash = '';
    return url.href;
  } catch {
    return uploadURL;
  }
}

export function recordURL(uploadURL: string, fact: 'used' | 'expired' | 'outcomeUnknown' | { id: string }): void {
  const entry = known.get(identity(uploadURL)) ?? {};
  if (typeof fact === 'object') entry.id = fact.id;
  else entry[fact] = true;
  known.set(identity(uploadURL), entry);
}

/** While `sender` has a request out to `uploadURL`, no other file may send there. */
export function claimURL(uploadURL: string, sender: object): () => void {
  const entry = known.get(identity(uploadURL)) ?? {};
  entry.sender = sender;
  known.set(identity(uploadURL), entry);
  return () => {
    if (entry.sender === sender) entry.sender = undefined;
  };
}

/** Everything known about `uploadURL`, as `viewer` sees it, with the expiry the page or backend gave it. */
export function factsOf(uploadURL: string, expiry = '', id?: string, viewer?: object): URLFacts {
  const entry = known.get(identity(uploadURL)) ?? {};
  return {
    uploadURL,
    expiry,
    id: id ?? entry.id ?? imageIdOf(uploadURL),
    used: Boolean(entry.used),
    expired: Boolean(entry.expired),
    outcomeUnknown: Boolean(entry.outcomeUnknown),
    sendingElsewhere: entry.sender !== undefined && entry.sender !== viewer,
  };
}

/** The image id a Cloudflare upload URL stands for: its last path segment. */
function imageIdOf(uploadURL: string): string | undefined {
  try {
    const segment = new URL(uploadURL).pathname.split('/').filter(Boolean).at(-1);
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
