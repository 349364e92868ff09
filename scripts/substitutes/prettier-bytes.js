// @transloadit/prettier-bytes, for the script-tag build: Uppy formats sizes only into the text of
// its restriction errors, which the element never shows (it words its own refusals).
/** @param {number} bytes */
export function prettierBytes(bytes) {
  return `${bytes} B`;
}
