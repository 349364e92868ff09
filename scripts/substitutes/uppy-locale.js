// Uppy's English strings, for the script-tag build: the element shows its own messages and reads
// none of Uppy's, so none are bundled. Uppy then uses a string's key in its place, and the
// element's quiet logger keeps Uppy from reporting the missing strings.
export default { strings: {} };
