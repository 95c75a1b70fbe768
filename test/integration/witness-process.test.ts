import { generateKeyPairSync } from 'node:crypto';
import { checkpointBody, signNote, verifierKey } from '../../src/ledger/checkpoint.js';
import { headsExtension } from '../../src/ledger/checkpoint-heads.js';
import { parseVerifierKey, verifyCosignatures } from '../../src/ledger/cosignature.js';
import { ed25519Signer } from '../../src/ledger/ed25519.js';
import { leafHash, rootOf } from '../../src/ledger/merkle.js';
import { consistencyProof } from '../../src/ledger/merkle-proofs.js';
import { formatAddCheckpoint, SIZE_CONTENT_TYPE } from '../../src/ledger/witness-protocol.js';
import { runCli } from '../support/cli.js';
import { startWitness, type WitnessProcess } from '../support/witness.js';

const ORIGIN = 'example.org/log';
const log = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const leaves = (n: number, salt = 0) => Array.from({ length: n }, (_, i) => leafHash(Buffer.alloc(32, i + salt)));
/** A checkpoint of `n` leaves committing to a heads root (any 32 bytes: the witness never recomputes it). */
const note = (n: number, salt = 0, extensions = [headsExtension(Buffer.alloc(32, n + salt))]) =>
  signNote(checkpointBody({ origin: ORIGIN, size: n, rootHash: rootOf(leaves(n, salt)), extensions }), ORIGIN, log);
/** The checkpoint of the genuine tree of `n` leaves under another heads root, or none. */
const otherHeads = (n: number, heads: Buffer | undefined) =>
  signNote(
    checkpointBody({
      origin: ORIGIN,
      size: n,
      rootHash: rootOf(leaves(n)),
      extensions: heads ? [headsExtension(heads)] : [],
    }),
    ORIGIN,
    log,
  );
const proof = (from: number, to: number) =>
  consistencyProof(from, to, {
    node: (level, index) => rootOf(leaves(to).slice(index * 2 ** level, (index + 1) * 2 ** level)),
  });

