import { expect } from '@open-wc/testing';
import { htmlPage, onePixelPNG, paddedPNG } from '../fixtures/images.js';
import { mintUploadURL, requestsFor } from './emulator.js';
import { recordEvents } from './events.js';
import { partText, uploaderFor } from './helpers.js';

describe('<direct-upload> rejecting files before sending', () => {
  async function choose(file: File, setUp: (el: HTMLElementTagNameMap['direct-upload']) => void = () => {}) {
    const { uploadURL, id } = await mintUploadURL();
    const el = await uploaderFor(uploadURL);
    setUp(el);
    const recorder = recordEvents(el);
    const accepted = await el.selectFile(file);
    recorder.stop();
    await el.updateComplete;
    return { el, accepted, recorder, requests: await requestsFor(id) };
  }

  it('rejects a file over max-file-size, saying how big it is and what the limit is', async () => {
    const file = new File([paddedPNG(3000)], 'big.png', { type: 'image/png' });
    const { el, accepted, recorder, requests } = await choose(file, (el) => (el.maxFileSize = 2048));
    expect(accepted).to.equal(false);
    expect(recorder.types()).to.deep.equal(['file-rejected']);
    const [rejected] = recorder.of('file-rejected');
    expect(rejected.file).to.equal(file);
    expect(rejected.reason).to.equal('size');
    expect(rejected.message).to.equal('“big.png” is 2.9 kB, larger than the 2 kB limit.');
    expect(el.status).to.equal('error');
    expect(partText(el, 'status')).to.equal(rejected.message);
    expect(requests.filter((r) => r.kind === 'upload')).to.deep.equal([]);
  });

  it('rejects a file over Cloudflare’s 10 MB by default', async () => {
    const file = new File([paddedPNG(10 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' });
    const { recorder, requests } = await choose(file);
    expect(recorder.of('file-rejected')[0].reason).to.equal('size');
    expect(recorder.of('file-rejected')[0].message).to.match(/10 MB limit/);
    expect(requests.filter((r) => r.kind === 'upload')).to.deep.equal([]);
  });

  it('rejects an empty file', async () => {
    const file = new File([], 'empty.png', { type: 'image/png' });
    const { recorder, requests } = await choose(file);
    expect(recorder.of('file-rejected')).to.deep.equal([{ file, reason: 'empty', message: '“empty.png” is empty.' }]);
    expect(requests.filter((r) => r.kind === 'upload')).to.deep.equal([]);
  });

  it('rejects an HTML file named .png, saying what it really is', async () => {
    const file = new File([htmlPage], 'page.png', { type: 'image/png' });
    const { recorder, requests } = await choose(file);
    expect(recorder.of('file-rejected')).to.deep.equal([
      { file, reason: 'type', message: '“page.png” is an HTML document, not an image.' },
    ]);
    expect(requests.filter((r) => r.kind === 'upload')).to.deep.equal([]);
  });

  it('matches accept by wildcard and by extension', async () => {
    const png = new File([onePixelPNG], 'dot.png', { type: 'image/png' });
    expect((await choose(png, (el) => (el.accept = 'image/*'))).accepted).to.equal(true);
    expect((await choose(png, (el) => (el.accept = '.PNG'))).accepted).to.equal(true);
    const { accepted, recorder } = await choose(png, (el) => (el.accept = 'image/jpeg, .gif'));
    expect(accepted).to.equal(false);
    expect(recorder.of('file-rejected')[0].reason).to.equal('type');
  });

  it('keeps an earlier accepted file when a later choice is rejected', async () => {
    const { uploadURL } = await mintUploadURL();
    const el = await uploaderFor(uploadURL, { manual: true });
    const good = new File([onePixelPNG], 'good.png', { type: 'image/png' });
    expect(await el.selectFile(good)).to.equal(true);
    expect(await el.selectFile(new File([], 'bad.png', { type: 'image/png' }))).to.equal(false);
    expect(el.file).to.equal(good);
    await el.upload();
    expect(el.status).to.equal('success');
    expect(el.result?.filename).to.equal('good.png');
  });
});
