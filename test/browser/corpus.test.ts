import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DirectUploadElement } from '../../src/index.js';
import type { FileAcceptedDetail, FileRejectedDetail } from '../../src/events.js';
import { sniff } from '../../src/sniff.js';

/**
 * One image of a corpus's `manifest.json`: real files from public test corpora, the part that may
 * be shipped in `test/fixtures/corpus/` and the whole of them in `../shared/fixtures/`.
 */
interface ManifestEntry {
  path: string;
  format: string;
  width: number | null;
  height: number | null;
  expectedValid: boolean;
  orientation?: number;
  imageSize?: { width: number; height: number } | { error: string };
}

const cloudflareTypes: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  heic: 'image/heic',
};

/** The size the element should report: image-size's reading where it differs, rotated by EXIF. */
function expectedSize(entry: ManifestEntry): { width: number; height: number } | undefined {
  const size = entry.imageSize ?? { width: entry.width, height: entry.height };
  if ('error' in size || !size.width || !size.height) return undefined;
  const swap = entry.orientation !== undefined && entry.orientation >= 5;
  return swap ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/**
 * The corpus served under `base`: every file is sniffed as the manifest says, and every valid
 * image gets the verdict it should. `whenAbsent` says why the tests skip when the corpus is not
 * served; without it, an absent corpus fails them.
 */
function describeCorpus(title: string, base: string, whenAbsent?: string) {
  describe(`<direct-upload> against real images from public test corpora (${title})`, function () {
    this.timeout(120_000);
    let manifest: ManifestEntry[] = [];
    const bytesOf = new Map<string, Uint8Array<ArrayBuffer>>();

    before(async function () {
      const response = await fetch(`${base}/manifest.json`);
      if (!response.ok && whenAbsent) {
        console.warn(`Skipping the tests over ${title}: ${whenAbsent}`);
        this.skip();
      }
      expect(response.ok, `${base}/manifest.json: HTTP ${response.status}`).to.equal(true);
      manifest = await response.json();
      expect(manifest.length, 'entries in the manifest').to.be.above(0);
      await Promise.all(
        manifest.map(async (entry) => {
          const res = await fetch(`${base}/${entry.path.split('/').map(encodeURIComponent).join('/')}`);
          expect(res.ok, `${entry.path}: HTTP ${res.status}`).to.equal(true);
          bytesOf.set(entry.path, new Uint8Array(await res.arrayBuffer()));
        }),
      );
    });

    it('tells every file’s format from its bytes as the manifest does', () => {
      const known = new Set(['png', 'jpeg', 'gif', 'webp', 'svg', 'heic', 'heif', 'avif', 'bmp', 'tiff']);
      const wrong = manifest.flatMap((entry) => {
        const sniffed = sniff(bytesOf.get(entry.path)!.subarray(0, 64 * 1024));
        const format = sniffed.kind === 'image' ? sniffed.format : 'not an image';
        const expected = known.has(entry.format) ? entry.format : 'not an image';
        return format === expected ? [] : [`${entry.path}: ${format}, manifest says ${entry.format}`];
      });
      expect(wrong).to.deep.equal([]);
    });

    it('accepts every valid image Cloudflare takes with its size, rejects the other formats for type, and never throws', async () => {
      const el = await fixture<DirectUploadElement>(html`<direct-upload manual></direct-upload>`);
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      const wrong: string[] = [];
      let checked = 0;
      try {
        for (const entry of manifest) {
          let verdict: FileAcceptedDetail | FileRejectedDetail | undefined;
          const record = (e: CustomEvent<FileAcceptedDetail | FileRejectedDetail>) => (verdict = e.detail);
          el.addEventListener('file-accepted', record);
          el.addEventListener('file-rejected', record);
          const name = entry.path.split('/').at(-1)!;
          await el.selectFile(new File([bytesOf.get(entry.path)!], name));
          el.removeEventListener('file-accepted', record);
          el.removeEventListener('file-rejected', record);
          checked += 1;
          if (!verdict) {
            wrong.push(`${entry.path}: no verdict`);
            continue;
          }
          if (!entry.expectedValid) continue;
          const type = cloudflareTypes[entry.format];
          const size = expectedSize(entry);
          const got =
            'reason' in verdict
              ? `rejected (${verdict.reason}): ${verdict.message}`
              : `${verdict.type} ${verdict.width} × ${verdict.height}`;
          const want = !type ? 'rejected (type)' : size ? `${type} ${size.width} × ${size.height}` : 'rejected (unreadable)';
          if (!got.startsWith(want)) wrong.push(`${entry.path}: got ${got}; expected ${want}`);
        }
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onError);
      }
      expect(wrong).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      expect(checked).to.equal(manifest.length);
    });
  });
}

describeCorpus('test/fixtures/corpus', '/corpus');
describeCorpus(
  '../shared/fixtures',
  '/shared-fixtures',
  '../shared/fixtures/manifest.json is absent: the whole corpus sits beside the project on the team’s machines only.',
);