async function submit(w: WitnessProcess, oldSize: number, proofHashes: Buffer[], signed: string) {
  const res = await fetch(`${w.url}/add-checkpoint`, {
    method: 'POST',
    body: formatAddCheckpoint({ oldSize, proof: proofHashes, note: signed }),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('ledger witness serve, as a process', () => {
  let witness: WitnessProcess;
  beforeAll(async () => {
    witness = await startWitness({ logs: [verifierKey(ORIGIN, log.publicKey)] });
  });
  afterAll(async () => {
    await witness?.remove();
  });

  it('when a log grows consistently, then each checkpoint is cosigned with the key `witness key` prints', async () => {
    const printed = await runCli(['witness', 'key', '--data', witness.dataDir]);
    expect(printed.code).toBe(0);
    expect(printed.stdout.trim()).toBe(witness.verifierKey);
    const key = parseVerifierKey(witness.verifierKey)!;
    expect([key.name, key.type]).toEqual(['witness.test/w1', 0x04]);

    const first = await submit(witness, 0, [], note(4));
    expect(first.status).toBe(200);
    const { valid } = verifyCosignatures(`${note(4)}${first.body}`, [key])!;
    expect(valid).toHaveLength(1);
    const second = await submit(witness, 4, proof(4, 10), note(10));
    expect(second.status).toBe(200);
    expect(verifyCosignatures(`${note(10)}${second.body}`, [key])!.valid).toHaveLength(1);
  });

  it('when the old size is stale, then 409 text/x.tlog.size names the cosigned size', async () => {
    const stale = await submit(witness, 4, proof(4, 12), note(12));
    expect(stale).toEqual({ status: 409, type: SIZE_CONTENT_TYPE, body: '10\n' });
  });

  it('when a fork and a rollback are submitted, then both are refused and recorded as evidence', async () => {
    const fork = await submit(witness, 10, [], note(10, 50));
    expect(fork.status).toBe(409);
    const rollback = await submit(witness, 10, [], note(6));
    expect(rollback.status).toBe(400);
    const listed = await runCli(['witness', 'refusals', '--data', witness.dataDir, '--json']);
    expect(listed.code).toBe(0);
    const refusals = JSON.parse(listed.stdout) as { kind: string; size: number; cosignedSize: number; note: string }[];
    expect(refusals.map((r) => [r.kind, r.size, r.cosignedSize])).toEqual([
      ['rollback', 6, 10],
      ['fork', 10, 10],
    ]);
    expect(refusals[1]!.note).toBe(note(10, 50));
    // the log line says so too, naming the kind and never the body
    const logged = await witness.logged((l) => typeof l.msg === 'string' && l.msg.startsWith('witness: refused'), 2);
    expect(logged.map((l) => l.kind)).toEqual(['fork', 'rollback']);
    // and the witness still cosigns the genuine log
    expect((await submit(witness, 10, proof(10, 12), note(12))).status).toBe(200);
  });

  it('when the tree cosigned comes again with no heads line, then it is refused and not recorded', async () => {
    const plain = await submit(witness, 12, [], otherHeads(12, undefined));
    expect(plain).toMatchObject({ status: 422, body: 'the checkpoint carries no evidence-ledger/heads/v1 line\n' });
    const listed = await runCli(['witness', 'refusals', '--data', witness.dataDir, '--json']);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(2);
  });

  it('when the tree cosigned comes again with another heads root, then it is refused, recorded and logged as a fork', async () => {
    const forked = await submit(witness, 12, [], otherHeads(12, Buffer.alloc(32, 0xee)));
    expect(forked).toMatchObject({ status: 409, body: 'same size as the cosigned checkpoint, another heads root\n' });
    const listed = await runCli(['witness', 'refusals', '--data', witness.dataDir, '--json']);
    const [latest] = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(latest).toMatchObject({
      kind: 'fork',
      size: 12,
      rootHash: rootOf(leaves(12)).toString('base64'),
      cosignedRootHash: rootOf(leaves(12)).toString('base64'),
      headsRoot: Buffer.alloc(32, 0xee).toString('base64'),
      cosignedHeadsRoot: Buffer.alloc(32, 12).toString('base64'),
    });
    const logged = await witness.logged((l) => typeof l.msg === 'string' && l.msg.startsWith('witness: refused'), 3);
    expect(logged[2]).toMatchObject({ msg: `witness: refused a fork of ${ORIGIN}; recorded as evidence`, size: 12 });
  });

  it('when the data folder is reused after a restart, then the witness remembers what it cosigned', async () => {
    await witness.stop();
    witness = await startWitness({ dataDir: witness.dataDir });
    expect((await submit(witness, 0, [], note(3))).body).toBe('12\n');
    const listed = await runCli(['witness', 'logs', 'list', '--data', witness.dataDir]);
    expect(listed.stdout).toContain(`${ORIGIN}  cosigned size 12`);
    // the heads root it cosigned with that tree too
    const forked = await submit(witness, 12, [], otherHeads(12, Buffer.alloc(32, 0xdd)));
    expect(forked).toMatchObject({ status: 409, body: 'same size as the cosigned checkpoint, another heads root\n' });
    expect((await submit(witness, 12, [], note(12))).status).toBe(200);
  });

  it('when a log is allowed plain checkpoints, then the witness cosigns them', async () => {
    const plainLog = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
    const plainOrigin = 'example.org/plain-log';
    const plain = await startWitness({
      logs: [verifierKey(plainOrigin, plainLog.publicKey)],
      allowPlain: [plainOrigin],
    });
    try {
      const body = checkpointBody({ origin: plainOrigin, size: 2, rootHash: rootOf(leaves(2)) });
      expect((await submit(plain, 0, [], signNote(body, plainOrigin, plainLog))).status).toBe(200);
    } finally {
      await plain.remove();
    }
  });
});
