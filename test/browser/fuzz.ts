/**
 * The fuzz loop over mutated image headers, shared by the fast suite (a few hundred cases) and the
 * long one (thousands, with the real images of ../shared/fixtures).
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DirectUploadElement } from '../../src/index.js';
import type { FileRejectedReason } from '../../src/events.js';
import { gif, heif, jpegHeader, onePixelPNG, pngHeader, text, webp } from '../fixtures/images.js';
import { emulatorHost, mintUploadURL, uploadRequestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { mutateHeader, prng, watchErrors, within } from './reliability.js';

export interface Base {
  name: string;
  bytes: Uint8Array;
}

/** Small images of every format the element reads, made here. */
export function generatedBases(): Base[] {
  return [
    { name: 'dot.png', bytes: onePixelPNG },
    { name: 'header.png', bytes: pngHeader(640, 480) },
    { name: 'jfif.jpg', bytes: jpegHeader(640, 480) },
    { name: 'exif.jpg', bytes: jpegHeader(480, 640, { orientation: 6 }) },
    { name: 'padded.jpg', bytes: jpegHeader(100, 100, { paddingBytes: 300 }) },
    { name: 'anim.gif', bytes: gif(16, 16, 3) },
    { name: 'still.webp', bytes: webp(20, 10) },
    { name: 'anim.webp', bytes: webp(20, 10, 3) },
    { name: 'photo.heic', bytes: heif(4032, 3024) },
    { name: 'grid.heic', bytes: heif(512, 512, 'heic', [[256, 256]]) },
    {
      name: 'icon.svg',
      bytes: text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="24" height="12" viewBox="0 0 24 12"></svg>'),
    },
  ];
}

/**
 * The real images of ../shared/fixtures up to `maxBytes` each, or why there are none: the folder
 * sits beside the project on the team's machines and not in a user's clone.
 */
export async function sharedBases(maxBytes = 2 * 1024 * 1024): Promise<Base[] | { absent: string }> {
  const response = await fetch('/shared-fixtures/manifest.json');
  if (!response.ok) return { absent: '../shared/fixtures/manifest.json is absent (it is not part of the project)' };
  const manifest = (await response.json()) as { path: string; bytes: number }[];
  const chosen = manifest.filter((entry) => entry.bytes <= maxBytes);
  return Promise.all(
    chosen.map(async (entry) => {
      const res = await fetch(`/shared-fixtures/${entry.path.split('/').map(encodeURIComponent).join('/')}`);
      return { name: entry.path.split('/').at(-1)!, bytes: new Uint8Array(await res.arrayBuffer()) };
    }),
  );
}

const reasons: FileRejectedReason[] = ['type', 'size', 'dimensions', 'area', 'empty', 'unreadable', 'custom', 'count'];

export interface FuzzReport {
  cases: number;
  accepted: number;
  rejected: number;
  /** One line per broken case, with what to replay it. */
  failures: string[];
  /** Uncaught errors and unhandled rejections seen during the loop. */
  uncaught: string[];
  slowestMs: number;
}

/**
 * Runs `count` cases from `seed`: each a base image with its header mutated, chosen on an element
 * that uploads to the emulator. For every case: `selectFile` settles within `settleMs`, one verdict
 * is given (accepted with sane dimensions, or rejected with a documented reason and a message), an
 * accepted file is sent once and ends stored or refused by the host, and a rejected one is not sent.
 */
