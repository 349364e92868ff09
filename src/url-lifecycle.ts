/**
 * The one-time upload URL's lifecycle for one file, as a pure function: `decide(state, event, world)`
 * returns the next state and the effects to run (events to fire, a URL to fetch, a request to send).
 * A `FileUpload` drives it; nothing here touches the DOM, the network or the clock.
 */
import { describeFailure, type FailedUpload, type UploadOutcome } from './classify-response.js';
import type { CloudflareImage, DetailOf, UploadErrorDetail } from './events.js';
import { messages } from './messages.js';

/** Where one file is. `queued`: accepted and waiting for a free upload slot. */
export type FileStatus = 'ready' | 'queued' | 'uploading' | 'success' | 'error' | 'expired' | 'used';

/** What the element knows about one upload URL. */
export interface URLFacts {
  uploadURL: string;
  /** ISO 8601, as the page or the backend gave it; '' when unknown. */
  expiry: string;
  /** The image id Cloudflare gives an upload to this URL, when known. */
  id?: string;
  /** An upload to it succeeded, or the host said it was used. */
  used: boolean;
  /** The host said it expired. */
  expired: boolean;
  /** A try to it got no answer: the host may have stored the image. */
  outcomeUnknown: boolean;
  /** Another file on this page has a request out to it now. */
  sendingElsewhere: boolean;
}

export interface UploadState {
  status: FileStatus;
  /** The URL this file goes to; undefined until the page gives one or a fresh one is fetched. */
  url?: URLFacts;
  /** A fresh URL after a refusal is fetched once per upload, so that a bad provider cannot loop. */
  refreshedAfterRefusal: boolean;
  /** The URL whose problem the page was already told about during this upload. */
  announced: string;
  /** What a person is told beside the status: a wait, an error. */
  message: string;
  /** The last upload error, until the file is sent again. */
  error?: Failure;
  /** A request is out: stopping it now leaves its outcome unknown. */
  sending?: boolean;
}

export type Failure = Omit<UploadErrorDetail, 'file'>;

/** The world as it is when an event happens. */
export interface World {
  now: number;
  online: boolean;
  /** A provider or endpoint can give a fresh URL. */
  canRefresh: boolean;
  /** Milliseconds: a URL expiring sooner is replaced first, when one can be fetched. */
  refreshMargin: number;
  stallTimeout: number;
  /** Why the element may not send to this URL (host, scheme, credentials), or undefined. */
  policy: (uploadURL: string) => string | undefined;
}

/** How one request (with its retries) ended, as `UploadSession` reports it, classified. */
export type SendResult =
  | { kind: 'success'; image: CloudflareImage }
  | { kind: 'failure'; outcome: UploadOutcome; response: FailedUpload; unanswered: number }
  | { kind: 'unexpected'; status: number }
  | { kind: 'stalled' }
  /** Stopped because the browser went offline. */
  | { kind: 'offline' };

export type LifecycleEvent =
  /** The file was accepted; `manual` leaves it ready rather than queued. `url`: the page's, if any. */
  | { type: 'accepted'; manual: boolean; url?: URLFacts }
  /** The page or a person asked for the upload (again). */
  | { type: 'upload' }
  /** An upload slot is free: go, with the URL the file has (or the page's). */
  | { type: 'start'; url?: URLFacts }
  | { type: 'url-fetched'; url: URLFacts }
  | { type: 'url-fetch-failed'; cause: string }
  | { type: 'online' }
  | { type: 'sent'; result: SendResult }
  | { type: 'cancel' }
  /** The expiry of this file's URL passed. */
  | { type: 'clock'; url: URLFacts }
  /** The page set a new upload URL while the file waited for one. */
  | { type: 'url-given'; manual: boolean };

type Fired = 'upload-start' | 'upload-success' | 'upload-error' | 'url-expired' | 'url-used' | 'url-refreshed';

