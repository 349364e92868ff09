// @ts-check
/**
 * `npm run bench`: size, upload throughput, validation latency, long tasks, heap and first render
 * of <direct-upload>, each beside a baseline measured in the same run, in headless Chromium against
 * the emulator on loopback. Prints the tables and writes bench-results/latest.json and latest.md.
 * `node scripts/bench/index.js validate heap` runs only those parts (and writes
 * bench-results/validate+heap.*); the npm scripts build first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../find-chromium.js';
import { measureHeap } from './heap.js';
import { markdownReport } from './report.js';
import { baselineScript, bundleButtons, measureFirstRender, scriptTagSubjects } from './render.js';
import { fileAt, startBenchServers } from './server.js';
import { measureSizes } from './size.js';
import { median, ratio } from './stats.js';
import { measureUploads } from './upload.js';
import { hundredMegapixelPNG, measureValidation, validationGoalMet } from './validate.js';

const MB = 1024 * 1024;
/** How much each part does; the README's table comes from these. */
const settings = {
  throughput: { bytes: 200 * MB, runs: 5 },
  longTasks: { bytes: 50 * MB, runs: 5 },
  heap: { cycles: 1000, warmUp: 20, pages: 3 },
  render: { loads: 21 },
};

const parts = ['size', 'throughput', 'validate', 'longtasks', 'heap', 'render'];
const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !parts.includes(part));
if (unknown.length > 0) {
  console.error(`Unknown part ${unknown.join(', ')}: choose from ${parts.join(', ')}, or none for all.`);
  process.exit(2);
}
const chosen = asked.length > 0 ? parts.filter((part) => asked.includes(part)) : parts;
if (!existsSync('dist/direct-upload.min.js') || !existsSync('dist/index.js')) {
  console.error('dist/ is missing: npm run bench builds it first.');
  process.exit(1);
}

const out = 'bench-results';
mkdirSync(out, { recursive: true });

/** @type {Record<string, any>} */
const results = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  node: process.version,
  cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
  parts: chosen,
  // The machine may be shared: its load beside the figures says how much to trust small differences.
  loadBefore: loadavg()[0],
};

// The bundles are made in every run that measures their size or their first render.
const sizes = chosen.includes('size') || chosen.includes('render') ? await measureSizes({ outdir: `${out}/bundles` }) : [];
if (chosen.includes('size')) {
  const ours = sizes.find((row) => row.bundle === 'direct-upload');
  results.size = {
    rows: sizes.map((row) => ({ ...row, ratio: { gzip: ratio(row.gzip, ours?.gzip ?? 0), brotli: ratio(row.brotli, ours?.brotli ?? 0) } })),
  };
}

const browserParts = chosen.filter((part) => part !== 'size');
if (browserParts.length > 0) {
  const png = browserParts.includes('validate') ? hundredMegapixelPNG() : Buffer.alloc(0);
  const servers = await startBenchServers({
    maxUploadBytes: Math.max(settings.throughput.bytes, settings.longTasks.bytes),
    files: {
      '/direct-upload.min.js': { type: 'text/javascript', body: fileAt('dist/direct-upload.min.js') },
      '/baseline-upload.js': { type: 'text/javascript', body: () => baselineScript },
      '/100mp.png': { type: 'image/png', body: () => png },
    },
    bundles: `${out}/bundles`,
  });
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    // Nothing may leave the machine: some uploaders send telemetry home as soon as they render.
    args: [...chromiumArgs(), '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    protocolTimeout: 600_000,
  });
  results.chromium = await browser.version();
  try {
    for (const part of browserParts) {
      console.error(`[bench] ${part}…`);
      if (part === 'throughput' || part === 'longtasks') {
        const { bytes, runs } = part === 'throughput' ? settings.throughput : settings.longTasks;
        const samples = await measureUploads(browser, servers, { bytes, runs });
        const of = (/** @type {'element' | 'bare'} */ how) => samples.filter((s) => s.how === how);
        const summary = (/** @type {'element' | 'bare'} */ how) => ({
          ms: median(of(how).map((s) => s.ms)),
          longTasks: median(of(how).map((s) => s.longTasks)),
          longestTask: median(of(how).map((s) => s.longestTask)),
          worstTask: Math.max(...of(how).map((s) => s.longestTask)),
        });
        const element = summary('element');
        const bare = summary('bare');
        results[part] = { bytes, runs, element, bare, ratio: ratio(element.ms, bare.ms), samples };
      }
      if (part === 'validate') {
        const rows = await measureValidation(browser, servers.origin);
        results.validate = { rows, goalMet: validationGoalMet(rows) };
      }
      if (part === 'heap') {
        const samples = await measureHeap(browser, servers.origin, settings.heap);
        const summary = (/** @type {'element' | 'plain'} */ how) => {
          const runs = samples.filter((s) => s.how === how);
          return {
            before: median(runs.map((s) => s.before)),
            after: median(runs.map((s) => s.after)),
            delta: median(runs.map((s) => s.after - s.before)),
            alive: Math.max(...runs.map((s) => s.alive)),
          };
        };
        results.heap = { ...settings.heap, element: summary('element'), plain: summary('plain'), samples };
      }
      if (part === 'render') {
        const bundles = sizes.flatMap(({ name, bundle, files }) =>
          bundle
            ? [
                {
                  name,
                  script: `/bundles/${bundle}.js`,
                  style: files.some((f) => f.endsWith('.css')) ? `/bundles/${bundle}.css` : undefined,
                  ...bundleButtons[bundle],
                },
              ]
            : [],
        );
        const samples = await measureFirstRender(browser, servers.origin, {
          ...settings.render,
          subjects: [...scriptTagSubjects, ...bundles],
        });
        const of = (/** @type {string} */ name) => median(samples.filter((s) => s.name === name).map((s) => s.ms));
        const element = of(scriptTagSubjects[0].name);
        const baseline = of(scriptTagSubjects[1].name);
        const ours = of(sizes.find((row) => row.bundle === 'direct-upload')?.name ?? '');
        results.render = {
          loads: settings.render.loads,
          element,
          baseline,
          ratio: ratio(element, baseline),
          bundles: bundles.map(({ name }) => ({ name, ms: of(name), ratio: ratio(of(name), ours) })),
          samples,
        };
      }
    }
  } finally {
    await browser.close();
    await servers.close();
  }
}

results.loadAfter = loadavg()[0];
const name = chosen.length === parts.length ? 'latest' : chosen.join('+');
writeFileSync(`${out}/${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
const report = markdownReport(results);
writeFileSync(`${out}/${name}.md`, report);
console.log(report);
console.log(`\nWritten: ${out}/${name}.json, ${out}/${name}.md`);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
