import { Router, type Request, type Response } from 'express';
import { ACCESS, DENIED_ACCESS, type AccessDoc, type DeniedAccessDoc } from '../../projections/access.js';
import { disclosureStandingOf } from '../../projections/case-checks.js';
import { CASES, type CaseFileDoc } from '../../projections/case-files.js';
import { OFFICER_ACTS, type OfficerActDoc } from '../../projections/officer-acts.js';
import type { OfficerDoc } from '../../projections/registry.js';
import type { Principal } from '../app/auth.js';
import { dateAtOffset } from '../domain/actor.js';
import { fromDayNumber, toDayNumber } from '../domain/calendar/working-days.js';
import type { MediaRef, RecordedCaseEvent } from '../domain/case/acts.js';
import { RuleViolation } from '../domain/errors.js';
import type { ItemCategory } from '../domain/registry/items.js';
import { certificateValidOn, type OfficerState } from '../domain/registry/officers.js';
import {
  countStaff,
  publicationDeadline,
  publicationStatus,
  reviewerRatio,
  yearlyStatistics,
  type CaseFacts,
} from '../domain/statistics.js';
import type { Clock } from '../ports/clock.js';
import { type Doc, type Page, type Query, type ReadModelStore } from '../ports/read-models.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { awaitConsistency, type ReadConsistency } from './consistency.js';
import { CSV_CONTENT_TYPE, metricsCsv } from './csv.js';
import { date, id, oneOf, pageOf, pagingOf, single } from './query.js';
import { InvalidQuery } from './validation.js';

export interface SupervisionApiDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  readonly verify: (token: string) => Principal;
  /** Today's date in the viewed agency's local time is the default `asOf`. */
  readonly clock: Clock;
  /** Minutes east of UTC of an agency's local time (`LEDGER_UTC_OFFSET`, `AGENCY_UTC_OFFSETS`). */
  readonly utcOffsetOf: (agency: string) => number;
}

/** How many days ahead a certificate counts as expiring. */
export const EXPIRY_WINDOW_DAYS = 30;
/** Documents read per store query when a view reads a whole set (statistics, staff, certificates). */
const BATCH = 200;
/** Most documents one page of a filtered list examines before it answers with what it found and a cursor. */
const MAX_SCAN = 2_000;
/** Most acts listed per officer and side of the validity period. */
const MAX_ACTS_LISTED = 200;

/**
 * The supervision views (监督): supervisors' reads over the read models, each scoped to the supervisor's agencies
 * (its own and those it supervises); `?agency=` narrows to one of them, and an agency outside them is
 * `403 forbidden`. Every route takes `?consistentWith=`. The views name cases, acts, officers and reviewers but
 * never a party: a supervisor who wants the case reads its file, and that read is recorded.
 */
