import express from 'express';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { writeBenchBundle } from '../../scripts/bench-integrity.js';
import { SignaturePool } from '../../src/app/signature-pool.js';
import { bundleApi } from '../../src/http/bundle-api.js';
import { signatureCheckerFrom, verifyBundle, type BundleReport } from '../../src/ledger/bundle-verify.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { SignatureChecker } from '../../src/ledger/signature-checker.js';
import { testSigner } from '../support/events.js';
import { testSuite } from '../support/suite.js';
import { freshTempDir } from '../support/temp-dir.js';

// POST /v1/verify checks the event signatures of a large bundle on the service's signature pool, off the request
// thread, and answers exactly what one thread answers.

const signer = testSigner();
/** A bundle just large enough for the pool: 1,000 events on Ed25519, 100 on SM2. */
const LARGE = signatureCheckerFrom(testSuite.name);
const tempDir = freshTempDir('verify-pool');

/** The pool, counting the signatures it is asked to check. */
function countingPool(): SignatureChecker & { asked: number; close(): Promise<void> } {
  const pool = new SignaturePool(1);
  const counting = {
    asked: 0,
    capacity: pool.capacity,
    check: (batch: Parameters<SignatureChecker['check']>[0]) => {
      counting.asked += batch.length;
      return pool.check(batch);
    },
    close: () => pool.close(),
  };
  return counting;
}

async function post(signatures: SignatureChecker, file: string): Promise<BundleReport> {
  const app = express();
  app.use(
    bundleApi({
      bundles: { export: () => Promise.reject(new Error('not asked')) },
      verify: () => {
        throw new Error('not asked');
      },
      keys: () => [{ publicKey: signer.publicKey }],
      limited: (_req, _res, next) => next(),
      signatures,
      log: pino({ level: 'silent' }),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-tar' },
      body: fs.readFileSync(file),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as BundleReport;
  } finally {
    server.close();
  }
}

async function bundleOf(events: number, tamper?: (events: EventEnvelope[]) => void): Promise<string> {
  const file = path.join(tempDir(), 'case.tar');
  await writeBenchBundle(file, { events, signer, ...(tamper ? { tamper } : {}) });
  return file;
}

const oneThread = (file: string) => verifyBundle(fs.createReadStream(file), { trustedKeys: [signer.publicKey] });

describe('POST /v1/verify and the signature pool', () => {
  it('when a bundle of many events is posted, then the pool checks its signatures and the report is one thread’s', async () => {
    const pool = countingPool();
    try {
      const file = await bundleOf(LARGE);
      const report = await post(pool, file);
      expect(report).toMatchObject({ valid: true, counts: { events: LARGE, accessRecords: 2 } });
      expect(report).toEqual(await oneThread(file));
      expect(pool.asked).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('when a signature of a large posted bundle is forged, then the same failure as one thread', async () => {
    const pool = countingPool();
    try {
      const file = await bundleOf(LARGE, (events) => {
        const at = Math.floor(events.length / 2);
        const value = Buffer.from(events[at]!.sig.value, 'base64');
        value[7] = value[7]! ^ 0x01;
        events[at] = { ...events[at]!, sig: { ...events[at]!.sig, value: value.toString('base64') } };
      });
      const report = await post(pool, file);
      expect(report.failure?.code).toBe('signature_invalid');
      expect(report).toEqual(await oneThread(file));
      expect(pool.asked).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('when a small bundle is posted, then the pool is not asked', async () => {
    const pool = countingPool();
    try {
      const file = await bundleOf(20);
      const report = await post(pool, file);
      expect(report.valid).toBe(true);
      expect(pool.asked).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
