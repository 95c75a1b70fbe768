import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { CaseService } from '../../src/app/case-service.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { RegistryService } from '../../src/app/registry-service.js';
import type { Actor } from '../../src/domain/actor.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import { keyRefusal } from '../../src/ledger/officer-key-validity.js';
import type { Clock } from '../../src/ports/clock.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { calendar } from '../support/domain.js';
import { testSigner } from '../support/events.js';
import { officerKeyPair, signAct } from '../support/officer-keys.js';

// a clock that stands still until `stepping`, then moves one second on every reading: each reading the service
// takes for the act is a distinct instant
let stepping = false;
let readings = 0;
// how far the clock is set back (a clock stepped back, or another replica's clock behind this one's)
let setBack = 0;
const T0 = Date.parse('2019-10-09T02:00:00Z');
const clock: Clock = { now: () => new Date(T0 + 1000 * (stepping ? readings++ : readings) - setBack) };
const newId = uuidv7Generator({ now: () => new Date(T0) });
const head: Actor = { sub: 'head', agency: 'county-justice', roles: ['admin'] };
const alice: Actor = { sub: 'alice', agency: 'county-justice', roles: ['officer'] };

let store: SqliteEventStore;
afterEach(() => store.close());

/**
 * A store with alice and bob, item P-001, alice's key and case c-1 opened: the services, the key and its id. The
 * case service reads the store through `through` (default: as it is).
 */
async function seeded(through: (events: EventStore) => EventStore = (events) => events) {
  store = new SqliteEventStore({ path: ':memory:' });
  const deps = { events: store, signer: testSigner(), clock };
  const registry = new RegistryService(deps);
  for (const officerId of ['alice', 'bob']) {
    const profile = {
      officerId,
      name: officerId,
      agency: 'county-justice',
      certificateNo: `C-${officerId}`,
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer' as const],
    };
    await registry.registerOfficer(head, profile, newId());
  }
  await registry.registerItem(
    head,
    { code: 'P-001', agency: 'county-justice', name: '处罚', category: 'penalty', legalBasis: '第五十条' },
    newId(),
  );
  const { privateKey, spki } = officerKeyPair();
  const { keyId } = await registry.registerOfficerKey(
    head,
    'alice',
    { publicKey: spki, validFrom: '2018-01-01' },
    newId(),
  );
  const cases = new CaseService({ ...deps, events: through(store), calendar });
  await cases.record(
    'c-1',
    alice,
    {
      type: 'CaseOpened',
      occurredAt: '2019-09-20T09:00:00+08:00',
      data: {
        caseId: 'c-1',
        itemCode: 'P-001',
        title: '案',
        openedOn: '2019-09-20',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某公司' }],
      },
      media: [],
    },
    { eventId: newId() },
  );
  return { registry, cases, privateKey, keyId };
}

