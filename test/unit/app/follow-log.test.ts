import { followStream } from '../../../src/app/follow-log.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import type { RecordedEvent, StoredEvent, SubscriptionMessage } from '../../../src/ports/event-store.js';

const STREAM = 'revocations';
const envelope = (position: number, stream: string) => ({ id: `e-${position}`, stream }) as unknown as EventEnvelope;

/** A log of five events, the second and the fourth of {@link STREAM}; ends once delivered, then `signal` aborts. */
function log<E>(event: (position: number, stream: string) => E, stop: AbortController) {
  return async function* (): AsyncIterable<SubscriptionMessage<E>> {
    const streams = ['cases', STREAM, 'cases', STREAM, 'items'];
    yield { type: 'events', events: streams.map((stream, i) => event(i + 1, stream)) };
    stop.abort();
  };
}

describe('following one stream of the log', () => {
  it('when the store delivers its events as stored, then only the stream’s own events are parsed and applied', async () => {
    const stop = new AbortController();
    // the other streams' text is not JSON: parsing it would fail the follow
    const stored = (position: number, stream: string): StoredEvent => ({
      position,
      stream,
      json: stream === STREAM ? JSON.stringify(envelope(position, stream)) : 'not JSON',
    });
    const subscribe = jest.fn();
    const errors: unknown[] = [];
    const applied: EventEnvelope[] = [];
    await followStream(
      { subscribe, subscribeStored: log(stored, stop) },
      STREAM,
      0,
      stop.signal,
      (event) => applied.push(event),
      { onError: (err) => errors.push(err) },
    );
    expect(applied).toEqual([envelope(2, STREAM), envelope(4, STREAM)]);
    expect(errors).toEqual([]);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('when the store delivers parsed events only, then the stream’s events are applied from those', async () => {
    const stop = new AbortController();
    const recorded = (position: number, stream: string): RecordedEvent => ({
      position,
      event: envelope(position, stream),
    });
    const applied: EventEnvelope[] = [];
    await followStream({ subscribe: log(recorded, stop) }, STREAM, 0, stop.signal, (event) => applied.push(event));
    expect(applied).toEqual([envelope(2, STREAM), envelope(4, STREAM)]);
  });
});
