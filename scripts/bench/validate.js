// @ts-check
/**
 * Validation latency: how long <direct-upload> takes to check a large image, from `selectFile()` to
 * `file-accepted`, beside the time Chromium takes to decode the same file with `createImageBitmap`
 * (what a check that decodes would cost at least).
 */
import { deflateSync } from 'node:zlib';

/** A real 10,000 × 10,000 greyscale PNG (100 megapixels), with a pattern so it must be decoded. */
export function hundredMegapixelPNG() {
  const width = 10_000;
  const height = 10_000;
  const row = Buffer.alloc(width + 1);
  for (let x = 0; x < width; x += 1) row[x + 1] = (x * 7) & 0xff;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (/** @type {Buffer} */ bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const validateRuns = { checks: 31, decodes: 5 };

/**
 * @typedef {object} ValidateRow
 * @property {string} file
 * @property {number} bytes
 * @property {number} validate median ms, selectFile → file-accepted
 * @property {number} decode median ms, createImageBitmap
 * @property {number[]} validateSamples
 * @property {number[]} decodeSamples
 */

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin the page server, which serves /direct-upload.min.js and /100mp.png
 * @returns {Promise<ValidateRow[]>}
 */
export async function measureValidation(browser, origin) {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/`);
    await tab.addScriptTag({ url: '/direct-upload.min.js' });
    return await tab.evaluate(async (runs) => {
      const el = /** @type {any} */ (document.createElement('direct-upload'));
      el.manual = true;
      document.body.append(el);

      // A 6,000 × 4,000 (24 megapixel) photo-like JPEG, made by the browser's own encoder.
      const canvas = new OffscreenCanvas(6000, 4000);
      const g = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
      const gradient = g.createLinearGradient(0, 0, 6000, 4000);
      gradient.addColorStop(0, '#f38020');
      gradient.addColorStop(1, '#0a66e4');
      g.fillStyle = gradient;
      g.fillRect(0, 0, 6000, 4000);
      for (let i = 0; i < 4000; i += 1) {
        g.fillStyle = `hsl(${(i * 37) % 360} 70% 50% / 0.5)`;
        g.fillRect((i * 97) % 6000, (i * 53) % 4000, 40 + (i % 200), 30 + (i % 150));
      }
      const jpeg = new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })], 'photo-24mp.jpg');
      const png = new File([await (await fetch('/100mp.png')).blob()], 'flat-100mp.png');

      /** @param {File} file */
      async function validate(file) {
        const started = performance.now();
        const accepted = new Promise((resolve, reject) => {
          el.addEventListener('file-accepted', () => resolve(performance.now() - started), { once: true });
          el.addEventListener('file-rejected', (/** @type {any} */ e) => reject(new Error(e.detail.message)), { once: true });
        });
        await el.selectFile(file);
        return /** @type {number} */ (await accepted);
      }
      /** @param {File} file */
      async function decode(file) {
        const started = performance.now();
        const bitmap = await createImageBitmap(file);
        const elapsed = performance.now() - started;
        bitmap.close();
        return elapsed;
      }
      const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const rows = [];
      for (const file of [jpeg, png]) {
        const validateSamples = [];
        for (let i = 0; i < runs.checks; i += 1) validateSamples.push(await validate(file));
        const decodeSamples = [];
        for (let i = 0; i < runs.decodes; i += 1) decodeSamples.push(await decode(file));
        rows.push({
          file: file.name,
          bytes: file.size,
          validate: median(validateSamples),
          decode: median(decodeSamples),
          validateSamples,
          decodeSamples,
        });
      }
      return rows;
    }, validateRuns);
  } finally {
    await tab.close();
  }
}

/** The goal the README states: under 10 ms median, at least 20× faster than decoding. @param {ValidateRow[]} rows */
export const validationGoalMet = (rows) => rows.every(({ validate, decode }) => validate < 10 && decode / validate >= 20);
