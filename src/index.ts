export { DirectUploadElement } from './define.js';
export type * from './events.js';
export type { UploadStatus } from './status.js';
export type { FreshUploadURL, UploadURLProvider } from './url-source.js';
export type { FailedUpload, ResponseClassifier, UploadOutcome } from './classify-response.js';
export type { HostRule } from './validation.js';
export type { ImageInfo } from './image-info.js';
export type { ImageFormat } from './sniff.js';
export type { DirectUploadProperties, DirectUploadHandlers } from './framework-types.js';
