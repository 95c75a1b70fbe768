import fs from 'node:fs';
import path from 'node:path';
import { FileKeyWrapper, loadOrCreateMasterKey } from '../../src/adapters/keys/master-key.js';
import { SqliteDataKeyStore } from '../../src/adapters/sqlite/data-key-store.js';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { CaseService } from '../../src/app/case-service.js';
import { ErasureService } from '../../src/app/erasure-service.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { openData } from '../../src/app/personal-data.js';
import { PersonalReads } from '../../src/app/personal-reads.js';
import type { CaseFileDoc } from '../../projections/case-files.js';
import type { CaseReads } from '../../src/app/case-reads.js';
import { sealValue } from '../../src/ledger/sealed-field.js';
import { RegistryService } from '../../src/app/registry-service.js';
import { StateCache } from '../../src/app/state-cache.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import type { Actor } from '../../src/domain/actor.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { RuleViolation } from '../../src/domain/errors.js';
import { DataKeyDestroyed, DataKeyNotErasable, type DataKeyStore } from '../../src/ports/data-keys.js';
import type { Clock } from '../../src/ports/clock.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { calendar } from '../support/domain.js';
import { testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('data-keys');
const clock: Clock = { now: () => new Date('2019-09-20T02:00:00Z') };
const newId = uuidv7Generator(clock);
const head: Actor = { sub: 'head', agency: 'county-justice', roles: ['admin'] };
const alice: Actor = { sub: 'alice', agency: 'county-justice', roles: ['officer'] };
const PERSON = { kind: 'person' as const, name: '张三丰', idNumber: '140521199001011234' };
const opening = (caseId: string) => ({
  type: 'CaseOpened' as const,
  occurredAt: '2019-09-20T10:00:00+08:00',
  data: {
    caseId,
    itemCode: 'P-001',
    title: '某案',
    openedOn: '2019-09-20',
    officers: ['alice', 'bob'],
    parties: [PERSON],
  },
  media: [],
});

function keyStore(dir = tempDir()): { store: SqliteDataKeyStore; file: string; master: string } {
  const file = path.join(dir, 'data-keys.sqlite');
  const master = path.join(dir, 'keys', 'master.key');
  return {
    store: new SqliteDataKeyStore(file, new FileKeyWrapper(loadOrCreateMasterKey(master)), clock),
    file,
    master,
  };
}

// what every data-key store promises is in test/contract/data-key-stores.test.ts; this is the embedded file's own
describe('the embedded data-key store', () => {
  it('when a key is made, then it is wrapped in an owner-only file and the same key comes back after a reopen', async () => {
    const dir = tempDir();
    const first = keyStore(dir);
    const key = await first.store.ensure('case-a');
    expect(Buffer.from(key)).toHaveLength(32);
    expect(Buffer.from(await first.store.ensure('case-a'))).toEqual(Buffer.from(key));
    first.store.close();
    expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(first.master).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(first.file).includes(Buffer.from(key))).toBe(false); // never in clear
    const again = keyStore(dir);
    expect(Buffer.from((await again.store.get('case-a'))!)).toEqual(Buffer.from(key));
    again.store.close();
  });
});

