import { InvalidQuery, NotCaughtUp } from '../errors.js';
import type { Position } from '../ports/event-store.js';

/** What reads need of the projection runner: how far it has applied the log, and a bounded wait. */
export interface ReadConsistency {
  position(): Position;
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** The position of the log's last committed event, when the runner can read it. */
  head?(): Promise<Position>;
  /** How long a read waits for the read models (`READ_WAIT_MS`); {@link CONSISTENCY_WAIT_MS} when not set. */
  readonly readWaitMs?: number;
}

/**
 * How long a read waits for the read models to reach `consistentWith` before answering `503 not_caught_up`, unless
 * the service sets another wait (`READ_WAIT_MS`).
 */
export const CONSISTENCY_WAIT_MS = 5_000;

/** What a read says of a `consistentWith` beyond the log's last position (`400 invalid_query`). */
export const BEYOND_THE_LOG =
  'consistentWith is beyond the last position of the log: it is not a position a write gave';

/**
 * Read-your-writes: given a position a write returned, waits until the read models have applied the log up to it;
 * {@link NotCaughtUp} (`503`, with when to retry) when they have not within the wait. Without a position the read
 * answers at once from what is applied. A position beyond the log's last committed event is no write's (every write
 * answers with the position of an event it committed): `400 invalid_query` at once, rather than a wait that
 * could only end in `503`. The head is read only when the read models have not applied the position already.
 */
export async function caughtUp(
  runner: ReadConsistency,
  consistentWith: Position | undefined,
  timeoutMs: number = runner.readWaitMs ?? CONSISTENCY_WAIT_MS,
): Promise<void> {
  if (consistentWith === undefined || consistentWith <= runner.position()) return;
  if (runner.head && consistentWith > (await runner.head())) throw new InvalidQuery(BEYOND_THE_LOG);
  if (!(await runner.waitFor(consistentWith, timeoutMs))) throw new NotCaughtUp(consistentWith, runner.position());
}
