// lodash/throttle, for the script-tag build: Uppy calls it once, as throttle(fn, wait, {leading:
// true, trailing: true}), and this is that behaviour without lodash's other options and modules.
/**
 * @param {(...args: any[]) => void} fn
 * @param {number} wait
 */
export default function throttle(fn, wait) {
  let last = -Infinity;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {any[]} */
  let pending = [];
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn(...pending);
  };
  /** @param {any[]} args */
  const throttled = (...args) => {
    pending = args;
    const remaining = last + wait - Date.now();
    if (remaining <= 0) {
      clearTimeout(timer);
      run();
    } else {
      timer ??= setTimeout(run, remaining);
    }
  };
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return throttled;
}
