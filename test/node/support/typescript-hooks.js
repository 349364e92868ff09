// @ts-check
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

/** `./messages.js` means `./messages.ts` where only that exists, as TypeScript itself resolves it. */
export async function resolve(/** @type {string} */ specifier, /** @type {{parentURL?: string}} */ context, /** @type {Function} */ next) {
  if (context.parentURL && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && existsSync(fileURLToPath(candidate)))
      return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(/** @type {string} */ url, /** @type {object} */ context, /** @type {Function} */ next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: fileURLToPath(url) });
  return { format: 'module', source: code, shortCircuit: true };
}
