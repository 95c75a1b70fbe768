import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { caseStream } from '../../src/domain/case/acts.js';
import { openNote, parseCheckpoint, SM2_NOTE_TYPE, noteKeyHash } from '../../src/ledger/checkpoint.js';
import { headsRootOfCheckpoint } from '../../src/ledger/checkpoint-heads.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { computeEventHash, eventSigningInput } from '../../src/ledger/envelope.js';
import { headsRootOf, verifyHeadProof, type StreamHead } from '../../src/ledger/heads-map.js';
import { rootOf, SHA256_TREE } from '../../src/ledger/merkle.js';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/merkle-proofs.js';
import { SUITES } from '../../src/ledger/suite.js';
import { verifyChain } from '../../src/ledger/verify.js';
import { caseBundle, tamperedBundles } from '../support/bundles.js';
import { runCli } from '../support/cli.js';
import { startTestService, type TestService } from '../support/service.js';
import { copyFolder, editStoredEnvelope, tempDirsForFile } from '../support/stored-folder.js';

/**
 * One deployment of the SM2 suite (LEDGER_CRYPTO_SUITE=sm2, docs/integrity.md §17) through the whole integrity path:
 * events sealed with SM3 and SM2, a checkpoint signed under the signed-note type 0xff, inclusion, consistency and
 * head proofs in SM3, a bundle that `ledger verify` accepts and its tampered copies that it refuses by name, and
 * `ledger check` over the stored log. The other integrity tests run on this suite with `LEDGER_CRYPTO_SUITE=sm2`.
 */
const sm2 = SUITES.sm2;
const AGENCY = 'county-justice';
const CASE = 'sm2-1';
const ORIGIN = 'ledger.example.gov.cn/sm2';
const tempDir = tempDirsForFile('sm2-suite');
const b64 = (s: string) => Buffer.from(s, 'base64');

let t: TestService | undefined;
let dataDir: string;
let key: KeyObject;
let keyFile: string;
let bundles: Record<string, Buffer>;
let checkpoint: { size: number; rootHash: string; note: string };

beforeAll(async () => {
  dataDir = tempDir();
  t = await startTestService({
    LEDGER_CRYPTO_SUITE: 'sm2',
    LEDGER_DATA_DIR: dataDir,
    LEDGER_LOG_ORIGIN: ORIGIN,
    CHECKPOINT_EVERY_EVENTS: '1000000',
  });
  const bundle = await caseBundle(t, AGENCY, CASE);
  bundles = await tamperedBundles(bundle, t.service.keys.eventSigner);
  key = t.service.keys.eventSigner.publicKey;
  keyFile = path.join(tempDir(), 'ledger-key.pem');
  fs.writeFileSync(keyFile, key.export({ type: 'spki', format: 'pem' }));
  checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body;
}, 240_000);
afterAll(async () => {
  await t?.stop().catch(() => undefined);
});

const service = () => t!;
const leavesOfLog = async () =>
  (await service().service.events.readAll({ limit: 100_000 }))
    .filter((r) => r.event.stream !== 'ledger-checkpoints')
    .map((r) => r.event);

