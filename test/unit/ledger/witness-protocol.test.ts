import { generateKeyPairSync } from 'node:crypto';
import { checkpointBody, signNote } from '../../../src/ledger/checkpoint.js';
import { headsExtension } from '../../../src/ledger/checkpoint-heads.js';
import { addSignatureLines, splitNote, verifyCosignatures } from '../../../src/ledger/cosignature.js';
import { ed25519Signer } from '../../../src/ledger/ed25519.js';
import { leafHash, rootOf } from '../../../src/ledger/merkle.js';
import { consistencyProof } from '../../../src/ledger/merkle-proofs.js';
import { SUITES } from '../../../src/ledger/suite.js';
import {
  formatAddCheckpoint,
  judgeAddCheckpoint,
  parseAddCheckpoint,
  parseSizeBody,
  type WitnessedCheckpoint,
} from '../../../src/ledger/witness-protocol.js';

const ORIGIN = 'example.org/log';
const log = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const stranger = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const witness = { name: 'example.org/witness', signer: ed25519Signer(generateKeyPairSync('ed25519').privateKey) };
const leaves = (n: number, salt = 0) => Array.from({ length: n }, (_, i) => leafHash(Buffer.alloc(32, i + salt)));
const nodesOf = (hashes: Buffer[]) => ({
  node(level: number, index: number) {
    return rootOf(hashes.slice(index * 2 ** level, (index + 1) * 2 ** level));
  },
});
/** The heads root a test checkpoint of `n` leaves commits to (any 32 bytes: the witness never recomputes it). */
const headsOf = (n: number, salt = 0) => Buffer.alloc(32, 7 * n + salt);
const note = (n: number, salt = 0, signer = log, extensions = [headsExtension(headsOf(n, salt))]) =>
  signNote(checkpointBody({ origin: ORIGIN, size: n, rootHash: rootOf(leaves(n, salt)), extensions }), ORIGIN, signer);
const proof = (from: number, to: number) => consistencyProof(from, to, nodesOf(leaves(to)));

function judge(body: string, latest?: WitnessedCheckpoint, allowsPlain?: (origin: string) => boolean) {
  return judgeAddCheckpoint({
    request: parseAddCheckpoint(body)!,
    logKeys: (origin) => (origin === ORIGIN ? [{ name: ORIGIN, publicKey: log.publicKey }] : undefined),
    latest: () => latest,
    witness,
    now: 1_800_000_000,
    ...(allowsPlain ? { allowsPlain } : {}),
  });
}
const at = (n: number, salt = 0): WitnessedCheckpoint => ({
  size: n,
  rootHash: rootOf(leaves(n, salt)).toString('base64'),
  headsRoot: headsOf(n, salt).toString('base64'),
});

