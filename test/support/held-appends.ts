import type { EventStore } from '../../src/ports/event-store.js';

export interface HeldAppends {
  /** Lets a held append go on (when the other command ended without appending). */
  release(): void;
  /** Puts the stores' own append back. */
  restore(): void;
}

/**
 * Holds the first append to a stream `holds` picks, made through any of `stores`, until a second such append is
 * made too (or `release` is called): two commands are then both between their reads and their writes, as two
 * replicas of the service run them at the same moment. Only the first two such appends are held.
 */
export function holdAppendsTogether(stores: readonly EventStore[], holds: (stream: string) => boolean): HeldAppends {
  let held = 0;
  let releaseFirst: (() => void) | undefined;
  const owns = stores.map((store) => {
    const target = store as { append: EventStore['append'] };
    const own = target.append;
    target.append = async (stream, events, expected) => {
      if (held < 2 && holds(stream)) {
        held += 1;
        if (held === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
        else releaseFirst?.();
      }
      return own(stream, events, expected);
    };
    return () => (target.append = own);
  });
  return {
    release: () => releaseFirst?.(),
    restore: () => owns.forEach((restore) => restore()),
  };
}
