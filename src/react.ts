import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { DirectUploadElement } from './define.js';
import type { DirectUploadEventMap } from './events.js';

const event = <K extends keyof DirectUploadEventMap>(name: K) => name as EventName<DirectUploadEventMap[K]>;

/**
 * `<direct-upload>` as a React component, for React 18 (and 19, for those who prefer it): the
 * element's properties are props, and its events are `onUploadSuccess`-style handlers.
 */
export const DirectUpload = createComponent({
  react: React,
  tagName: 'direct-upload',
  elementClass: DirectUploadElement,
  displayName: 'DirectUpload',
  events: {
    onFileAccepted: event('file-accepted'),
    onFileRejected: event('file-rejected'),
    onUploadStart: event('upload-start'),
    onUploadProgress: event('upload-progress'),
    onUploadSuccess: event('upload-success'),
    onUploadError: event('upload-error'),
    onUrlExpired: event('url-expired'),
    onUrlUsed: event('url-used'),
    onUrlRefreshed: event('url-refreshed'),
  },
});

export { DirectUploadElement };
export type * from './events.js';
