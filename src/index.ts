export { DirectUploadElement } from './define.js';
export type * from './events.js';
export type { UploadStatus } from './status.js';
