// @ts-check
/**
 * Lets `node --test` import the pure modules in src/ as they are written (TypeScript, importing
 * each other as `./name.js`): esbuild strips the types, nothing is bundled or written to disk.
 */
import { register } from 'node:module';

register('./typescript-hooks.js', import.meta.url);
