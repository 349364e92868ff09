/** Where the element is in its one job. */
export type UploadStatus = 'idle' | 'validating' | 'ready' | 'uploading' | 'success' | 'error' | 'expired' | 'used';

// `expired` and `used`: the file waits for a new upload URL.
const transitions: Record<UploadStatus, readonly UploadStatus[]> = {
  idle: ['validating', 'error', 'expired'],
  validating: ['validating', 'ready', 'uploading', 'error'],
  ready: ['validating', 'uploading', 'error', 'expired'],
  uploading: ['validating', 'success', 'error', 'expired', 'used'],
  success: ['validating', 'uploading', 'error'],
  error: ['validating', 'uploading', 'error', 'expired'],
  expired: ['validating', 'uploading', 'ready', 'error', 'expired'],
  used: ['validating', 'uploading', 'ready', 'error', 'used'],
};

/** The one place that decides whether the element may move from one status to another. */
export function nextStatus(from: UploadStatus, to: UploadStatus): UploadStatus {
  if (to === 'idle' || transitions[from].includes(to)) return to;
  throw new Error(`<direct-upload> cannot go from ${from} to ${to}.`);
}
