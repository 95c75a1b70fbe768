import { localDate } from '../src/domain/actor.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, caseKey, caseOf, type CaseFileDoc } from './case-files.js';
import { officerKey } from './registry.js';

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

/**
 * `<officer key>/<on>/<eventId>`: the officer key (its stream name, percent-encoded) holds no `/`, a date or an event
 * id neither. So the keys starting with `<officer key>/` are the officer's acts by date, and a range of dates is a
 * range of keys ({@link officerActsFrom}): the collection needs no index besides its keys'.
 */
export const officerActKey = (agency: string, officerId: string, on: string, eventId: string): string =>
  `${officerKey(agency, officerId)}/${on}/${eventId}`;

/** The first key of an officer's acts on or after the date `on` (`YYYY-MM-DD`); `officerActsFrom(…, '')`: the first. */
export const officerActsFrom = (agency: string, officerId: string, on: string): string =>
  `${officerKey(agency, officerId)}/${on}`;

/**
 * Who took part in which act, from the `case-<agency>:<caseId>` streams: for every act of a case, one document per
 * officer it names (the handling officers of `CaseOpened`, the `officers` of a later act) and for the subject who
 * recorded it, keyed by {@link officerActKey} (by officer, then date): officers of the case's agency, the only ones an act may name. The supervision views check these dates against the certificates as they now
 * stand. Reads the case file (applied before it) for the case's agency; an act of a case never opened is skipped,
 * as the case files skip it.
 */
export const officerActsProjection: Projection = {
  name: 'officer-acts',
  version: 3, // 3: keyed by officer and date, no member indexes
  collections: [{ name: OFFICER_ACTS }],
  apply({ event }, docs): Change[] {
    const ofCase = caseOf(event.stream);
    if (!ofCase) return [];
    const { agency, caseId } = ofCase;
    if (!docs.get<CaseFileDoc>(CASES, caseKey(agency, caseId))) return [];
    const data = event.data as { officers?: unknown; openedOn?: unknown };
    const named = Array.isArray(data.officers) ? data.officers.filter((o): o is string => typeof o === 'string') : [];
    const on =
      event.type === 'CaseOpened' && typeof data.openedOn === 'string' ? data.openedOn : localDate(event.occurredAt);
    const officers = [...new Set([...named, event.actor.sub])];
    return officers.map((officerId) => ({
      collection: OFFICER_ACTS,
      key: officerActKey(agency, officerId, on, event.id),
      doc: { officerId, agency, caseId, eventId: event.id, type: event.type, on },
    }));
  },
};
