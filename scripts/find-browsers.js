// @ts-check
// Finds the three engines the browser tests run in, installing Debian's packages when running as
// root on a machine that lacks them, so `npm ci && npm test` needs no other step. An engine that is
// neither here nor installable is skipped with a line that says so; Chromium is required.
import { findChromium, installDebianPackages, isExecutable, onPath } from './find-chromium.js';

/** @param {string[]} paths @param {string[]} commands */
const lookUp = (paths, commands) => paths.find(isExecutable) ?? commands.map(onPath).find(Boolean);

const firefoxPaths = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];
const firefox = () => {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && !isExecutable(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which is not an executable file.`);
  if (fromEnv) return fromEnv;
  return lookUp(firefoxPaths, ['firefox-esr', 'firefox']);
};

const miniBrowserPaths = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];
const webkit = () => {
  const driver = lookUp(['/usr/bin/WebKitWebDriver'], ['WebKitWebDriver']);
  const browser = miniBrowserPaths.find(isExecutable);
  // WebKitGTK has no headless mode: without a display it needs Xvfb.
  const xvfb = process.env.DISPLAY ? 'not needed' : lookUp(['/usr/bin/Xvfb'], ['Xvfb']);
  return driver && browser && xvfb ? { driver, browser, xvfb: xvfb === 'not needed' ? undefined : xvfb } : undefined;
};

const engineNames = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/**
 * Which engines to run: all three, or those named in BROWSERS (e.g. `BROWSERS=chromium npm test`
 * for a quick run). Returns what was found for each, or a reason it is skipped.
 */
export function findBrowsers() {
  const wanted = (process.env.BROWSERS ?? engineNames.join(','))
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of wanted) {
    if (!engineNames.includes(/** @type {any} */ (name))) {
      throw new Error(`BROWSERS names "${name}"; the engines are ${engineNames.join(', ')}.`);
    }
  }
  const missing = [];
  if (wanted.includes('firefox') && !firefox()) missing.push('firefox-esr');
  if (wanted.includes('webkit') && !webkit()) missing.push('webkit2gtk-driver', 'xvfb');
  if (missing.length > 0) installDebianPackages(missing);

  /** @type {{ chromium?: string, firefox?: string, webkit?: { driver: string, browser: string, xvfb?: string }, skipped: string[] }} */
  const found = { skipped: [] };
  if (wanted.includes('chromium')) found.chromium = findChromium();
  if (wanted.includes('firefox')) {
    found.firefox = firefox();
    if (!found.firefox) {
      found.skipped.push(
        'Firefox: not found, and it cannot be installed here (Debian package firefox-esr, as root). Set FIREFOX_PATH to run it.',
      );
    }
  }
  if (wanted.includes('webkit')) {
    found.webkit = webkit();
    if (!found.webkit) {
      found.skipped.push(
        'WebKit: WebKitWebDriver, MiniBrowser or Xvfb not found, and they cannot be installed here (Debian packages webkit2gtk-driver and xvfb, as root).',
      );
    }
  }
  return found;
}
