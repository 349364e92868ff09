/**
 * Every sentence the element shows or puts in an event, in one place so that a translation can
 * replace them together. Numbers and sizes go through Intl in the language of the sentences around
 * them (English here), never the browser's or the machine's locale: "13.000 × 400 px" inside an
 * English sentence reads wrong, and a machine set to the C locale would print "12480".
 */

import type { ImageFormat } from './sniff.js';

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const language = 'en';

const formatNumber = (n: number) => new Intl.NumberFormat(language).format(n);
const formatPixels = (width: number, height: number) => `${formatNumber(width)} × ${formatNumber(height)} px`;
const formatMegapixels = (pixels: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(pixels / 1_000_000);

const formatNames: Record<ImageFormat, string> = {
  png: 'a PNG',
  jpeg: 'a JPEG',
  gif: 'a GIF',
  webp: 'a WebP',
  svg: 'an SVG',
  heic: 'a HEIC',
  heif: 'a HEIF',
  avif: 'an AVIF',
  bmp: 'a BMP',
  tiff: 'a TIFF',
};
const takenFormats = 'JPEG, PNG, GIF, WebP, SVG or HEIC';

// Characters that change the direction of the text after them: in a file name they would reverse
// the rest of the sentence, so such a name is set apart (first-strong isolate … pop isolate).
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const longestName = 100;

/**
 * A file name as a sentence quotes it: a very long one shortened in the middle (its extension
 * stays), one with direction controls isolated. Events carry the File, with its name as it is.
 */
function quoted(name: string): string {
  const chars = Array.from(name);
  const short = chars.length > longestName ? `${chars.slice(0, 60).join('')}…${chars.slice(-30).join('')}` : name;
  return `“${bidiControls.test(short) ? `\u2068${short}\u2069` : short}”`;
}
const documentNames = { html: 'an HTML document', pdf: 'a PDF document', zip: 'a ZIP archive', xml: 'an XML document' };

/** "12.4 MB", "512 kB", "3 bytes": binary multiples, which is how Cloudflare states its 10 MB limit. */
function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export const messages = {
  chooseImage: () => 'Choose image',
  chooseImages: () => 'Choose images',
  dropHint: () => 'or drop one here',
  dropHintMany: () => 'or drop them here',
  uploadButton: () => 'Upload',
  cancelButton: () => 'Cancel',
  validating: () => 'Checking the image…',
  ready: () => 'Ready to upload.',
  uploading: (percent: number) => `Uploading… ${new Intl.NumberFormat(language, { style: 'percent' }).format(percent / 100)}`,
  uploaded: () => 'Uploaded.',
  queued: () => 'Waiting to upload…',
  retryButton: () => 'Try again',
  removeButton: () => 'Remove',
  fileAction: (action: string, name: string) => `${action}: ${name}`,
  labelled: (label: string, action: string) => `${label}: ${action}`,
  batchProgress: (done: number, total: number) => `${formatNumber(done)} of ${formatNumber(total)} uploaded.`,
  fileList: () => 'Chosen images',
  onlyOneImage: (name: string) => `Only one image can be added here; ${quoted(name)} was not.`,
  tooManyFiles: (name: string, limit: number) => `At most ${formatNumber(limit)} images can be added; ${quoted(name)} was not.`,

  fileEmpty: (name: string) => `${quoted(name)} is empty.`,
  fileTooLarge: (name: string, size: number, limit: number) =>
    `${quoted(name)} is ${formatBytes(size)}, larger than the ${formatBytes(limit)} limit.`,
  notAnImage: (name: string, what: 'html' | 'pdf' | 'zip' | 'xml' | 'unknown') =>
    what === 'unknown'
      ? `${quoted(name)} is not an image in a format Cloudflare Images takes (${takenFormats}).`
      : `${quoted(name)} is ${documentNames[what]}, not an image.`,
  formatNotTaken: (name: string, format: ImageFormat) =>
    `${quoted(name)} is ${formatNames[format]} image; Cloudflare Images takes ${takenFormats}.`,
  formatNotAccepted: (name: string, format: ImageFormat, accept: string) =>
    `${quoted(name)} is ${formatNames[format]} image, which is not accepted here (accepted: ${accept
      .split(',')
      .map((t) => t.trim())
      .join(', ')}).`,
  unreadable: (name: string, format: ImageFormat) =>
    `${quoted(name)} looks like ${formatNames[format]} image, but its width and height cannot be read; it may be damaged.`,
  tooLarge: (name: string, width: number, height: number, limit: number) =>
    `${quoted(name)}: ${formatPixels(width, height)} is larger than the ${formatNumber(limit)} px limit.`,
  tooNarrow: (name: string, width: number, height: number, limit: number) =>
    `${quoted(name)}: ${formatPixels(width, height)} is narrower than the minimum width of ${formatNumber(limit)} px.`,
  tooShort: (name: string, width: number, height: number, limit: number) =>
    `${quoted(name)}: ${formatPixels(width, height)} is shorter than the minimum height of ${formatNumber(limit)} px.`,
  areaTooLarge: (name: string, width: number, height: number, limit: number) =>
    `${quoted(name)}: ${formatPixels(width, height)} is ${formatMegapixels(width * height)} megapixels, more than the ${formatMegapixels(limit)} megapixel limit.`,
  animationTooLarge: (name: string, frames: number, width: number, height: number, limit: number) =>
    `${quoted(name)}: ${formatNumber(frames)} frames of ${formatPixels(width, height)} make ${formatMegapixels(frames * width * height)} megapixels, more than the ${formatMegapixels(limit)} megapixel limit for animations.`,
  hostRuleFailed: (name: string, cause: string) => `${quoted(name)} could not be checked: ${cause}`,

  noFile: () => 'Choose an image before uploading.',
  required: () => 'Choose an image to upload.',
  requiredMany: () => 'Choose at least one image to upload.',
  stillUploading: () => 'Wait until the image has uploaded.',
  notInPage: () => 'The element is not in the page, so it does not upload. Nothing was sent.',
  multipleNeedsSource: () => 'Several images need one upload URL each: set uploadURLProvider or upload-url-endpoint. Nothing was sent.',
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
  uploadRefused: (status: number, detail?: string) => `The upload was refused (HTTP ${status})${detail ? `: ${detail}` : ''}.`,
  unexpectedAnswer: (status: number) => `The upload server gave an answer that is not Cloudflare’s (HTTP ${status}).`,
  cancelled: () => 'The upload was cancelled.',
  stalled: (ms: number) =>
    `The upload made no progress for ${new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(Math.round(ms / 1000))} and was stopped.`,
  offline: () => 'Offline: the upload will go on when the connection is back.',
  expired: () => 'The upload link has expired; waiting for a new one.',
  waitingForLink: () => 'Getting ready to upload…',
  maybeUploaded: () => 'The image may already have been uploaded.',
  cancelledShort: () => 'Upload cancelled.',
  serverTrouble: () => 'Something went wrong on the server. Try again in a moment.',
  notTaken: () => 'The server did not take this image.',
  notAvailable: () => 'Uploading is not available here right now.',
  used: () => 'The upload link was already used; waiting for a new one.',
  maybeStored: (id: string | undefined) =>
    `The connection dropped after the image was sent, and it may have been stored${id ? ` as ${id}` : ''}.`,
  refreshFailed: (cause: string) => `Could not get a new upload URL: ${cause}`,
  freshURLUnusable: (kind: 'expired' | 'used') => `The new upload URL was ${kind === 'used' ? 'already used' : 'already expired'}.`,
  endpointUnreachable: (endpoint: string, cause: string) => `${endpoint} could not be reached (${cause}).`,
  endpointFailed: (endpoint: string, status: number) => `${endpoint} answered HTTP ${status}.`,
  noURLInAnswer: (source: string) => `${source} gave no uploadURL.`,
};
