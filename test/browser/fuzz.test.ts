/** A few hundred mutated image headers; the long suite (test/reliability/) runs thousands. */
import { expect } from '@open-wc/testing';
import { fuzz, generatedBases } from './fuzz.js';
import { seedFromRun } from './reliability.js';

// A fixed seed keeps `npm test` the same from run to run; FUZZ_SEED=… replays another.
const seed = (await seedFromRun()) ?? 20_261_202;

describe(`<direct-upload> given mutated image headers (seed ${seed})`, function () {
  this.timeout(180_000);

  it('settles every choice, sends no rejected file and lets nothing escape, over 300 cases', async () => {
    const report = await fuzz({ count: 300, seed, bases: generatedBases() });
    console.log(`fuzz seed ${seed}: ${report.accepted} accepted, ${report.rejected} rejected, slowest ${Math.round(report.slowestMs)} ms`);
    expect(report.uncaught, 'uncaught errors').to.deep.equal([]);
    expect(report.failures, 'broken cases').to.deep.equal([]);
    expect(report.cases).to.equal(300);
    // Both kinds of verdict, or the loop tests only half of what it claims.
    expect(report.accepted, 'accepted cases').to.be.above(20);
    expect(report.rejected, 'rejected cases').to.be.above(20);
  });
});
