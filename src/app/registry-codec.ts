import type { Actor } from '../domain/actor.js';
import type { Clock } from '../ports/clock.js';
import type { CommandOptions, EventCodec } from './command-handler.js';
import { canonicalEqual } from './idempotency.js';

/** Registry events carry only their data; the envelope says who changed the registry and when. */
export function registryCodec<E extends { type: string; data: unknown }>(clock: Clock, actor: Actor): EventCodec<E> {
  return {
    toDraft: (event, id) => ({
      id,
      type: event.type,
      schemaVersion: 1,
      occurredAt: clock.now().toISOString(),
      actor,
      data: event.data as Record<string, unknown>,
      media: [],
    }),
    fromEnvelope: (envelope) => ({ type: envelope.type, data: envelope.data }) as E,
  };
}

/** A retried registration is the same request when its one event recorded the same data. */
export function recording(type: string, profile: object): NonNullable<CommandOptions['sameRequest']> {
  return (recorded) =>
    recorded.length === 1 && recorded[0]!.type === type && canonicalEqual(recorded[0]!.data, profile);
}
