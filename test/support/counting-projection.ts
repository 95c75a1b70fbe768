import type { Projection } from '../../src/ports/read-models.js';

/**
 * Counts every event it is given, per stream and in total, by adding one to the stored count: applied twice, an
 * event would count twice.
 */
export const COUNTING: Projection = {
  name: 'counting',
  version: 1,
  collections: [{ name: 'event_counts' }],
  apply({ event }, docs) {
    const total = docs.get<{ n: number }>('event_counts', '*')?.n ?? 0;
    const stream = docs.get<{ n: number }>('event_counts', event.stream)?.n ?? 0;
    return [
      { collection: 'event_counts', key: '*', doc: { n: total + 1 } },
      { collection: 'event_counts', key: event.stream, doc: { n: stream + 1 } },
    ];
  },
};