export async function fuzz({ count, seed, bases, settleMs = 10_000 }: { count: number; seed: number; bases: Base[]; settleMs?: number }) {
  const random = prng(seed);
  const errors = watchErrors();
  const report: FuzzReport = { cases: 0, accepted: 0, rejected: 0, failures: [], uncaught: errors.seen, slowestMs: 0 };
  const el = await fixture<DirectUploadElement>(html`<direct-upload upload-hosts=${await emulatorHost()}></direct-upload>`);
  // Counting frames reads whole GIF and WebP files: the mutated ones too.
  el.maxAnimationArea = 50_000_000;
  let draft = await mintUploadURL();
  el.uploadURL = draft.uploadURL;
  const recorder = recordEvents(el);
  try {
    for (let i = 0; i < count; i += 1) {
      const base = random.pick(bases);
      const span = random.pick([16, 64, 512]);
      const { bytes, how } = mutateHeader(base.bytes, random, span);
      const replay = `seed ${seed}, case ${i}: ${base.name}, ${how}`;
      const file = new File([bytes], `case-${i}-${base.name}`);
      recorder.events.length = 0;
      const started = performance.now();
      const outcome = await within(el.selectFile(file), settleMs);
      report.slowestMs = Math.max(report.slowestMs, performance.now() - started);
      report.cases += 1;
      if (outcome === 'timed out') {
        report.failures.push(`${replay}: selectFile did not settle within ${settleMs} ms`);
        // The element may still be busy with it: start the next case on a fresh slate.
        el.reset();
        continue;
      }
      const mine = recorder.events.filter((e) => (e.detail as { file?: File | null }).file === file);
      const verdicts = mine.filter((e) => e.type === 'file-accepted' || e.type === 'file-rejected');
      if (verdicts.length !== 1) {
        report.failures.push(`${replay}: ${verdicts.length} verdicts (${mine.map((e) => e.type).join(', ')})`);
        continue;
      }
      const [verdict] = verdicts;
      if (verdict.type === 'file-rejected') {
        report.rejected += 1;
        const { reason, message } = verdict.detail;
        if (outcome !== false) report.failures.push(`${replay}: rejected, yet selectFile resolved ${String(outcome)}`);
        if (!reasons.includes(reason)) report.failures.push(`${replay}: rejected with an undocumented reason ${reason}`);
        if (typeof message !== 'string' || !message) report.failures.push(`${replay}: rejected without a message`);
        if (mine.some((e) => e.type === 'upload-start')) report.failures.push(`${replay}: rejected, yet upload-start fired`);
        continue;
      }
      report.accepted += 1;
      const { width, height } = verdict.detail;
      if (![width, height].every((side) => Number.isInteger(side) && side > 0 && side <= el.maxDimension) || width * height > el.maxArea) {
        report.failures.push(`${replay}: accepted at ${width} × ${height}`);
      }
      if (outcome !== true) report.failures.push(`${replay}: accepted, yet selectFile resolved ${String(outcome)}`);
      const ending = mine.filter((e) => e.type === 'upload-success' || e.type === 'upload-error');
      const endedWell =
        ending.length === 1 &&
        (ending[0].type === 'upload-success' ||
          (ending[0].type === 'upload-error' && ending[0].detail.reason === 'rejected' && ending[0].detail.status === 415));
      if (!endedWell) report.failures.push(`${replay}: accepted, then ${JSON.stringify(ending.map((e) => [e.type, e.detail]))}`);
      // Every file rejected since this URL was minted went nowhere: the host saw this one alone.
      const sent = (await uploadRequestsFor(draft.id)).filter((r) => r.method === 'POST');
      if (sent.length !== 1 || sent[0].files[0]?.bytes !== file.size) {
        report.failures.push(
          `${replay}: the host saw ${sent.length} uploads to this case's URL: ${JSON.stringify(sent.map((r) => r.files))}`,
        );
      }
      draft = await mintUploadURL();
      el.uploadURL = draft.uploadURL;
      await el.updateComplete;
    }
    // The last URL saw rejected files only, if any: nothing at all.
    const sent = (await uploadRequestsFor(draft.id)).filter((r) => r.method === 'POST');
    if (sent.length > 0)
      report.failures.push(`seed ${seed}: files rejected after the last accepted one were sent (${sent.length} uploads)`);
  } finally {
    errors.stop();
    recorder.stop();
  }
  return report;
}
