import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { recordKeyRevocations } from '../../src/app/key-revocation-records.js';
import { checkLedger } from '../../src/app/ledger-check.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { RegistryService } from '../../src/app/registry-service.js';
import { startService, type Service } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/actor.js';
import { officerKeyClaimStream } from '../../src/domain/registry/officer-key-claims.js';
import { officerStream } from '../../src/domain/registry/officers.js';
import type { Signer } from '../../src/ledger/ed25519.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { PROJECTIONS } from '../../projections/index.js';
import { testSigner } from '../support/events.js';
import { officerKeyPair } from '../support/officer-keys.js';

// An officer key's revocation is recorded on the key's own stream too (OfficerKeyRevocationRecorded), which is what
// lets a bundle prove it left out no revocation of the key: by the revocation itself, by its retry, and at start-up
// for a revocation the key's stream does not show (recorded before it did, or cut off by a crash between the two
// appends).

const AGENCY = 'county-justice';
const head: Actor = { sub: 'head', agency: AGENCY, roles: ['admin'] };
const clock = { now: () => new Date() };
const newId = uuidv7Generator(clock);

/** Registers officer alice and a key of hers; the key id. */
async function aliceWithKey(registry: RegistryService): Promise<string> {
  const profile = {
    officerId: 'alice',
    name: '张三',
    agency: AGENCY,
    certificateNo: 'C-alice',
    validFrom: '2018-01-01',
    validTo: '2030-12-31',
    roles: ['officer' as const],
  };
  await registry.registerOfficer(head, profile, newId());
  const { spki } = officerKeyPair();
  const { keyId } = await registry.registerOfficerKey(
    head,
    'alice',
    { publicKey: spki, validFrom: '2018-01-01' },
    newId(),
  );
  return keyId;
}

/** The key stream's events: type, and for a record the revocation it names. */
async function keyStream(events: EventStore, keyId: string) {
  return (await events.readStream(officerKeyClaimStream(AGENCY, keyId))).map(({ event }) => ({
    type: event.type,
    ...(event.type === 'OfficerKeyRevocationRecorded' ? { data: event.data } : {}),
  }));
}

/** Revokes the key on the officer's stream alone, as the service did before keys' streams recorded revocations. */
async function revokeOnOfficerStreamOnly(registry: RegistryService, keyId: string): Promise<string> {
  const eventId = newId();
  const command = {
    type: 'RevokeOfficerKey' as const,
    actor: head,
    keyId,
    reason: '遗失',
    revokedFrom: clock.now().toISOString(),
  };
  await registry.officerCommand(AGENCY, 'alice', command, { eventId });
  return eventId;
}

