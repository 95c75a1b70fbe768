import fc from 'fast-check';
import { esdbConnectionString } from '../../src/adapters/eventstoredb/event-store.js';
import {
  MAX_EVENTS_PER_APPEND,
  MAX_LOG_POSITION,
  fromPosition,
  toPosition,
} from '../../src/adapters/eventstoredb/positions.js';

/** An append as it lies in the log: the log position of its first record and how many events it holds. */
const appends = fc
  .array(fc.tuple(fc.integer({ min: 1, max: MAX_EVENTS_PER_APPEND }), fc.integer({ min: 0, max: 5_000 })), {
    minLength: 1,
    maxLength: 40,
  })
  .map((shapes) => {
    let log = 1_000n;
    return shapes.map(([count, gap]) => {
      const start = log;
      // every record is longer than one byte; system records may lie between appends
      log += BigInt(count * 90 + gap);
      return { start, count };
    });
  });

describe('EventStoreDB positions', () => {
  it('when appends follow each other in the log, then positions rise strictly and are consecutive within an append', () => {
    fc.assert(
      fc.property(appends, (log) => {
        const positions = log.flatMap(({ start, count }) =>
          Array.from({ length: count }, (_, i) => toPosition(start, i)),
        );
        for (let i = 1; i < positions.length; i++) if (!(positions[i]! > positions[i - 1]!)) return false;
        return log.every(({ start, count }) => toPosition(start, count - 1) - toPosition(start, 0) === count - 1);
      }),
    );
  });

  it('when a position is taken apart, then it gives back the log position of its append and the index', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_LOG_POSITION }),
        fc.integer({ min: 0, max: MAX_EVENTS_PER_APPEND - 1 }),
        (start, index) => {
          const position = toPosition(start, index);
          expect(Number.isSafeInteger(position)).toBe(true);
          expect(fromPosition(position)).toEqual({ appendLogPosition: start, index });
        },
      ),
    );
  });

  it('when a log position or an index is beyond what a position can hold, then it is refused', () => {
    expect(() => toPosition(MAX_LOG_POSITION + 1n, 0)).toThrow(RangeError);
    expect(() => toPosition(0n, MAX_EVENTS_PER_APPEND)).toThrow(RangeError);
    expect(() => fromPosition(-1)).toThrow(RangeError);
    expect(() => fromPosition(2 ** 53)).toThrow(RangeError);
  });

  it('when the connection string uses a KurrentDB scheme, then the client gets the esdb scheme it knows', () => {
    expect(esdbConnectionString('kurrentdb://db:2113?tls=false')).toBe('esdb://db:2113?tls=false');
    expect(esdbConnectionString('kurrent+discover://a:2113,b:2113')).toBe('esdb+discover://a:2113,b:2113');
    expect(esdbConnectionString('esdb://admin:changeit@db:2113')).toBe('esdb://admin:changeit@db:2113');
  });
});
