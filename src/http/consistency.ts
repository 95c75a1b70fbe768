import type { Request } from 'express';
import type { Position } from '../ports/event-store.js';
import { InvalidQuery } from './validation.js';

/** `?consistentWith=<position>`: the `position` a write returned, for a read that must show that write. */
export function consistencyOf(req: Request): Position | undefined {
  const raw = req.query.consistentWith;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new InvalidQuery('consistentWith must be a log position (a non-negative integer) returned by a write');
  }
  return Number(raw);
}