describe('a deployment of the SM2 suite', () => {
  it('when acts are recorded, then every event is hashed with SM3, signed SM2-SM3 and its chain verifies only as the SM2 suite', async () => {
    const events = (await service().service.events.readStream(caseStream(AGENCY, CASE))).map((r) => r.event);
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const event of events) {
      expect(event.sig).toMatchObject({ alg: 'SM2-SM3', keyId: sm2.keyIdOf(key) });
      expect(event.hash).toBe(computeEventHash(event, sm2));
      expect(event.hash).not.toBe(computeEventHash(event, SUITES.ed25519));
      expect(sm2.verify(key, eventSigningInput(event.hash), b64(event.sig.value))).toBe(true);
    }
    const serviceKeys = keyResolver([key]);
    expect(verifyChain(events, { serviceKeys, suite: 'sm2' })).toEqual({ ok: true });
    expect(verifyChain(events, { serviceKeys, suite: 'ed25519' })).toMatchObject({ ok: false });
  });

  it('when the checkpoint is asked for, then its note is signed under type 0xff and its root is the SM3 tree of the log', async () => {
    const keys = (await service().call('GET', '/v1/ledger/keys')).body;
    const [current] = keys.keys.filter((k: { status: string }) => k.status === 'current');
    const vkey = b64((current.noteKey as string).split('+')[2]!);
    expect(vkey[0]).toBe(0xff);
    expect(vkey.subarray(1, 1 + SM2_NOTE_TYPE.length).toString('ascii')).toBe(SM2_NOTE_TYPE);
    const line = checkpoint.note.split('\n').find((l) => l.startsWith(`\u2014 ${ORIGIN} `))!;
    expect(b64(line.split(' ')[2]!).subarray(0, 4)).toEqual(noteKeyHash(ORIGIN, key));

    const opened = openNote(checkpoint.note, [{ name: ORIGIN, publicKey: createPublicKey(current.publicKeyPem) }]);
    expect(opened?.verifiedBy).toEqual([ORIGIN]);
    const leaves = (await leavesOfLog()).slice(0, checkpoint.size).map((e) => Buffer.from(e.hash, 'hex'));
    expect(leaves).toHaveLength(checkpoint.size);
    expect(b64(checkpoint.rootHash)).toEqual(rootOf(leaves.map(sm2.tree.leaf), sm2.tree));
    expect(b64(checkpoint.rootHash)).not.toEqual(rootOf(leaves.map(SHA256_TREE.leaf)));
    expect(parseCheckpoint(opened!.body)!.rootHash).toEqual(b64(checkpoint.rootHash));
  });

  it('when inclusion and consistency proofs are asked for, then they hold in the SM3 tree and not in the SHA-256 one', async () => {
    const first = await leavesOfLog();
    const t1 = service();
    const act = { type: 'CredentialsShown', occurredAt: '2026-03-02T10:00:00+08:00', data: {} };
    const officer = t1.token('alice', AGENCY, ['officer']);
    const acted = await t1.call('POST', `/v1/cases/${CASE}/acts`, { token: officer, body: act });
    expect(acted.status).toBe(201);
    const later = (await t1.call('GET', '/v1/ledger/checkpoint')).body;
    expect(later.size).toBeGreaterThan(checkpoint.size);

    const inclusion = await t1.call('GET', `/v1/ledger/proof/inclusion?eventId=${first[0]!.id}&treeSize=${later.size}`);
    expect(inclusion.status).toBe(200);
    const { leafIndex, treeSize, leafHash, proof } = inclusion.body;
    expect(b64(leafHash)).toEqual(sm2.tree.leaf(Buffer.from(first[0]!.hash, 'hex')));
    const args = [b64(leafHash), leafIndex, treeSize, proof.map(b64), b64(later.rootHash)] as const;
    expect(verifyInclusion(...args, sm2.tree)).toBe(true);
    expect(verifyInclusion(...args, SHA256_TREE)).toBe(false);

    const route = `/v1/ledger/proof/consistency?from=${checkpoint.size}&to=${later.size}`;
    const consistency = await t1.call('GET', route);
    expect(consistency.status).toBe(200);
    const sizes = [checkpoint.size, later.size, b64(checkpoint.rootHash), b64(later.rootHash)] as const;
    expect(verifyConsistency(...sizes, consistency.body.proof.map(b64), sm2.tree)).toBe(true);
    expect(verifyConsistency(...sizes, consistency.body.proof.map(b64), SHA256_TREE)).toBe(false);
  });

  it("when a stream's head proof is asked for, then it leads to the checkpoint's heads root in the SM3 map, which the log's heads recompute", async () => {
    const latest = (await service().call('GET', '/v1/ledger/checkpoint')).body;
    const opened = openNote(latest.note, [{ name: ORIGIN, publicKey: key }])!;
    const root = headsRootOfCheckpoint(parseCheckpoint(opened.body)!.extensions)!;
    const heads = new Map<string, StreamHead>();
    for (const event of (await leavesOfLog()).slice(0, latest.size)) {
      heads.set(event.stream, { revision: event.revision, head: event.hash });
    }
    expect(root).toEqual(headsRootOf(heads, sm2.hash));
    expect(root).not.toEqual(headsRootOf(heads));

    const stream = caseStream(AGENCY, CASE);
    const officer = service().token('alice', AGENCY, ['officer']);
    const route = `/v1/ledger/proof/head?stream=${encodeURIComponent(stream)}&treeSize=${latest.size}`;
    const res = await service().call('GET', route, { token: officer });
    expect(res.status).toBe(200);
    expect(verifyHeadProof(res.body, root, sm2.hash)).toEqual(heads.get(stream));
    expect(verifyHeadProof(res.body, root)).toBeUndefined();
  });

  it('when the bundle and its tampered copies are checked by ledger verify, then the bundle is valid and each copy fails by name', async () => {
    const codes: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(bundles)) {
      const file = path.join(tempDir(), `${name.replace(/\W+/g, '-')}.tar`);
      fs.writeFileSync(file, bytes);
      const run = await runCli(['verify', file, '--json', '--key', keyFile]);
      const report = JSON.parse(run.stdout) as {
        valid: boolean;
        trustedKeys: { keyId: string }[];
        failure?: { code: string };
      };
      expect([name, run.code]).toEqual([name, report.valid ? 0 : 1]);
      expect(report.trustedKeys).toEqual([expect.objectContaining({ keyId: sm2.keyIdOf(key), source: 'given' })]);
      codes[name] = report.valid ? 'valid' : report.failure!.code;
    }
    expect(codes).toEqual({
      valid: 'valid',
      'event byte flipped': 'file_hash_mismatch',
      'event byte flipped, manifest signed again': 'event_hash_mismatch',
      'event signature flipped': 'signature_invalid',
      'proof flipped': 'proof_invalid',
      'manifest signature flipped': 'manifest_signature_invalid',
      'checkpoint signature flipped': 'checkpoint_invalid',
      'case tail cut, manifest made again': 'stream_incomplete',
      'checkpoint without stream heads, signed again': 'valid',
      'tail dropped': 'malformed',
    });
  });

  it('when the service has stopped, then ledger check passes over its store; an event edited and re-hashed then fails its SM2 signature', async () => {
    await t!.service.close();
    t = undefined;
    const checked = await runCli(['check'], { LEDGER_DATA_DIR: dataDir });
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringMatching(/checkpoints .*match/)]);
    // the log is checked in its own suite whatever the shell says, and the shell's setting is said to be wrong
    const other = await runCli(['check'], { LEDGER_DATA_DIR: dataDir, LEDGER_CRYPTO_SUITE: 'ed25519' });
    expect([other.code, other.stdout, other.stderr]).toEqual([
      0,
      expect.stringMatching(/no fault found/),
      expect.stringContaining('LEDGER_CRYPTO_SUITE is ed25519, but this log is signed in the sm2 suite'),
    ]);

    const tampered = copyFolder(dataDir, tempDir);
    editStoredEnvelope(tampered, caseStream(AGENCY, CASE), 1, (envelope) => {
      envelope.data = { ...envelope.data, description: '篡改' };
      // re-hashed in the event's own suite (its sig.alg): the hash holds, the signature cannot
      envelope.hash = computeEventHash(envelope as never);
    });
    const refused = await runCli(['check'], { LEDGER_DATA_DIR: tampered });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('signature_invalid');
    expect(refused.stdout).not.toContain('hash_mismatch: hash is');
  });
});
