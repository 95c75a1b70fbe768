import {
  agencyActsOn,
  OFFICER_ACTS,
  OFFICER_DAYS,
  officerYears,
  type OfficerActDoc,
  type OfficerDaysDoc,
} from '../../projections/officer-acts.js';
import type { OfficerDoc } from '../../projections/registry.js';
import { certificateValidOn, type OfficerState } from '../domain/registry/officers.js';
import { countStaff, reviewerRatio } from '../domain/statistics.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { addDays, daysBetween } from './days.js';
import { readAll, readEach } from './read-pages.js';

/** How many days ahead a certificate counts as expiring. */
export const EXPIRY_WINDOW_DAYS = 30;
/** Most acts listed per officer and side of the validity period. */
export const MAX_ACTS_LISTED = 200;

/**
 * The certificates of the officers of the agencies in `scope` on `asOf`: officers who took part in acts outside
 * their certificate's validity, active officers whose certificate expires within {@link EXPIRY_WINDOW_DAYS}
 * (soonest first) and active officers whose certificate has expired.
 */
export function certificatesView(readModels: Pick<ReadModelStore, 'query'>, scope: string[], asOf: string) {
  const until = addDays(asOf, EXPIRY_WINDOW_DAYS);
  const actsOutsideValidity = [];
  const expiring = [];
  const expired = [];
  for (const officer of readAll<OfficerDoc>(readModels, 'officers', { where: { agency: scope } })) {
    const outside = actsOutside(readModels, officer);
    if (outside.acts.length > 0) actsOutsideValidity.push({ ...officerView(officer), ...outside });
    if (officer.status !== 'active') continue;
    if (officer.validTo >= asOf && officer.validTo <= until) {
      expiring.push({ ...officerView(officer), daysLeft: daysBetween(asOf, officer.validTo) });
    } else if (officer.validTo < asOf) {
      expired.push({ ...officerView(officer), daysSince: daysBetween(officer.validTo, asOf) });
    }
  }
  expiring.sort((a, b) => a.daysLeft - b.daysLeft || compare(a.officerId, b.officerId));
  return { asOf, windowDays: EXPIRY_WINDOW_DAYS, actsOutsideValidity, expiring, expired };
}

/**
 * Per agency in `scope`, on `asOf`: its officers entitled to enforce that day (active, certificate valid), its
 * reviewers among them (and how many of those hold a legal qualification), and whether they are the 5% the plan
 * requires (`countStaff`, `reviewerRatio`).
 */
export function reviewerRatioView(readModels: Pick<ReadModelStore, 'query'>, scope: string[], asOf: string) {
  const items = scope.map((agency) => {
    const officers = readAll<OfficerDoc>(readModels, 'officers', { where: { agency } }).map(officerState);
    const staff = countStaff(officers, agency, asOf);
    return { agency, ...staff, ...reviewerRatio(staff) };
  });
  return { asOf, items };
}

function officerView(o: OfficerDoc) {
  return {
    officerId: o.officerId,
    name: o.name,
    agency: o.agency,
    certificateNo: o.certificateNo,
    validFrom: o.validFrom,
    validTo: o.validTo,
    status: o.status,
  };
}

/** The officer's certificate as the registry's rules read it (the list's keys are not the rules' keys). */
const officerState = ({ keys: _keys, ...doc }: OfficerDoc): OfficerState => ({ ...doc, exists: true });

/**
 * The acts an officer took part in on days outside the certificate's validity as the registry now has it (an
 * amended validity can put earlier acts outside). The validity period alone is judged here, not the officer's
 * status today: a suspension later does not make earlier acts invalid.
 */
function actsOutside(readModels: Pick<ReadModelStore, 'query'>, officer: OfficerDoc) {
  const certificate: OfficerState = { ...officerState(officer), status: 'active' };
  // the days the officer took part in acts, by year, in order
  const days = readAll<OfficerDaysDoc>(readModels, OFFICER_DAYS, {
    keyPrefix: officerYears(officer.agency, officer.officerId),
  }).flatMap((year) => year.days);
  const side = (outside: (on: string) => boolean) => firstActs(readModels, officer, days.filter(outside));
  const before = side((on) => on < officer.validFrom);
  const after = side((on) => on > officer.validTo);
  const acts = [...before.acts, ...after.acts]
    .filter((a) => !certificateValidOn(certificate, a.on))
    .map((a) => ({ caseId: a.caseId, agency: a.agency, eventId: a.eventId, type: a.type, on: a.on }));
  return { acts, ...(before.more || after.more ? { more: true } : {}) };
}

/**
 * The first {@link MAX_ACTS_LISTED} acts the officer took part in on `days` (in order), by date then event id, and
 * whether there are more: each day's acts of the agency's cases, those naming the officer kept.
 */
function firstActs(readModels: Pick<ReadModelStore, 'query'>, officer: OfficerDoc, days: readonly string[]) {
  const acts: OfficerActDoc[] = [];
  for (const on of days) {
    const onDay = readEach<OfficerActDoc>(readModels, OFFICER_ACTS, { keyPrefix: agencyActsOn(officer.agency, on) });
    for (const act of onDay) {
      if (!act.officers.includes(officer.officerId)) continue;
      if (acts.length === MAX_ACTS_LISTED) return { acts, more: true };
      acts.push(act);
    }
  }
  return { acts, more: false };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
