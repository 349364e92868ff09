// @ts-check
/**
 * JS heap after many create / append / selectFile / remove cycles, each in a fresh page, with
 * garbage collected through the DevTools protocol before each reading. The baseline runs the same
 * loop with a plain custom element that keeps the chosen file and renders a small shadow root: what
 * the loop itself leaves behind.
 */
import { onePixelPNG } from '../../test/fixtures/images.js';

/** The baseline element, defined in the page before its loop. */
const plainElement = `customElements.define('plain-upload', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = '<button part="button">Choose an image</button><input type="file" hidden>';
  }
  async selectFile(file) { this.file = file; return true; }
});`;

/**
 * @typedef {object} HeapRun
 * @property {'element' | 'plain'} how
 * @property {number} before used JS heap in bytes, after warm-up and GC
 * @property {number} after used JS heap in bytes, after the cycles and GC
 * @property {number} alive how many instances of the element's class are still reachable after the cycles
 */

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin
 * @param {{ cycles: number, warmUp: number, pages: number }} options
 * @returns {Promise<HeapRun[]>}
 */
export async function measureHeap(browser, origin, { cycles, warmUp, pages }) {
  /** @type {HeapRun[]} */
  const runs = [];
  for (let i = 0; i < pages * 2; i += 1) {
    const how = i % 2 === 0 ? 'element' : 'plain';
    const tag = how === 'element' ? 'direct-upload' : 'plain-upload';
    const tab = await browser.newPage();
    try {
      await tab.goto(`${origin}/`);
      // Both pages load the element's script, so the two heaps start from the same code.
      await tab.addScriptTag({ url: '/direct-upload.min.js' });
      if (how === 'plain') await tab.addScriptTag({ content: plainElement });
      const cdp = await tab.createCDPSession();
      const usedHeap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      const loop = (/** @type {number} */ count) => tab.evaluate(cycle, { tag, count, png: [...onePixelPNG] });
      // The first cycles fill caches kept for the page's life (templates, styles, the one Uppy that
      // answers restrictions); they are not what a long-lived page accumulates.
      await loop(warmUp);
      const before = await usedHeap();
      await loop(cycles);
      const after = await usedHeap();
      const prototype = await tab.evaluateHandle((name) => /** @type {any} */ (customElements.get(name)).prototype, tag);
      const instances = await tab.queryObjects(prototype);
      const alive = await tab.evaluate((list) => list.length, instances);
      runs.push({ how, before, after, alive });
    } finally {
      await tab.close();
    }
  }
  return runs;
}

/**
 * Runs in the page: `count` times, a new element is appended, given a small PNG and removed.
 * @param {{ tag: string, count: number, png: number[] }} args
 */
async function cycle({ tag, count, png }) {
  for (let i = 0; i < count; i += 1) {
    const el = /** @type {any} */ (document.createElement(tag));
    el.setAttribute('manual', '');
    document.body.append(el);
    const accepted = await el.selectFile(new File([new Uint8Array(png)], `dot-${i}.png`, { type: 'image/png' }));
    if (!accepted) throw new Error(`${tag} refused the PNG`);
    el.remove();
  }
}
