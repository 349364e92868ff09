// mime-match (with its wildcard dependency), for the script-tag build: Uppy's restrictions ask it
// whether a file's type matches an accepted type such as `image/png` or `image/*`. The same answer
// for MIME types, without wildcard's matching of arrays and objects (compared with the original
// in test/node/substitutes.test.js).
const parts = (/** @type {string} */ type) => type.split(/[/+.]/);

/**
 * @param {string} target
 * @param {string} [pattern]
 */
export default function match(target, pattern) {
  const test = (/** @type {string} */ wanted) => {
    const want = wanted.split(';')[0];
    const have = parts(target);
    if (have.length < 2) return false;
    if (!want.includes('*')) return want === target;
    return parts(want).every((part, i) => part === '*' || part === have[i]);
  };
  return pattern ? test(pattern) : test;
}