describe('the embedded data-key store remembering the keys it used last', () => {
  /** The file's wrapper, counting unwraps (a look-up that read the row), and holding them back while `held` is set. */
  function countingStore(dir = tempDir(), options?: { cachedScopes?: number }) {
    const file = path.join(dir, 'data-keys.sqlite');
    const wrapper = new FileKeyWrapper(loadOrCreateMasterKey(path.join(dir, 'keys', 'master.key')));
    const counted = { unwraps: 0, held: undefined as Promise<void> | undefined };
    const spy = {
      keyId: wrapper.keyId,
      wrap: (key: Uint8Array, scope: string) => wrapper.wrap(key, scope),
      unwrap: async (wrapped: Uint8Array, scope: string) => {
        counted.unwraps++;
        const key = await wrapper.unwrap(wrapped, scope);
        await counted.held;
        return key;
      },
    };
    const open = () => new SqliteDataKeyStore(file, spy, clock, options);
    return { store: open(), open, counted };
  }
  const hex = (key: Uint8Array | undefined) => (key ? Buffer.from(key).toString('hex') : undefined);

  it('when a scope is asked again, then the key comes from memory, the same one ensure made', async () => {
    const { store, counted } = countingStore();
    const made = await store.ensure('case-a');
    const unwraps = counted.unwraps;
    expect(hex(await store.ensure('case-a'))).toBe(hex(made));
    expect(hex(await store.get('case-a'))).toBe(hex(made));
    expect(await store.destroyed('case-a')).toBe(false);
    expect(counted.unwraps).toBe(unwraps);
    store.close();
  });

  it('when this connection makes the keys of new cases, then the keys it remembers are not read again', async () => {
    const { store, counted } = countingStore();
    const a = await store.ensure('case-a');
    const unwraps = counted.unwraps;
    for (const scope of ['case-b', 'case-c', 'case-d']) await store.ensure(scope); // each a commit of its own
    expect(hex(await store.get('case-a'))).toBe(hex(a));
    expect(counted.unwraps - unwraps).toBe(3); // the new keys' own look-ups after their commit, and none of case-a
    store.close();
  });

  it('when another connection to the file destroys a remembered key, then this one answers it destroyed', async () => {
    const dir = tempDir();
    const { store, open, counted } = countingStore(dir);
    await store.ensure('case-a');
    await store.get('case-a');
    const other = open(); // another process sharing the file (replicas on one host), or another thread
    expect(await other.destroy('case-a', '2019-09-21T00:00:00Z')).toBe(true);
    expect(await store.get('case-a')).toBeUndefined();
    expect(await store.destroyed('case-a')).toBe(true);
    await expect(store.ensure('case-a')).rejects.toBeInstanceOf(DataKeyDestroyed);
    const unwraps = counted.unwraps;
    await expect(store.ensure('case-a')).rejects.toBeInstanceOf(DataKeyDestroyed); // the tombstone is remembered
    expect(counted.unwraps).toBe(unwraps);
    other.close();
    store.close();
  });

  it('when a key is destroyed while a look-up of it is unwrapping it, then the look-up does not remember it', async () => {
    const { store: maker, open, counted } = countingStore();
    await maker.ensure('case-a');
    const store = open(); // remembers nothing yet
    let release = () => {};
    counted.held = new Promise((resolve) => (release = resolve));
    const reading = store.get('case-a'); // read the row, now unwrapping
    await Promise.resolve();
    expect(await store.destroy('case-a', '2019-09-21T00:00:00Z')).toBe(true);
    counted.held = undefined;
    release();
    expect(await reading).toBeDefined(); // it read the row before the key was destroyed
    expect(await store.get('case-a')).toBeUndefined();
    await expect(store.ensure('case-a')).rejects.toBeInstanceOf(DataKeyDestroyed);
    store.close();
    maker.close();
  });

  it('when more scopes are used than it remembers, then the least recently used one is read again', async () => {
    const { store, counted } = countingStore(tempDir(), { cachedScopes: 2 });
    const a = await store.ensure('case-a');
    await store.ensure('case-b');
    await store.get('case-a'); // a is now used more recently than b
    await store.ensure('case-c'); // b leaves
    const unwraps = counted.unwraps;
    expect(hex(await store.get('case-a'))).toBe(hex(a));
    await store.get('case-c');
    expect(counted.unwraps).toBe(unwraps);
    await store.get('case-b');
    expect(counted.unwraps).toBe(unwraps + 1);
    store.close();
  });
});

