import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { TransparencyLog, type TransparencyLogDependencies } from '../../src/app/transparency-log.js';
import { checkpointBody, openNote, parseCheckpoint, signNote } from '../../src/ledger/checkpoint.js';
import { headsRootOfCheckpoint } from '../../src/ledger/checkpoint-heads.js';
import { headsRootOf, verifyHeadProof, type StreamHead } from '../../src/ledger/heads-map.js';
import { sealEvents } from '../../src/ledger/envelope.js';
import { PROJECTIONS, LOG_LAYOUT } from '../../projections/index.js';
import { CHECKPOINT_STREAM, MERKLE } from '../../projections/merkle.js';
import { HEADS } from '../../projections/heads.js';
import { headOf, seal, testSigner } from '../support/events.js';
import { testSuite } from '../support/suite.js';
import type { Clock } from '../../src/ports/clock.js';
import { closeAfterEach } from '../support/closing.js';

const clock: Clock = { now: () => new Date('2026-11-20T00:00:00Z') };
const ORIGIN = 'evidence-ledger.local/log';
const closing = closeAfterEach();

/**
 * A replica's transparency log over `events` (a new log by default), with read models of its own; `waits`, when
 * given, stands in for its runner's bounded wait.
 */
function setUp(
  events = closing(new SqliteEventStore({ path: ':memory:' })),
  signer = testSigner(),
  waits?: (runner: ProjectionRunner) => TransparencyLogDependencies['runner'],
) {
  const readModels = closing(new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS }));
  const runner = new ProjectionRunner(events, readModels, PROJECTIONS);
  runner.reset();
  let n = 0;
  const log = new TransparencyLog({
    events,
    readModels,
    runner: waits ? waits(runner) : runner,
    signer,
    clock,
    locks: new StreamLocks(),
    newId: () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    origin: ORIGIN,
    layout: LOG_LAYOUT,
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

  it("when another replica checkpoints the tree after this one's wait and its read models do not apply that in time, then the request is not_caught_up, never answered without a checkpoint", async () => {
    const other = setUp();
    await other.events.append('s-1', seal('s-1', null, other.signer, 3), 'no_stream');
    await other.runner.catchUp();
    let waits = 0;
    // this replica's read models hold the three events and stop there: a later position never comes within the wait
    const { runner, log } = setUp(other.events, other.signer, (own) => ({
      position: () => own.position(),
      waitFor: async (position) => {
        waits += 1;
        // the other replica signs the tree once this one has waited for the head in issuing (its second wait)
        if (waits === 2) expect((await other.log.issue())?.size).toBe(3);
        return own.position() >= position;
      },
    }));
    await runner.catchUp();
    await expect(log.current()).rejects.toMatchObject({ code: 'not_caught_up' });
    expect(await other.events.readStream(CHECKPOINT_STREAM)).toHaveLength(1); // the other replica's alone
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

describe('the checkpoint and the map of stream heads', () => {
  async function history(events: SqliteEventStore, signer: ReturnType<typeof testSigner>) {
    await events.append('case-a:1', seal('case-a:1', null, signer, 3), 'no_stream');
    await events.append('access-a:1', seal('access-a:1', null, signer, 1), 'no_stream');
    const before = (await events.readStream('case-a:1')).map((r) => r.event);
    await events.append('case-a:1', seal('case-a:1', headOf(before), signer, 2), 2);
    await events.append('case-a:2', seal('case-a:2', null, signer, 1), 'no_stream');
  }

  it('when a checkpoint is issued, then its note carries the heads line of the map of exactly its events', async () => {
    const { events, runner, signer, log } = setUp();
    await history(events, signer);
    await runner.catchUp();
    const checkpoint = (await log.issue())!;
    const parsed = parseCheckpoint(openNote(checkpoint.note, [{ name: ORIGIN, publicKey: signer.publicKey }])!.body)!;
    expect(parsed.extensions).toHaveLength(1);
    const root = headsRootOfCheckpoint(parsed.extensions)!;
    const heads = new Map<string, StreamHead>();
    for (const { event } of await events.readAll()) {
      if (event.stream !== CHECKPOINT_STREAM) heads.set(event.stream, { revision: event.revision, head: event.hash });
    }
    // the map is hashed in the log's suite: SHA-256, or SM3 on the SM2 suite
    expect(root).toEqual(headsRootOf(heads, testSuite.hash));
    const proof = log.head('case-a:1', checkpoint.size);
    expect(verifyHeadProof(proof, root, testSuite.hash)).toEqual(heads.get('case-a:1'));
  });

  it('when the read models are rebuilt from the log, then the heads roots at every size are the same', async () => {
    const { events, readModels, runner, signer, log } = setUp();
    await history(events, signer);
    await runner.catchUp();
    const size = log.tree().size;
    const roots = Array.from({ length: size + 1 }, (_, n) => log.headsRoot(n).toString('base64'));
    await runner.reset();
    expect(readModels.get(HEADS, 'p/1')).toBeUndefined();
    await runner.catchUp();
    expect(Array.from({ length: size + 1 }, (_, n) => log.headsRoot(n).toString('base64'))).toEqual(roots);
  });

  it('when a head proof is asked beyond the tree, then it is refused as tree_size_invalid', async () => {
    const { events, runner, signer, log } = setUp();
    await history(events, signer);
    await runner.catchUp();
    expect(() => log.head('case-a:1', log.tree().size + 1)).toThrow(
      expect.objectContaining({ code: 'tree_size_invalid' }),
    );
  });
});
