import { DuplicateEventId, InvalidAppend, RevisionConflict, StoreUnavailable } from '../../src/errors.js';
import { sealEvents, type EventEnvelope, type StreamHead } from '../../src/ledger/envelope.js';
import { verifyChain } from '../../src/ledger/verify.js';
import type { EventStore, RecordedEvent, SubscriptionMessage } from '../../src/ports/event-store.js';
import { readTogether } from '../../src/app/read-ahead.js';
import { iterate } from '../support/subscription.js';
import { draft, headOf, RECORDED_AT, resolverFor, seal, testSigner } from '../support/events.js';

export interface ContractTarget {
  readonly store: EventStore;
  /** Releases what the target holds (files, servers). The store may already be closed. */
  dispose(): Promise<void>;
}

/** What an adapter cannot do, stated by the suite's caller; the tests that need it are then skipped, visibly. */
export interface ContractLimits {
  /**
   * The store does not find an event id stored in another stream or at another revision of the same stream
   * (EventStoreDB keeps no index of event ids across streams: docs/architecture.md, "The EventStoreDB adapter").
   */
  readonly reusedIdsUndetected?: boolean;
}

/**
 * The behaviour every EventStore adapter must have. Called once per adapter with a factory that returns a
 * fresh, empty store.
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<ContractTarget>,
  limits: ContractLimits = {},
): void {
  const detectsReusedIds = limits.reusedIdsUndetected ? it.skip : it;
  if (limits.reusedIdsUndetected) {
    console.log(
      `EventStore contract (${name}): the two tests of event ids reused in other streams or revisions are SKIPPED: ` +
        'this store keeps no index of event ids across streams (docs/architecture.md, the EventStoreDB adapter)',
    );
  }
  describe(`EventStore contract: ${name}`, () => {
    const signer = testSigner();
    const serviceKeys = resolverFor(signer);
    let target: ContractTarget;
    let store: EventStore;
    let streamCounter = 0;
    const freshStream = () => `case-${process.pid}-${Date.now()}-${++streamCounter}`;

    beforeEach(async () => {
      target = await open();
      store = target.store;
    });
    afterEach(async () => {
      await store.close();
      await target.dispose();
    });

    describe('append and read', () => {
      it('when events are appended, then readStream returns them unchanged, in order, with positions', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer, 3);
        const result = await store.append(stream, events, 'no_stream');
        expect(result).toMatchObject({ stream, revision: 2, hash: events[2]!.hash });
        expect(result.position - result.firstPosition).toBe(2);

        const read = await store.readStream(stream);
        expect(read.map((r) => r.event)).toEqual(events);
        expect(read.map((r) => r.position)).toEqual([result.firstPosition, result.firstPosition + 1, result.position]);
        expect(
          verifyChain(
            read.map((r) => r.event),
            { serviceKeys },
          ),
        ).toEqual({ ok: true });
      });

      it('when reading part of a stream, then fromRevision, limit and direction are honoured', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer, 6);
        await store.append(stream, events, 'no_stream');
        const revisions = (rs: RecordedEvent[]) => rs.map((r) => r.event.revision);
        expect(revisions(await store.readStream(stream, { fromRevision: 2, limit: 3 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(stream, { direction: 'backward', limit: 2 }))).toEqual([5, 4]);
        expect(revisions(await store.readStream(stream, { direction: 'backward', fromRevision: 1 }))).toEqual([1, 0]);
        expect(await store.readStream(freshStream())).toEqual([]);
      });

      it('when a stream is read in pages of fromRevision and limit, then the pages give every event once, and a page past the end is empty', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer, 7);
        await store.append(stream, events, 'no_stream');
        const pages: RecordedEvent[][] = [];
        for (let from = 0; ; from += 3) {
          const page = await store.readStream(stream, { fromRevision: from, limit: 3 });
          if (page.length === 0) break;
          pages.push(page);
        }
        expect(pages.map((p) => p.map((r) => r.event.revision))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
        expect(pages.flat().map((r) => r.event.id)).toEqual(events.map((e) => e.id));
        const positions = pages.flat().map((r) => r.position);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(await store.readStream(stream, { fromRevision: 7, limit: 3 })).toEqual([]);
        expect(await store.readStream(stream, { fromRevision: 100 })).toEqual([]);
        expect(await store.readStream(freshStream(), { fromRevision: 2, limit: 3 })).toEqual([]);
      });

      it('when several streams are read together, then each read gets what readStream gives from its revision, in the order asked', async () => {
        // ten streams of 0 to 4 events (stream i has i % 5) written interleaved (more than one statement's worth for the embedded store),
        // one stream never written, and the same stream asked twice from different revisions
        const streams = Array.from({ length: 10 }, () => freshStream());
        const heads = new Map<string, StreamHead | null>(streams.map((s) => [s, null]));
        for (let round = 0; round < 4; round++) {
          for (const [i, stream] of streams.entries()) {
            if (round >= i % 5) continue;
            const [event] = seal(stream, heads.get(stream) ?? null, signer, 1);
            await store.append(stream, [event!], heads.get(stream)?.revision ?? 'no_stream');
            heads.set(stream, headOf([event!]));
          }
        }
        const reads = [
          ...streams.map((stream, i) => ({ stream, fromRevision: i % 3 })).reverse(),
          { stream: freshStream(), fromRevision: 0 },
          { stream: streams[4]!, fromRevision: 0 },
          { stream: streams[4]!, fromRevision: 2 },
        ];
        const together = await readTogether(store, reads);
        const alone = await Promise.all(reads.map((r) => store.readStream(r.stream, { fromRevision: r.fromRevision })));
        expect(together).toEqual(alone);
        expect(together.map((events) => events.length)).toEqual([4, 1, 1, 1, 0, 3, 3, 0, 0, 0, 0, 4, 2]);
        if (store.readStreams) expect(await store.readStreams([])).toEqual([]);
      });

      it('when several streams are written, then readAll returns every event once in global order', async () => {
        const a = freshStream();
        const b = freshStream();
        const before = await store.headPosition();
        const a1 = seal(a, null, signer, 2);
        await store.append(a, a1, 'no_stream');
        const b1 = seal(b, null, signer, 1);
        await store.append(b, b1, 'no_stream');
        const a2 = seal(a, headOf(a1), signer, 1);
        await store.append(a, a2, 1);

        const all = await store.readAll({ after: before });
        expect(all.map((r) => r.event.id)).toEqual([...a1, ...b1, ...a2].map((e) => e.id));
        const positions = all.map((r) => r.position);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        expect(new Set(positions).size).toBe(positions.length);
        expect(await store.headPosition()).toBe(positions[positions.length - 1]);
        expect((await store.readAll({ after: positions[2]!, limit: 1 })).map((r) => r.event.id)).toEqual([a2[0]!.id]);
      });

      it('when the newest events are asked for, then readRecent gives them newest first, as readAll gives them', async () => {
        expect(store.readRecent).toBeDefined(); // every adapter of the service can look back from the head
        const a = freshStream();
        const b = freshStream();
        const before = await store.headPosition();
        const a1 = seal(a, null, signer, 3);
        await store.append(a, a1, 'no_stream');
        await store.append(b, seal(b, null, signer, 1), 'no_stream');
        const all = await store.readAll({ after: before });

        const recent = await store.readRecent!(3);
        expect(recent).toEqual(all.slice(-3).reverse());
        expect(await store.readRecent!(0)).toEqual([]);
        const everything = await store.readRecent!(100_000);
        expect(everything.slice(0, all.length)).toEqual([...all].reverse());
      });
    });

    describe('expected revision', () => {
      it('when no_stream is expected and the stream exists, then the append fails with RevisionConflict', async () => {
        const stream = freshStream();
        await store.append(stream, seal(stream, null, signer), 'no_stream');
        const again = seal(stream, null, signer);
        await expect(store.append(stream, again, 'no_stream')).rejects.toMatchObject({
          constructor: RevisionConflict,
          code: 'revision_conflict',
          actual: 0,
        });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('when the exact expected revision is current, then the append succeeds; when stale, it conflicts', async () => {
        const stream = freshStream();
        const first = seal(stream, null, signer, 2);
        await store.append(stream, first, 'no_stream');
        const next = seal(stream, headOf(first), signer);
        expect((await store.append(stream, next, 1)).revision).toBe(2);

        const stale = seal(stream, headOf(first), signer);
        const error = await store.append(stream, stale, 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RevisionConflict);
        expect(error).toMatchObject({ stream, actual: 2 });
        expect((await store.readStream(stream)).map((r) => r.event.id)).toEqual([...first, ...next].map((e) => e.id));
      });

      it('when an exact revision is expected of a stream that does not exist, then it conflicts', async () => {
        const stream = freshStream();
        const orphan = sealEvents(stream, { revision: 0, hash: 'c'.repeat(64) }, [draft()], signer, RECORDED_AT);
        await expect(store.append(stream, orphan, 0)).rejects.toMatchObject({
          code: 'revision_conflict',
          actual: null,
        });
      });

      it('when any is expected, then events that continue the stream are appended and stale ones conflict', async () => {
        const stream = freshStream();
        const first = seal(stream, null, signer);
        await store.append(stream, first, 'any');
        const second = seal(stream, headOf(first), signer);
        expect((await store.append(stream, second, 'any')).revision).toBe(1);
        const stale = seal(stream, headOf(first), signer);
        await expect(store.append(stream, stale, 'any')).rejects.toBeInstanceOf(RevisionConflict);
      });

      it('when the events do not match the expectation or each other, then the append is refused as invalid', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer, 2);
        await expect(store.append(stream, events, 4)).rejects.toBeInstanceOf(InvalidAppend);
        await expect(store.append(stream, [events[1]!], 'no_stream')).rejects.toBeInstanceOf(InvalidAppend);
        await expect(store.append(stream, [events[0]!, events[0]!], 'no_stream')).rejects.toBeInstanceOf(InvalidAppend);
        await expect(store.append('other', events, 'no_stream')).rejects.toBeInstanceOf(InvalidAppend);
        await expect(store.append(stream, [], 'any')).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('when the revision is right but prev is not the head hash, then the append is refused and nothing forks', async () => {
        const stream = freshStream();
        const first = seal(stream, null, signer);
        await store.append(stream, first, 'no_stream');
        const forged = seal(stream, { revision: 0, hash: 'd'.repeat(64) }, signer);
        await expect(store.append(stream, forged, 0)).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('concurrency', () => {
      it('when many writers race on one stream, then exactly one wins per revision and the chain never forks', async () => {
        const stream = freshStream();
        const writers = 16;
        const rounds = 5;
        let wins = 0;
        let conflicts = 0;
        const writer = async () => {
          for (let round = 0; round < rounds; round++) {
            const [last] = await store.readStream(stream, { direction: 'backward', limit: 1 });
            const head: StreamHead | null = last ? { revision: last.event.revision, hash: last.event.hash } : null;
            const events = seal(stream, head, signer);
            try {
              await store.append(stream, events, head ? head.revision : 'no_stream');
              wins++;
            } catch (err) {
              if (!(err instanceof RevisionConflict)) throw err;
              conflicts++;
            }
          }
        };
        await Promise.all(Array.from({ length: writers }, writer));
        const stored = (await store.readStream(stream)).map((r) => r.event);
        expect(stored).toHaveLength(wins);
        expect(wins + conflicts).toBe(writers * rounds);
        expect(conflicts).toBeGreaterThan(0);
        expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
        expect(verifyChain(stored, { serviceKeys })).toEqual({ ok: true });
      });

      it('when writers append to distinct streams at once, then every append lands and positions stay unique', async () => {
        const streams = Array.from({ length: 50 }, freshStream);
        const results = await Promise.all(streams.map((s) => store.append(s, seal(s, null, signer, 2), 'no_stream')));
        const positions = results.flatMap((r) => [r.firstPosition, r.position]);
        expect(new Set(positions).size).toBe(100);
        for (const s of streams) expect(await store.readStream(s)).toHaveLength(2);
      });

      it('when one append in a concurrent group fails, then the others still land', async () => {
        const good = freshStream();
        const bad = freshStream();
        await store.append(bad, seal(bad, null, signer), 'no_stream');
        const outcomes = await Promise.allSettled([
          store.append(good, seal(good, null, signer), 'no_stream'),
          store.append(bad, seal(bad, null, signer), 'no_stream'),
          store.append(`${good}-b`, seal(`${good}-b`, null, signer), 'no_stream'),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await store.readStream(bad)).toHaveLength(1);
      });
    });

    describe('idempotent retry', () => {
      it('when the same append is retried, then it is a no-op that returns the original result', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer, 2);
        const original = await store.append(stream, events, 'no_stream');
        const retried = await store.append(stream, events, 'no_stream');
        expect(retried).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('when the retry comes after later appends, then it still returns the original result', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer);
        const original = await store.append(stream, events, 'no_stream');
        await store.append(stream, seal(stream, headOf(events), signer), 0);
        expect(await store.append(stream, events, 'no_stream')).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      detectsReusedIds(
        'when an id is reused with different content, then the append fails with DuplicateEventId',
        async () => {
          const stream = freshStream();
          const [event] = seal(stream, null, signer);
          await store.append(stream, [event!], 'no_stream');
          const other = freshStream();
          const reused = sealEvents(other, null, [draft({ id: event!.id })], signer, RECORDED_AT);
          await expect(store.append(other, reused, 'no_stream')).rejects.toMatchObject({
            constructor: DuplicateEventId,
            eventId: event!.id,
          });
          const sameStream = sealEvents(stream, headOf([event!]), [draft({ id: event!.id })], signer, RECORDED_AT);
          await expect(store.append(stream, sameStream, 0)).rejects.toBeInstanceOf(DuplicateEventId);
          expect(await store.readStream(other)).toEqual([]);
        },
      );

      detectsReusedIds(
        'when a later event of an append reuses a stored id, then nothing of the append is stored',
        async () => {
          const stream = freshStream();
          const [stored] = seal(stream, null, signer);
          await store.append(stream, [stored!], 'no_stream');
          const other = freshStream();
          const mixed = sealEvents(other, null, [draft(), draft({ id: stored!.id })], signer, RECORDED_AT);
          await expect(store.append(other, mixed, 'no_stream')).rejects.toBeInstanceOf(DuplicateEventId);
          expect(await store.readStream(other)).toEqual([]);
          // the stream was not created either: a correct append with no_stream still works
          await store.append(other, seal(other, null, signer), 'no_stream');
        },
      );
    });

    describe('subscription', () => {
      async function take(
        iterator: AsyncIterator<SubscriptionMessage>,
        until: (seen: RecordedEvent[], caughtUp: boolean) => boolean,
      ): Promise<{ events: RecordedEvent[]; caughtUp: boolean }> {
        const events: RecordedEvent[] = [];
        let caughtUp = false;
        while (!until(events, caughtUp)) {
          const next = await iterator.next();
          if (next.done) break;
          if (next.value.type === 'events') events.push(...next.value.events);
          else caughtUp = true;
        }
        return { events, caughtUp };
      }

      it('when subscribed from the start, then it catches up, says so, and then delivers live events in order', async () => {
        const stream = freshStream();
        const start = await store.headPosition();
        const history = seal(stream, null, signer, 5);
        await store.append(stream, history, 'no_stream');

        const controller = new AbortController();
        const iterator = iterate(store, { after: start, batchSize: 2, signal: controller.signal });
        const caught = await take(iterator, (_seen, caughtUp) => caughtUp);
        expect(caught.events.map((r) => r.event.id)).toEqual(history.map((e) => e.id));

        const live = seal(stream, headOf(history), signer, 3);
        setTimeout(() => void store.append(stream, live.slice(0, 1), 4), 20);
        setTimeout(() => void store.append(stream, live.slice(1), 5), 60);
        const more = await take(iterator, (seen) => seen.length >= 3);
        expect(more.events.map((r) => r.event.id)).toEqual(live.map((e) => e.id));
        controller.abort();
        expect((await iterator.next()).done).toBe(true);
      });

      it('when subscribed from a position in the middle, then delivery starts just after it', async () => {
        const stream = freshStream();
        const events = seal(stream, null, signer, 6);
        await store.append(stream, events.slice(0, 3), 'no_stream');
        await store.append(stream, events.slice(3), 2);
        const recorded = await store.readStream(stream);
        const controller = new AbortController();
        const iterator = iterate(store, { after: recorded[2]!.position, signal: controller.signal });
        const got = await take(iterator, (_seen, caughtUp) => caughtUp);
        expect(got.events.map((r) => r.event.id)).toEqual(events.slice(3).map((e) => e.id));
        controller.abort();
      });

      it('when a store delivers its events as stored (subscribeStored, where it offers it), then each is the text of the envelope subscribe delivers, with its position and stream', async () => {
        if (!store.subscribeStored) return; // optional: consumers of a store without it use subscribe
        const stream = freshStream();
        const start = await store.headPosition();
        const history = seal(stream, null, signer, 5);
        await store.append(stream, history, 'no_stream');
        const controller = new AbortController();
        const subscription = store.subscribeStored({ after: start, batchSize: 2, signal: controller.signal });
        const iterator = subscription[Symbol.asyncIterator]();
        const seen: { position: number; stream: string; json: string }[] = [];
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          if (next.value.type === 'caughtUp') break;
          expect(next.value.events.length).toBeLessThanOrEqual(2);
          seen.push(...next.value.events);
        }
        const recorded = await store.readAll({ after: start });
        expect(seen.map((e) => e.position)).toEqual(recorded.map((r) => r.position));
        expect(seen.map((e) => e.stream)).toEqual(recorded.map(() => stream));
        expect(seen.map((e) => JSON.parse(e.json) as unknown)).toEqual(history);
        controller.abort();
        expect((await iterator.next()).done).toBe(true);
      });

      it('when the store closes, then an open subscription ends', async () => {
        const iterator = iterate(store, { after: await store.headPosition() });
        expect((await iterator.next()).value).toMatchObject({ type: 'caughtUp' });
        const pending = iterator.next();
        await store.close();
        expect((await pending).done).toBe(true);
      });
    });

    describe('shutdown', () => {
      it('when closed while appends are in flight, then every accepted append finishes and later ones are refused', async () => {
        const streams = Array.from({ length: 40 }, freshStream);
        const inFlight = streams.map((s) => store.append(s, seal(s, null, signer), 'no_stream'));
        await store.close();
        const outcomes = await Promise.allSettled(inFlight);
        expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
        await expect(store.append(streams[0]!, seal(streams[0]!, null, signer), 'no_stream')).rejects.toBeInstanceOf(
          StoreUnavailable,
        );
      });
    });
  });
}

export type { EventEnvelope };
