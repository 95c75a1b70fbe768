import { projectionsBench } from '../../scripts/bench-projections.js';
import { testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('bench-projections');

// The projections part of `npm run bench` at tiny sizes: it runs, seeds exactly what it says, and the events it
// seeds are ones the projections understand (every seeded case ends as a case file with a published decision).
// No timing is asserted.
describe('bench: projections part', () => {
  it('seeds, reads, rebuilds and follows a live store', async () => {
    const result = await projectionsBench({
      dir: tempDir(),
      events: 600,
      seconds: 0.3,
      writers: 4,
      signer: testSigner(),
      progress: () => {},
      settleMs: 0,
    });

    expect(result.seed.events).toBe(600);
    expect(result.seed.cases).toBeGreaterThan(10);
    expect(result.raw.events).toBe(600);
    expect(result.rebuild.events).toBe(600);
    expect(result.rebuild.docs).toEqual({
      cases: result.seed.cases,
      disclosures: result.seed.cases,
      officers: 4 * 55,
    });
    expect(result.lag.appends).toBeGreaterThan(0);
    expect(result.lag.timedOut).toBe(0);
    expect(result.lag.p50).toBeLessThanOrEqual(result.lag.p99);
    expect(result.lag.p99).toBeLessThanOrEqual(result.lag.max);
  });
});
