import { generateKeyPairSync } from 'node:crypto';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { recordCosignature } from '../../src/app/checkpoint-cosignatures.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { TransparencyLog } from '../../src/app/transparency-log.js';
import { openNote } from '../../src/ledger/checkpoint.js';
import { cosign, verifyCosignatures } from '../../src/ledger/cosignature.js';
import { ed25519Signer } from '../../src/ledger/ed25519.js';
import { PROJECTIONS, LOG_LAYOUT } from '../../projections/index.js';
import { CHECKPOINT_STREAM } from '../../projections/merkle.js';
import { headOf, seal, testSigner } from '../support/events.js';
import type { Clock } from '../../src/ports/clock.js';
import { closeAfterEach } from '../support/closing.js';

const clock: Clock = { now: () => new Date('2026-11-20T00:00:00Z') };
const ORIGIN = 'evidence-ledger.local/log';
const witness = { name: 'witness.test/w', signer: ed25519Signer(generateKeyPairSync('ed25519').privateKey) };

const closing = closeAfterEach();

function setUp() {
  const events = closing(new SqliteEventStore({ path: ':memory:' }));
  const readModels = closing(new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS }));
  const runner = new ProjectionRunner(events, readModels, PROJECTIONS);
  runner.reset();
  const signer = testSigner();
  const locks = new StreamLocks();
  let n = 0;
  const newId = () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const log = new TransparencyLog({
    events,
    readModels,
    runner,
    signer,
    clock,
    locks,
    newId,
    origin: ORIGIN,
    layout: LOG_LAYOUT,
  });
  const record = recordCosignature.bind(null, {
    events,
    signer,
    clock,
    locks,
    stream: CHECKPOINT_STREAM,
    newId,
  });
  return { events, runner, signer, log, record };
}

/** The witness's cosignature line of a checkpoint, as the submitter passes it on. */
function cosignatureOf(checkpoint: { note: string }, timestamp: number) {
  const text = checkpoint.note.slice(0, checkpoint.note.lastIndexOf('\n\n') + 1);
  const line = cosign(text, witness.name, witness.signer, timestamp).trimEnd();
  const [valid] = verifyCosignatures(`${checkpoint.note}${line}\n`, [
    { name: witness.name, publicKey: witness.signer.publicKey },
  ])!.valid;
  return { witness: valid!.name, keyHash: valid!.keyHash, line: valid!.line, timestamp };
}

describe('recording cosignatures', () => {
  it('when a checkpoint is cosigned, then the cosignature is an event of its stream, folded into the checkpoint and served', async () => {
    const { events, runner, signer, log, record } = setUp();
    await events.append('s-1', seal('s-1', null, signer, 3), 'no_stream');
    await runner.catchUp();
    const checkpoint = (await log.issue())!;
    expect(await record(checkpoint, cosignatureOf(checkpoint, 1_800_000_000))).toBe(true);
    await runner.catchUp();
    const [stored] = log.list({ limit: 1 }).items;
    expect(stored!.cosignatures).toEqual([
      {
        witness: witness.name,
        keyHash: expect.any(String),
        timestamp: 1_800_000_000,
        cosignedAt: '2027-01-15T08:00:00.000Z',
      },
    ]);
    expect(
      verifyCosignatures(stored!.cosignedNote!, [{ name: witness.name, publicKey: witness.signer.publicKey }])!.valid,
    ).toHaveLength(1);
    // the event's note still opens with the service's key, as every event of the stream must (start-up check)
    const [last] = await events.readStream(CHECKPOINT_STREAM, { direction: 'backward', limit: 1 });
    expect(last!.event.type).toBe('CheckpointCosigned');
    expect(
      openNote((last!.event.data as { note: string }).note, [{ name: ORIGIN, publicKey: signer.publicKey }]),
    ).toBeDefined();
  });

  it('when the checkpoint was superseded before its cosignature came back, then the cosignature is not recorded, so the stream still ends with the latest checkpoint', async () => {
    const { events, runner, signer, log, record } = setUp();
    await events.append('s-1', seal('s-1', null, signer, 3), 'no_stream');
    await runner.catchUp();
    const older = (await log.issue())!;
    const more = await events.readStream('s-1');
    await events.append('s-1', seal('s-1', headOf(more.map((r) => r.event)), signer, 2), 2);
    await runner.catchUp();
    const newer = (await log.issue())!;
    expect(newer.size).toBe(5);
    expect(await record(older, cosignatureOf(older, 1_800_000_000))).toBe(false);
    const [last] = await events.readStream(CHECKPOINT_STREAM, { direction: 'backward', limit: 1 });
    expect([last!.event.type, (last!.event.data as { size: number }).size]).toEqual(['CheckpointIssued', 5]);
  });
});
