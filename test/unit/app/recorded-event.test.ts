import { SqliteEventStore } from '../../../src/adapters/sqlite/event-store.js';
import { handleCommand, recordedEvent, type EventCodec } from '../../../src/app/command-handler.js';
import type { Decider } from '../../../src/domain/decider.js';
import type { Clock } from '../../../src/ports/clock.js';
import { testSigner } from '../../support/events.js';

const clock: Clock = { now: () => new Date('2026-11-20T01:31:00.000Z') };
const signer = testSigner();

/** A note is recorded when its text differs from the last one: the same text again records nothing. */
type Noted = { readonly type: 'Noted'; readonly data: { readonly text: string } };
const notes: Decider<string, Noted, string | undefined> = {
  initialState: () => undefined,
  evolve: (_state, event) => event.data.text,
  decide: (text, last) => (text === last ? [] : [{ type: 'Noted', data: { text } }]),
};
const codec: EventCodec<Noted> = {
  toDraft: (event, id) => ({
    id,
    type: event.type,
    schemaVersion: 1,
    occurredAt: clock.now().toISOString(),
    actor: { sub: 'tester', agency: 'county-justice', roles: ['admin'] },
    data: { ...event.data },
    media: [],
  }),
  fromEnvelope: (envelope) => ({ type: 'Noted', data: envelope.data as { text: string } }),
};

describe('the event a command recorded', () => {
  let store: SqliteEventStore;
  const note = (text: string, eventId: string) =>
    handleCommand({ events: store, signer, clock }, 'note-county-justice:n-1', notes, codec, text, { eventId });

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(async () => store.close());

  it('when the command recorded its event, or is retried, then that event is the answer', async () => {
    const id = '0193a000-0000-7000-8000-000000000001';
    const first = await note('hello', id);
    expect(recordedEvent(first, 'Note')).toMatchObject({ id, type: 'Noted', data: { text: 'hello' } });
    const retried = await note('hello', id);
    expect(retried.created).toBe(false);
    expect(recordedEvent(retried, 'Note')).toMatchObject({ id, hash: first.hash });
  });

  it('when the rules found nothing to record, then it is an internal error naming the command, not a TypeError', async () => {
    await note('hello', '0193a000-0000-7000-8000-000000000001');
    const unchanged = await note('hello', '0193a000-0000-7000-8000-000000000002');
    expect(unchanged.events).toEqual([]);
    expect(() => recordedEvent(unchanged, 'Note')).toThrow(
      new Error('Note recorded no event on note-county-justice:n-1, where its rules always record one'),
    );
  });
});

describe('what must hold before a command appends (beforeAppend)', () => {
  let store: SqliteEventStore;
  const stream = 'note-county-justice:n-2';
  const note = (text: string, eventId: string, beforeAppend: () => Promise<void>) =>
    handleCommand({ events: store, signer, clock }, stream, notes, codec, text, { eventId, beforeAppend });

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(async () => store.close());

  it('when it throws, then that is the answer and nothing is appended', async () => {
    const refused = new Error('claimed by another');
    await expect(note('hello', '0193a000-0000-7000-8000-000000000011', () => Promise.reject(refused))).rejects.toBe(
      refused,
    );
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('when the rules find nothing to record, then it is not asked; when they do, it is asked before the append', async () => {
    const asked: number[] = [];
    const check = async () => {
      asked.push((await store.readStream(stream)).length);
    };
    await note('hello', '0193a000-0000-7000-8000-000000000012', check);
    await note('hello', '0193a000-0000-7000-8000-000000000013', check);
    expect(asked).toEqual([0]);
  });

  it('when another writer appends between the rules and the append, then it is asked again on the retry', async () => {
    let asked = 0;
    const result = await note('hello', '0193a000-0000-7000-8000-000000000014', async () => {
      asked += 1;
      // the first time, another writer gets there first: the command's append conflicts and it decides again
      if (asked === 1) await note('other', '0193a000-0000-7000-8000-000000000015', async () => {});
    });
    expect(asked).toBe(2);
    expect(result.created).toBe(true);
    expect((await store.readStream(stream)).map((r) => r.event.data.text)).toEqual(['other', 'hello']);
  });
});
