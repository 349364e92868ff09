import type { DirectUploadEventMap, DirectUploadEventName } from '../../src/events.js';

export type Recorded = { [K in DirectUploadEventName]: { type: K; detail: DirectUploadEventMap[K]['detail'] } }[DirectUploadEventName];

const names: DirectUploadEventName[] = [
  'file-accepted',
  'file-rejected',
  'upload-start',
  'upload-progress',
  'upload-success',
  'upload-error',
  'url-expired',
  'url-used',
  'url-refreshed',
];

/** Records every event the element fires, as a page listening on `document` would see them. */
export function recordEvents(target: EventTarget = document) {
  const events: Recorded[] = [];
  const listener = (event: Event) => {
    if (event.composed && event.bubbles) events.push({ type: event.type, detail: (event as CustomEvent).detail } as Recorded);
  };
  for (const name of names) target.addEventListener(name, listener);
  return {
    events,
    /** Event types in order, a run of progress events as one. */
    types: () => events.map((e) => e.type).filter((t, i, all) => t !== 'upload-progress' || all[i - 1] !== 'upload-progress'),
    /** Event types in order, without progress (which may or may not come before a refusal). */
    milestones: () => events.map((e) => e.type).filter((t) => t !== 'upload-progress'),
    of: <K extends DirectUploadEventName>(type: K) =>
      events.filter((e) => e.type === type).map((e) => e.detail as DirectUploadEventMap[K]['detail']),
    stop: () => names.forEach((name) => target.removeEventListener(name, listener)),
  };
}
