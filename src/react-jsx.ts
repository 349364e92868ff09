/**
 * React 19 JSX typings for `<direct-upload>`: `import type {} from 'direct-upload/react-jsx'` once.
 * React 19 sets the element's properties from props of the same name, and listens for an event
 * given `on<event-name>` (`onupload-success`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DirectUploadElement } from './direct-upload.js';
import type { DirectUploadLowercaseHandlers, DirectUploadProperties } from './framework-types.js';

export type DirectUploadJSXProps = DetailedHTMLProps<HTMLAttributes<DirectUploadElement>, DirectUploadElement> &
  DirectUploadProperties &
  DirectUploadLowercaseHandlers;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'direct-upload': DirectUploadJSXProps;
    }
  }
}
