import { DirectUploadElement } from './direct-upload.js';

// Guarded so that a second copy of the script, or a server-side import with no DOM, does no harm.
if (typeof customElements !== 'undefined' && !customElements.get('direct-upload')) {
  customElements.define('direct-upload', DirectUploadElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'direct-upload': DirectUploadElement;
  }
}

export { DirectUploadElement };
