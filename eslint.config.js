// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/dist/', 'coverage/', 'custom-elements.json'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: globals.browser },
    rules: {
      // As tsc's noUnusedParameters: a `_`-named parameter keeps a callback's signature readable.
      // `const { file, ...rest } = detail` is how a test leaves a field out of a comparison.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Augmenting a library's types (React's JSX namespace) needs a namespace inside `declare module`; nothing runs there.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    // What runs in Node: the build, the scripts, the emulator and demo backend, the Node tests.
    files: ['*.js', '*.ts', 'scripts/**', 'test/node/**', 'demo/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
