/** What upload-progress tells a page that draws its own progress: bytes, percent, speed and time left. */
import { expect } from '@open-wc/testing';
import { paddedPNG } from '../fixtures/images.js';
import { mintUploadURL, misbehave } from './emulator.js';
import { recordEvents } from './events.js';
import { uploaderFor } from './helpers.js';

describe('<direct-upload> progress', () => {
  it('reports speed and time left once known, smoothed, ending at 0 seconds left', async () => {
    const { uploadURL, id } = await mintUploadURL();
    // 9.5 MiB at 800 kB/s: the socket's buffers take 40 to 75 % at once (it varies with the
    // machine's load), then 3 to 7 seconds at the link's speed, long enough for a rate to settle.
    await misbehave(id, { bytesPerSecond: 800_000 });
    const el = await uploaderFor(uploadURL);
    const recorder = recordEvents(el);
    await el.selectFile(new File([paddedPNG(9.5 * 1024 * 1024)], 'photo.png', { type: 'image/png' }));
    expect(el.status).to.equal('success');

    const progress = recorder.of('upload-progress');
    expect(progress[0].bytesPerSecond, 'no speed before any has been measured').to.equal(null);
    expect(progress[0].secondsLeft).to.equal(null);
    const last = progress.at(-1)!;
    expect(last.percent).to.equal(100);
    expect(last.secondsLeft).to.equal(0);

    const seen = JSON.stringify(progress.map((e) => [e.percent, e.bytesPerSecond, e.secondsLeft]));
    const known = progress.filter((e) => e.bytesPerSecond !== null && e.percent < 100);
    // Browsers report upload progress about once a second here. How fast the reported bytes go
    // depends on the engine's buffers (WebKit may hand its network process the whole body at once),
    // so how well the figures follow a link is checked in Node (test/node/transfer-rate.test.js);
    // here, that they are carried, agree with each other and count down.
    expect(known.length, `events while uploading carry a speed: ${seen}`).to.be.at.least(2);
    for (const e of known) {
      expect(e.bytesPerSecond, seen).to.be.above(0);
      expect(e.secondsLeft, seen).to.equal(Math.ceil((e.bytesTotal - e.bytesUploaded) / e.bytesPerSecond!));
    }
    const lefts = known.map((e) => e.secondsLeft!);
    expect(lefts, `time left counts down: ${seen}`).to.deep.equal([...lefts].sort((a, b) => b - a));
  });
});
