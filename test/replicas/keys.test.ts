import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startService } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { rotateKey } from '../../src/adapters/keys/file-keyring.js';
import { issueToken } from '../../src/app/tokens.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { EventStoreDbStandIn } from '../support/eventstoredb-standin.js';
import { capturedLog } from '../support/log-lines.js';
import { openCase, startReplicas, until, type Replicas } from '../support/replicas.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/** The signing and token keys of two replicas on one EventStoreDB (its TEST DOUBLE). */
const AGENCY = 'county-justice';

/** The key ids `GET /v1/ledger/keys` of a replica names current and retired. */
async function published(t: TestService): Promise<{ current: string[]; retired: string[] }> {
  const res = await t.call('GET', '/v1/ledger/keys');
  const keys = res.body.keys as { keyId: string; status: string }[];
  return {
    current: keys.filter((k) => k.status === 'current').map((k) => k.keyId),
    retired: keys.filter((k) => k.status === 'retired').map((k) => k.keyId),
  };
}

/** An officer's token signed with the given token key, as `ledger token` would issue it. */
function tokenOf(keyId: string, privateKey: KeyObject): string {
  return issueToken(
    { sub: 'alice', agency: AGENCY, roles: ['officer'], ttlSeconds: 600 },
    { keyId, privateKey, issuer: 'evidence-ledger', audience: 'evidence-ledger' },
    new Date(),
  );
}

describe('a replica with keys of its own', () => {
  it('when the log holds events signed by keys its keyring lacks, then it refuses to start naming the key id', async () => {
    const standIn = await EventStoreDbStandIn.start();
    const a = await startTestService({ EVENTSTORE_URL: standIn.url });
    try {
      await seedAgency(a, AGENCY);
      const attempt = startTestService({ EVENTSTORE_URL: standIn.url });
      await expect(attempt).rejects.toMatchObject({
        code: 'config_invalid',
        variable: 'LEDGER_KEYS_DIR',
        message: expect.stringContaining(`event key ${a.service.keys.eventSigner.keyId}`),
      });
      await attempt.catch(() => {});
      expect((await a.call('GET', '/readyz')).status).toBe(200);
    } finally {
      await a.stop();
      await standIn.stop();
    }
  }, 60_000);
});

describe('a service given keys other than those that signed its log', () => {
  it('when its read models cover events signed by a key its keyring lacks, then it refuses to start naming the key id', async () => {
    const first = await startTestService();
    let signer: string;
    try {
      await seedAgency(first, AGENCY);
      await first.service.readModelsCaughtUp();
      signer = first.service.keys.eventSigner.keyId;
      await first.service.close();
    } catch (err) {
      await first.stop();
      throw err;
    }
    // the same data folder (the embedded log and its read models), started with a keys folder of its own
    const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-other-keys-'));
    try {
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LEDGER_DATA_DIR: first.dataDir,
        LEDGER_KEYS_DIR: keysDir,
      });
      const attempt = startService(config, { clock: systemClock, log: pino({ level: 'silent' }) });
      await expect(attempt).rejects.toMatchObject({
        code: 'config_invalid',
        variable: 'LEDGER_KEYS_DIR',
        message: expect.stringContaining(`event key ${signer}`),
      });
    } finally {
      fs.rmSync(keysDir, { recursive: true, force: true });
      fs.rmSync(first.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a key rotation on one of two replicas', () => {
  let r: Replicas | undefined;
  afterEach(async () => {
    await r?.stop();
    r = undefined;
  });

  it('when the shared keys folder is rotated, then both replicas sign, publish and trust the new keys without a restart', async () => {
    r = await startReplicas({ keys: 'shared' });
    const { officer } = await seedAgency(r.a, AGENCY);
    const oldEvent = r.a.service.keys.eventSigner.keyId;
    const freshEvent = rotateKey(r.keysDirs[0], 'event', systemClock).keyId;
    const freshToken = rotateKey(r.keysDirs[0], 'token', systemClock).keyId;
    for (const t of [r.a, r.b]) {
      await until('the replica publishes the new key', async () => (await published(t)).current.includes(freshEvent));
      expect(await published(t)).toEqual({ current: [freshEvent], retired: [oldEvent] });
      await until('the replica holds the new token key', () => t.service.keys.tokenKey.keyId === freshToken);
    }
    const token = tokenOf(freshToken, r.b.service.keys.tokenKey.privateKey);
    for (const [i, t] of [r.a, r.b].entries()) {
      const opened = await openCase(t, token, `rot-${i}`);
      expect(opened.status).toBe(201);
      const stored = r.standIn.events().find((e) => e.stream === caseStream(AGENCY, `rot-${i}`))!;
      expect(JSON.parse(Buffer.from(stored.data).toString('utf8')).sig.keyId).toBe(freshEvent);
      // a token of the retired key is refused, as after a restart
      expect((await openCase(t, officer, `old-${i}`)).status).toBe(401);
    }
  }, 120_000);

  it('when one replica rotates its copy of the keys, then the other trusts and publishes the new keys, and warns that it signs with a retired key', async () => {
    const captured = capturedLog();
    r = await startReplicas({ keys: 'copied', logs: [undefined, captured.log] });
    const { officer } = await seedAgency(r.a, AGENCY);
    const oldEvent = r.a.service.keys.eventSigner.keyId;
    const freshEvent = rotateKey(r.keysDirs[0], 'event', systemClock).keyId;
    const freshToken = rotateKey(r.keysDirs[0], 'token', systemClock).keyId;
    await until('the rotating replica holds the new keys', () => r!.a.service.keys.tokenKey.keyId === freshToken);
    await until('the other replica publishes the new key', async () =>
      (await published(r!.b)).current.includes(freshEvent),
    );
    expect(await published(r.b)).toEqual({ current: [freshEvent], retired: [oldEvent] });

    // what the rotated replica signs with its new keys is accepted and verified on the other
    const token = tokenOf(freshToken, r.a.service.keys.tokenKey.privateKey);
    const opened = await openCase(r.a, token, 'copy-1');
    expect(opened.status).toBe(201);
    const events = await r.b.call('GET', `/v1/cases/copy-1/events?consistentWith=${opened.body.position}`, { token });
    expect(events.status).toBe(200);
    expect((await openCase(r.b, officer, 'copy-old')).status).toBe(401);
    await until('the other replica warns', () =>
      captured.lines.some((l) => String(l.msg).includes('retired the event key this replica signs with')),
    );
  }, 120_000);
});
