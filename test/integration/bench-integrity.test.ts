import { integrityBench } from '../../scripts/bench-integrity.js';
import { testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('bench-integrity');

// The integrity part of `npm run bench` at tiny sizes: it runs, its bundle verifies the same way on 1 and 2
// threads, its proofs come from a tree of the size asked, and a checkpoint is timed at each power of ten. No timing
// is asserted.
describe('bench: integrity part', () => {
  it('verifies a bundle, proves and issues checkpoints', async () => {
    const r = await integrityBench({
      dir: tempDir(),
      events: 300,
      leaves: 12_000,
      requests: 20,
      checkpoints: 3,
      settleMs: 0,
      threads: 2,
      runs: 1,
      signer: testSigner(),
      progress: () => {},
    });

    expect(r.rawVerify).toBeGreaterThan(0);
    expect(r.bundle).toMatchObject({ events: 300, accessRecords: 2, treeSize: 3020, threads: 2 });
    expect(r.bundle.reports).toHaveLength(2);
    expect(r.bundle.reports[1]).toEqual(r.bundle.reports[0]);
    expect(r.bundle.reports[0]).toMatchObject({ valid: true, counts: { events: 300, accessRecords: 2, proofs: 302 } });
    expect(r.proofs).toMatchObject({ leaves: 12_000, requests: 20 });
    expect(r.proofs.inclusion.p50).toBeLessThanOrEqual(r.proofs.inclusion.p99);
    expect(r.checkpoints.map((c) => c.size)).toEqual([1_000, 10_000]);
  }, 120_000);
});