/** An event to fire; the driver adds `file`. */
export type Emission = { [K in Fired]: { type: 'emit'; name: K; detail: Omit<DetailOf<K>, 'file'> } }[Fired];

export type Effect =
  | Emission
  /** Remember a fact about a URL for every element on the page. */
  | { type: 'record'; uploadURL: string; fact: 'used' | 'expired' | 'outcomeUnknown' }
  | { type: 'enqueue' }
  | { type: 'fetch-url' }
  | { type: 'wait-online' }
  | { type: 'send'; uploadURL: string }
  /** Stop the request or fetch in flight. */
  | { type: 'abort' }
  /** A fresh URL arrived: the single-file element adopts it as its `uploadURL`. */
  | { type: 'adopt-url'; url: URLFacts };

export interface Decision {
  state: UploadState;
  effects: Effect[];
}

export const initialState: UploadState = { status: 'ready', refreshedAfterRefusal: false, announced: '', message: '' };

/** What stands between a URL and an upload, if anything. */
export type URLProblem =
  | { kind: 'missing' }
  | { kind: 'expired'; detectedBy: 'clock' | 'server' }
  | { kind: 'used' }
  /** Valid, but expires within the refresh margin: replaced first when another can be had. */
  | { kind: 'expiring' };

export function urlProblem(url: URLFacts | undefined, world: World): URLProblem | undefined {
  if (!url?.uploadURL) return { kind: 'missing' };
  // A URL another file is sending to is as good as used: one of the two requests would be refused.
  if (url.used || url.sendingElsewhere) return { kind: 'used' };
  if (url.expired) return { kind: 'expired', detectedBy: 'server' };
  const expiry = Date.parse(url.expiry);
  if (Number.isNaN(expiry)) return undefined;
  if (world.now >= expiry) return { kind: 'expired', detectedBy: 'clock' };
  if (world.canRefresh && expiry - world.now < world.refreshMargin) return { kind: 'expiring' };
  return undefined;
}

const inFlight = (status: FileStatus) => status === 'uploading' || status === 'queued';
const emit = <K extends Fired>(name: K, detail: Omit<DetailOf<K>, 'file'>) => ({ type: 'emit', name, detail }) as Emission;

/** Tells the page about an unusable URL found before sending. */
function announce(problem: URLProblem, url: URLFacts): Effect[] {
  if (problem.kind === 'expired') {
    return [emit('url-expired', { uploadURL: url.uploadURL, expiry: url.expiry || null, detectedBy: problem.detectedBy, certain: true })];
  }
  if (problem.kind === 'used') return [emit('url-used', { uploadURL: url.uploadURL, detectedBy: 'client' })];
  return [];
}

function fail(state: UploadState, failure: Failure, effects: Effect[] = []): Decision {
  return {
    state: { ...state, status: 'error', message: failure.message, error: failure },
    effects: [...effects, emit('upload-error', failure)],
  };
}

/** Keeps the file until a new URL comes. */
function wait(state: UploadState, status: 'expired' | 'used', effects: Effect[], message?: string): Decision {
  return { state: { ...state, status, message: message ?? (status === 'used' ? messages.used() : messages.expired()) }, effects };
}

/** Checks the URL before sending: announce a problem once, fetch another, or wait for the page. */
function prepare(state: UploadState, world: World, effects: Effect[] = []): Decision {
  const url = state.url;
  const problem = urlProblem(url, world);
  if (problem) {
    const fresh = url ? url.uploadURL !== state.announced : true;
    const told = url && fresh ? announce(problem, url) : [];
    const next = { ...state, announced: url?.uploadURL ?? '' };
    if (world.canRefresh) return { state: next, effects: [...effects, ...told, { type: 'fetch-url' }] };
    if (problem.kind === 'missing') return fail(next, { reason: 'config', message: messages.noUploadURL() }, effects);
    if (problem.kind !== 'expiring') return wait(next, problem.kind, [...effects, ...told]);
  }
  return send(state, world, effects);
}

