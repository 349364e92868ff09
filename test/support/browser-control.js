// @ts-check
/**
 * Server-side commands for browser tests that need more than a page can do to itself: the browser's
 * real network emulation (offline, a slow upload link) and, in Chromium, a garbage collection
 * followed by a count of live objects. A test calls them with `executeServerCommand`; where the
 * browser cannot do it, the answer says so (`supported: false` and why) and the test skips.
 */

/**
 * @typedef {object} NetworkPayload
 * @property {number} [offlineForMs] go offline for this long: the answer reaches the page only once
 *   it is back online, since the test runner talks to the page over the network too
 * @property {number} [uploadBytesPerSecond] throttle uploads to this rate (Chromium only); leave it
 *   out to lift the throttle
 */

/**
 * @typedef {object} HeapPayload
 * @property {Record<string, string>} prototypes name → an expression, evaluated in the page, giving
 *   a prototype whose live instances are counted
 */

/** @typedef {{ supported: true } | { supported: false, reason: string }} Support */

/**
 * Chromium through Puppeteer speaks CDP; Firefox, though driven by the same launcher, speaks
 * WebDriver BiDi, and WebKit is driven over WebDriver.
 * @param {any} session
 */
function speaksCDP(session) {
  return session.browser.type === 'puppeteer' && session.browser.getPage(session.id).browser().protocol === 'cdp';
}

/** @type {WeakMap<object, Promise<any>>} a CDP session per Puppeteer page */
const cdpSessions = new WeakMap();

/** @param {any} page */
function cdpOf(page) {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.createCDPSession();
    cdpSessions.set(page, /** @type {Promise<any>} */ (session));
  }
  return /** @type {Promise<any>} */ (session);
}

/**
 * @param {any} session the test runner's session: its browser launcher and id
 * @param {NetworkPayload} payload
 * @returns {Promise<Support>}
 */
async function network(session, { offlineForMs, uploadBytesPerSecond }) {
  const { browser } = session;
  const pause = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
  if (!speaksCDP(session))
    return { supported: false, reason: `no network emulation in ${browser.name} here (it needs the Chrome DevTools Protocol)` };
  const cdp = await cdpOf(browser.getPage(session.id));
  /** @param {boolean} offline */
  const emulate = (offline) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: uploadBytesPerSecond ?? -1,
    });
  await cdp.send('Network.enable');
  if (offlineForMs !== undefined) {
    await emulate(true);
    await pause(offlineForMs);
  }
  await emulate(false);
  return { supported: true };
}

/**
 * Collects garbage, then counts the live instances of each prototype and measures the used heap.
 * @param {any} session
 * @param {HeapPayload} payload
 * @returns {Promise<Support & { counts?: Record<string, number>, usedBytes?: number }>}
 */
async function heap(session, { prototypes }) {
  const { browser } = session;
  if (!speaksCDP(session))
    return {
      supported: false,
      reason: `counting live objects needs the Chrome DevTools Protocol, which ${browser.name} does not speak here`,
    };
  const cdp = await cdpOf(browser.getPage(session.id));
  await cdp.send('HeapProfiler.enable');
  // Twice: objects held only by finalisation or weak structures go in the second pass.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  /** @type {Record<string, number>} */
  const counts = {};
  for (const [name, expression] of Object.entries(prototypes)) {
    const { result: prototype, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression });
    if (exceptionDetails || !prototype.objectId) throw new Error(`${expression} is not an object in the page`);
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    counts[name] = result.value;
    await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: prototype.objectId });
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { supported: true, counts, usedBytes: usedSize };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function browserControlPlugin() {
  return {
    name: 'browser-control',
    async executeCommand({ command, payload, session }) {
      if (command === 'network') return network(session, /** @type {NetworkPayload} */ (payload));
      if (command === 'heap') return heap(session, /** @type {HeapPayload} */ (payload));
      return undefined;
    },
  };
}
