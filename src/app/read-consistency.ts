import { NotCaughtUp } from '../errors.js';
import type { Position } from '../ports/event-store.js';

/** What reads need of the projection runner: how far it has applied the log, and a bounded wait. */
export interface ReadConsistency {
  position(): Position;
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
}

/** How long a read waits for the read models to reach `consistentWith` before answering `503 not_caught_up`. */
export const CONSISTENCY_WAIT_MS = 5_000;

/**
 * Read-your-writes: given a position a write returned, waits until the read models have applied the log up to it;
 * {@link NotCaughtUp} (`503`, with when to retry) when they have not within the wait. Without a position the read
 * answers at once from what is applied.
 */
export async function caughtUp(
  runner: ReadConsistency,
  consistentWith: Position | undefined,
  timeoutMs: number = CONSISTENCY_WAIT_MS,
): Promise<void> {
  if (consistentWith === undefined) return;
  if (!(await runner.waitFor(consistentWith, timeoutMs))) throw new NotCaughtUp(consistentWith, runner.position());
}
