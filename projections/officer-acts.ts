import { localDate } from '../src/domain/actor.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, type CaseFileDoc } from './case-files.js';

/** One officer's part in one act of a case: named by the act, or the one who recorded it. */
export interface OfficerActDoc extends Doc {
  officerId: string;
  /** The agency of the case. */
  agency: string;
  caseId: string;
  eventId: string;
  type: string;
  /** The local date of the act (`occurredAt` in its own offset); for `CaseOpened`, the opening date. */
  on: string;
}

export const OFFICER_ACTS = 'officer_acts';

export const officerActKey = (officerId: string, eventId: string): string => `${officerId}/${eventId}`;

/**
 * Who took part in which act, from the `case-*` streams: for every act of a case, one document per officer it
 * names (the handling officers of `CaseOpened`, the `officers` of a later act) and for the subject who recorded
 * it, keyed `officerId/eventId`. The supervision views check these dates against the certificates as they now
 * stand. Reads the case file (applied before it) for the case's agency; an act of a case never opened is skipped,
 * as the case files skip it.
 */
export const officerActsProjection: Projection = {
  name: 'officer-acts',
  version: 1,
  collections: [{ name: OFFICER_ACTS, indexes: ['officerId', 'agency', 'on'] }],
  apply({ event }, docs): Change[] {
    if (!event.stream.startsWith('case-') || event.type === 'CaseAccessed') return [];
    const caseId = event.stream.slice('case-'.length);
    const file = docs.get<CaseFileDoc>(CASES, caseId);
    if (!file) return [];
    const data = event.data as { officers?: unknown; openedOn?: unknown };
    const named = Array.isArray(data.officers) ? data.officers.filter((o): o is string => typeof o === 'string') : [];
    const on =
      event.type === 'CaseOpened' && typeof data.openedOn === 'string' ? data.openedOn : localDate(event.occurredAt);
    const officers = [...new Set([...named, event.actor.sub])];
    return officers.map((officerId) => ({
      collection: OFFICER_ACTS,
      key: officerActKey(officerId, event.id),
      doc: { officerId, agency: file.agency, caseId, eventId: event.id, type: event.type, on },
    }));
  },
};
