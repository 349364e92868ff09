/** Where the element is in its one job. */
export type UploadStatus = 'idle' | 'validating' | 'ready' | 'uploading' | 'success' | 'error';

const transitions: Record<UploadStatus, readonly UploadStatus[]> = {
  idle: ['validating', 'error'],
  validating: ['validating', 'ready', 'uploading', 'error'],
  ready: ['validating', 'uploading', 'error'],
  uploading: ['validating', 'success', 'error'],
  success: ['validating', 'uploading', 'error'],
  error: ['validating', 'uploading', 'error'],
};

/** The one place that decides whether the element may move from one status to another. */
export function nextStatus(from: UploadStatus, to: UploadStatus): UploadStatus {
  if (to === 'idle' || transitions[from].includes(to)) return to;
  throw new Error(`<direct-upload> cannot go from ${from} to ${to}.`);
}