describe('tlog-witness add-checkpoint', () => {
  it("when the spec's example body is parsed, then old size, proof lines and note come apart", () => {
    const body =
      'old 20852014\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\njrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n' +
      '5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n\n' +
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
      '\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
    const parsed = parseAddCheckpoint(body)!;
    expect(parsed.oldSize).toBe(20852014);
    expect(parsed.proof).toHaveLength(4);
    expect(parsed.note.startsWith('example.com/behind-the-sofa\n20852163\n')).toBe(true);
    expect(formatAddCheckpoint(parsed)).toBe(body);
    expect(parseAddCheckpoint('old 01\n\nx')).toBeUndefined();
    expect(parseAddCheckpoint('old 1\nnot base64\n\nx')).toBeUndefined();
    expect(parseSizeBody('42\n')).toBe(42);
    expect(parseSizeBody('042\n')).toBeUndefined();
  });

  it('when the first checkpoint of a log arrives with old 0, then it is cosigned', () => {
    const j = judge(formatAddCheckpoint({ oldSize: 0, proof: [], note: note(5) }));
    expect(j.status).toBe(200);
    const line = (j as { cosignature: string }).cosignature;
    const cosigned = `${note(5)}${line}`;
    const { valid } = verifyCosignatures(cosigned, [{ name: witness.name, publicKey: witness.signer.publicKey }])!;
    expect(valid.map((v) => v.timestamp)).toEqual([1_800_000_000]);
  });

  it('when a larger checkpoint comes with a valid consistency proof, then it is cosigned', () => {
    expect(judge(formatAddCheckpoint({ oldSize: 5, proof: proof(5, 12), note: note(12) }), at(5)).status).toBe(200);
  });

  it('when the old size is not the cosigned one, then 409 carries the witness size', () => {
    const j = judge(formatAddCheckpoint({ oldSize: 3, proof: proof(3, 12), note: note(12) }), at(5));
    expect(j).toMatchObject({ status: 409, size: 5 });
    expect(j).not.toHaveProperty('refusal');
  });

  it('when the same size comes with another root, then it is refused as a fork', () => {
    const j = judge(formatAddCheckpoint({ oldSize: 5, proof: [], note: note(5, 100) }), at(5));
    expect(j).toMatchObject({ status: 409, refusal: 'fork' });
  });

  it('when a smaller tree comes, then it is refused as a rollback', () => {
    expect(judge(formatAddCheckpoint({ oldSize: 3, proof: [], note: note(3) }), at(5))).toMatchObject({
      status: 409,
      size: 5,
      refusal: 'rollback',
    });
    expect(judge(formatAddCheckpoint({ oldSize: 5, proof: [], note: note(3) }), at(5))).toMatchObject({
      status: 400,
      refusal: 'rollback',
    });
  });

  it('when the proof does not reach from the cosigned tree, then 422 and it is recorded as inconsistent', () => {
    // a tree of 12 whose first 5 leaves differ from the cosigned ones
    const forked = consistencyProof(5, 12, nodesOf(leaves(12, 100)));
    expect(judge(formatAddCheckpoint({ oldSize: 5, proof: forked, note: note(12, 100) }), at(5))).toMatchObject({
      status: 422,
      refusal: 'inconsistent',
    });
  });

  it('when the origin is unknown or no trusted signature verifies, then 404 or 403 and nothing is recorded', () => {
    const unknown = signNote(
      checkpointBody({ origin: 'other/log', size: 1, rootHash: Buffer.alloc(32) }),
      'other/log',
      log,
    );
    expect(judge(formatAddCheckpoint({ oldSize: 0, proof: [], note: unknown }))).toMatchObject({ status: 404 });
    expect(judge(formatAddCheckpoint({ oldSize: 0, proof: [], note: note(5, 0, stranger) }))).toEqual({
      status: 403,
      reason: expect.any(String),
    });
  });

  it('when a checkpoint carries no heads line, then 422 and nothing is cosigned or recorded', () => {
    const plain = note(5, 0, log, []);
    for (const latest of [undefined, at(5)]) {
      const j = judge(formatAddCheckpoint({ oldSize: latest ? 5 : 0, proof: [], note: plain }), latest);
      expect(j).toEqual({ status: 422, reason: 'the checkpoint carries no evidence-ledger/heads/v1 line' });
    }
  });

  it('when a heads line is malformed or repeated, then 422', () => {
    const line = headsExtension(headsOf(5));
    for (const extensions of [[line, line], ['evidence-ledger/heads/v1 not-base64']]) {
      const j = judge(formatAddCheckpoint({ oldSize: 0, proof: [], note: note(5, 0, log, extensions) }));
      expect(j).toEqual({ status: 422, reason: 'the evidence-ledger/heads/v1 line is malformed' });
    }
  });

  it('when the origin is allowed plain checkpoints, then one without a heads line is cosigned', () => {
    const j = judge(
      formatAddCheckpoint({ oldSize: 0, proof: [], note: note(5, 0, log, []) }),
      undefined,
      (o) => o === ORIGIN,
    );
    expect(j.status).toBe(200);
  });

  it('when the same size and root come with another heads root, then it is refused as a fork', () => {
    const other = note(5, 0, log, [headsExtension(headsOf(5, 1))]);
    expect(judge(formatAddCheckpoint({ oldSize: 5, proof: [], note: other }), at(5))).toEqual({
      status: 409,
      reason: 'same size as the cosigned checkpoint, another heads root',
      refusal: 'fork',
    });
    // the same checkpoint again is cosigned again
    expect(judge(formatAddCheckpoint({ oldSize: 5, proof: [], note: note(5) }), at(5)).status).toBe(200);
  });

  it('when plain checkpoints are allowed and the cosigned one had a heads line, then the same tree without one is a fork', () => {
    const plain = note(5, 0, log, []);
    expect(judge(formatAddCheckpoint({ oldSize: 5, proof: [], note: plain }), at(5), () => true)).toMatchObject({
      status: 409,
      refusal: 'fork',
    });
  });
});