describe('the instant a signed act is recorded at', () => {
  it("when the key's revocation starts between the service's first reading of the clock for the act and any later one, then the act is accepted and its recordedAt is before the revocation, as a verifier reads it", async () => {
    const { registry, cases, privateKey, keyId } = await seeded();
    // the revocation starts half a second after the first reading the act takes, before any later one
    const revokedFrom = new Date(T0 + 500).toISOString();
    await registry.revokeOfficerKey(head, 'alice', { keyId, reason: '调岗', revokedFrom }, newId());
    const id = '01a23d59-3f7c-72de-8fd6-962dafd07650';
    const occurredAt = '2019-09-20T10:00:00+08:00';
    const data = { description: '照片', officers: ['alice', 'bob'] };
    const act = {
      id,
      stream: caseStream('county-justice', 'c-1'),
      type: 'EvidenceCollected',
      occurredAt,
      sub: 'alice',
      data,
    };
    const { actorSig } = signAct(privateKey, act, canonicalize);
    stepping = true;
    await cases.record(
      'c-1',
      alice,
      { type: 'EvidenceCollected', occurredAt, officers: ['alice', 'bob'], data: { description: '照片' }, media: [] },
      { eventId: id, signed: { actorSig } },
    );
    const recorded = (await store.readStream(caseStream('county-justice', 'c-1'))).at(-1)!.event;
    expect(recorded.actorSig).toEqual(actorSig);
    const key = { validFrom: '2018-01-01', revoked: { revokedFrom } };
    expect(keyRefusal(key, occurredAt.slice(0, 10), recorded.recordedAt)).toBeUndefined();
  });

  it("when the act's recording time reads earlier than its key's registration (a clock set back, or a replica behind another), then 422 actor_key_not_valid and nothing is recorded, as a verifier would refuse it", async () => {
    const { cases, privateKey } = await seeded();
    const before = await store.readStream(caseStream('county-justice', 'c-1'));
    const id = '01a23d59-3f7c-72de-8fd6-962dafd07651';
    const occurredAt = '2019-09-20T10:00:00+08:00';
    const data = { description: '照片', officers: ['alice', 'bob'] };
    const act = {
      id,
      stream: caseStream('county-justice', 'c-1'),
      type: 'EvidenceCollected',
      occurredAt,
      sub: 'alice',
      data,
    };
    const { actorSig } = signAct(privateKey, act, canonicalize);
    setBack = 60_000;
    try {
      const recording = cases.record(
        'c-1',
        alice,
        { type: 'EvidenceCollected', occurredAt, officers: ['alice', 'bob'], data: { description: '照片' }, media: [] },
        { eventId: id, signed: { actorSig } },
      );
      await expect(recording).rejects.toMatchObject({ code: 'actor_key_not_valid', status: 422 });
    } finally {
      setBack = 0;
    }
    expect(await store.readStream(caseStream('county-justice', 'c-1'))).toHaveLength(before.length);
  });

  it("when the key is revoked from the instant of its revocation by another request, right after the act's read of its officer, then the act is accepted and its recordedAt is before the revocation, as a verifier reads it", async () => {
    // the revocation comes once, just after the case service has read alice's stream: a concurrent request
    let revokeNow: (() => Promise<void>) | undefined;
    const afterRead = async <T>(streams: readonly string[], result: T): Promise<T> => {
      const revoke = revokeNow;
      if (revoke && streams.includes('officer-county-justice:alice')) {
        revokeNow = undefined;
        await revoke();
      }
      return result;
    };
    const watched = (events: EventStore): EventStore =>
      new Proxy(events, {
        get(target, member) {
          const value = Reflect.get(target, member) as unknown;
          if (typeof value !== 'function') return value;
          if (member === 'readStreams')
            return async (reads: readonly { stream: string }[], ...rest: unknown[]) =>
              afterRead(
                reads.map((r) => r.stream),
                await (value as (...a: unknown[]) => Promise<unknown>).call(target, reads, ...rest),
              );
          if (member === 'readStream')
            return async (stream: string, ...rest: unknown[]) =>
              afterRead([stream], await (value as (...a: unknown[]) => Promise<unknown>).call(target, stream, ...rest));
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
    const { registry, cases, privateKey, keyId } = await seeded(watched);
    let revokedFrom = '';
    revokeNow = async () => {
      revokedFrom = clock.now().toISOString();
      await registry.revokeOfficerKey(head, 'alice', { keyId, reason: '遗失', revokedFrom }, newId());
    };
    const id = '01a23d59-3f7c-72de-8fd6-962dafd07652';
    const occurredAt = '2019-09-20T10:00:00+08:00';
    const data = { description: '照片', officers: ['alice', 'bob'] };
    const act = {
      id,
      stream: caseStream('county-justice', 'c-1'),
      type: 'EvidenceCollected',
      occurredAt,
      sub: 'alice',
      data,
    };
    const { actorSig } = signAct(privateKey, act, canonicalize);
    stepping = true;
    await cases.record(
      'c-1',
      alice,
      { type: 'EvidenceCollected', occurredAt, officers: ['alice', 'bob'], data: { description: '照片' }, media: [] },
      { eventId: id, signed: { actorSig } },
    );
    expect(revokedFrom).not.toBe('');
    const recorded = (await store.readStream(caseStream('county-justice', 'c-1'))).at(-1)!.event;
    expect(recorded.id).toBe(id);
    const key = { validFrom: '2018-01-01', revoked: { revokedFrom } };
    expect(keyRefusal(key, occurredAt.slice(0, 10), recorded.recordedAt)).toBeUndefined();
  });
});
