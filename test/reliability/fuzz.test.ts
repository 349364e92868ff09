/** Thousands of mutated image headers: generated images, then the real ones of ../shared/fixtures. */
import { expect } from '@open-wc/testing';
import { fuzz, generatedBases, sharedBases } from '../browser/fuzz.js';
import { seedFromRun } from '../browser/reliability.js';

// A new seed each run, printed in the test's name; FUZZ_SEED=… replays one.
const seed = (await seedFromRun()) ?? Math.floor(Math.random() * 2 ** 31);

describe(`<direct-upload> given mutated image headers, at length (seed ${seed})`, function () {
  this.timeout(30 * 60_000);

  it('3,000 cases from generated images', async () => {
    const report = await fuzz({ count: 3000, seed, bases: generatedBases() });
    console.log(
      `generated, seed ${seed}: ${report.accepted} accepted, ${report.rejected} rejected, slowest ${Math.round(report.slowestMs)} ms`,
    );
    expect(report.uncaught, 'uncaught errors').to.deep.equal([]);
    expect(report.failures, 'broken cases').to.deep.equal([]);
    expect(report.cases).to.equal(3000);
  });

  it('2,000 cases from the real images of ../shared/fixtures', async function () {
    const bases = await sharedBases();
    if ('absent' in bases) {
      console.warn(`Skipping the shared-fixture fuzz cases: ${bases.absent}.`);
      this.skip();
    }
    const report = await fuzz({ count: 2000, seed, bases });
    console.log(
      `shared fixtures, seed ${seed}: ${report.accepted} accepted, ${report.rejected} rejected, slowest ${Math.round(report.slowestMs)} ms`,
    );
    expect(report.uncaught, 'uncaught errors').to.deep.equal([]);
    expect(report.failures, 'broken cases').to.deep.equal([]);
    expect(report.cases).to.equal(2000);
  });
});
