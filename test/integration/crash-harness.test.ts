import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashHarness } from '../../scripts/crash-harness.js';
import { bySuite, testSuite } from '../support/suite.js';

/**
 * The embedded default under `kill -9`, in the test run's crypto suite: the service is killed 6 times, each at a
 * random moment after its run acknowledged a write, while acts, media and checkpoints are being written
 * (`node --import tsx scripts/crash-harness.ts --iterations 200` runs more). On the SM2 suite (`npm run test:sm2`)
 * 3 times: what the suite changes is what is signed and how the restarted service and `ledger check` verify it,
 * which every restart shows; the durability itself does not depend on the suite and is shown by the 6. (Six, not more, in
 * a suite that must finish within CI's 15 minutes on two cores: each kill costs a service start and a restart.)
 */
const KILLS = bySuite({ ed25519: 6, sm2: 3 });

describe('the service killed with SIGKILL while writing', () => {
  it(`when restarted after each of ${KILLS} kills, then every acknowledged act and medium is there once and the log verifies`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'));
    try {
      const report = await runCrashHarness({ iterations: KILLS, dataDir, seed: 20261127, suite: testSuite.name });
      expect(report.problems).toEqual([]);
      expect(report.ackedActs).toBeGreaterThanOrEqual(KILLS); // each run wrote before it was killed
      expect(report.ackedMedia).toBeGreaterThan(0);
      expect(report.checkpointsSeen).toBeGreaterThan(0);
      expect(report.check.faultCount).toBe(0);
      expect(report.check.checkpoints.latest?.matches).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});
