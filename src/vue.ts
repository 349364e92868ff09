/**
 * Vue 3 typings for `<direct-upload>`, so Volar completes its properties and events:
 * `import type {} from 'direct-upload/vue'` once. Tell Vue's compiler it is a custom element:
 * `compilerOptions.isCustomElement: (tag) => tag === 'direct-upload'`.
 */
import type { DefineComponent } from 'vue';
import type { DirectUploadHandlers, DirectUploadProperties } from './framework-types.js';

export type DirectUploadVueProps = DirectUploadProperties & DirectUploadHandlers;

declare module 'vue' {
  interface GlobalComponents {
    'direct-upload': DefineComponent<DirectUploadVueProps>;
  }
}
