// @ts-check
import { exampleConfig } from '../example-config.js';

export default exampleConfig('react');
