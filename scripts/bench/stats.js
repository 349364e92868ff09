// @ts-check
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The middle value (the upper one of the two middles for an even count). @param {number[]} xs */
export function median(xs) {
  if (xs.length === 0) return Number.NaN;
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Bytes after gzip at level 9 and brotli at quality 11, as `npm run size` counts them. @param {Uint8Array} bytes */
export function compressed(bytes) {
  return {
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** `value / baseline`, or undefined where the baseline is zero and a ratio means nothing. */
export function ratio(/** @type {number} */ value, /** @type {number} */ baseline) {
  return baseline > 0 && Number.isFinite(value) ? value / baseline : undefined;
}
