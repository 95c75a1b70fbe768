import type { Decider } from '../domain/decider.js';
import { subjectDecider, type SubjectEvent, type SubjectState } from '../domain/inspections/subjects.js';
import { officerDecider, type OfficerEvent, type OfficerState } from '../domain/registry/officers.js';
import { parseAgencyStream } from '../domain/streams.js';
import type { StreamHead } from '../ledger/envelope.js';
import type { EventStore } from '../ports/event-store.js';
import { checkStoredEvents } from './stored-events.js';

/** The event types that make the subject directory, its conflicts of interest and the officer registry. */
export const DRAW_REGISTRY_TYPES = [
  'SubjectRegistered',
  'SubjectAmended',
  'SubjectRetired',
  'ConflictDeclared',
  'ConflictWithdrawn',
  'OfficerRegistered',
  'OfficerAmended',
  'OfficerSuspended',
  'OfficerReinstated',
  'OfficerRetired',
  'OfficerKeyRegistered',
  'OfficerKeyRevoked',
] as const;

/** Events read per store query while folding the registries. */
const BATCH = 1_000;

export interface RegistriesAtDependencies {
  readonly events: Pick<EventStore, 'readAgencies'>;
  /** The Merkle leaf index of an event, once the tree holds it (`projections/merkle.ts`). */
  readonly leafIndex: (eventId: string) => number | undefined;
}

/**
 * An agency's subjects and officers as the log's first `size` leaves hold them: the agency's registry events in log
 * order, folded with the registries' own deciders, up to the first event whose leaf is at `size` or beyond (leaves
 * are in log order, so every later event is too). The caller makes sure the tree has reached `size`. Registry
 * facts decide the draw: each event is read only as sealed (re-hashed, linked to the one before it in its stream;
 * the types read are every type of these streams, so no link is skipped), else an `IntegrityFault`.
 */
export async function registriesAt(
  deps: RegistriesAtDependencies,
  agency: string,
  size: number,
): Promise<{ subjects: SubjectState[]; officers: OfficerState[] }> {
  const subjects = new Map<string, SubjectState>();
  const officers = new Map<string, OfficerState>();
  const heads = new Map<string, StreamHead>();
  let after = 0;
  for (;;) {
    const batch = await deps.events.readAgencies({
      agencies: [agency],
      after,
      types: DRAW_REGISTRY_TYPES,
      limit: BATCH,
    });
    for (const { event, position } of batch) {
      after = position;
      const index = deps.leafIndex(event.id);
      if (index === undefined || index >= size)
        return { subjects: [...subjects.values()], officers: [...officers.values()] };
      checkStoredEvents(event.stream, [event], { after: heads.get(event.stream) ?? null });
      heads.set(event.stream, { revision: event.revision, hash: event.hash });
      const stream = parseAgencyStream(event.stream);
      const folded = { type: event.type, data: event.data };
      if (stream?.category === 'subject') {
        const d = subjectDecider as Decider<unknown, SubjectEvent, SubjectState>;
        subjects.set(stream.id, d.evolve(subjects.get(stream.id) ?? d.initialState(), folded as SubjectEvent));
      } else if (stream?.category === 'officer') {
        const d = officerDecider as Decider<unknown, OfficerEvent, OfficerState>;
        officers.set(stream.id, d.evolve(officers.get(stream.id) ?? d.initialState(), folded as OfficerEvent));
      }
    }
    if (batch.length < BATCH) return { subjects: [...subjects.values()], officers: [...officers.values()] };
  }
}
