// @ts-check
/**
 * Time to first render: from inserting a script tag (and, for libraries that need one, a
 * stylesheet link) into a fresh page, to the uploader's button being laid out on it. Two
 * comparisons in one run, with the page loads of all of them taken in turn:
 * - our script-tag build into a page that already holds `<direct-upload>`, beside a minimal custom
 *   element (a dozen lines, no library) doing the same: what fetching any script and defining any
 *   element costs here;
 * - each bundle from the size comparison, whose entry file creates its uploader, beside our own.
 */

/** The baseline element, served as its own script. */
export const baselineScript = `customElements.define('baseline-upload', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<style>:host { display: block }</style><div part="base"><button part="button">Choose an image</button><input type="file" accept="image/*" hidden></div>';
  }
});`;

/**
 * @typedef {object} Subject what to load, and how to tell it rendered
 * @property {string} name
 * @property {string} script
 * @property {string} [style]
 * @property {string} [holds] a tag the page holds before the script loads, as a page written for it would
 * @property {string} [within] the element whose shadow root holds the button
 * @property {string} button the uploader's button
 */

const ownButton = { within: 'direct-upload', button: '[part~="base"] [part~="button"]' };

/** @type {Subject[]} */
export const scriptTagSubjects = [
  { name: 'direct-upload.min.js', script: '/direct-upload.min.js', holds: 'direct-upload', ...ownButton },
  {
    name: 'minimal custom element',
    script: '/baseline-upload.js',
    holds: 'baseline-upload',
    within: 'baseline-upload',
    button: '[part~="button"]',
  },
];

/** How to tell each bundle's uploader rendered, by the bundle's file name (scripts/bench/entries/). */
export const bundleButtons = /** @type {Record<string, Pick<Subject, 'within' | 'button'>>} */ ({
  'direct-upload': ownButton,
  filepond: { button: '.filepond--drop-label label' },
  dropzone: { button: '.dz-message .dz-button' },
  'uppy-dashboard': { button: '.uppy-Dashboard-browse' },
  uploadcare: { button: 'uc-simple-btn button' },
});

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin
 * @param {{ loads: number, subjects: Subject[] }} options page loads of each subject, taken in turn
 * @returns {Promise<{ name: string, ms: number }[]>}
 */
export async function measureFirstRender(browser, origin, { loads, subjects }) {
  const tab = await browser.newPage();
  /** @type {{ name: string, ms: number }[]} */
  const runs = [];
  try {
    for (let i = 0; i < loads; i += 1) {
      for (const subject of subjects) {
        await tab.goto(`${origin}/`);
        runs.push({ name: subject.name, ms: await tab.evaluate(firstRender, subject) });
      }
    }
    return runs;
  } finally {
    await tab.close();
  }
}

/**
 * Runs in the page. Looks for the button after every task (a message to itself, which, unlike a
 * timer, is not held back), so the time is that of the task that rendered it.
 * @param {Subject} subject
 */
async function firstRender({ script: src, style, holds, within, button }) {
  if (holds) document.body.append(document.createElement(holds));
  let styled = !style;
  /** @type {Error | undefined} */
  let failure;
  const attach = (/** @type {HTMLScriptElement | HTMLLinkElement} */ node) => {
    node.onerror = () => (failure = new Error(`${src} or ${style} did not load`));
    document.head.append(node);
  };
  const shown = () => {
    const root = within ? document.querySelector(within)?.shadowRoot : document;
    const target = root?.querySelector(button);
    return Boolean(target && target.getBoundingClientRect().width > 0);
  };
  const started = performance.now();
  if (style) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = style;
    link.onload = () => (styled = true);
    attach(link);
  }
  const script = document.createElement('script');
  script.src = src;
  attach(script);
  const channel = new MessageChannel();
  try {
    return await new Promise((resolve, reject) => {
      channel.port1.onmessage = () => {
        if (failure) return reject(failure);
        if (styled && shown()) return resolve(performance.now() - started);
        if (performance.now() - started > 20_000) return reject(new Error(`${src}: nothing rendered in 20 s`));
        channel.port2.postMessage(null);
      };
      channel.port2.postMessage(null);
    });
  } finally {
    channel.port1.close();
  }
}