describe('a witness of a log of the SM2 suite', () => {
  const sm2 = SUITES.sm2;
  const sm2Log = sm2.signer(generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey);
  const sm3Leaves = (n: number) => Array.from({ length: n }, (_, i) => sm2.tree.leaf(Buffer.alloc(32, i)));
  const sm3Nodes = (hashes: Buffer[]) => ({
    node: (level: number, index: number) =>
      rootOf(hashes.slice(index * 2 ** level, (index + 1) * 2 ** level), sm2.tree),
  });
  const sm2Note = (n: number, signer = sm2Log) =>
    signNote(
      checkpointBody({
        origin: ORIGIN,
        size: n,
        rootHash: rootOf(sm3Leaves(n), sm2.tree),
        extensions: [headsExtension(headsOf(n))],
      }),
      ORIGIN,
      signer,
    );
  const cosigned = (n: number): WitnessedCheckpoint => ({
    size: n,
    rootHash: rootOf(sm3Leaves(n), sm2.tree).toString('base64'),
    headsRoot: headsOf(n).toString('base64'),
  });
  const judgeSm2 = (body: string, latest?: WitnessedCheckpoint, keys = [sm2Log]) =>
    judgeAddCheckpoint({
      request: parseAddCheckpoint(body)!,
      logKeys: () => keys.map((k) => ({ name: ORIGIN, publicKey: k.publicKey })),
      latest: () => latest,
      witness,
      now: 1_800_000_000,
    });

  it('when its SM2-signed checkpoint comes with an SM3 consistency proof, then it is cosigned with Ed25519 cosignature/v1', () => {
    const proofSm3 = consistencyProof(5, 12, sm3Nodes(sm3Leaves(12)), sm2.tree);
    const j = judgeSm2(formatAddCheckpoint({ oldSize: 5, proof: proofSm3, note: sm2Note(12) }), cosigned(5));
    expect(j.status).toBe(200);
    const line = (j as { cosignature: string }).cosignature;
    const { valid } = verifyCosignatures(`${sm2Note(12)}${line}`, [
      { name: witness.name, publicKey: witness.signer.publicKey },
    ])!;
    expect(valid).toHaveLength(1);
  });

  it('when the consistency proof is computed with SHA-256 instead of SM3, then it does not verify (422, inconsistent)', () => {
    const sha = consistencyProof(5, 12, nodesOf(sm3Leaves(12)));
    expect(judgeSm2(formatAddCheckpoint({ oldSize: 5, proof: sha, note: sm2Note(12) }), cosigned(5))).toMatchObject({
      status: 422,
      refusal: 'inconsistent',
    });
  });

  it('when the note is signed by another SM2 key, or trusted keys of both suites sign it, then it is refused', () => {
    const other = sm2.signer(generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey);
    expect(judgeSm2(formatAddCheckpoint({ oldSize: 0, proof: [], note: sm2Note(5, other) })).status).toBe(403);
    const both = addSignatureLines(sm2Note(5), [
      signNote(splitNote(sm2Note(5))!.body, ORIGIN, log)
        .split('\n')
        .at(-2)!,
    ]);
    expect(
      judgeSm2(formatAddCheckpoint({ oldSize: 0, proof: [], note: both }), undefined, [sm2Log, log]),
    ).toMatchObject({
      status: 422,
      reason: 'the checkpoint is signed in two crypto suites',
    });
  });
});
