import type { Request } from 'express';
import { caughtUp, type ReadConsistency } from '../app/read-consistency.js';
import type { Position } from '../ports/event-store.js';
import { InvalidQuery } from './validation.js';

export { CONSISTENCY_WAIT_MS, type ReadConsistency } from '../app/read-consistency.js';

/** `?consistentWith=<position>`: the `position` a write returned, for a read that must show that write. */
export function consistencyOf(req: Request): Position | undefined {
  const raw = req.query.consistentWith;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new InvalidQuery('consistentWith must be a log position (a non-negative integer) returned by a write');
  }
  return Number(raw);
}

/**
 * Read-your-writes for the routes that read the read models without a use case of their own (the public lists,
 * the transparency log): waits for `?consistentWith=` ({@link caughtUp}).
 */
export async function awaitConsistency(req: Request, runner: ReadConsistency): Promise<void> {
  await caughtUp(runner, consistencyOf(req));
}
