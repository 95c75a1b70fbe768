import { caseKey } from '../../projections/case-files.js';
import path from 'node:path';
import { PROJECTIONS } from '../../projections/index.js';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import type { Signer } from '../../src/ledger/ed25519.js';
import { computeEventHash, eventSigningInput, type EventEnvelope, type StreamHead } from '../../src/ledger/envelope.js';
import { GENESIS_PREV } from '../../src/ledger/hash.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { QUARANTINE, type QuarantineDoc, type ReadModelStore } from '../../src/ports/read-models.js';
import { runCli } from '../support/cli.js';
import { act, opened, record } from '../support/domain.js';
import { testSigner } from '../support/events.js';
import { StreamWriter } from '../support/projection-spec.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { suiteOfSigner } from '../../src/ledger/suite.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('quarantine');

/** An array nesting `levels` levels deep. */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

/**
 * A correctly signed `RecordCorrected` after `head` whose `data.data` nests 1,000 levels: what the bounds now
 * refuse at every front door, written here as a store holding one (from before the bounds, or written around
 * them) would hold it. Sealed by hand, as `sealEvents` refuses it.
 */
function poison(stream: string, head: StreamHead, corrects: string, agency: string, signer: Signer): EventEnvelope {
  const body = {
    id: '0190a000-0000-7000-8000-00000000d00d',
    stream,
    revision: head.revision + 1,
    type: 'RecordCorrected',
    schemaVersion: 1,
    occurredAt: '2026-11-03T10:00:00+08:00',
    recordedAt: '2026-11-03T02:00:00.000Z',
    actor: { sub: 'alice', agency, roles: ['officer'] },
    data: { corrects, reason: '更正', data: { deep: nested(1_000) } },
    media: [],
    prev: head.hash ?? GENESIS_PREV,
  };
  // in the signer's suite: a log never mixes suites, and the service under test may run the SM2 one
  const suite = suiteOfSigner(signer);
  const hash = computeEventHash(body as unknown as EventEnvelope, suite);
  const value = signer.sign(eventSigningInput(hash)).toString('base64');
  return { ...body, hash, sig: { alg: suite.sigAlg, keyId: signer.keyId, value } } as EventEnvelope;
}

async function appendAfter(store: EventStore, event: EventEnvelope): Promise<number> {
  return (await store.append(event.stream, [event], event.revision - 1)).position;
}

const quarantined = (store: ReadModelStore) =>
  store.query<QuarantineDoc>(QUARANTINE, { orderBy: 'position', limit: 100 }).items;

