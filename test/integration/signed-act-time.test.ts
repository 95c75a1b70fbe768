import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { CaseService } from '../../src/app/case-service.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { RegistryService } from '../../src/app/registry-service.js';
import type { Actor } from '../../src/domain/actor.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import { keyRefusal } from '../../src/ledger/officer-key-validity.js';
import type { Clock } from '../../src/ports/clock.js';
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

/** A store with alice and bob, item P-001, alice's key and case c-1 opened: the services, the key and its id. */
async function seeded() {
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
  const cases = new CaseService({ ...deps, calendar });
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
});
