import { LiveEvents } from '../../../src/app/live-events.js';
import type { EventStore, RecordedEvent, SubscriptionMessage } from '../../../src/ports/event-store.js';

const recorded = (position: number, agency: string): RecordedEvent =>
  ({
    position,
    event: {
      id: `e-${position}`,
      stream: `case-${agency}:c-1`,
      revision: position,
      type: 'EvidenceCollected',
      occurredAt: '2026-01-01T00:00:00Z',
      recordedAt: '2026-01-01T00:00:01Z',
      actor: { sub: 'ann', agency, roles: ['officer'] },
      data: { description: 'a party’s phone number' },
      hash: 'h'.repeat(64),
    },
  }) as unknown as RecordedEvent;

function live(messages: SubscriptionMessage[]) {
  const asked: { after?: number }[] = [];
  const events = {
    headPosition: async () => 77,
    subscribe: (options: { after?: number }) => {
      asked.push(options);
      return (async function* () {
        yield* messages;
      })();
    },
  } as unknown as Pick<EventStore, 'subscribe' | 'headPosition'>;
  return { live: new LiveEvents(events), asked };
}

describe('live events', () => {
  it('when no position is given, then the stream starts after the head of the log', async () => {
    expect(await live([]).live.startAfter(undefined)).toBe(77);
    expect(await live([]).live.startAfter(5)).toBe(5);
  });

  it('when the position given is beyond the head of the log, then it is refused, as a query or a header names it; the head itself is taken', async () => {
    expect(await live([]).live.startAfter(77)).toBe(77);
    await expect(live([]).live.startAfter(78)).rejects.toMatchObject({ code: 'invalid_query' });
    await expect(live([]).live.startAfter(78, 'Last-Event-ID')).rejects.toMatchObject({
      code: 'invalid_body',
      message: expect.stringMatching(/^Last-Event-ID is beyond/),
    });
  });

  it("when the log moves, then a supervisor follows its agencies' events only, without their data", async () => {
    const { live: stream, asked } = live([
      { type: 'events', events: [recorded(1, 'a'), recorded(2, 'x'), recorded(3, 'b')] } as SubscriptionMessage,
    ]);
    const principal = { sub: 'sam', agency: 'a', roles: ['supervisor' as const], supervises: ['b'] };
    const seen = [];
    for await (const event of stream.follow(principal, 0, new AbortController().signal)) seen.push(event);
    expect(asked).toEqual([expect.objectContaining({ after: 0 })]);
    expect(seen.map((e) => [e.position, e.agency])).toEqual([
      [1, 'a'],
      [3, 'b'],
    ]);
    expect(seen[0]).toEqual({
      position: 1,
      stream: 'case-a:c-1',
      revision: 1,
      type: 'EvidenceCollected',
      eventId: 'e-1',
      agency: 'a',
      actor: 'ann',
      occurredAt: '2026-01-01T00:00:00Z',
      recordedAt: '2026-01-01T00:00:01Z',
      hash: 'h'.repeat(64),
    });
  });
});
