import { DERIVED_MEMBERS } from '../domain/case/acts.js';
import { ON_SITE_ACTS } from '../domain/case/decider.js';
import { caseEventOf } from '../domain/case/envelope.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import type { ActRequest } from './case-service.js';
import { canonicalEqual } from './idempotency.js';

/**
 * Are these recorded events what these act requests ask for, one event per act? A retry under an
 * `Idempotency-Key` must be the same request as the original; the stored events are the only record of it, so the
 * comparison works after a restart and on any replica. Each act must match its event in type, time, officers,
 * media (by digest) and every member of its data; the event's data may hold more only where the rules derive it.
 */
export function recordsActs(requests: readonly ActRequest[], events: readonly EventEnvelope[]): boolean {
  return events.length === requests.length && requests.every((request, i) => recordsAct(request, events[i]!));
}

function recordsAct(request: ActRequest, envelope: EventEnvelope): boolean {
  const event = caseEventOf(envelope);
  if (event.type !== request.type) return false;
  // a case's opening is dated by the service when it records it (the client states `openedOn`), so a retry differs
  if (request.type !== 'CaseOpened' && event.occurredAt !== request.occurredAt) return false;
  // an on-site act that named no officers records the case's handling officers (the decider's): derived, as asked
  const derivedOfficers = request.officers === undefined && ON_SITE_ACTS.includes(request.type);
  if (!derivedOfficers && !canonicalEqual(event.officers, request.officers)) return false;
  if (
    !canonicalEqual(
      event.media.map((m) => m.sha256),
      [...request.media],
    )
  )
    return false;
  const asked = request.data as Record<string, unknown>;
  const stored = event.data as Record<string, unknown>;
  const derived = DERIVED_MEMBERS[request.type] ?? [];
  return (
    Object.keys(asked).every((key) => key in stored && canonicalEqual(stored[key], asked[key])) &&
    Object.keys(stored).every((key) => key in asked || derived.includes(key))
  );
}
