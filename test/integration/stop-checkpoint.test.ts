import fs from 'node:fs';
import { runCli } from '../support/cli.js';
import { openCase, seedAgency, startTestService } from '../support/service.js';

/**
 * A graceful stop signs the whole log before the service goes: the last events recorded are covered by a checkpoint,
 * not left behind the last one the schedule issued (every minute, or every 10,000 events), where a cut tail of the
 * log would go unseen until the next start signed what it found.
 */
describe('stopping the service', () => {
  it('when the service stops gracefully, then its latest checkpoint covers every event it recorded', async () => {
    // no checkpoint on the schedule while the test runs: only the one issued on stopping can cover the acts
    const t = await startTestService({ CHECKPOINT_INTERVAL_SECONDS: '86400', CHECKPOINT_EVERY_EVENTS: '100000' });
    try {
      const { officer } = await seedAgency(t, 'county-justice');
      await openCase(t, officer, 'stop-1');
      await t.service.readModelsCaughtUp();
      const before = await t.call('GET', '/v1/ledger/checkpoints');
      const sizes = (before.body.items as { size: number }[]).map((c) => c.size);
      await t.service.close();

      const checked = await runCli(['check', '--skip-read-models'], { LEDGER_DATA_DIR: t.dataDir });
      expect(checked.code).toBe(0);
      const leaves = Number(/merkle tree ([\d,]+) leaves/.exec(checked.stdout)?.[1]?.replaceAll(',', ''));
      const latest = Number(/the latest \(size (\d+)\) matches the events/.exec(checked.stdout)?.[1]);
      expect(leaves).toBeGreaterThan(Math.max(0, ...sizes));
      expect(latest).toBe(leaves);
    } finally {
      await t.service.close();
      fs.rmSync(t.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
