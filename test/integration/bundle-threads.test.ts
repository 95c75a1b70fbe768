import fs from 'node:fs';
import path from 'node:path';
import { verifyFile, writeBenchBundle } from '../../scripts/bench-integrity.js';
import { SignaturePool } from '../../src/app/signature-pool.js';
import { revisionName } from '../../src/ledger/bundle.js';
import {
  signatureCheckerFrom,
  verifyBundle,
  type BundleReport,
  type BundleVerifyOptions,
} from '../../src/ledger/bundle-verify.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import { inlineSignatureChecker, type SignatureChecker } from '../../src/ledger/signature-checker.js';
import { SUITES } from '../../src/ledger/suite.js';
import { runCli } from '../support/cli.js';
import { testSigner } from '../support/events.js';
import { bySuite, testPrivateKey, testSuite } from '../support/suite.js';
import { freshTempDir } from '../support/temp-dir.js';

// `ledger verify --threads N`: for a bundle of many events, worker threads check the event signatures while the main
// thread checks the rest, and the report must be exactly the one a single thread gives, the first failure in bundle
// order included. The bundles here have 1,000 events and the threads are asked from 600 (two batches of Ed25519
// signatures); on the SM2 suite, whose signatures cost milliseconds each, 120 events from 72 (several batches of SM2
// signatures). The CLI's default threshold, signatureCheckerFrom of the suite, is exercised once with a bundle that
// large.

const EVENTS = bySuite({ ed25519: 1_000, sm2: 120 });
const FROM = bySuite({ ed25519: 600, sm2: 72 });
/** Events by their place in the bundle: the middle, a quarter and a bit past half of the way. */
const MIDDLE = EVENTS / 2;
const QUARTER = EVENTS / 4;
const PAST_HALF = Math.floor(EVENTS * 0.55);
const signer = testSigner();
const tempDir = freshTempDir('bundle-threads');

/** Another valid-looking signature: the same bytes (64 for Ed25519, DER for SM2) but one bit. */
function forgeSignature(event: EventEnvelope): EventEnvelope {
  const value = Buffer.from(event.sig.value, 'base64');
  value[10] = value[10]! ^ 0x01;
  return { ...event, sig: { ...event.sig, value: value.toString('base64') } };
}

/** Changes what the event says without changing its hash: the hash no longer matches. */
function alterContent(event: EventEnvelope): EventEnvelope {
  return { ...event, data: { ...event.data, sequence: -1 } };
}

async function bundleWith(
  edits: Record<number, (e: EventEnvelope) => EventEnvelope> = {},
  events = EVENTS,
): Promise<string> {
  const file = path.join(tempDir(), 'case.tar');
  await writeBenchBundle(file, {
    events,
    signer,
    tamper: (events) => {
      for (const [i, edit] of Object.entries(edits)) events[Number(i)] = edit(events[Number(i)]!);
    },
  });
  return file;
}

async function bothWays(file: string): Promise<BundleReport> {
  const one = await verifyFile(file, 1, signer);
  const two = await verifyFile(file, 2, signer, FROM);
  expect(two).toEqual(one);
  return one;
}