describe("an officer key's revocation on the key's own stream", () => {
  let events: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  let runner: ProjectionRunner;
  let registry: RegistryService;
  let signer: Signer;
  beforeEach(async () => {
    events = new SqliteEventStore({ path: ':memory:' });
    readModels = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
    runner = new ProjectionRunner(events, readModels, PROJECTIONS);
    await runner.reset();
    signer = testSigner();
    registry = new RegistryService({ events, signer, clock });
  });
  afterEach(() => {
    events.close();
    readModels.close();
  });
  const reconcile = async () => {
    await runner.catchUp();
    return recordKeyRevocations({ events, readModels, record: (r) => registry.recordKeyRevocation(r) });
  };
  const revocation = async (eventId: string) =>
    (await events.readStream(officerStream(AGENCY, 'alice'))).find((r) => r.event.id === eventId)!.event;

  it('when a key is revoked, then its stream records the revocation by id and hash after its claim', async () => {
    const keyId = await aliceWithKey(registry);
    const eventId = newId();
    await registry.revokeOfficerKey(
      head,
      'alice',
      { keyId, reason: '遗失', revokedFrom: clock.now().toISOString() },
      eventId,
    );
    const revoked = await revocation(eventId);
    expect(await keyStream(events, keyId)).toEqual([
      { type: 'OfficerKeyClaimed' },
      {
        type: 'OfficerKeyRevocationRecorded',
        data: { keyId, officerId: 'alice', eventId, hash: revoked.hash, revokedFrom: revoked.data.revokedFrom },
      },
    ]);
    // signed by the service, as the revoking admin
    const record = (await events.readStream(officerKeyClaimStream(AGENCY, keyId))).at(-1)!.event;
    expect(record.actor).toEqual(head);
    expect(record.sig.keyId).toBe(signer.keyId);
    // nothing left for start-up to record
    expect(await reconcile()).toBe(0);
  });

  it('when the revocation was recorded on the officer stream alone, then its retry records it on the key stream, once', async () => {
    const keyId = await aliceWithKey(registry);
    const eventId = await revokeOnOfficerStreamOnly(registry, keyId);
    expect(await keyStream(events, keyId)).toEqual([{ type: 'OfficerKeyClaimed' }]);
    const body = { keyId, reason: '遗失', revokedFrom: (await revocation(eventId)).data.revokedFrom as string };
    const retried = await registry.revokeOfficerKey(head, 'alice', body, eventId);
    expect(retried.created).toBe(false);
    await registry.revokeOfficerKey(head, 'alice', body, eventId);
    expect((await keyStream(events, keyId)).map((e) => e.type)).toEqual([
      'OfficerKeyClaimed',
      'OfficerKeyRevocationRecorded',
    ]);
  });

  it('when the key stream does not show a revocation, then start-up records it, and the next start nothing', async () => {
    const keyId = await aliceWithKey(registry);
    const eventId = await revokeOnOfficerStreamOnly(registry, keyId);
    expect(await reconcile()).toBe(1);
    expect((await keyStream(events, keyId)).at(-1)).toEqual({
      type: 'OfficerKeyRevocationRecorded',
      data: expect.objectContaining({ officerId: 'alice', eventId, hash: (await revocation(eventId)).hash }),
    });
    expect(await reconcile()).toBe(0);
    expect(await keyStream(events, keyId)).toHaveLength(2);
  });

  it('when a revocation is not recorded on its key stream, then ledger check names it; once recorded, no fault', async () => {
    const keyId = await aliceWithKey(registry);
    const eventId = await revokeOnOfficerStreamOnly(registry, keyId);
    const check = () =>
      checkLedger({
        events,
        serviceKeys: keyResolver([signer.publicKey]),
        noteKeys: [signer.publicKey],
        checkpointStream: 'ledger-checkpoints',
      });
    const before = await check();
    expect(before.faults).toEqual([
      expect.objectContaining({ code: 'key_revocation_unrecorded', eventId, stream: officerStream(AGENCY, 'alice') }),
    ]);
    expect(await reconcile()).toBe(1);
    expect((await check()).faults).toEqual([]);
  });

  it('when the key stream records a revocation the log does not hold with that hash, then ledger check names the record', async () => {
    const keyId = await aliceWithKey(registry);
    const eventId = await revokeOnOfficerStreamOnly(registry, keyId);
    await registry.recordKeyRevocation({ ...(await revocation(eventId)), hash: 'b'.repeat(64) });
    const report = await checkLedger({
      events,
      serviceKeys: keyResolver([signer.publicKey]),
      noteKeys: [signer.publicKey],
      checkpointStream: 'ledger-checkpoints',
    });
    expect(report.faults.map((f) => [f.code, f.stream])).toEqual([
      ['key_revocation_record_mismatch', officerKeyClaimStream(AGENCY, keyId)],
      ['key_revocation_unrecorded', officerStream(AGENCY, 'alice')],
    ]);
  });

  it('when the revoked keys are officers of later pages of the registry, then each is recorded once', async () => {
    const keys: string[] = [];
    for (const officerId of ['amy', 'ben', 'cai']) {
      await registry.registerOfficer(
        head,
        {
          officerId,
          name: officerId,
          agency: AGENCY,
          certificateNo: `C-${officerId}`,
          validFrom: '2018-01-01',
          validTo: '2030-12-31',
          roles: ['officer'],
        },
        newId(),
      );
      const { keyId } = await registry.registerOfficerKey(
        head,
        officerId,
        { publicKey: officerKeyPair().spki, validFrom: '2018-01-01' },
        newId(),
      );
      if (officerId === 'amy') continue; // a key not revoked
      await registry.officerCommand(
        AGENCY,
        officerId,
        { type: 'RevokeOfficerKey', actor: head, keyId, reason: '遗失', revokedFrom: clock.now().toISOString() },
        { eventId: newId() },
      );
      keys.push(keyId);
    }
    await runner.catchUp();
    const record = (r: EventEnvelope) => registry.recordKeyRevocation(r);
    expect(await recordKeyRevocations({ events, readModels, record, pageSize: 1 })).toBe(2);
    for (const keyId of keys) {
      expect((await keyStream(events, keyId)).map((e) => e.type)).toEqual([
        'OfficerKeyClaimed',
        'OfficerKeyRevocationRecorded',
      ]);
    }
    expect(await recordKeyRevocations({ events, readModels, record, pageSize: 1 })).toBe(0);
  });

  it('when no key is revoked, then start-up records nothing and reads no key stream', async () => {
    await aliceWithKey(registry);
    let reads = 0;
    const counted = {
      readStream: (...args: Parameters<EventStore['readStream']>) => (reads++, events.readStream(...args)),
    };
    await runner.catchUp();
    expect(
      await recordKeyRevocations({ events: counted, readModels, record: () => Promise.reject(new Error('no')) }),
    ).toBe(0);
    expect(reads).toBe(0);
  });
});

describe('the service records at start-up the revocations the keys’ streams do not show', () => {
  let dir: string;
  let service: Service | undefined;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-key-revocations-'))));
  afterEach(async () => {
    await service?.close();
    service = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const start = () =>
    startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dir }), {
      clock,
      log: pino({ level: 'silent' }),
    });

  it('when the service starts on a log whose revocation is on the officer stream alone, then the key stream records it', async () => {
    service = await start();
    const registry = new RegistryService({ events: service.events, signer: service.keys.eventSigner, clock });
    const keyId = await aliceWithKey(registry);
    const eventId = await revokeOnOfficerStreamOnly(registry, keyId);
    expect((await keyStream(service.events, keyId)).map((e) => e.type)).toEqual(['OfficerKeyClaimed']);
    await service.close();

    service = await start();
    const deadline = Date.now() + 60_000;
    let stream = await keyStream(service.events, keyId);
    while (stream.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stream = await keyStream(service.events, keyId);
    }
    expect(stream.at(-1)).toEqual({
      type: 'OfficerKeyRevocationRecorded',
      data: expect.objectContaining({ keyId, officerId: 'alice', eventId }),
    });
  }, 120_000);
});
