// @ts-check
import vue from '@vitejs/plugin-vue';
import { exampleConfig } from '../example-config.js';

export default exampleConfig('vue', {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'direct-upload' } } })],
});
