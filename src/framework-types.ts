import type { DirectUploadElement } from './direct-upload.js';
import type { DirectUploadEventMap } from './events.js';

/** The element's settable properties, as framework bindings set them. */
export type DirectUploadProperties = Partial<
  Pick<
    DirectUploadElement,
    | 'uploadURL'
    | 'uploadHosts'
    | 'expiry'
    | 'uploadURLEndpoint'
    | 'uploadURLProvider'
    | 'refreshMargin'
    | 'stallTimeout'
    | 'classifyResponse'
    | 'accept'
    | 'maxFileSize'
    | 'maxDimension'
    | 'maxArea'
    | 'minWidth'
    | 'minHeight'
    | 'maxAnimationArea'
    | 'validate'
    | 'manual'
    | 'disabled'
    | 'multiple'
    | 'maxFiles'
    | 'maxParallel'
    | 'capture'
    | 'name'
    | 'required'
  >
>;

/** `upload-success` → `UploadSuccess`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;

/** `onUploadSuccess`-style handlers, as React wrappers and Vue's `@upload-success` use them. */
export type DirectUploadHandlers = {
  [K in keyof DirectUploadEventMap as `on${PascalCase<K>}`]?: (event: DirectUploadEventMap[K]) => void;
};

/** `onupload-success`-style handlers: React 19 listens for `upload-success` on a custom element given one. */
export type DirectUploadLowercaseHandlers = {
  [K in keyof DirectUploadEventMap as `on${K}`]?: (event: DirectUploadEventMap[K]) => void;
};
