// @ts-check
/** Builds the framework examples in demo/ (each with its own Vite config) for the demo and the tests. */
import { build } from 'vite';
import { examples } from '../demo/example-config.js';

for (const name of examples) {
  await build({ configFile: `demo/${name}/vite.config.js` });
  console.log(`built demo/${name}/dist`);
}
