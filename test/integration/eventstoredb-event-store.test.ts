import { WrongExpectedVersionError } from '@eventstore/db-client';
import {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from '../../src/adapters/eventstoredb/event-store.js';
import { APPEND_INDEX_BITS } from '../../src/adapters/eventstoredb/positions.js';
import { DuplicateEventId, RevisionConflict, StoreUnavailable } from '../../src/errors.js';
import { sealEvents } from '../../src/ledger/envelope.js';
import { verifyChain } from '../../src/ledger/verify.js';
import type { RecordedEvent, SubscriptionMessage } from '../../src/ports/event-store.js';
import { EventStoreDbStandIn, type AppendFault, type StandInOptions } from '../support/eventstoredb-standin.js';
import { draft, headOf, RECORDED_AT, resolverFor, seal, testSigner } from '../support/events.js';
import { iterate } from '../support/subscription.js';

/**
 * What the EventStoreDB adapter does beyond the contract, shown over the TEST DOUBLE of the server
 * (`test/support/eventstoredb-standin.ts`): the stored form of an envelope, both append methods of the client,
 * the translation of the driver's errors, retries after an ambiguous failure, resubscription, and positions.
 */
const signer = testSigner();
const serviceKeys = resolverFor(signer);
let standIn: EventStoreDbStandIn;
let store: EventStoreDbEventStore;

async function open(
  standInOptions: StandInOptions = {},
  storeOptions: Partial<EventStoreDbEventStoreOptions> = {},
): Promise<void> {
  standIn = await EventStoreDbStandIn.start(standInOptions);
  store = new EventStoreDbEventStore({ connectionString: standIn.url, retryDelayMs: 10, ...storeOptions });
}

afterEach(async () => {
  await store?.close();
  await standIn?.stop();
});

let counter = 0;
const fresh = (kind = 'case') => `${kind}-esdb-${process.pid}-${++counter}`;

/** Reads messages until `until` holds; fails the test when it does not within `ms`. */
async function take(
  iterator: AsyncIterator<SubscriptionMessage>,
  until: (events: RecordedEvent[], caughtUp: number) => boolean,
  ms = 30_000,
): Promise<{ events: RecordedEvent[]; caughtUp: number }> {
  const events: RecordedEvent[] = [];
  let caughtUp = 0;
  const deadline = Date.now() + ms;
  while (!until(events, caughtUp)) {
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no message in time')), deadline - Date.now());
      }),
    ]).finally(() => clearTimeout(timer));
    if (next.done) break;
    if (next.value.type === 'events') events.push(...next.value.events);
    else caughtUp += 1;
  }
  return { events, caughtUp };
}

