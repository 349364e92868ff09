// Uppy's file ids, for the script-tag build: Uppy derives an id from a file's name, type, size and
// date so that adding the same file twice to one Uppy is refused as a duplicate. The element gives
// each Uppy one file (one Uppy per send), so any id unique within the page does.
let count = 0;

/** @param {unknown} _file @param {string} [instanceId] */
export default function generateFileID(_file, instanceId) {
  count += 1;
  return `${instanceId || 'uppy'}-${count}`;
}

export const getSafeFileId = generateFileID;