describe('sealing on the write path', () => {
  let events: SqliteEventStore;
  let keys: SqliteDataKeyStore;
  /** What happened, in order: key made, events appended. */
  let order: string[];
  let cases: CaseService;

  beforeEach(async () => {
    events = new SqliteEventStore({ path: ':memory:' });
    keys = keyStore().store;
    order = [];
    const recordingKeys: DataKeyStore = {
      ensure: async (scope) => {
        const key = await keys.ensure(scope);
        order.push(`key ${scope}`);
        return key;
      },
      get: (scope) => keys.get(scope),
      destroyed: (scope) => keys.destroyed(scope),
      destroy: (scope, at) => keys.destroy(scope, at),
      checkErasable: () => keys.checkErasable(),
    };
    const recordingEvents: EventStore = Object.create(events, {
      append: {
        value: async (...args: Parameters<EventStore['append']>) => {
          // the key is durable (readable back from the store) before any event that uses it is appended
          const [stream] = args;
          order.push(`append ${stream} (key ${(await keys.get(stream)) ? 'stored' : 'missing'})`);
          return events.append(...args);
        },
      },
    });
    const deps = {
      events: recordingEvents,
      signer: testSigner(),
      clock,
      locks: new StreamLocks(),
      cache: new StateCache(),
    };
    cases = new CaseService({ ...deps, calendar, dataKeys: recordingKeys });
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
      { code: 'P-001', agency: 'county-justice', name: '处罚', category: 'penalty', legalBasis: '第五十条' },
      newId(),
    );
    order = [];
  });
  afterEach(() => {
    events.close();
    keys.close();
  });

  it('when a case is opened, then its key is stored before its sealed event is appended', async () => {
    const stream = caseStream('county-justice', 'c-1');
    const result = await cases.record('c-1', alice, opening('c-1'), { eventId: newId() });
    expect(order).toEqual([`key ${stream}`, `append ${stream} (key stored)`]);
    const [event] = result.events;
    expect(JSON.stringify(event!.data)).not.toContain(PERSON.name);
    const opened = openData(event!.data, event!.id, await keys.get(stream)) as { parties: unknown[] };
    expect(opened.parties).toEqual([PERSON]);
  });

  it('when an opening is retried under its id, then the retry is recognised as the same request', async () => {
    const eventId = newId();
    const first = await cases.record('c-2', alice, opening('c-2'), { eventId });
    const retry = await cases.record('c-2', alice, opening('c-2'), { eventId });
    expect([retry.created, retry.hash]).toEqual([false, first.hash]);
  });

  it('when a case was erased, then its key is gone and the erasure event is in its stream', async () => {
    await cases.record('c-3', alice, opening('c-3'), { eventId: newId() });
    const erasure = new ErasureService({ events, signer: testSigner(), clock, dataKeys: keys });
    const result = await erasure.erase(
      'c-3',
      head,
      { ground: 'purpose_fulfilled', reason: '目的已实现' },
      { eventId: newId() },
    );
    expect(result.events[0]).toMatchObject({ type: 'CaseDataErased', data: { ground: 'purpose_fulfilled' } });
    expect(await keys.get(caseStream('county-justice', 'c-3'))).toBeUndefined();
    await expect(
      erasure.erase('c-3', head, { ground: 'purpose_fulfilled', reason: '再次' }, { eventId: newId() }),
    ).rejects.toMatchObject({ code: 'case_erased' });
    await expect(
      erasure.erase('no-case', head, { ground: 'purpose_fulfilled', reason: '无' }, { eventId: newId() }),
    ).rejects.toBeInstanceOf(RuleViolation);
  });

  it('when the key store cannot erase, then the erasure is refused before anything is recorded', async () => {
    await cases.record('c-4', alice, opening('c-4'), { eventId: newId() });
    const keeping: DataKeyStore = {
      ...keys,
      ensure: (scope) => keys.ensure(scope),
      get: (scope) => keys.get(scope),
      destroyed: (scope) => keys.destroyed(scope),
      destroy: (scope, at) => keys.destroy(scope, at),
      checkErasable: () => Promise.reject(new DataKeyNotErasable('the bucket locks every object')),
    };
    const erasure = new ErasureService({ events, signer: testSigner(), clock, dataKeys: keeping });
    await expect(
      erasure.erase('c-4', head, { ground: 'purpose_fulfilled', reason: '目的已实现' }, { eventId: newId() }),
    ).rejects.toMatchObject({ code: 'data_key_not_erasable', status: 503 });
    const stream = caseStream('county-justice', 'c-4');
    expect((await events.readStream(stream)).map((e) => e.event.type)).toEqual(['CaseOpened']);
    expect(await keys.get(stream)).toBeDefined();
  });
});