export function supervisionApi({ readModels, runner, verify, clock, utcOffsetOf }: SupervisionApiDependencies): Router {
  const router = Router();
  const guard = [authenticate(verify), requireRoles('supervisor')];
  /** Today where the viewed agency is: `?agency=` (checked by the scope) or the supervisor's own. */
  const today = (req: Request, res: Response) =>
    dateAtOffset(clock.now(), utcOffsetOf(id(req.query.agency, 'agency') ?? principalOf(res).agency));

  router.get('/v1/audit/overdue-disclosures', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    const asOf = date(req.query.asOf, 'asOf') ?? today(req, res);
    const paging = pagingOf(req);
    await awaitConsistency(req, runner);
    const page = filledPage<CaseFileDoc, ReturnType<typeof overdueView>>(
      readModels,
      CASES,
      {
        where: { agency: scope, 'audit.decided': true },
        range: { member: 'decision.disclosureDueBy', to: addDays(asOf, -1) },
        orderBy: 'decision.disclosureDueBy',
        direction: 'asc',
      },
      (doc) => overdueView(doc, asOf),
      paging,
    );
    res.json({ asOf, ...page });
  });

  router.get('/v1/audit/missing-recordings', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    const paging = pagingOf(req);
    await awaitConsistency(req, runner);
    const page = filledPage<CaseFileDoc, ReturnType<typeof missingRecordingsView>>(
      readModels,
      CASES,
      { where: { agency: scope, 'audit.missingRecordings': true }, orderBy: 'lastActivityOn', direction: 'desc' },
      missingRecordingsView,
      paging,
    );
    res.json(page);
  });

  router.get('/v1/audit/major-decisions', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    const matched = oneOf(req.query.matched, 'matched', ['true', 'false']);
    const paging = pagingOf(req);
    await awaitConsistency(req, runner);
    const page = filledPage<CaseFileDoc, ReturnType<typeof majorDecisionView>>(
      readModels,
      CASES,
      {
        where: { agency: scope, major: true, 'audit.decided': true },
        orderBy: 'decision.decidedOn',
        direction: 'desc',
      },
      (doc) => {
        const view = majorDecisionView(doc);
        return matched === undefined || String(view.matchedApprovedReview) === matched ? view : undefined;
      },
      paging,
    );
    res.json(page);
  });

  router.get('/v1/audit/access', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    const caseId = id(req.query.caseId, 'caseId');
    const sub = single(req.query.sub, 'sub');
    if (caseId === undefined && sub === undefined) throw new InvalidQuery('caseId or sub is required');
    const paging = pagingOf(req);
    await awaitConsistency(req, runner);
    const where: Record<string, string | string[]> = { caseAgency: scope };
    if (caseId !== undefined) where.caseId = caseId;
    if (sub !== undefined) where.sub = sub;
    const page = filledPage<AccessDoc, ReturnType<typeof accessView>>(
      readModels,
      ACCESS,
      { where, orderBy: 'at', direction: 'desc' },
      accessView,
      paging,
    );
    res.json(page);
  });

  // Refused retrievals, from the readers' own trails: a supervisor sees those of readers of its agencies.
  router.get('/v1/audit/denied-access', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    const caseId = id(req.query.caseId, 'caseId');
    const sub = single(req.query.sub, 'sub');
    const paging = pagingOf(req);
    await awaitConsistency(req, runner);
    const where: Record<string, string | string[]> = { agency: scope };
    if (caseId !== undefined) where.caseId = caseId;
    if (sub !== undefined) where.sub = sub;
    const page = filledPage<DeniedAccessDoc, ReturnType<typeof deniedView>>(
      readModels,
      DENIED_ACCESS,
      { where, orderBy: 'at', direction: 'desc' },
      deniedView,
      paging,
    );
    res.json(page);
  });

  router.get('/v1/audit/certificates', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    const asOf = date(req.query.asOf, 'asOf') ?? today(req, res);
    await awaitConsistency(req, runner);
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
    res.json({ asOf, windowDays: EXPIRY_WINDOW_DAYS, actsOutsideValidity, expiring, expired });
  });

  router.get('/v1/audit/reviewer-ratio', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    await awaitConsistency(req, runner);
    const items = scope.map((agency) => {
      const officers = readAll<OfficerDoc>(readModels, 'officers', { where: { agency } }).map(officerState);
      const staff = countStaff(officers, agency);
      return { agency, ...staff, ...reviewerRatio(staff) };
    });
    res.json({ items });
  });

  router.get('/v1/audit/statistics', ...guard, async (req, res) => {
    const scope = scopeOf(req, res);
    // the statistics are one agency's: `?agency=` (checked by the scope) or the supervisor's own
    const agency = req.query.agency === undefined ? principalOf(res).agency : scope[0]!;
    const year = yearOf(req.query.year);
    const asOf = date(req.query.asOf, 'asOf') ?? today(req, res);
    const csv = wantsCsv(req);
    await awaitConsistency(req, runner);
    const lastDay = `${String(year).padStart(4, '0')}-12-31`;
    const cases = readAll<CaseFileDoc>(readModels, CASES, {
      where: { agency },
      range: { member: 'lastActivityOn', from: `${String(year).padStart(4, '0')}-01-01` },
    })
      .filter((doc) => doc.openedOn <= lastDay)
      .map(caseFacts);
    const statistics = yearlyStatistics({ agency, year, cases, asOf });
    const figures = {
      ...statistics,
      publication: { deadline: publicationDeadline(year), status: publicationStatus({ year, asOf }) },
    };
    res.vary('Accept');
    if (csv) {
      res.status(200).set('Content-Type', CSV_CONTENT_TYPE);
      res.set('Content-Disposition', `attachment; filename="statistics-${agency}-${year}.csv"`);
      res.send(metricsCsv(figures));
      return;
    }
    res.json(figures);
  });

  return router;
}