/** The URL is fine: check the policy and the connection, then send. */
function send(state: UploadState, world: World, effects: Effect[]): Decision {
  const uploadURL = state.url!.uploadURL;
  const refusal = world.policy(uploadURL);
  if (refusal) return fail(state, { reason: 'config', message: refusal }, effects);
  if (!world.online) return { state: { ...state, message: messages.offline() }, effects: [...effects, { type: 'wait-online' }] };
  return {
    state: { ...state, message: '', sending: true },
    effects: [...effects, emit('upload-start', { uploadURL }), { type: 'send', uploadURL }],
  };
}

function afterSend(state: UploadState, result: SendResult, world: World): Decision {
  const url = state.url!;
  const { uploadURL } = url;
  if (result.kind === 'success') {
    const { image } = result;
    return {
      state: { ...state, status: 'success', message: '', url: { ...url, used: true } },
      effects: [
        { type: 'record', uploadURL, fact: 'used' },
        emit('upload-success', { id: image.id, result: image, variants: image.variants }),
      ],
    };
  }
  if (result.kind === 'offline' || result.kind === 'stalled') {
    const next = { ...state, url: { ...url, outcomeUnknown: true } };
    const recorded: Effect[] = [{ type: 'record', uploadURL, fact: 'outcomeUnknown' }];
    // Offline: wait for the connection, then send again.
    if (result.kind === 'offline') return prepare(next, world, recorded);
    return fail(next, { reason: 'timeout', message: messages.stalled(world.stallTimeout) }, recorded);
  }
  if (result.kind === 'unexpected') {
    return fail(state, { reason: 'server', status: result.status, message: messages.unexpectedAnswer(result.status) });
  }

  const { outcome, response, unanswered } = result;
  const unknownBefore = unanswered > 0 || url.outcomeUnknown;
  let next: UploadState = state;
  const effects: Effect[] = [];
  if (response.status === 0) {
    next = { ...next, url: { ...url, outcomeUnknown: true } };
    effects.push({ type: 'record', uploadURL, fact: 'outcomeUnknown' });
  }
  if (outcome === 'network' && !world.online) return prepare(next, world, effects);
  let waitAs: 'expired' | 'used';
  if (outcome === 'used') {
    next = { ...next, url: { ...next.url!, used: true } };
    effects.push({ type: 'record', uploadURL, fact: 'used' });
    if (unknownBefore) {
      effects.push(emit('url-used', { uploadURL, detectedBy: 'server', maybeStored: true, id: url.id }));
      return wait(next, 'used', effects, messages.maybeStored(url.id));
    }
    effects.push(emit('url-used', { uploadURL, detectedBy: 'server' }));
    waitAs = 'used';
  } else if (outcome === 'expired' || (outcome === 'network' && world.canRefresh && !state.refreshedAfterRefusal)) {
    // No answer with a way to refresh: probably refused without CORS headers, so unreadable.
    next = { ...next, url: { ...next.url!, expired: true } };
    effects.push({ type: 'record', uploadURL, fact: 'expired' });
    effects.push(emit('url-expired', { uploadURL, expiry: url.expiry || null, detectedBy: 'server', certain: outcome === 'expired' }));
    waitAs = 'expired';
  } else {
    return fail(next, describeFailure(outcome, response), effects);
  }
  if (!world.canRefresh || state.refreshedAfterRefusal) return wait(next, waitAs, effects);
  return {
    state: { ...next, refreshedAfterRefusal: true, announced: uploadURL },
    effects: [...effects, { type: 'fetch-url' }],
  };
}

