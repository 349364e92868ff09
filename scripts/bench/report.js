// @ts-check
/** The benchmark's results as Markdown tables, padded so that they read as well in a terminal. */
import { readFileSync } from 'node:fs';

const esbuildVersion = JSON.parse(readFileSync(new URL('../../node_modules/esbuild/package.json', import.meta.url), 'utf8')).version;

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (/** @type {number} */ bytes) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
const ms = (/** @type {number} */ value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const times = (/** @type {number | undefined} */ value) =>
  value === undefined ? '—' : `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
const signed = (/** @type {number} */ bytes) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
const rate = (/** @type {number} */ bytes, /** @type {number} */ elapsed) => `${(bytes / 1024 / 1024 / (elapsed / 1000)).toFixed(0)} MB/s`;

/** @param {string[]} header @param {string[][]} rows */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (/** @type {string[]} */ cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** @param {Record<string, any>} r */
function summaryRows(r) {
  /** @type {string[][]} */
  const rows = [];
  for (const part of ['throughput', 'longTasks']) {
    const u = part === 'throughput' ? r.throughput : r.longtasks;
    if (!u) continue;
    if (part === 'throughput') {
      rows.push([
        `Upload ${mb(u.bytes)}, file handed over → image stored (median of ${u.runs})`,
        `${ms(u.element.ms)} (${rate(u.bytes, u.element.ms)})`,
        `bare XHR + FormData: ${ms(u.bare.ms)} (${rate(u.bytes, u.bare.ms)})`,
        times(u.ratio),
      ]);
    } else {
      const tasks = (/** @type {any} */ s) => `${s.longTasks} long tasks, longest ${ms(s.longestTask)} (worst run ${ms(s.worstTask)})`;
      rows.push([
        `Main thread during a ${mb(u.bytes)} upload: long tasks over 50 ms (median of ${u.runs})`,
        tasks(u.element),
        `bare XHR + FormData: ${tasks(u.bare)}`,
        u.bare.longTasks > 0 ? times(u.element.longTasks / u.bare.longTasks) : '—',
      ]);
    }
  }
  for (const row of r.validate?.rows ?? []) {
    rows.push([
      `Check a ${row.file} (${mb(row.bytes)}): selectFile → file-accepted (median of ${row.validateSamples.length})`,
      ms(row.validate),
      `createImageBitmap: ${ms(row.decode)} (median of ${row.decodeSamples.length})`,
      `${times(row.validate / row.decode)} (${(row.decode / row.validate).toFixed(0)}× faster)`,
    ]);
  }
  if (r.heap) {
    const h = r.heap;
    const heap = (/** @type {any} */ s) => `${kb(s.before)} → ${kb(s.after)} (${signed(s.delta)}), ${s.alive} left alive`;
    rows.push([
      `JS heap after ${h.cycles.toLocaleString('en')} create/append/selectFile/remove cycles, after GC (median of ${h.pages} pages)`,
      heap(h.element),
      `plain custom element: ${heap(h.plain)}`,
      `${times(h.plain.delta > 0 ? h.element.delta / h.plain.delta : undefined)} of the growth`,
    ]);
  }
  if (r.render) {
    rows.push([
      `Script tag inserted → shadow root rendered (median of ${r.render.loads} page loads)`,
      ms(r.render.element),
      `minimal custom element: ${ms(r.render.baseline)}`,
      times(r.render.ratio),
    ]);
  }
  return rows;
}

/** @param {Record<string, any>} r */
function sizeTable(r) {
  return table(
    ['bundle', 'JS min', 'CSS min', 'gzip -9', 'brotli -q 11', 'gzip vs ours', 'what it holds'],
    r.size.rows.map((/** @type {any} */ row) => [
      row.name,
      kb(row.raw.js),
      row.raw.css ? kb(row.raw.css) : '—',
      kb(row.gzip),
      kb(row.brotli),
      times(row.ratio.gzip),
      row.includes,
    ]),
  );
}

/** @param {Record<string, any>} r */
function renderTable(r) {
  return table(
    ['bundle (esbuild, as in Size)', `script + CSS inserted → button laid out (median of ${r.render.loads})`, 'vs ours'],
    r.render.bundles.map((/** @type {any} */ b) => [b.name, ms(b.ms), times(b.ratio)]),
  );
}

/** @param {Record<string, any>} r */
export function markdownReport(r) {
  const load = `load average ${r.loadBefore.toFixed(1)} before, ${r.loadAfter.toFixed(1)} after`;
  const sections = [
    `# direct-upload benchmark\n\n${r.date}, commit ${r.commit}; ${r.chromium ?? 'no browser'} headless, Node ${r.node}, ${r.cpu}, ${load}.`,
  ];
  const rows = summaryRows(r);
  if (rows.length > 0)
    sections.push(`## Speed and memory\n\n${table(['measure', 'direct-upload', 'baseline (same run)', 'ratio (ours / baseline)'], rows)}`);
  if (r.validate) {
    sections.push(`Validation goal (under 10 ms median, at least 20× faster than decoding): ${r.validate.goalMet ? 'met' : 'missed'}.`);
  }
  if (r.render) {
    sections.push(
      `## First render beside other uploaders\n\n${renderTable(r)}\n\nEach page load inserts the bundle's script (and its stylesheet, where it has one) into an empty page; the entry file creates the uploader, and the time ends when its button has a layout box, with the stylesheet loaded. All subjects' page loads are taken in turn.`,
    );
  }
  if (r.size) {
    sections.push(
      `## Size\n\n${sizeTable(r)}\n\nEach library but the first is bundled from one entry file (scripts/bench/entries/) by esbuild ${esbuildVersion} with the same settings: bundle, minify, IIFE, target es2022, platform browser, NODE_ENV=production. gzip and brotli count the JavaScript and the CSS each compressed, added up. "gzip vs ours" divides by the bundled npm build.`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}
