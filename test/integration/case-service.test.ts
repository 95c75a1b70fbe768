import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { CaseService, type ActRequest } from '../../src/app/case-service.js';
import { idempotentEventId } from '../../src/app/idempotency.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { RegistryService } from '../../src/app/registry-service.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { StateCache } from '../../src/app/state-cache.js';
import type { Actor } from '../../src/domain/actor.js';
import { RuleViolation } from '../../src/domain/errors.js';
import { RevisionConflict } from '../../src/errors.js';
import { verifyChain } from '../../src/ledger/verify.js';
import type { Clock } from '../../src/ports/clock.js';
import { calendar, CHECKS_PASSED } from '../support/domain.js';
import { loadValidators } from '../../src/http/validation.js';
import path from 'node:path';
import { resolverFor, testSigner } from '../support/events.js';

// the service's clock: after every day the acts below name (no act is recorded before its day)
const clock: Clock = { now: () => new Date('2019-10-09T02:00:00Z') };
const newId = uuidv7Generator(clock);
const signer = testSigner();
const head: Actor = { sub: 'head', agency: 'county-justice', roles: ['admin'] };
const alice: Actor = { sub: 'alice', agency: 'county-justice', roles: ['officer'] };

let store: SqliteEventStore;
let cases: CaseService;

beforeEach(async () => {
  store = new SqliteEventStore({ path: ':memory:' });
  const deps = { events: store, signer, clock, locks: new StreamLocks(), cache: new StateCache() };
  cases = new CaseService({ ...deps, calendar });
  const registry = new RegistryService(deps);
  for (const officerId of ['alice', 'bob']) {
    await registry.registerOfficer(
      head,
      {
        officerId,
        name: officerId,
        agency: 'county-justice',
        certificateNo: `C-${officerId}`,
        validFrom: '2018-01-01',
        validTo: '2030-12-31',
        roles: ['officer'],
      },
      newId(),
    );
  }
  await registry.registerItem(
    head,
    {
      code: 'P-001',
      agency: 'county-justice',
      name: '处罚',
      category: 'penalty',
      legalBasis: '第五十条',
      major: { fineFenAtLeast: 1_000_000 },
    },
    newId(),
  );
});
afterEach(() => store.close());

const openCase: ActRequest<'CaseOpened'> = {
  type: 'CaseOpened',
  occurredAt: '2019-09-20T09:00:00+08:00',
  data: {
    caseId: 'c-1',
    itemCode: 'P-001',
    title: '案',
    openedOn: '2019-09-20',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '张三丰' }],
  },
  media: [],
};
const evidence = (description: string): ActRequest<'EvidenceCollected'> => ({
  type: 'EvidenceCollected',
  occurredAt: '2019-09-20T10:00:00+08:00',
  data: { description },
  media: [],
});

/** Registers a reviewer and returns a case's acts from opening to disclosure, with every kind of derived fact. */
async function fullHistory(): Promise<[Actor, ActRequest][]> {
  const rita: Actor = { sub: 'rita', agency: 'county-justice', roles: ['reviewer'] };
  await new RegistryService({ events: store, signer, clock }).registerOfficer(
    head,
    {
      officerId: 'rita',
      name: 'rita',
      agency: 'county-justice',
      certificateNo: 'C-rita',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['reviewer'],
    },
    newId(),
  );
  const at = '2019-09-20T10:00:00+08:00';
  const acts: [Actor, ActRequest][] = [
    [alice, openCase],
    [alice, { ...evidence('带人员的取证'), officers: ['alice', 'bob'] }],
    [
      alice,
      {
        type: 'LegalReviewRequested',
        occurredAt: at,
        data: { proposed: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: 'b' } },
        media: [],
      },
    ],
    [
      rita,
      {
        type: 'LegalReviewCompleted',
        occurredAt: at,
        data: { outcome: 'approved', opinion: 'o', checks: CHECKS_PASSED },
        media: [],
      },
    ],
    [
      alice,
      {
        type: 'DecisionIssued',
        occurredAt: '2019-09-27T10:00:00+08:00', // issued on the day it was made
        data: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: 'b', documentNo: 'n', decidedOn: '2019-09-27' },
        media: [],
      },
    ],
    [
      alice,
      {
        type: 'DecisionDisclosed',
        occurredAt: '2019-10-08T10:00:00+08:00',
        data: { publishedOn: '2019-10-08' },
        media: [],
      },
    ],
  ];
  return acts;
}