describe('reads of personal fields', () => {
  const noKeys = (destroyed: boolean): DataKeyStore => ({
    ensure: () => Promise.reject(new Error('not on reads')),
    get: () => Promise.resolve(undefined),
    destroyed: () => Promise.resolve(destroyed),
    destroy: () => Promise.resolve(false),
    checkErasable: () => Promise.resolve(),
  });
  const reads = (destroyed: boolean) =>
    new PersonalReads({ dataKeys: noKeys(destroyed), events: {} as EventStore, reads: {} as CaseReads });
  const eventId = '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e5f';
  const sealedName = sealValue(
    Buffer.alloc(32, 1),
    { iv: Buffer.alloc(12), salt: Buffer.alloc(32) },
    { eventId, path: '/parties/0/name' },
    PERSON.name,
  );
  const fileWith = (party: Record<string, unknown>, erased?: boolean) => ({
    agency: 'county-justice',
    caseId: 'c-9',
    parties: [party, { kind: 'organization', name: '某公司' }] as unknown as CaseFileDoc['parties'],
    timeline: [{ eventId, type: 'CaseOpened', data: { parties: [party] } }] as unknown as CaseFileDoc['timeline'],
    ...(erased ? { erased: { eventId, erasedAt: '2019-09-21T00:00:00Z', ground: 'purpose_fulfilled' } } : {}),
  });

  it('when a case recorded before sealing is erased, then its file hides the clear personal fields', async () => {
    const file = await reads(true).openCaseFile(fileWith(PERSON, true));
    expect(file.parties).toEqual([
      { kind: 'person', name: '[erased]', idNumber: '[erased]' },
      { kind: 'organization', name: '某公司' },
    ]);
    expect(JSON.stringify(file)).not.toContain(PERSON.idNumber);
  });

  it("when a case whose reasons for leaving the benchmark and review materials were recorded in clear is erased, then its file hides them, a review's copy of the reason too", async () => {
    const reason = '张三系低保户，从轻处罚';
    const proposed = {
      decisionType: 'fine',
      fineFen: 200_000,
      legalBasis: '《律师法》第五十条',
      circumstance: 'serious',
    };
    const act = (type: string, data: Record<string, unknown>) => ({ eventId, type, data });
    const file = {
      ...fileWith(PERSON, true),
      timeline: [
        act('LegalReviewRequested', {
          proposed: { ...proposed, deviationReason: reason },
          materials: ['张三的询问笔录'],
        }),
        act('LegalReviewCompleted', {
          outcome: 'approved',
          opinion: '同意',
          proposal: { ...proposed, deviationReason: reason },
        }),
        act('DecisionIssued', { ...proposed, documentNo: '县司罚〔2019〕1号', deviationReason: reason }),
      ] as unknown as CaseFileDoc['timeline'],
    };
    const opened = await reads(true).openCaseFile(file);
    expect(opened.timeline.map((t) => t.data)).toEqual([
      { proposed: { ...proposed, deviationReason: '[erased]' }, materials: '[erased]' },
      { outcome: 'approved', opinion: '[erased]', proposal: { ...proposed, deviationReason: '[erased]' } },
      { ...proposed, documentNo: '县司罚〔2019〕1号', deviationReason: '[erased]' },
    ]);
    expect(JSON.stringify(opened)).not.toContain('张三');
  });

  it('when the opening of a case recorded in clear was corrected to name its parties otherwise, then the file shows the corrected parties; once erased, the opened ones hidden', async () => {
    const corrected = [PERSON, { kind: 'person', name: '欧阳娜娜' }];
    const correction = {
      eventId,
      occurredAt: '2019-09-22T09:30:00+08:00',
      reason: '当事人为自然人',
      data: { parties: corrected },
    };
    const withCorrection = (erased: boolean) => {
      const file = fileWith(PERSON, erased);
      return { ...file, timeline: [{ ...file.timeline[0]!, corrections: [correction] }] as CaseFileDoc['timeline'] };
    };
    expect((await reads(false).openCaseFile(withCorrection(false))).parties).toEqual(corrected);
    const erased = await reads(true).openCaseFile(withCorrection(true));
    expect(JSON.stringify(erased.parties)).not.toContain('欧阳娜娜');
    expect(JSON.stringify(erased.parties)).not.toContain(PERSON.idNumber);
  });

  it('when this service holds no key for a sealed value and none was destroyed, then it reads [sealed], not [erased]', async () => {
    const file = await reads(false).openCaseFile(fileWith({ kind: 'person', name: sealedName }));
    expect(file.parties[0]!.name).toBe('[sealed]');
    const erased = await reads(true).openCaseFile(fileWith({ kind: 'person', name: sealedName }));
    expect(erased.parties[0]!.name).toBe('[erased]');
  });
});
