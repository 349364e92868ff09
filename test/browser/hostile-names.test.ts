/** File names chosen to break a page: shown as text, in bounded space, and carried unchanged. */
import { expect, fixture, html } from '@open-wc/testing';
import type { DirectUploadElement } from '../../src/index.js';
import { htmlPage, onePixelPNG } from '../fixtures/images.js';
import { mintUploadURL, uploadRequestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { gallery, galleryProvider } from './gallery-helpers.js';
import { uploaderFor } from './helpers.js';

const injected = '__directUploadInjected';

const names: Record<string, string> = {
  'a right-to-left override': 'photo\u202Egnp.exe',
  'a 10,000-character name': `${'a'.repeat(9996)}.png`,
  'HTML and a script': `<script>window.${injected}=1</script><img src=x onerror="window.${injected}=2"><b>bold</b>.png`,
  'NUL and control characters': 'a\u0000b\u0007c\u001b[31m\td\u007f.png',
  'line breaks and quotes': 'line1\r\nline2"quoted\'.png',
  'emoji and joiners': '👩‍👩‍👧‍👦🏳️‍🌈 ünïcödé.png',
  'path separators': '../../etc/passwd/..\\windows\\system32\\x.png',
};

/** The elements in the element's shadow root, by tag: what the template made, nothing more. */
const tags = (el: DirectUploadElement) => [...el.shadowRoot!.querySelectorAll('*')].map((node) => node.localName).sort();

/**
 * The name as a multipart form sends it (HTML's encoding: CR, LF and " escaped), with the control
 * characters a multipart header may not hold replaced by "_".
 */
const sentName = (name: string) =>
  name
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/"/g, '%22')
    // eslint-disable-next-line no-control-regex -- control characters are what it replaces
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '_');

describe('<direct-upload> given hostile file names', () => {
  afterEach(() => {
    expect((window as unknown as Record<string, unknown>)[injected], 'markup in a name ran').to.equal(undefined);
  });

  for (const [what, name] of Object.entries(names)) {
    it(`${what}: uploads it, shows the name as text in one line, and every event carries it unchanged`, async () => {
      const plain = await mintUploadURL();
      const baseline = await uploaderFor(plain.uploadURL);
      baseline.style.width = '400px';
      await baseline.selectFile(new File([onePixelPNG], 'plain.png'));
      await baseline.updateComplete;
      const plainHeight = baseline.getBoundingClientRect().height;
      const lineHeight = baseline.shadowRoot!.querySelector('[part="file-name"]')!.getBoundingClientRect().height;
      const rowGap = parseFloat(getComputedStyle(baseline.shadowRoot!.querySelector('[part="base"]')!).rowGap);

      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      el.style.width = '400px';
      const recorder = recordEvents(el);
      const file = new File([onePixelPNG], name, { type: 'image/png' });
      expect(await el.selectFile(file)).to.equal(true);
      await el.updateComplete;
      expect(file.name, 'the browser kept the name').to.equal(name);
      expect(el.status).to.equal('success');
      const details = recorder.events.map((e) => e.detail as { file?: File });
      expect(details.every((d) => d.file === file && d.file.name === name)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part="file-name"]')!.textContent).to.equal(name);
      expect(tags(el)).to.deep.equal(tags(baseline));
      const box = el.getBoundingClientRect();
      expect(box.width).to.equal(400);
      expect(el.shadowRoot!.querySelector('[part="file-name"]')!.getBoundingClientRect().height, 'the name’s height').to.be.at.most(
        lineHeight + 1,
      );
      // A long name may take a line of its own, and no more.
      expect(box.height, 'height beside a plain name').to.be.at.most(plainHeight + rowGap + lineHeight + 1);
      for (const part of el.shadowRoot!.querySelectorAll('[part]')) {
        expect(part.getBoundingClientRect().right, `${part.getAttribute('part')} stays inside the element`).to.be.at.most(box.right + 1);
      }
      const [sent] = (await uploadRequestsFor(id)).filter((r) => r.method === 'POST');
      expect(sent.files.map((f) => f.filename)).to.deep.equal([sentName(name)]);
      expect(recorder.of('upload-success')[0].result.filename).to.equal(sentName(name));
    });

    it(`${what}, refused: the message shows the name as text, in bounded space, and sends nothing`, async () => {
      const { uploadURL, id } = await mintUploadURL();
      const el = await uploaderFor(uploadURL);
      el.style.width = '400px';
      const recorder = recordEvents(el);
      const file = new File([htmlPage], name, { type: 'image/png' });
      expect(await el.selectFile(file)).to.equal(false);
      await el.updateComplete;
      const [rejected] = recorder.of('file-rejected');
      expect(rejected.file.name).to.equal(name);
      const status = el.shadowRoot!.querySelector('[part="status"]')!;
      expect(status.textContent).to.equal(rejected.message);
      expect(status.children).to.have.length(0);
      const box = el.getBoundingClientRect();
      expect(status.getBoundingClientRect().right, 'the message stays inside the element').to.be.at.most(box.right + 1);
      expect(box.height, 'the element’s height').to.be.below(200);
      expect(await uploadRequestsFor(id)).to.deep.equal([]);
    });
  }

  it('a right-to-left override in a name does not reverse the rest of the message', async () => {
    const el = await fixture<DirectUploadElement>(html`<direct-upload style="width: 600px"></direct-upload>`);
    await el.selectFile(new File([htmlPage], names['a right-to-left override']));
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[part="status"]')!;
    const textNode = [...status.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes('HTML'))!;
    const content = textNode.textContent!;
    // After the name, "an HTML document" must read left to right: "HTML" left of "document".
    const xOf = (word: string) => {
      const range = document.createRange();
      const at = content.lastIndexOf(word);
      range.setStart(textNode, at);
      range.setEnd(textNode, at + 1);
      return range.getBoundingClientRect().left;
    };
    expect(xOf('HTML'), content).to.be.below(xOf('document'));
  });

  it('a gallery of all of them: one list item each, names as text, the list within the element', async () => {
    const { provider } = galleryProvider();
    const el = await gallery(provider);
    el.style.width = '400px';
    const completes: { succeeded: { file: File }[] }[] = [];
    el.addEventListener('queue-complete', (e) => completes.push(e.detail));
    const files = Object.values(names).map((name) => new File([onePixelPNG], name, { type: 'image/png' }));
    expect(await el.selectFiles(files)).to.deep.equal(files.map(() => true));
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('[part="file-item"]')];
    expect(items.map((item) => item.querySelector('[part="file-name"]')!.textContent)).to.deep.equal(Object.values(names));
    expect(el.shadowRoot!.querySelectorAll('script, img, b')).to.have.length(0);
    const box = el.getBoundingClientRect();
    for (const item of items) expect(item.getBoundingClientRect().right).to.be.at.most(box.right + 1);
    expect(box.height, 'seven files take at most a few lines each').to.be.below(7 * 80);
    expect(completes.flatMap((c) => c.succeeded.map((s) => s.file))).to.have.members(files);
  });
});
