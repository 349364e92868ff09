/**
 * Every sentence the element shows or puts in an event, in one place so that a translation can
 * replace them together. Numbers and sizes go through Intl, in the page's language.
 */

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "12.4 MB", "512 kB", "3 bytes": binary multiples, which is how Cloudflare states its 10 MB limit. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export const messages = {
  chooseImage: () => 'Choose image',
  dropHint: () => 'or drop one here',
  uploadButton: () => 'Upload',
  cancelButton: () => 'Cancel',
  validating: () => 'Checking the image…',
  ready: () => 'Ready to upload.',
  uploading: (percent: number) =>
    `Uploading… ${new Intl.NumberFormat(undefined, { style: 'percent' }).format(percent / 100)}`,
  uploaded: () => 'Uploaded.',

  fileEmpty: (name: string) => `“${name}” is empty.`,
  fileTooLarge: (name: string, size: number, limit: number) =>
    `“${name}” is ${formatBytes(size)}, larger than the ${formatBytes(limit)} limit.`,
  fileTypeNotAccepted: (name: string, type: string, accept: string) =>
    `“${name}” is ${type ? `of type ${type}` : 'of an unknown type'}, which is not accepted here (accepted: ${accept.split(',').map((t) => t.trim()).join(', ')}).`,

  noFile: () => 'Choose an image before uploading.',
  noUploadURL: () => 'No upload URL is set: the page must give the element a one-time upload URL from its backend.',
  invalidUploadURL: (uploadURL: string) => `“${uploadURL}” is not a valid upload URL.`,
  credentialsInUploadURL: () => 'The upload URL must not contain a user name or password.',
  insecureUploadURL: (protocol: string) =>
    `The upload URL must use https (plain http only for localhost), not ${protocol.replace(/:$/, '')}. Nothing was sent.`,
  hostNotAllowed: (host: string) =>
    `The upload host ${host} is not allowed; add it to upload-hosts if the page trusts it. Nothing was sent.`,

  networkFailed: () => 'The upload could not reach the server. Check the connection and try again.',
  serverFailed: (status: number, detail?: string) =>
    `The upload server failed (HTTP ${status})${detail ? `: ${detail}` : ''}. Try again later.`,
  uploadRefused: (status: number, detail?: string) =>
    `The upload was refused (HTTP ${status})${detail ? `: ${detail}` : ''}.`,
  unexpectedAnswer: (status: number) => `The upload server gave an answer that is not Cloudflare’s (HTTP ${status}).`,
  cancelled: () => 'The upload was cancelled.',
};