describe('recording acts through the application service', () => {
  it('when a case is opened and acts recorded, then each is signed, chained and folded into the case state', async () => {
    const opened = await cases.record('c-1', alice, openCase, { eventId: newId() });
    expect(opened).toMatchObject({ stream: 'case-county-justice:c-1', revision: 0, created: true });
    await cases.record('c-1', alice, evidence('照片'), { eventId: newId() });
    const loaded = await cases.load('county-justice', 'c-1');
    expect(loaded!.state).toMatchObject({ status: 'open', agency: 'county-justice', officers: ['alice', 'bob'] });
    expect(verifyChain(loaded!.events, { serviceKeys: resolverFor(signer) })).toEqual({ ok: true });
  });

  it('when the rules refuse an act, then nothing is recorded', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const seizure: ActRequest<'PropertySeized'> = {
      type: 'PropertySeized',
      occurredAt: '2019-09-20T10:00:00+08:00',
      data: { items: 'x', legalBasis: 'y' },
      media: [],
    };
    await expect(cases.record('c-1', alice, seizure, { eventId: newId() })).rejects.toMatchObject({
      code: 'recording_required',
    });
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(1);
  });

  it('when a correction made without the HTTP layer (CLI, batch) nests deeper than 32 levels, then nothing is signed or stored', async () => {
    const opened = await cases.record('c-1', alice, openCase, { eventId: newId() });
    let deep: unknown = [];
    for (let i = 0; i < 1_000; i++) deep = [deep];
    const correction: ActRequest<'RecordCorrected'> = {
      type: 'RecordCorrected',
      occurredAt: '2019-09-20T10:00:00+08:00',
      data: { corrects: opened.events[0]!.id, reason: '更正', data: { title: deep } },
      media: [],
    };
    await expect(cases.record('c-1', alice, correction, { eventId: newId() })).rejects.toMatchObject({
      code: 'invalid_body',
      details: { pointer: expect.stringMatching(/^\/data\/data\/title\/0/) },
    });
    await expect(
      cases.recordAll('c-1', alice, [evidence('照片'), correction], { eventId: newId() }),
    ).rejects.toMatchObject({ code: 'invalid_body', details: { event: 1 } });
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(1);
  });

  it('when many acts are recorded on one case at once, then each lands once, in some order, and the chain holds', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => cases.record('c-1', alice, evidence(`证据 ${i}`), { eventId: newId() })),
    );
    expect(new Set(results.map((r) => r.revision)).size).toBe(12);
    const loaded = await cases.load('county-justice', 'c-1');
    expect(loaded!.events).toHaveLength(13);
    expect(verifyChain(loaded!.events, { serviceKeys: resolverFor(signer) })).toEqual({ ok: true });
  });

  it('when two service instances (two replicas) record on one case at once, then retries settle every act once', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const other = new CaseService({ events: store, signer, clock, calendar, cache: new StateCache() }); // another replica
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? other : cases).record('c-1', alice, evidence(`e${i}`), { eventId: newId() }),
      ),
    );
    expect(new Set(results.map((r) => r.revision)).size).toBe(6);
    expect(
      verifyChain((await cases.load('county-justice', 'c-1'))!.events, { serviceKeys: resolverFor(signer) }),
    ).toEqual({ ok: true });
  });

  it('when another replica records between two commands here, then the cached state catches up before deciding', async () => {
    const replica = new CaseService({ events: store, signer, clock, calendar, cache: new StateCache() });
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await cases.record('c-1', alice, evidence('here'), { eventId: newId() });
    const decision: ActRequest<'DecisionIssued'> = {
      type: 'DecisionIssued',
      occurredAt: '2019-09-27T10:00:00+08:00',
      data: { decisionType: 'warning', legalBasis: 'b', documentNo: 'n', decidedOn: '2019-09-27' },
      media: [],
    };
    await replica.record('c-1', alice, decision, { eventId: newId() });
    // this service's cache still says "open"; the rules must see the decision the replica recorded
    await expect(cases.record('c-1', alice, decision, { eventId: newId() })).rejects.toMatchObject({
      code: 'act_out_of_order',
    });
    const after = await cases.record(
      'c-1',
      alice,
      {
        type: 'DecisionDisclosed',
        occurredAt: '2019-10-08T09:00:00+08:00',
        data: { publishedOn: '2019-10-08' },
        media: [],
      },
      { eventId: newId() },
    );
    expect(after.revision).toBe(3);
    expect(
      verifyChain((await cases.load('county-justice', 'c-1'))!.events, { serviceKeys: resolverFor(signer) }),
    ).toEqual({ ok: true });
  });

  it('when a request recorded by another replica is retried here, then the original result comes back', async () => {
    const replica = new CaseService({ events: store, signer, clock, calendar, cache: new StateCache() });
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await cases.record('c-1', alice, evidence('warm the cache'), { eventId: newId() });
    const id = idempotentEventId(alice, 'case-county-justice:c-1', 'cross-replica');
    const original = await replica.record('c-1', alice, evidence('x'), { eventId: id });
    const retried = await cases.record('c-1', alice, evidence('x'), { eventId: id });
    expect(retried).toMatchObject({ created: false, revision: original.revision, hash: original.hash });
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(3);
  });

  it('when If-Match names an older revision, then revision_conflict and no retry', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await cases.record('c-1', alice, evidence('a'), { eventId: newId(), expectedRevision: 0 });
    await expect(
      cases.record('c-1', alice, evidence('b'), { eventId: newId(), expectedRevision: 0 }),
    ).rejects.toBeInstanceOf(RevisionConflict);
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(2);
  });

  it('when a request is retried with the same idempotency key, then the original result comes back and nothing is added', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const id = idempotentEventId(alice, 'case-county-justice:c-1', 'retry-key-1');
    const first = await cases.record('c-1', alice, evidence('a'), { eventId: id });
    await cases.record('c-1', alice, evidence('later'), { eventId: newId() });
    const again = await cases.record('c-1', alice, evidence('a'), { eventId: id });
    expect(again).toMatchObject({
      revision: first.revision,
      position: first.position,
      hash: first.hash,
      created: false,
    });
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(3);
    const reused = cases.record(
      'c-1',
      alice,
      { type: 'HearingHeld', occurredAt: '2019-09-21T10:00:00+08:00', data: { heldOn: '2019-09-21' }, media: [] },
      { eventId: id },
    );
    await expect(reused).rejects.toMatchObject({ constructor: RuleViolation, code: 'idempotency_key_reused' });
  });

  it('when the idempotency key is the same but the agency, the user or the case differs, then the ids differ', () => {
    const bob = { sub: 'bob', agency: 'county-justice' };
    const otherAgency = { sub: 'alice', agency: 'city-justice' };
    const id = idempotentEventId(alice, 'case-c-1', 'k');
    expect(idempotentEventId(bob, 'case-c-1', 'k')).not.toBe(id);
    expect(idempotentEventId(otherAgency, 'case-c-1', 'k')).not.toBe(id);
    expect(idempotentEventId(alice, 'case-c-2', 'k')).not.toBe(id);
    expect(idempotentEventId({ sub: 'alice', agency: 'county-justice' }, 'case-c-1', 'k')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('when an act names officers, then they are kept in the envelope data and come back to the rules', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await cases.record('c-1', alice, { ...evidence('x'), officers: ['alice', 'bob'] }, { eventId: newId() });
    const loaded = await cases.load('county-justice', 'c-1');
    expect(loaded!.events[1]!.data).toMatchObject({ description: 'x', officers: ['alice', 'bob'] });
  });

  it('when acts are recorded, then every stored envelope and its data satisfy the published schemas', async () => {
    const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
    const acts = await fullHistory();
    for (const [actor, request] of acts) await cases.record('c-1', actor, request, { eventId: newId() });
    const events = (await cases.load('county-justice', 'c-1'))!.events;
    expect(events.map((e) => e.type)).toEqual(acts.map(([, a]) => a.type));
    for (const event of events) {
      validate('urn:evidence-ledger:schema:event-envelope:1', event);
      validate(`urn:evidence-ledger:schema:event:${event.type}`, event.data);
    }
  });

  it('when an officer is suspended after acting, then the very next act naming the officer is refused', async () => {
    const registry = new RegistryService({ events: store, signer, clock });
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await cases.record('c-1', alice, evidence('before'), { eventId: newId() });
    await registry.officerCommand(
      'county-justice',
      'bob',
      { type: 'SuspendOfficer', actor: head, reason: '暂停执法资格' },
      { eventId: newId() },
    );
    await expect(cases.record('c-1', alice, evidence('after'), { eventId: newId() })).rejects.toMatchObject({
      code: 'certificate_invalid',
    });
  });
});

