// @ts-check
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { exampleConfig } from '../example-config.js';

// This example's own React 18, for it and for everything it imports (direct-upload/react included).
const require = createRequire(import.meta.url);
const packageDir = (/** @type {string} */ name) => dirname(require.resolve(`${name}/package.json`));

export default exampleConfig('react18', {
  alias: [
    { find: /^react(?=\/|$)/, replacement: packageDir('react') },
    { find: /^react-dom(?=\/|$)/, replacement: packageDir('react-dom') },
  ],
});
