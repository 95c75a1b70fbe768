import { agencyDate, CHINA_STANDARD_TIME, utcOffsetOf, type UtcOffsets } from '../src/domain/actor.js';
import { agencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, caseKey, caseOf, type CaseFileDoc } from './case-files.js';
import { officerKey } from './registry.js';

/** An act of a case with the officers who took part in it: those it names, and the one who recorded it. */
export interface OfficerActDoc extends Doc {
  /** The agency of the case. */
  agency: string;
  caseId: string;
  eventId: string;
  type: string;
  /** The local date of the act (`occurredAt` in its own offset); for `CaseOpened`, the opening date. */
  on: string;
  officers: string[];
}

/** The days of one year on which an officer took part in acts of the officer's agency's cases. */
export interface OfficerDaysDoc extends Doc {
  officerId: string;
  agency: string;
  /** `YYYY`. */
  year: string;
  /** The dates (`YYYY-MM-DD`), in order. */
  days: string[];
}

export const OFFICER_ACTS = 'officer_acts';
export const OFFICER_DAYS = 'officer_days';

/**
 * `day-<agency>:<on>/<eventId>`: the acts of an agency's cases on one day, by event id, are the keys starting with
 * {@link agencyActsOn}. Live, acts are mostly of the day they are recorded, so the rows a batch adds lie together.
 */
export const officerActKey = (agency: string, on: string, eventId: string): string =>
  `${agencyActsOn(agency, on)}${eventId}`;

/** The prefix of the keys of the acts of an agency's cases on the date `on`. */
export const agencyActsOn = (agency: string, on: string): string => `${agencyStream('day', agency, on)}/`;

/**
 * `<officer key>/<year>`: the officer key (its stream name, percent-encoded) holds no `/`. So the keys starting with
 * {@link officerYears} are the officer's years in order.
 */
export const officerDaysKey = (agency: string, officerId: string, year: string): string =>
  `${officerYears(agency, officerId)}${year}`;

/** The prefix of the keys of an officer's years. */
export const officerYears = (agency: string, officerId: string): string => `${officerKey(agency, officerId)}/`;

/**
 * Who took part in which act, from the `case-<agency>:<caseId>` streams: every act of a case is a row of
 * {@link OFFICER_ACTS} naming its officers (the handling officers of `CaseOpened`, the `officers` of a later act,
 * and the subject who recorded it), keyed by agency, date and event id; each officer's first act of a day adds
 * the day to the officer's days ({@link OFFICER_DAYS}, a row per officer and year). Officers of the case's agency,
 * the only ones an act may name. An act so writes one row, beside the rows of the officers' days that are new,
 * rather than one row per officer. The supervision views check these dates against the certificates as they now
 * stand: an officer's days outside the validity, then the acts of those days. Reads the case file (applied before
 * it) for the case's agency; an act of a case never opened is skipped, as the case files skip it.
 */
export function officerActsProjectionAt(offsets: UtcOffsets): Projection {
  return {
    name: 'officer-acts',
    // 5: an act's day is the agency's, at its offset from UTC; 4: one row per act and one per officer and day; 3: one
    // row per officer and act
    version: 5,
    collections: [{ name: OFFICER_ACTS }, { name: OFFICER_DAYS }],
    apply({ event }, docs): Change[] {
      const ofCase = caseOf(event.stream);
      if (!ofCase) return [];
      const { agency, caseId } = ofCase;
      if (!docs.get<CaseFileDoc>(CASES, caseKey(agency, caseId))) return [];
      const data = event.data as { officers?: unknown; openedOn?: unknown };
      const named = Array.isArray(data.officers) ? data.officers.filter((o): o is string => typeof o === 'string') : [];
      // the agency's day, as the rules read it (an opening's, the day it names)
      const on =
        event.type === 'CaseOpened' && typeof data.openedOn === 'string'
          ? data.openedOn
          : agencyDate(event.occurredAt, utcOffsetOf(offsets, agency));
      const officers = [...new Set([...named, event.actor.sub])];
      const act: OfficerActDoc = { agency, caseId, eventId: event.id, type: event.type, on, officers };
      const changes: Change[] = [{ collection: OFFICER_ACTS, key: officerActKey(agency, on, event.id), doc: act }];
      const year = on.slice(0, 4);
      for (const officerId of officers) {
        const key = officerDaysKey(agency, officerId, year);
        const days = docs.get<OfficerDaysDoc>(OFFICER_DAYS, key)?.days ?? [];
        // acts come mostly in the order of their dates: look for the day's place from the end
        let at = days.length;
        while (at > 0 && days[at - 1]! > on) at--;
        if (days[at - 1] === on) continue;
        const doc: OfficerDaysDoc = { officerId, agency, year, days: [...days.slice(0, at), on, ...days.slice(at)] };
        changes.push({ collection: OFFICER_DAYS, key, doc });
      }
      return changes;
    },
  };
}

/** The officers' acts with every agency at UTC+8, the service's default (`officerActsProjectionAt`). */
export const officerActsProjection: Projection = officerActsProjectionAt(CHINA_STANDARD_TIME);