/**
 * The agencies a supervision view covers: the principal's own and those it supervises, or only `?agency=` when
 * that is one of them (`403 forbidden` otherwise).
 */
export function scopeOf(req: Request, res: Response): string[] {
  const principal = principalOf(res);
  const scope = [...new Set([principal.agency, ...principal.supervises])];
  const agency = id(req.query.agency, 'agency');
  if (agency === undefined) return scope;
  if (!scope.includes(agency)) {
    throw new RuleViolation('forbidden', 403, `agency ${agency} is not one this token supervises`);
  }
  return [agency];
}

/**
 * A decision not published by `asOf` although due before it (`overdue`, `daysOverdue` counted to `asOf`), or one
 * published late as its publication recorded (`disclosed_late`, `daysOverdue` counted to the publication); nothing for a
 * decision published on time or lawfully exempted from publication by `asOf` (`disclosureStandingOf`). Days are calendar days after the due date (the last day allowed).
 */
function overdueView(doc: CaseFileDoc, asOf: string) {
  const decision = doc.decision;
  if (!decision) return undefined;
  const base = {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    decisionType: decision.decisionType,
    decidedOn: decision.decidedOn,
    dueBy: decision.disclosureDueBy,
  };
  const { disclosedOn } = decision;
  const standing = disclosureStandingOf(doc, asOf);
  if (standing === 'missing') {
    return { ...base, status: 'overdue' as const, daysOverdue: daysBetween(decision.disclosureDueBy, asOf) };
  }
  if (standing === 'late' && disclosedOn !== undefined) {
    return {
      ...base,
      status: 'disclosed_late' as const,
      disclosedOn,
      daysOverdue: daysBetween(decision.disclosureDueBy, disclosedOn),
    };
  }
  return undefined;
}

/** A case with seizures, demolitions or services lacking their recording, and those acts. */
function missingRecordingsView(doc: CaseFileDoc) {
  const missing = new Set(doc.completeness.recordings.missing);
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    status: doc.status,
    lastActivityOn: doc.lastActivityOn,
    acts: doc.timeline
      .filter((t) => missing.has(t.eventId))
      .map((t) => ({
        eventId: t.eventId,
        type: t.type,
        occurredAt: t.occurredAt,
        ...(t.type === 'DocumentServed' ? { method: String(t.data.method) } : {}),
      })),
  };
}

/**
 * A major decision beside its legal reviews; `matchedApprovedReview`: the case's latest review clears this decision
 * (`reviewClears`: approved, or its disagreement resolved upholding the proposal, for this type and amount).
 */
function majorDecisionView(doc: CaseFileDoc) {
  const decision = doc.decision!;
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    decision: {
      eventId: decision.eventId,
      decisionType: decision.decisionType,
      fineFen: decision.fineFen,
      decidedOn: decision.decidedOn,
      documentNo: decision.documentNo,
    },
    matchedApprovedReview: doc.completeness.legalReview.status === 'complete',
    reviews: doc.reviews.map((r) => ({
      eventId: r.eventId,
      occurredAt: r.occurredAt,
      reviewer: r.reviewer,
      outcome: r.outcome,
      proposal: { ...r.proposal },
      checks: { ...r.checks },
      ...(r.resolution === undefined ? {} : { resolution: r.resolution }),
    })),
  };
}

function accessView(doc: AccessDoc) {
  return {
    sub: doc.sub,
    agency: doc.agency,
    at: doc.at,
    caseId: doc.caseId,
    action: doc.action,
    outcome: doc.outcome,
    ...(doc.purpose === undefined ? {} : { purpose: doc.purpose }),
    ...(doc.media === undefined ? {} : { media: doc.media }),
    requestId: doc.requestId,
  };
}