describe('the projection runner and an event it cannot apply', () => {
  it('when a projection cannot apply an event, then it is quarantined and everything else keeps flowing', async () => {
    const signer = testSigner();
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
    const store = new SqliteReadModelStore({ path: path.join(tempDir(), 'rm.sqlite'), projections: PROJECTIONS });
    const writer = new StreamWriter();
    const caseOf = (caseId: string) => {
      const opening = opened();
      return writer.caseEvents(
        caseId,
        record(
          { ...opening, act: { ...opening.act, data: { ...opening.act.data, caseId } } as typeof opening.act },
          act('HearingHeld', { heldOn: '2019-09-21' }),
        ),
      );
    };
    const first = caseOf('c-1');
    for (const stream of [first, caseOf('c-2')]) await events.append(stream[0]!.stream, stream, 'no_stream');
    const last = first[first.length - 1]!;
    const bad = poison(last.stream, last, first[0]!.id, last.actor.agency, signer);
    await appendAfter(events, bad);
    const later = caseOf('c-3');
    const head = (await events.append(later[0]!.stream, later, 'no_stream')).position;

    const errors: unknown[] = [];
    const runner = new ProjectionRunner(events, store, PROJECTIONS, {
      retryDelayMs: 20,
      onError: (e) => errors.push(e),
    });
    const stop = new AbortController();
    try {
      void runner.start(stop.signal);
      const caughtUp = await runner.waitFor(head, 60_000);
      expect({ caughtUp, errors: errors.map(String).slice(0, 3) }).toMatchObject({ caughtUp: true });
      for (let i = 0; i < 3_000 && !runner.live(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(runner.live()).toBe(true); // ready again: the caught-up mark follows the last batch
      expect(errors.length).toBeGreaterThan(0); // the batch failed once, then went event by event
      const entries = quarantined(store);
      expect(entries.map((q) => [q.projection, q.eventId])).toEqual([['case-files', bad.id]]);
      expect(entries[0]!.reason).toMatch(/malformed JSON|too deep|serialized/i);
      expect(JSON.stringify(entries[0])).not.toContain('[[[');
      expect(runner.quarantined()).toMatchObject({ 'case-files': 1, merkle: 0 });
      // the case file stands as before the poison; the events after it are applied, by every projection
      expect(store.get<{ revision: number }>('cases', caseKey('county-justice', 'c-1'))?.revision).toBe(last.revision);
      expect(store.get('cases', caseKey('county-justice', 'c-3'))).toBeDefined();
      expect(store.get<{ size: number }>('merkle', 'tree')?.size).toBe(head); // the Merkle tree skips nothing
    } finally {
      stop.abort();
      await events.close();
      store.close();
    }
  });

  it('when the read-model store fails (not the event), then nothing is quarantined, the runner is not live, and it recovers', async () => {
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
    const store = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
    let failures = 2; // the batch, then its event-by-event retry
    const failing = new Proxy(store, {
      get(target, name, receiver) {
        const member = Reflect.get(target, name, receiver) as unknown;
        if ((name === 'commit' || name === 'commitEvent') && typeof member === 'function') {
          return (...args: unknown[]) => {
            if (failures > 0) {
              failures -= 1;
              throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
            }
            return (member as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof member === 'function' ? (member as () => unknown).bind(target) : member;
      },
    });
    const liveAtError: boolean[] = [];
    const runner: ProjectionRunner = new ProjectionRunner(events, failing, PROJECTIONS, {
      retryDelayMs: 20,
      onError: () => liveAtError.push(runner.live()),
    });
    const stop = new AbortController();
    try {
      await runner.start(stop.signal);
      const writer = new StreamWriter();
      const opening = opened();
      const stream = writer.caseEvents('c-1', record(opening));
      const head = (await events.append(stream[0]!.stream, stream, 'no_stream')).position;
      expect(await runner.waitFor(head, 60_000)).toBe(true);
      expect(liveAtError).toEqual([false, false]);
      expect(store.count(QUARANTINE)).toBe(0);
      expect(store.get('cases', caseKey('county-justice', 'c-1'))).toBeDefined();
    } finally {
      stop.abort();
      await events.close();
      store.close();
    }
  });
});

describe('the service with a poison event in its store', () => {
  const A = 'county-justice';
  const B = 'city-market';
  let dataDir: string;
  let t: TestService;

  const readyz = async (service: TestService) => {
    for (let i = 0; i < 200; i++) {
      const res = await service.call('GET', '/readyz');
      if (res.status === 200) return 200;
      await new Promise((r) => setTimeout(r, 50));
    }
    return (await service.call('GET', '/readyz')).status;
  };

  afterEach(async () => {
    await t?.stop(); // closing twice is harmless: a failed expectation must not leave the service running
  });

  const open = (caseId: string, officers: string[]) => ({
    caseId,
    itemCode: 'P-001',
    title: `案件 ${caseId}`,
    openedOn: '2026-11-02',
    officers,
    parties: [{ kind: 'organization', name: '某公司' }],
  });

  it('when a poison event is in the store, then it is quarantined, readiness returns, other agencies read on, a restart is healthy, rebuild succeeds and check lists it', async () => {
    dataDir = tempDir();
    t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const a = await seedAgency(t, A);
    const b = await seedAgency(t, B, { officers: ['carol', 'dave'] });
    const openedA = await t.call('POST', '/v1/cases', { token: a.officer, body: open('q-a', ['alice', 'bob']) });
    expect(openedA.status).toBe(201);
    const openedB = await t.call('POST', '/v1/cases', { token: b.officer, body: open('q-b', ['carol', 'dave']) });
    expect(openedB.status).toBe(201);

    // the case stream as the store names it, and its head, read back rather than derived
    const all = await t.service.events.readAll({ after: 0, limit: 10_000 });
    const caseA = all.find((r) => r.event.type === 'CaseOpened' && r.event.data.caseId === 'q-a')!.event;
    const bad = poison(caseA.stream, caseA, caseA.id, A, t.service.keys.eventSigner);
    await appendAfter(t.service.events, bad);

    expect(await readyz(t)).toBe(200);
    // another agency's writes and read-your-writes reads keep flowing
    const act = { type: 'EvidenceCollected', occurredAt: '2026-11-03T09:00:00+08:00', data: { description: '照片' } };
    const written = await t.call('POST', '/v1/cases/q-b/acts', { token: b.officer, body: act });
    expect(written.status).toBe(201);
    const read = await t.call('GET', `/v1/cases/q-b?consistentWith=${written.body.position}`, { token: b.officer });
    expect(read.status).toBe(200);
    expect(read.body.timeline).toHaveLength(2);
    // and the poisoned agency's own case file stands as before the event
    const own = await t.call('GET', `/v1/cases/q-a?consistentWith=${written.body.position}`, { token: a.officer });
    expect(own.status).toBe(200);
    expect(own.body.revision).toBe(0);

    const metrics = await t.call('GET', '/metrics');
    expect(metrics.body).toContain('ledger_projection_quarantined_events{projection="case-files"} 1');
    expect(metrics.body).toContain('ledger_projection_quarantined_events{projection="merkle"} 0');

    const supervisorA = t.token('sup-a', A, ['supervisor']);
    const view = await t.call('GET', '/v1/audit/quarantine', { token: supervisorA });
    expect(view.status).toBe(200);
    expect(view.body.items).toEqual([
      expect.objectContaining({ projection: 'case-files', eventId: bad.id, type: 'RecordCorrected', agency: A }),
    ]);
    const only = await t.call('GET', '/v1/audit/quarantine?projection=case-files', { token: supervisorA });
    expect(only.body.items).toHaveLength(1);
    const other = await t.call('GET', '/v1/audit/quarantine?projection=merkle', { token: supervisorA });
    expect(other.body.items).toEqual([]);
    // a name no projection has is refused at once, even with a position the read models have not reached
    const unknown = await t.call('GET', '/v1/audit/quarantine?projection=case-file&consistentWith=999999999', {
      token: supervisorA,
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'invalid_query']);
    expect(unknown.body.detail).toContain('case-files');
    const supervisorB = t.token('sup-b', B, ['supervisor']);
    expect((await t.call('GET', '/v1/audit/quarantine', { token: supervisorB })).body.items).toEqual([]);
    expect((await t.call('GET', '/v1/audit/quarantine', { token: a.officer })).status).toBe(403);
    await t.stop();

    // a restart comes up healthy: the quarantine was stored with the position
    t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    expect(await readyz(t)).toBe(200);
    await t.stop();

    const rebuilt = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect(rebuilt.code).toBe(0);
    const checked = await runCli(['check'], { LEDGER_DATA_DIR: dataDir });
    expect(checked.stdout).toContain(`event_quarantined`);
    expect(checked.stdout).toContain(`[event ${bad.id}]`);
    expect(checked.stdout).toContain('projection case-files could not apply this RecordCorrected');
    expect(checked.code).toBe(1);
  }, 120_000);
});