describe('the EventStoreDB adapter (over the TEST DOUBLE of the server)', () => {
  describe('stored form', () => {
    it('when envelopes are appended, then each is one JSON event: type, id, the envelope as data, its index as metadata', async () => {
      await open();
      const stream = fresh();
      const events = seal(stream, null, signer, 3);
      await store.append(stream, events, 'no_stream');

      const stored = standIn.events().filter((e) => e.stream === stream);
      expect(stored.map((e) => [e.id, e.type, e.contentType, e.revision])).toEqual(
        events.map((e, i) => [e.id, e.type, 'application/json', i]),
      );
      expect(stored.map((e) => Buffer.from(e.data).toString('utf8'))).toEqual(events.map((e) => JSON.stringify(e)));
      expect(stored.map((e) => Buffer.from(e.metadata).toString('utf8'))).toEqual(
        events.map((_, i) => JSON.stringify({ appendIndex: i })),
      );
      expect((await store.readStream(stream)).map((r) => r.event)).toEqual(events);
    });

    it('when a server lists BatchAppend, then appends use it; when not, they use Append and behave the same', async () => {
      await open();
      const stream = fresh();
      await store.append(stream, seal(stream, null, signer), 'no_stream');
      expect(standIn.calls).toMatchObject({ batchAppend: 1, append: 0 });
      await store.close();
      await standIn.stop();

      await open({ batchAppend: false });
      const legacy = fresh();
      const first = seal(legacy, null, signer, 2);
      const original = await store.append(legacy, first, 'no_stream');
      expect(await store.append(legacy, first, 'no_stream')).toEqual(original);
      const rival = seal(legacy, null, signer);
      await expect(store.append(legacy, rival, 'no_stream')).rejects.toMatchObject({
        constructor: RevisionConflict,
        actual: 1,
      });
      const next = seal(legacy, headOf(first), signer);
      expect(await store.append(legacy, next, 1)).toMatchObject({ revision: 2, hash: next[0]!.hash });
      expect(standIn.calls).toMatchObject({ batchAppend: 0, append: 4 });
    });

    it('when an event that is not a ledger envelope is in a ledger stream, then reading it fails loudly', async () => {
      await open();
      const stream = fresh();
      standIn.appendForeignEvent(stream, 'SomethingElse', { hello: 'world' });
      await expect(store.readStream(stream)).rejects.toThrow(/is not a ledger envelope/);
    });
  });

  describe('errors', () => {
    it("when the server refuses the expected revision, then the driver's error becomes RevisionConflict", async () => {
      await open();
      const stream = fresh();
      const first = seal(stream, null, signer, 2);
      await store.append(stream, first, 'no_stream');
      await store.append(stream, seal(stream, headOf(first), signer), 1);

      const stale = seal(stream, headOf(first), signer);
      for (const expected of [1, 'any'] as const) {
        const error = await store.append(stream, stale, expected).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RevisionConflict);
        expect(error).not.toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ stream, actual: 2, code: 'revision_conflict', status: 409 });
      }
      expect((await store.readStream(stream)).map((r) => r.event.revision)).toEqual([0, 1, 2]);
    });

    it('when an id is stored at its revision with other content, then the append fails with DuplicateEventId', async () => {
      await open();
      const stream = fresh();
      const [original] = seal(stream, null, signer);
      await store.append(stream, [original!], 'no_stream');
      // the same id and revision, sealed again with other data: the server takes it for a retry, the adapter does not
      const altered = sealEvents(
        stream,
        null,
        [draft({ id: original!.id, data: { other: true } })],
        signer,
        RECORDED_AT,
      );
      await expect(store.append(stream, altered, 'no_stream')).rejects.toMatchObject({
        constructor: DuplicateEventId,
        eventId: original!.id,
      });
      expect((await store.readStream(stream)).map((r) => r.event)).toEqual([original]);
    });

    it('when an id is reused in another stream, then it is NOT detected: EventStoreDB has no index of event ids', async () => {
      await open();
      const stream = fresh();
      const [event] = seal(stream, null, signer);
      await store.append(stream, [event!], 'no_stream');
      const other = fresh();
      const reused = sealEvents(other, null, [draft({ id: event!.id })], signer, RECORDED_AT);
      await store.append(other, reused, 'no_stream');
      expect((await store.readStream(other)).map((r) => r.event.id)).toEqual([event!.id]);
    });
  });

  describe('an append whose outcome is unknown', () => {
    const faults: AppendFault[] = [
      'drop-reply',
      'timeout-reply',
      'unavailable-after-commit',
      'unavailable-before-commit',
    ];

    it.each(faults)(
      'when the first attempt meets %s, then the append is sent again with the same ids and lands once',
      async (fault) => {
        await open({}, { appendDeadlineMs: 200 });
        const stream = fresh();
        const first = seal(stream, null, signer);
        await store.append(stream, first, 'no_stream');
        const events = seal(stream, headOf(first), signer, 3);
        standIn.faults.appends.push(fault);

        const result = await store.append(stream, events, 0);

        const stored = await store.readStream(stream);
        expect(stored.map((r) => r.event)).toEqual([...first, ...events]);
        expect(result).toEqual({
          stream,
          revision: 3,
          firstPosition: stored[1]!.position,
          position: stored[3]!.position,
          hash: events[2]!.hash,
        });
        expect(standIn.calls.batchAppend).toBe(3);
        expect(store.stats.appendRetries).toBe(1);
        expect(
          verifyChain(
            stored.map((r) => r.event),
            { serviceKeys },
          ),
        ).toEqual({ ok: true });
      },
    );

    it('when the server drops the answer to an Append (no BatchAppend), then the deadline passes and the retry is idempotent', async () => {
      await open({ batchAppend: false }, { appendDeadlineMs: 200 });
      const stream = fresh();
      const events = seal(stream, null, signer, 2);
      standIn.faults.appends.push('drop-reply');
      const result = await store.append(stream, events, 'no_stream');
      expect(result).toMatchObject({ revision: 1, hash: events[1]!.hash });
      expect(await store.readStream(stream)).toHaveLength(2);
      expect(standIn.calls.append).toBe(2);
    });

    it('when every attempt fails, then the append gives up after the bounded attempts with StoreUnavailable', async () => {
      await open({}, { appendAttempts: 3 });
      const stream = fresh();
      standIn.faults.appends.push(...Array.from({ length: 3 }, () => 'unavailable-before-commit' as const));
      const error = await store.append(stream, seal(stream, null, signer), 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailable);
      expect(standIn.calls.batchAppend).toBe(3);
      expect(await store.readStream(stream)).toEqual([]);
      // the next append reaches the server again
      await store.append(stream, seal(stream, null, signer), 'no_stream');
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe.each([
    ['as current servers report positions', {}],
    ["as older servers (20.x–21.x) report positions (prepare = the append's first record)", { legacyPositions: true }],
  ] as const)('subscriptions and positions, %s', (_version, reporting) => {
    it('when the server closes the subscription, and when it restarts, then delivery resumes after the last event, without loss or repeat', async () => {
      await open(reporting);
      const stream = fresh();
      const history = seal(stream, null, signer, 2);
      await store.append(stream, history, 'no_stream');
      const controller = new AbortController();
      const iterator = iterate(store, { signal: controller.signal });
      const caught = await take(iterator, (_events, caughtUp) => caughtUp > 0);
      expect(caught.events.map((r) => r.event.id)).toEqual(history.map((e) => e.id));

      standIn.dropSubscriptions();
      const during = seal(stream, headOf(history), signer, 2);
      await store.append(stream, during, 1);
      const afterDrop = await take(iterator, (events) => events.length >= 2);
      expect(afterDrop.events.map((r) => r.event.id)).toEqual(during.map((e) => e.id));

      await standIn.restart();
      const later = seal(stream, headOf(during), signer, 3);
      await store.append(stream, later.slice(0, 1), 3);
      await store.append(stream, later.slice(1), 4);
      const afterRestart = await take(iterator, (events) => events.length >= 3);
      expect(afterRestart.events.map((r) => r.event.id)).toEqual(later.map((e) => e.id));

      const all = [...caught.events, ...afterDrop.events, ...afterRestart.events];
      expect(all.map((r) => r.position)).toEqual((await store.readAll()).map((r) => r.position));
      expect(store.stats.resubscriptions).toBeGreaterThanOrEqual(2);
      controller.abort();
      expect((await iterator.next()).done).toBe(true);
    });

    it('when the server does not send caught-up (before 23.10), then the mark comes once the newest event is delivered', async () => {
      await open({ ...reporting, caughtUp: false });
      const empty = iterate(store, {});
      expect((await empty.next()).value).toEqual({ type: 'caughtUp', position: 0 });
      await empty.return?.();

      const stream = fresh();
      const history = seal(stream, null, signer, 5);
      await store.append(stream, history, 'no_stream');
      const controller = new AbortController();
      const iterator = iterate(store, { batchSize: 2, signal: controller.signal });
      const caught = await take(iterator, (_events, caughtUp) => caughtUp > 0);
      expect(caught.events.map((r) => r.event.id)).toEqual(history.map((e) => e.id));
      const live = seal(stream, headOf(history), signer);
      setTimeout(() => void store.append(stream, live, 4), 20);
      expect((await take(iterator, (events) => events.length >= 1)).events[0]!.event.id).toBe(live[0]!.id);
      controller.abort();
    });

    it('when appends of several events and system events interleave, then positions rise in $all order, consecutive within an append', async () => {
      await open(reporting, { pageSize: 4 }); // $all is read in many pages
      const sizes = [1, 3, 1, 5, 2, 4];
      const streams = [fresh(), fresh('officer'), fresh('access')];
      const heads = new Map<string, ReturnType<typeof headOf> | null>();
      const appended: { ids: string[]; firstPosition: number; position: number }[] = [];
      for (const [i, size] of sizes.entries()) {
        const stream = streams[i % streams.length]!;
        const head = heads.get(stream) ?? null;
        const events = seal(stream, head, signer, size);
        const result = await store.append(stream, events, head ? head.revision : 'no_stream');
        heads.set(stream, headOf(events));
        appended.push({ ids: events.map((e) => e.id), firstPosition: result.firstPosition, position: result.position });
        expect(result.position - result.firstPosition).toBe(size - 1);
        standIn.appendSystemEvent();
      }

      const all = await store.readAll();
      expect(all.map((r) => r.event.id)).toEqual(appended.flatMap((a) => a.ids));
      const positions = all.map((r) => r.position);
      for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
      expect(positions).toEqual(appended.flatMap((a) => a.ids.map((_, j) => a.firstPosition + j)));
      expect(all.every((r) => !r.event.stream.startsWith('$'))).toBe(true);
      expect(await store.headPosition()).toBe(positions[positions.length - 1]);

      // each append's first position carries the log position of its first event
      const log = standIn.events();
      for (const a of appended) {
        const first = log.find((e) => e.id === a.ids[0])!;
        expect(Math.floor(a.firstPosition / 2 ** APPEND_INDEX_BITS)).toBe(first.position);
      }

      // the same positions from a stream read, a subscription, and from the middle of an append
      const five = appended[3]!;
      const fromStream = await store.readStream(streams[0]!);
      expect(fromStream.map((r) => r.position)).toEqual(
        all.filter((r) => r.event.stream === streams[0]).map((r) => r.position),
      );
      const middle = five.firstPosition + 2;
      const rest = all.filter((r) => r.position > middle);
      expect((await store.readAll({ after: middle })).map((r) => r.event.id)).toEqual(rest.map((r) => r.event.id));
      expect((await store.readAll({ after: middle, limit: 2 })).map((r) => r.position)).toEqual([
        middle + 1,
        middle + 2,
      ]);
      const controller = new AbortController();
      const fromMiddle = await take(
        iterate(store, { after: middle, batchSize: 3, signal: controller.signal }),
        (_events, caughtUp) => caughtUp > 0,
      );
      expect(fromMiddle.events.map((r) => r.position)).toEqual(rest.map((r) => r.position));
      controller.abort();
      const fromStart = new AbortController();
      const everything = await take(iterate(store, { signal: fromStart.signal }), (_e, caughtUp) => caughtUp > 0);
      expect(everything.events.map((r) => r.position)).toEqual(positions);
      fromStart.abort();

      // looking back from the head, across pages and system events, stopping in the middle of an append
      const newest = [...all].reverse();
      expect(await store.readRecent(7)).toEqual(newest.slice(0, 7));
      expect(await store.readRecent(1_000)).toEqual(newest);
    });

    it('when a stream is read from its end only, then the position of an event in the middle of an append is still found', async () => {
      await open(reporting);
      const stream = fresh();
      const events = seal(stream, null, signer, 4);
      const result = await store.append(stream, events, 'no_stream');
      // a second adapter instance has none of the first's caches
      const other = new EventStoreDbEventStore({ connectionString: standIn.url });
      try {
        const [last] = await other.readStream(stream, { direction: 'backward', limit: 1 });
        expect(last!.position).toBe(result.position);
        expect(await other.headPosition()).toBe(result.position);
      } finally {
        await other.close();
      }
    });
  });
});
