// @ts-check
// Finds a Chromium for the browser tests, installing Debian's package when running as root on a
// machine that has none, so `npm ci && npm test` needs no other step.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @param {string} path */
export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} command */
export function onPath(command) {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Installs Debian packages when running as root where apt-get is; says so first. Returns whether
 * it did; a failure is reported, and the caller goes on without the packages.
 * @param {string[]} packages
 */
export function installDebianPackages(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) return false;
  console.log(`[browsers] Installing Debian packages for the browser tests: ${packages.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    return true;
  } catch (error) {
    console.warn(`[browsers] apt-get could not install ${packages.join(', ')}: ${String(error)}`);
    return false;
  }
}

/** @returns {string | undefined} */
function lookUp() {
  return candidates.find(isExecutable) ?? ['chromium', 'chromium-browser', 'google-chrome'].map(onPath).find(Boolean);
}

/** CHROME_PATH first, then the usual places, then Debian's package. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  const found = lookUp();
  if (found) return found;
  installDebianPackages(['chromium']);
  const installed = lookUp();
  if (installed) return installed;
  throw new Error('No Chromium or Chrome found. Install one, or set CHROME_PATH to its executable.');
}

/** Flags for a headless run on a machine with no network and, as root, no sandbox. */
export function chromiumArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChromium());
