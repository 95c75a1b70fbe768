import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { TransparencyLog } from '../../src/app/transparency-log.js';
import { checkpointBody, signNote } from '../../src/ledger/checkpoint.js';
import { sealEvents } from '../../src/ledger/envelope.js';
import { PROJECTIONS } from '../../projections/index.js';
import { CHECKPOINT_STREAM, MERKLE, leafKey, storedNode } from '../../projections/merkle.js';
import { CHECKPOINTS, checkpointKey } from '../../projections/checkpoints.js';
import { headOf, seal, testSigner } from '../support/events.js';
import type { Clock } from '../../src/ports/clock.js';

const clock: Clock = { now: () => new Date('2026-11-20T00:00:00Z') };
const ORIGIN = 'evidence-ledger.local/log';

function setUp() {
  const events = new SqliteEventStore({ path: ':memory:' });
  const readModels = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
  const runner = new ProjectionRunner(events, readModels, PROJECTIONS);
  runner.reset();
  const signer = testSigner();
  let n = 0;
  const log = new TransparencyLog({
    events,
    readModels,
    runner,
    signer,
    clock,
    locks: new StreamLocks(),
    newId: () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    origin: ORIGIN,
    layout: {
      merkle: MERKLE,
      checkpoints: CHECKPOINTS,
      checkpointStream: CHECKPOINT_STREAM,
      node: storedNode,
      leafKey,
      checkpointKey,
    },
  });
  return { events, readModels, runner, signer, log };
}

describe('the checkpoint signer', () => {
  it('when the tree extends the latest checkpoint in the log, then it signs', async () => {
    const { events, runner, signer, log } = setUp();
    await events.append('s-1', seal('s-1', null, signer, 3), 'no_stream');
    await runner.catchUp();
    expect((await log.issue())?.size).toBe(3);
    await runner.catchUp();
    const more = await events.readStream('s-1');
    await events.append('s-1', seal('s-1', headOf(more.map((r) => r.event)), signer, 2), 2);
    await runner.catchUp();
    expect((await log.issue())?.size).toBe(5);
  });

  it('when the latest checkpoint in the log signed a root the tree does not have, then it refuses to sign (integrity_fault)', async () => {
    const { events, runner, signer, log } = setUp();
    const first = seal('s-1', null, signer, 3);
    await events.append('s-1', first, 'no_stream');
    // a checkpoint of size 3 over another root, validly signed, as the log's latest
    const rootHash = Buffer.alloc(32, 7);
    const note = signNote(checkpointBody({ origin: ORIGIN, size: 3, rootHash }), ORIGIN, signer);
    const forged = sealEvents(
      CHECKPOINT_STREAM,
      null,
      [
        {
          id: '00000000-0000-7000-8000-0000000000ff',
          type: 'CheckpointIssued',
          schemaVersion: 1,
          occurredAt: clock.now().toISOString(),
          actor: { sub: 'ledger', agency: 'ledger', roles: [] },
          data: { origin: ORIGIN, size: 3, rootHash: rootHash.toString('base64'), note },
          media: [],
        },
      ],
      signer,
      clock.now().toISOString(),
    );
    await events.append(CHECKPOINT_STREAM, forged, 'no_stream');
    await events.append('s-1', seal('s-1', headOf(first), signer, 1), 2);
    await runner.catchUp();
    await expect(log.issue()).rejects.toMatchObject({ code: 'integrity_fault' });
    expect(await events.readStream(CHECKPOINT_STREAM)).toHaveLength(1); // nothing signed
  });

  it("when the tree's last leaf is not the event the log holds there, then it refuses to sign", async () => {
    const { events, readModels, runner, signer, log } = setUp();
    await events.append('s-1', seal('s-1', null, signer, 3), 'no_stream');
    await runner.catchUp();
    // the read models now claim a last leaf the log does not hold where they say
    const tree = readModels.get<Record<string, unknown>>(MERKLE, 'tree')!;
    const last = tree.last as Record<string, unknown>;
    readModels.commit(
      [{ collection: MERKLE, key: 'tree', doc: { ...tree, last: { ...last, eventId: 'other' } } }],
      readModels.position(),
    );
    await expect(log.issue()).rejects.toMatchObject({ code: 'integrity_fault' });
  });
});
