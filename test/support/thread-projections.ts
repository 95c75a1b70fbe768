// Projections for tests of the projection thread. The thread loads them by module URL and export name (functions
// do not cross threads); what they share with the test arrives as SharedArrayBuffers in the thread's workerData.
import { workerData } from 'node:worker_threads';
import { PROJECTIONS } from '../../projections/index.js';
import type { Projection } from '../../src/ports/read-models.js';
import { COUNTING } from './counting-projection.js';

/** The module URL of this file, for `ExportRef`s. */
export const THREAD_PROJECTIONS_MODULE = new URL('./thread-projections.ts', import.meta.url).href;

/** Flags shared with the test: `flags(name)` over `workerData[name]` (an Int32Array on a SharedArrayBuffer). */
function flags(name: string): Int32Array {
  return new Int32Array((workerData as Record<string, SharedArrayBuffer>)[name]!);
}

/** Refuses every `HearingHeld`: such an event is quarantined for it. */
export const PICKY: Projection = {
  name: 'picky',
  version: 1,
  collections: [{ name: 'picky_seen' }],
  apply({ event }) {
    if (event.type === 'HearingHeld') throw new Error('picky refuses hearings');
    return [{ collection: 'picky_seen', key: event.id, doc: { type: event.type } }];
  },
};

/** Every projection of the service, a counter and {@link PICKY}. */
export const PICKY_PROJECTIONS: readonly Projection[] = [...PROJECTIONS, COUNTING, PICKY];

/** Every projection of the service and {@link PICKY} made critical: a hearing stops whoever applies it. */
export const CRITICAL_PICKY_PROJECTIONS: readonly Projection[] = [...PROJECTIONS, { ...PICKY, critical: true }];

/** Every projection of the service and a counter: what the crash test's child applies. */
export const COUNTED_PROJECTIONS: readonly Projection[] = [...PROJECTIONS, COUNTING];

/**
 * Holds its thread busy, spinning, from its first event until the test releases it: `gate[0]` is set by the test
 * to release, `gate[1]` counts the events that entered. A heavy projection on the HTTP thread would hold that
 * thread the same way.
 */
export const GATED: Projection = {
  name: 'gated',
  version: 1,
  collections: [{ name: 'gated_seen' }],
  apply({ event }) {
    const gate = flags('gate');
    Atomics.add(gate, 1, 1);
    while (Atomics.load(gate, 0) === 0) {
      // busy, on purpose
    }
    return [{ collection: 'gated_seen', key: event.id, doc: { type: event.type } }];
  },
};

export const GATED_PROJECTIONS: readonly Projection[] = [COUNTING, GATED];

/** Ends its thread in the middle of applying the first batch it is given (`crashes[0]` remembers it did). */
export const EXITING: Projection = {
  name: 'exiting',
  version: 1,
  collections: [],
  apply() {
    if (Atomics.compareExchange(flags('crashes'), 0, 0, 1) === 0) process.exit(70); // in a worker: the thread ends
    return [];
  },
};

export const EXITING_PROJECTIONS: readonly Projection[] = [COUNTING, EXITING];

/** After the first batch it applies, throws an error nothing catches, once: the thread dies while idle. */
export const THROWING_LATER: Projection = {
  name: 'throwing-later',
  version: 1,
  collections: [],
  apply() {
    if (Atomics.compareExchange(flags('crashes'), 0, 0, 1) === 0) {
      setImmediate(() => {
        throw new Error('a bug outside any batch');
      });
    }
    return [];
  },
};

export const THROWING_PROJECTIONS: readonly Projection[] = [COUNTING, THROWING_LATER];
