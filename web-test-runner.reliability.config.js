// @ts-check
// The long reliability suite (`npm run test:reliability`): thousands of fuzz cases, slow links,
// leak and heap checks. The same server, emulator and plugins as the main suite, in Chromium only,
// since some of its checks speak the Chrome DevTools Protocol.
import { chromeLauncher } from '@web/test-runner-chrome';
import base from './web-test-runner.config.js';
import { chromiumArgs, findChromium } from './scripts/find-chromium.js';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...base,
  files: ['test/reliability/**/*.test.ts'],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), args: chromiumArgs() } })],
  testFramework: { config: { timeout: 20 * 60_000 } },
  testsFinishTimeout: 60 * 60_000,
};
