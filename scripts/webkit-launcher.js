// @ts-check
// A web-test-runner launcher for WebKitGTK: WebKitWebDriver drives MiniBrowser, under Xvfb when
// there is no display. It speaks the few W3C WebDriver commands a test run needs (new session,
// navigate, execute, delete) over HTTP itself: @web/test-runner-webdriver would bring webdriverio's
// ~440 packages for the same four calls. One page at a time (concurrency 1): several files in
// iframes of one page would share the emulator's test clock.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** @returns {Promise<number>} */
async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  return port;
}

/** Starts Xvfb on a free display and resolves with its name (":N"). @param {string} xvfb */
async function startDisplay(xvfb) {
  const child = spawn(xvfb, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const fd = /** @type {import('node:stream').Readable} */ (child.stdio[3]);
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  const display = await new Promise((resolve, reject) => {
    let text = '';
    fd.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${errors}`)));
  });
  return { display, child };
}

/**
 * @param {{ driver: string, browser: string, xvfb?: string }} paths
 * @returns {import('@web/test-runner').BrowserLauncher}
 */
export function webkitLauncher(paths) {
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  /** @type {string | undefined} */
  let base;
  /** @type {Promise<void> | undefined} */
  let starting;
  const urls = new Map();

  /** @param {string} method @param {string} path @param {unknown} [body] */
  async function command(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(answer.value ?? answer)}`);
    return answer.value;
  }

  async function start() {
    const env = { ...process.env };
    if (paths.xvfb) {
      const { display, child } = await startDisplay(paths.xvfb);
      children.push(child);
      env.DISPLAY = display;
    }
    const port = await freePort();
    const driver = spawn(paths.driver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
    children.push(driver);
    const driverBase = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const status = await fetch(`${driverBase}/status`);
        if (status.ok) break;
      } catch (error) {
        if (attempt > 100) throw new Error(`WebKitWebDriver did not start: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const session = await fetch(`${driverBase}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] },
          },
        },
      }),
    }).then((response) => response.json());
    if (!session.value?.sessionId) throw new Error(`WebKitWebDriver refused the session: ${JSON.stringify(session.value)}`);
    base = `${driverBase}/session/${session.value.sessionId}`;
  }

  return {
    name: 'WebKit',
    type: 'webkit-webdriver',
    concurrency: 1,
    async startSession(id, url) {
      starting ??= start();
      await starting;
      urls.set(id, url);
      await command('POST', '/url', { url });
    },
    isActive: (id) => urls.has(id),
    getBrowserUrl: (id) => urls.get(id),
    async stopSession(id) {
      urls.delete(id);
      // Leave the test page so that nothing it started goes on into the next file.
      await command('POST', '/url', { url: 'about:blank' });
      return {};
    },
    async startDebugSession() {
      throw new Error('WebKit runs headless under Xvfb here; debug in another browser.');
    },
    async stop() {
      if (base) await command('DELETE', '').catch(() => {});
      for (const child of children.reverse()) child.kill();
    },
  };
}
