import type { Request } from 'express';
import { NotCaughtUp } from '../errors.js';
import type { Position } from '../ports/event-store.js';
import { InvalidQuery } from './validation.js';

/** What reads need of the projection runner: how far it has applied the log, and a bounded wait. */
export interface ReadConsistency {
  position(): Position;
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
}

/** How long a read waits for `?consistentWith=` before answering `503 not_caught_up`. */
export const CONSISTENCY_WAIT_MS = 5_000;

/**
 * Read-your-writes: with `?consistentWith=<position>` (the `position` a write returned), waits until the read
 * models have applied the log up to it; `503 not_caught_up` with `Retry-After` when they have not within the wait.
 * Without the parameter the read answers at once from what is applied.
 */
export async function awaitConsistency(
  req: Request,
  runner: ReadConsistency,
  timeoutMs: number = CONSISTENCY_WAIT_MS,
): Promise<void> {
  const raw = req.query.consistentWith;
  if (raw === undefined) return;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new InvalidQuery('consistentWith must be a log position (a non-negative integer) returned by a write');
  }
  const wanted = Number(raw);
  if (!(await runner.waitFor(wanted, timeoutMs))) throw new NotCaughtUp(wanted, runner.position());
}
