import type { CommandResult } from '../app/command-handler.js';

/**
 * What a write answers of the event it recorded (or, on an `Idempotency-Key` retry, had recorded before): its id,
 * by which `GET /v1/ledger/proof/inclusion` proves it in the log, its stream revision (the next `If-Match`), its
 * position in the log (for `?consistentWith=`) and its hash. A command whose rules found nothing to record answers
 * the stream's head as it stands, without an id.
 */
export function written(result: Pick<CommandResult, 'events' | 'revision' | 'position' | 'hash'>): {
  readonly eventId?: string;
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
} {
  const event = result.events[result.events.length - 1];
  return {
    ...(event ? { eventId: event.id } : {}),
    revision: result.revision,
    position: result.position,
    hash: result.hash,
  };
}