describe('verifying a bundle on several threads', () => {
  it('when the bundle is valid, then 1 and 2 threads give the same report', async () => {
    const report = await bothWays(await bundleWith());
    expect(report).toMatchObject({ valid: true, counts: { events: EVENTS, accessRecords: 2, proofs: EVENTS + 2 } });
  }, 120_000);

  it('when a signature in the middle is forged, then both report exactly that event', async () => {
    const report = await bothWays(await bundleWith({ [MIDDLE]: forgeSignature }));
    expect(report.valid).toBe(false);
    expect(report.failure).toEqual({
      code: 'signature_invalid',
      detail: `events/${revisionName(MIDDLE)}.json: service signature by ${signer.keyId} does not verify`,
    });
  }, 120_000);

  it('when two events are tampered with, then both report the first in bundle order', async () => {
    const forgedFirst = await bothWays(await bundleWith({ [QUARTER]: forgeSignature, [PAST_HALF]: alterContent }));
    expect(forgedFirst.failure?.code).toBe('signature_invalid');
    expect(forgedFirst.failure?.detail).toMatch(new RegExp(`^events/${revisionName(QUARTER)}\\.json: `));

    const alteredFirst = await bothWays(await bundleWith({ [QUARTER]: alterContent, [PAST_HALF]: forgeSignature }));
    expect(alteredFirst.failure?.code).toBe('event_hash_mismatch');
    expect(alteredFirst.failure?.detail).toMatch(new RegExp(`^events/${revisionName(QUARTER)}\\.json: `));
  }, 90_000);

  it('when the checker fails, cannot decide or does not answer, then the verifier checks the signatures itself', async () => {
    const file = await bundleWith({ [FROM + 1]: forgeSignature });
    const read = (options: BundleVerifyOptions) =>
      verifyBundle(fs.createReadStream(file), {
        trustedKeys: [signer.publicKey],
        signatureCheckerFrom: FROM,
        ...options,
      });
    const expected = await read({});
    expect(expected.failure?.detail).toMatch(new RegExp(`^events/${revisionName(FROM + 1)}\\.json: `));
    const failing: SignatureChecker = { check: () => Promise.reject(new Error('no threads today')) };
    const throwing: SignatureChecker = {
      check: () => {
        throw new Error('no threads at all');
      },
    };
    const undecided: SignatureChecker = { check: (batch) => Promise.resolve(batch.map(() => undefined)) };
    // once the bundle is read, the verifier checks what the checker has not answered rather than wait for it
    const silent: SignatureChecker = { check: () => new Promise(() => {}) };
    expect(await read({ signatureChecker: failing })).toEqual(expected);
    expect(await read({ signatureChecker: throwing })).toEqual(expected);
    expect(await read({ signatureChecker: undecided })).toEqual(expected);
    expect(await read({ signatureChecker: silent })).toEqual(expected);
  }, 120_000);

  it('when a bundle has fewer events than the threshold, then the checker is not asked', async () => {
    const file = await bundleWith();
    const asked: number[] = [];
    const counting: SignatureChecker = {
      check: (batch) => (asked.push(batch.length), Promise.resolve(batch.map(() => true))),
    };
    const options = { trustedKeys: [signer.publicKey], signatureChecker: counting, signatureCheckerFrom: FROM };
    await verifyBundle(fs.createReadStream(file), { ...options, signatureCheckerFrom: EVENTS + 3 });
    expect(asked).toEqual([]);
    await verifyBundle(fs.createReadStream(file), options);
    const total = asked.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(EVENTS + 2);
  }, 120_000);

  it('when ledger verify runs with --threads, then it answers as with one thread', async () => {
    // a forged signature most of the way through a bundle just large enough for the threads
    const from = signatureCheckerFrom(testSuite.name);
    const forged = Math.floor(from * 0.85);
    const file = await bundleWith({ [forged]: forgeSignature }, from);
    const key = path.join(tempDir(), 'key.pem');
    fs.writeFileSync(key, signer.publicKey.export({ type: 'spki', format: 'pem' }));
    // the answer: exit code, report and verdict (stderr also shows progress, with rates, for a bundle this large)
    const answer = ({ code, stdout, stderr }: { code: number; stdout: string; stderr: string }) => ({
      code,
      stdout,
      verdict: stderr.trim().split('\n').slice(-1)[0],
    });
    const one = answer(await runCli(['verify', file, '--key', key, '--threads', '1', '--json']));
    const two = answer(await runCli(['verify', file, '--key', key, '--threads', '2', '--json']));
    expect(two).toEqual(one);
    expect(one.code).toBe(1);
    expect(one.verdict).toMatch(new RegExp(`^invalid: signature_invalid: events/${revisionName(forged)}\\.json: `));
    // trusting the keys the bundle carries, which arrive as the bundle streams in
    const bundledOne = answer(await runCli(['verify', file, '--threads', '1', '--json']));
    const bundledTwo = answer(await runCli(['verify', file, '--threads', '2', '--json']));
    expect(bundledTwo).toEqual(bundledOne);
    expect(JSON.parse(bundledOne.stdout).failure).toEqual(JSON.parse(one.stdout).failure);
    const bad = await runCli(['verify', file, '--threads', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threads must be a whole number/);
  }, 120_000);
});

describe('the signature pool', () => {
  it('answers in order, batch by batch, and fails its batches once closed', async () => {
    const pool = new SignaturePool(2);
    try {
      const checks = Array.from({ length: 300 }, (_, i) => {
        const message = Buffer.from(`message ${i}`);
        return { publicKey: signer.publicKey, message, signature: signer.sign(message), alg: testSuite.sigAlg };
      });
      checks[17] = { ...checks[17]!, message: Buffer.from('another message') };
      checks[42] = { ...checks[42]!, signature: checks[42]!.signature.subarray(0, 63) };
      const [a, b] = await Promise.all([pool.check(checks), pool.check(checks.slice(0, 20))]);
      expect(a.map((v, i) => (v ? -1 : i)).filter((i) => i >= 0)).toEqual([17, 42]);
      expect(b).toEqual(a.slice(0, 20));
    } finally {
      await pool.close();
    }
    await expect(pool.check([])).rejects.toThrow(/closed/);
  }, 120_000);

  it('when a batch holds Ed25519 and SM2 signatures, then each is checked in its algorithm, as on one thread', async () => {
    const pool = new SignaturePool(1);
    try {
      const checks = Object.values(SUITES).flatMap((suite) => {
        const one = suite.signer(testPrivateKey(suite));
        return Array.from({ length: 4 }, (_, i) => {
          const message = Buffer.from(`message ${i}`);
          return { publicKey: one.publicKey, message, signature: one.sign(message), alg: suite.sigAlg };
        });
      });
      checks[1] = { ...checks[1]!, message: Buffer.from('another message') };
      checks[6] = { ...checks[6]!, message: Buffer.from('another message') };
      // the algorithm a check carries decides: an SM2 signature checked as Ed25519 does not verify, and the reverse
      checks[3] = { ...checks[3]!, alg: 'SM2-SM3' };
      checks[7] = { ...checks[7]!, alg: 'Ed25519' };
      const valid = await pool.check(checks);
      expect(valid).toEqual([true, false, true, false, true, true, false, false]);
      expect(valid).toEqual(await inlineSignatureChecker.check(checks));
    } finally {
      await pool.close();
    }
  }, 120_000);
});
