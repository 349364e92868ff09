// Uppy's Translator, for the script-tag build: Uppy's strings are left out (uppy-locale.js), so
// every lookup would miss and give back its key; this gives back the key without the lookup, the
// interpolation and the plural rules. Nothing the element shows comes from Uppy's strings.
export default class Translator {
  locale = { strings: {} };

  /** @param {string} key */
  translate(key) {
    return key;
  }

  /** @param {string} key */
  translateArray(key) {
    return [key];
  }
}