function deniedView(doc: DeniedAccessDoc) {
  return {
    sub: doc.sub,
    agency: doc.agency,
    at: doc.at,
    action: doc.action,
    ...(doc.caseId === undefined ? {} : { caseId: doc.caseId }),
    ...(doc.media === undefined ? {} : { media: doc.media }),
    ...(doc.purpose === undefined ? {} : { purpose: doc.purpose }),
    requestId: doc.requestId,
  };
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

const officerState = (doc: OfficerDoc): OfficerState => ({ ...doc, exists: true });

/**
 * The acts an officer took part in on days outside the certificate's validity as the registry now has it (an
 * amended validity can put earlier acts outside). The validity period alone is judged here, not the officer's
 * status today: a suspension later does not make earlier acts invalid.
 */
function actsOutside(readModels: ReadModelStore, officer: OfficerDoc) {
  const certificate: OfficerState = { ...officerState(officer), status: 'active' };
  const side = (range: Query['range']) =>
    readModels.query<OfficerActDoc>(OFFICER_ACTS, {
      where: { officerId: officer.officerId, agency: officer.agency },
      range,
      orderBy: 'on',
      direction: 'asc',
      limit: MAX_ACTS_LISTED,
    });
  const before = side({ member: 'on', to: addDays(officer.validFrom, -1) });
  const after = side({ member: 'on', from: addDays(officer.validTo, 1) });
  const acts = [...before.items, ...after.items]
    .filter((a) => !certificateValidOn(certificate, a.on))
    .map((a) => ({ caseId: a.caseId, agency: a.agency, eventId: a.eventId, type: a.type, on: a.on }));
  return { acts, ...(before.next !== undefined || after.next !== undefined ? { more: true } : {}) };
}

/** A case file's timeline as the recorded case events the statistics count (media looked up in the file). */
function caseFacts(doc: CaseFileDoc): CaseFacts {
  const media = new Map<string, MediaRef>(
    doc.media.map((m) => [m.sha256, { sha256: m.sha256, size: m.size, contentType: m.contentType }]),
  );
  const events = doc.timeline.map(
    (t) =>
      ({
        id: t.eventId,
        type: t.type,
        occurredAt: t.occurredAt,
        actor: { sub: t.recordedBy, agency: doc.agency, roles: [] },
        data: t.data,
        ...(t.officers ? { officers: t.officers } : {}),
        media: t.media.map((sha256) => media.get(sha256) ?? { sha256, size: 0, contentType: '' }),
      }) as RecordedCaseEvent,
  );
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCategory: (doc.itemCategory ?? 'other') as ItemCategory,
    events,
  };
}

/**
 * One page of a list whose documents the store selects and `select` keeps or drops: the store is read in
 * slices until `limit` items are kept, the store has no more, or {@link MAX_SCAN} documents were examined; `next`
 * continues after the last document examined, so a page may hold fewer items than `limit` while there are more.
 */
function filledPage<D extends Doc, T>(
  readModels: ReadModelStore,
  collection: string,
  query: Omit<Query, 'limit' | 'after'>,
  select: (doc: D) => T | undefined,
  paging: { limit: number; after?: string },
): { items: T[]; next?: string } {
  const items: T[] = [];
  let after = paging.after;
  let scanned = 0;
  for (;;) {
    const want = paging.limit - items.length;
    const page: Page<D> = pageOf(() =>
      readModels.query<D>(collection, { ...query, limit: want, ...(after === undefined ? {} : { after }) }),
    );
    scanned += page.items.length;
    for (const doc of page.items) {
      const kept = select(doc);
      if (kept !== undefined) items.push(kept);
    }
    after = page.next;
    if (after === undefined || items.length >= paging.limit || scanned >= MAX_SCAN) break;
  }
  return { items, ...(after === undefined ? {} : { next: after }) };
}

/** Every document a query selects, read in slices of {@link BATCH}. */
function readAll<D extends Doc>(
  readModels: ReadModelStore,
  collection: string,
  query: Omit<Query, 'limit' | 'after'>,
): D[] {
  const all: D[] = [];
  let after: string | undefined;
  do {
    const page = readModels.query<D>(collection, { ...query, limit: BATCH, ...(after === undefined ? {} : { after }) });
    all.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return all;
}

/** `Accept: text/csv` (preferred over JSON) or `?format=csv`; `?format=json` forces JSON. */
function wantsCsv(req: Request): boolean {
  const format = oneOf(req.query.format, 'format', ['json', 'csv']);
  if (format !== undefined) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function yearOf(value: unknown): number {
  const text = single(value, 'year');
  if (text === undefined) throw new InvalidQuery('year is required');
  if (!/^\d{4}$/.test(text) || Number(text) < 1949 || Number(text) > 9998) {
    throw new InvalidQuery('year must be a year, YYYY, from 1949');
  }
  return Number(text);
}

const addDays = (day: string, days: number): string => fromDayNumber(toDayNumber(day) + days);
const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
