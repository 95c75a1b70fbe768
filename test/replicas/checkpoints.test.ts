import { CHECKPOINT_STREAM } from '../../projections/merkle.js';
import { capturedLog } from '../support/log-lines.js';
import { openCase as openCaseAs, startReplicas, until, type Replicas } from '../support/replicas.js';
import { seedAgency, type TestService } from '../support/service.js';

/** Two replicas on one EventStoreDB (its TEST DOUBLE) issuing checkpoints of one log. */
const AGENCY = 'county-justice';

const checkpointSizes = (r: Replicas) =>
  r.standIn
    .events()
    .filter((e) => e.stream === CHECKPOINT_STREAM)
    .map((e) => (JSON.parse(Buffer.from(e.data).toString('utf8')) as { data: { size: number } }).data.size);

/** Leaves of the log: its ledger events but checkpoints. */
const leaves = (r: Replicas) =>
  r.standIn.events().filter((e) => !e.stream.startsWith('$') && e.stream !== CHECKPOINT_STREAM).length;

async function openCase(t: TestService, token: string, caseId: string): Promise<void> {
  expect((await openCaseAs(t, token, caseId)).status).toBe(201);
}

describe('checkpoints issued by two replicas', () => {
  it('when a replica has applied only part of the log, then it signs no checkpoint until it has caught up', async () => {
    const captured = capturedLog();
    // only the second replica issues on its own, after every batch it applies
    const quiet = { CHECKPOINT_EVERY_EVENTS: '100000000', CHECKPOINT_INTERVAL_SECONDS: '86400' };
    const r = await startReplicas({
      envOf: [quiet, { CHECKPOINT_EVERY_EVENTS: '1', CHECKPOINT_INTERVAL_SECONDS: '86400' }],
      logs: [undefined, captured.log],
    });
    try {
      const lag = r.standIn.holdDelivery((index) => index >= r.subscriptionsOfA);
      await seedAgency(r.a, AGENCY);
      const officer = r.a.token('alice', AGENCY, ['officer']);
      for (let i = 0; i < 3; i++) await openCase(r.a, officer, `lag-${i}`);
      const notIssued = () => captured.lines.some((l) => String(l.msg).startsWith('checkpoint: not issued'));

      lag.deliver(2); // the second replica applies two of the six events, and tries to issue
      await until('the lagging replica tries to issue', () => notIssued() || checkpointSizes(r).length > 0);
      expect(checkpointSizes(r)).toEqual([]);

      lag.release();
      await until('the caught-up replica issues', () => checkpointSizes(r).length > 0);
      expect(checkpointSizes(r)).toEqual([leaves(r)]);
    } finally {
      await r.stop();
    }
  }, 180_000);

  it('when twelve writers record through both replicas, then the checkpoint stream only grows and both agree on the root', async () => {
    const r = await startReplicas({ env: { CHECKPOINT_EVERY_EVENTS: '1', CHECKPOINT_INTERVAL_SECONDS: '1' } });
    try {
      await seedAgency(r.a, AGENCY);
      const officer = r.a.token('alice', AGENCY, ['officer']);
      const writer = async (w: number) => {
        for (let i = 0; i < 5; i++) await openCase((w + i) % 2 === 0 ? r.a : r.b, officer, `w${w}-${i}`);
      };
      await Promise.all(Array.from({ length: 12 }, (_, w) => writer(w)));
      await Promise.all([r.a.service.readModelsCaughtUp(), r.b.service.readModelsCaughtUp()]);
      const [ca, cb] = await Promise.all([
        r.a.call('GET', '/v1/ledger/checkpoint'),
        r.b.call('GET', '/v1/ledger/checkpoint'),
      ]);
      expect(ca.status).toBe(200);
      expect(cb.status).toBe(200);
      expect(cb.body.rootHash).toBe(ca.body.rootHash);

      const issued = checkpointSizes(r);
      expect(issued.length).toBeGreaterThan(0);
      issued.slice(1).forEach((size, i) => expect(size).toBeGreaterThan(issued[i]!));
    } finally {
      await r.stop();
    }
  }, 120_000);
});