describe('retries under an idempotency key', () => {
  const key = (actor: Actor, name: string) => idempotentEventId(actor, 'case-county-justice:c-1', name);

  it('when the same act is retried with the same key, then the original event comes back and nothing is added', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const first = await cases.record('c-1', alice, evidence('照片'), { eventId: key(alice, 'k') });
    const again = await cases.record('c-1', alice, evidence('照片'), { eventId: key(alice, 'k') });
    expect(again).toMatchObject({ created: false, revision: first.revision, position: first.position });
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(2);
  });

  it('when an idempotency key is reused for an act with a different description, then idempotency_key_reused and nothing is recorded', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await cases.record('c-1', alice, evidence('照片'), { eventId: key(alice, 'k') });
    await expect(
      cases.record('c-1', alice, evidence('另一张照片'), { eventId: key(alice, 'k') }),
    ).rejects.toMatchObject({ constructor: RuleViolation, code: 'idempotency_key_reused', status: 422 });
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(2);
  });

  it.each<[string, (act: ActRequest<'EvidenceCollected'>) => ActRequest]>([
    ['another time', (act) => ({ ...act, occurredAt: '2019-09-20T11:00:00+08:00' })],
    ['other officers', (act) => ({ ...act, officers: ['alice'] })],
    ['a medium more', (act) => ({ ...act, media: ['a'.repeat(64)] })],
    ['a member more', (act) => ({ ...act, data: { ...act.data, relatesTo: 'x' } }) as ActRequest],
  ])('when an idempotency key is reused for the same act with %s, then idempotency_key_reused', async (_, change) => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const original = { ...evidence('照片'), officers: ['alice', 'bob'] };
    await cases.record('c-1', alice, original, { eventId: key(alice, 'k') });
    await expect(cases.record('c-1', alice, change(original), { eventId: key(alice, 'k') })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(2);
  });

  it('when acts whose data the rules extend are retried with their keys, then each retry is the original', async () => {
    const acts = await fullHistory();
    const firsts = [];
    for (const [i, [actor, act]] of acts.entries())
      firsts.push(await cases.record('c-1', actor, act, { eventId: key(actor, `step-${i}`) }));
    for (const [i, [actor, act]] of acts.entries()) {
      const again = await cases.record('c-1', actor, act, { eventId: key(actor, `step-${i}`) });
      expect(again).toMatchObject({ created: false, revision: firsts[i]!.revision, hash: firsts[i]!.hash });
    }
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(acts.length);
  });

  it('when a decision names the person party, then personal_data_published, in the batch that opens the case too', async () => {
    const decision = (legalBasis: string): ActRequest<'DecisionIssued'> => ({
      type: 'DecisionIssued',
      occurredAt: '2019-09-20T11:00:00+08:00',
      data: { decisionType: 'warning', legalBasis, documentNo: '县司告〔2019〕1号', decidedOn: '2019-09-20' },
      media: [],
    });
    const named = decision('第五十条；当事人张三丰');
    await expect(cases.recordAll('c-1', alice, [openCase, named], { eventId: newId() })).rejects.toMatchObject({
      code: 'personal_data_published',
      details: { members: ['/data/legalBasis'] },
    });
    expect(await cases.load('county-justice', 'c-1')).toBeUndefined();
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    await expect(cases.record('c-1', alice, named, { eventId: newId() })).rejects.toMatchObject({
      code: 'personal_data_published',
    });
    expect((await cases.record('c-1', alice, decision('第五十条'), { eventId: newId() })).revision).toBe(1);
  });

  it('when a batch is retried with its key, then the original; when the key comes with other acts, then idempotency_key_reused', async () => {
    await cases.record('c-1', alice, openCase, { eventId: newId() });
    const batch = [evidence('a'), evidence('b')];
    const first = await cases.recordAll('c-1', alice, batch, { eventId: key(alice, 'b') });
    const again = await cases.recordAll('c-1', alice, batch, { eventId: key(alice, 'b') });
    expect(again).toMatchObject({ created: false, revision: first.revision, hash: first.hash });
    for (const other of [[evidence('a')], [evidence('a'), evidence('c')], [...batch, evidence('c')]]) {
      await expect(cases.recordAll('c-1', alice, other, { eventId: key(alice, 'b') })).rejects.toMatchObject({
        code: 'idempotency_key_reused',
      });
    }
    expect((await cases.load('county-justice', 'c-1'))!.events).toHaveLength(3);
  });

  it('when a registration is retried with its key, then the original; with another profile, then idempotency_key_reused', async () => {
    const registry = new RegistryService({ events: store, signer, clock });
    const carol = {
      officerId: 'carol',
      name: 'carol',
      agency: 'county-justice',
      certificateNo: 'C-carol',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer' as const],
    };
    const id = idempotentEventId(head, 'officer-county-justice:carol', 'k');
    const first = await registry.registerOfficer(head, carol, id);
    expect(await registry.registerOfficer(head, carol, id)).toMatchObject({ created: false, hash: first.hash });
    await expect(registry.registerOfficer(head, { ...carol, validTo: '2031-12-31' }, id)).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });
});
