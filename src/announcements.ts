import type { UploadStatus } from './status.js';

/** What the polite live region last said, in terms of the upload. */
export interface Said {
  status: UploadStatus;
  /** The quarter of the upload last announced: 0, 25, 50 or 75. */
  quarter: number;
}

export interface Moment {
  status: UploadStatus;
  /** 0 to 100, over all files being sent. */
  percent: number;
}

/**
 * Whether the polite live region should speak now. A screen reader hears an upload start, each
 * quarter it passes, and its success: about five announcements, however slow the link or however
 * many progress events. Errors are not here: they go to the alert region as they happen. Anything
 * else (checking, ready, waiting for a new URL) is on screen but not announced.
 */
export function announce(said: Said | undefined, now: Moment): { said: Said; speak: boolean } {
  if (now.status === 'uploading') {
    const quarter = Math.min(75, Math.floor(now.percent / 25) * 25);
    if (said?.status !== 'uploading') return { said: { status: 'uploading', quarter }, speak: true };
    // At 100 % the success is a moment away, and it is what is worth saying.
    return quarter > said.quarter && now.percent < 100 ? { said: { status: 'uploading', quarter }, speak: true } : { said, speak: false };
  }
  // Anything but success ends the upload spoken of, so that the next start is announced again.
  return { said: { status: now.status, quarter: 0 }, speak: now.status === 'success' && said?.status !== 'success' };
}