/** The lifecycle of one file's upload: every way its URL and its request can go. */
export function decide(state: UploadState, event: LifecycleEvent, world: World): Decision {
  const ignore = { state, effects: [] };
  switch (event.type) {
    case 'accepted': {
      if (!event.manual) return { state: { ...initialState, status: 'queued' }, effects: [{ type: 'enqueue' }] };
      // Waiting for upload() with a URL that expired meanwhile, and no way to get another: say so now.
      const problem = urlProblem(event.url, { ...world, canRefresh: false });
      if (event.url && problem?.kind === 'expired' && !world.canRefresh) {
        const url = event.url;
        return wait({ ...initialState, url, announced: url.uploadURL }, 'expired', announce(problem, url));
      }
      return { state: { ...initialState, status: 'ready' }, effects: [] };
    }
    case 'upload':
      if (inFlight(state.status)) return ignore;
      return { state: { ...state, status: 'queued', message: '', error: undefined }, effects: [{ type: 'enqueue' }] };
    case 'start': {
      if (state.status !== 'queued') return ignore;
      const { url } = event;
      // A URL this file was already told about is not announced again; a new one is.
      const announced = url && url.uploadURL === state.announced ? state.announced : '';
      const started: UploadState = { ...state, status: 'uploading', url, refreshedAfterRefusal: false, announced, message: '' };
      // Another file's try to this URL got no answer, so it may be spent: this file takes a fresh one.
      const othersTry = url?.outcomeUnknown && state.url?.uploadURL !== url.uploadURL;
      if (othersTry && world.canRefresh) return { state: started, effects: [{ type: 'fetch-url' }] };
      return prepare(started, world);
    }
    case 'url-fetched': {
      if (state.status !== 'uploading') return ignore;
      const { url } = event;
      const next = { ...state, url };
      const effects: Effect[] = [
        { type: 'adopt-url', url },
        emit('url-refreshed', { uploadURL: url.uploadURL, ...(url.id && { id: url.id }), ...(url.expiry && { expiry: url.expiry }) }),
      ];
      const problem = urlProblem(url, { ...world, canRefresh: false });
      if (problem?.kind === 'expired' || problem?.kind === 'used') {
        return fail(next, { reason: 'config', message: messages.freshURLUnusable(problem.kind) }, effects);
      }
      return send(next, world, effects);
    }
    case 'url-fetch-failed':
      if (state.status !== 'uploading') return ignore;
      return fail(state, { reason: 'config', message: messages.refreshFailed(event.cause) });
    case 'online':
      if (state.status !== 'uploading') return ignore;
      return prepare(state, world);
    case 'sent':
      if (state.status !== 'uploading') return ignore;
      return afterSend({ ...state, sending: false }, event.result, world);
    case 'cancel': {
      if (!inFlight(state.status)) return ignore;
      const stopped = { ...state, sending: false };
      const effects: Effect[] = [{ type: 'abort' }];
      // The request may have reached the host before it was stopped.
      if (state.sending && state.url) {
        stopped.url = { ...state.url, outcomeUnknown: true };
        effects.push({ type: 'record', uploadURL: state.url.uploadURL, fact: 'outcomeUnknown' });
      }
      return fail(stopped, { reason: 'aborted', message: messages.cancelled() }, effects);
    }
    case 'clock': {
      // An upload in flight finds out for itself; a stored image no longer needs a URL.
      if (inFlight(state.status) || state.status === 'success') return ignore;
      const problem = urlProblem(event.url, { ...world, canRefresh: false });
      if (problem?.kind !== 'expired') return ignore;
      const told = announce(problem, event.url);
      const next = { ...state, url: event.url };
      if (world.canRefresh || state.status === 'expired' || state.status === 'used') return { state: next, effects: told };
      return wait(next, 'expired', told);
    }
    case 'url-given':
      if (state.status !== 'expired' && state.status !== 'used') return ignore;
      if (event.manual) return { state: { ...state, status: 'ready', message: '' }, effects: [] };
      return { state: { ...state, status: 'queued', message: '' }, effects: [{ type: 'enqueue' }] };
  }
}
