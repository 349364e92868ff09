// @ts-check
/**
 * Uploads through <direct-upload> beside a bare XMLHttpRequest + FormData upload (field `file`) of
 * the same File, each to a fresh one-time URL, alternating, in one page. Each run is timed from the
 * moment the file is handed over (`selectFile()`, which checks and then uploads it; `xhr.send()`)
 * to the stored image's id, and watched for long tasks on the page's main thread.
 */
import { onePixelPNG } from '../../test/fixtures/images.js';

/**
 * @typedef {object} UploadRun
 * @property {'element' | 'bare'} how
 * @property {number} ms
 * @property {number} longTasks how many long tasks (over 50 ms) the page's main thread ran
 * @property {number} longestTask ms, 0 when there were none
 */

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('./server.js').BenchServers} servers
 * @param {{ bytes: number, runs: number }} options `runs` of each, alternating, element first
 * @returns {Promise<UploadRun[]>}
 */
export async function measureUploads(browser, servers, { bytes, runs }) {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${servers.origin}/`);
    await tab.addScriptTag({ url: '/direct-upload.min.js' });
    // A valid 1 × 1 PNG padded to the full size: the element checks the header, the emulator sniffs
    // the first bytes and stores the rest, and nothing spends time decoding pixels.
    await tab.evaluate(
      (png, size) => {
        const bytes = new Uint8Array(size);
        bytes.set(png);
        /** @type {any} */ (window).benchFile = new File([bytes], 'large.png', { type: 'image/png' });
      },
      [...onePixelPNG],
      bytes,
    );
    /** @type {UploadRun[]} */
    const results = [];
    // One bare upload first, not counted: the page's first send of the File pays for handing its
    // bytes to the browser process and for the connection, whichever way it is sent.
    for (let i = -1; i < runs * 2; i += 1) {
      /** @type {'element' | 'bare'} */
      const how = i % 2 === 0 ? 'element' : 'bare';
      const { id, uploadURL } = await servers.mint();
      const run = await tab.evaluate(uploadOnce, { how, uploadURL, uploadHosts: servers.emulatorHost, bytes });
      const draft = servers.emulator.drafts.get(id);
      if (run.id !== id || draft?.state !== 'uploaded' || draft.bytes?.length !== bytes) {
        throw new Error(`${how} upload ${i}: the emulator did not store ${bytes} bytes under ${id}`);
      }
      // Each stored image is dropped at once, so the emulator holds one large file at most.
      servers.emulator.drafts.delete(id);
      if (i >= 0) results.push({ how, ms: run.ms, longTasks: run.longTasks.length, longestTask: Math.max(0, ...run.longTasks) });
    }
    return results;
  } finally {
    await tab.close();
  }
}

/**
 * Runs in the page.
 * @param {{ how: 'element' | 'bare', uploadURL: string, uploadHosts: string, bytes: number }} args
 */
async function uploadOnce({ how, uploadURL, uploadHosts, bytes }) {
  const file = /** @type {File} */ (/** @type {any} */ (window).benchFile);
  /** @type {number[]} */
  const longTasks = [];
  let started = 0;
  let ended = 0;
  const observer = new PerformanceObserver((list) => {
    for (const task of list.getEntries()) if (task.startTime >= started && task.startTime < ended) longTasks.push(task.duration);
  });
  /** @type {string} */
  let id;
  if (how === 'element') {
    const el = /** @type {any} */ (document.createElement('direct-upload'));
    el.setAttribute('upload-hosts', uploadHosts);
    el.setAttribute('max-file-size', String(bytes));
    el.setAttribute('upload-url', uploadURL);
    document.body.append(el);
    await el.updateComplete;
    const stored = new Promise((resolve, reject) => {
      el.addEventListener('upload-success', (/** @type {any} */ e) => resolve(e.detail.id));
      for (const type of ['upload-error', 'file-rejected']) {
        el.addEventListener(type, (/** @type {any} */ e) => reject(new Error(`${type}: ${e.detail.message}`)));
      }
    });
    observer.observe({ type: 'longtask' });
    started = performance.now();
    ended = Infinity;
    el.selectFile(file);
    id = /** @type {string} */ (await stored);
    ended = performance.now();
    el.remove();
  } else {
    observer.observe({ type: 'longtask' });
    started = performance.now();
    ended = Infinity;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadURL);
    xhr.responseType = 'json';
    const form = new FormData();
    form.append('file', file);
    await new Promise((resolve, reject) => {
      xhr.onload = resolve;
      xhr.onerror = () => reject(new Error('the bare upload failed'));
      xhr.send(form);
    });
    if (xhr.status !== 200) throw new Error(`the bare upload got ${xhr.status}`);
    id = xhr.response.result.id;
    ended = performance.now();
  }
  // Long-task entries arrive after the task ends; one more task lets the last of them in.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const task of observer.takeRecords()) if (task.startTime >= started && task.startTime < ended) longTasks.push(task.duration);
  observer.disconnect();
  return { id, ms: ended - started, longTasks };
}
