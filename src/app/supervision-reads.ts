import type { WorkingDayCalendar } from '../domain/calendar/working-days.js';
import { ACCESS, DENIED_ACCESS } from '../../projections/access.js';
import { assembleCaseFile, caseActs } from '../../projections/case-file-read.js';
import {
  CASES,
  caseKey,
  REVIEW_LIMITS,
  type CaseSummaryDoc,
  type ReviewLimitDoc,
} from '../../projections/case-files.js';
import { DISCLOSURES, type DisclosureDoc } from '../../projections/disclosures.js';
import { dateAtOffset } from '../domain/actor.js';
import { RuleViolation } from '../domain/errors.js';
import { InvalidQuery } from '../errors.js';
import { publicationDeadline, publicationStatus, yearlyStatistics } from '../domain/statistics.js';
import type { Clock } from '../ports/clock.js';
import type { Position } from '../ports/event-store.js';
import { QUARANTINE, type Doc, type QuarantineDoc, type ReadModelStore } from '../ports/read-models.js';
import { accessView, deniedView, quarantineView } from './access-views.js';
import type { AccessLog, ListingRequest } from './access-log.js';
import { recordSupervisionListing } from './listing-record.js';
import type { Principal } from './auth.js';
import {
  caseFacts,
  majorDecisionView,
  missingRecordingsView,
  overdueReviewView,
  withSettledDueBy,
  withSettledReviewLimit,
  overdueView,
} from './case-file-views.js';
import { certificatesView, reviewerRatioView } from './certificate-views.js';
import { addDays } from './days.js';
import { attestationOf, type DisclosureAttestation, type DisclosureAttestations } from './disclosure-attestation.js';
import { evaluationsOfYear } from './evaluation-reads.js';
import { dueForErasurePage } from './retention-views.js';
import { ERASURES, type ErasureDoc } from '../../projections/erasures.js';
import { overdueInspectionsPage } from './inspection-views.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { filledPage, pageOf, readAll, type Paging } from './read-pages.js';

export interface SupervisionReadsDependencies {
  readonly readModels: ReadModelStore;
  /** Where a view that lists cases is recorded, on the supervisor's own trail (`list_supervision`). */
  readonly access: Pick<AccessLog, 'listed'>;
  readonly runner: ReadConsistency;
  /** Today's date in the viewed agency's local time is the default `asOf`. */
  readonly clock: Clock;
  /** Minutes east of UTC of an agency's local time (`LEDGER_UTC_OFFSET`, `AGENCY_UTC_OFFSETS`). */
  readonly utcOffsetOf: (agency: string) => number;
  /**
   * Where time-stamping authorities are configured: what their time-stamps show of a published decision's
   * timeliness, given with the overdue disclosures and the major decisions (docs/integrity.md §15.5).
   */
  readonly attestations?: Pick<DisclosureAttestations, 'of'>;
  /** The names of the projections the service runs, which `?projection=` of the quarantine view must be one of. */
  readonly projectionNames?: readonly string[];
  /**
   * The working-day calendar as it is now, on which a decision's last day to publish counted on weekdays only is
   * counted again (`withSettledDueBy`); without it, the last days as recorded.
   */
  readonly calendar?: WorkingDayCalendar;
  /**
   * The day an agency's statistics of a year were published as its admin recorded it (`StatisticsPublished`), and
   * the agency's day the service recorded it, if it was.
   */
  readonly statisticsPublication?: (
    agency: string,
    year: number,
  ) => Promise<{ readonly publishedOn: string; readonly recordedOn: string } | undefined>;
}

/**
 * How many days after `asOf` the overdue disclosures look at last days as stored: one counted on weekdays only can
 * come earlier once counted on the official schedule (its make-up working days, 调休), never by more than this.
 */
const SETTLING_MARGIN_DAYS = 7;

/** Who asks for a supervision view, over which agency, after which write; the request's id and why, for its record. */
export interface SupervisionQuery extends ListingRequest {
  readonly principal: Principal;
  /** `?agency=`: one of the supervisor's agencies; all of them when absent. */
  readonly agency?: string;
  /** A log position the read models must have applied first (`?consistentWith=`). */
  readonly consistentWith?: Position;
}

/** A view as of a day: `asOf` defaults to today where the viewed agency is. */
export interface DatedQuery extends SupervisionQuery {
  readonly asOf?: string;
}

/** A view of what was due by a day, narrowed to the rows of one `status` when given (`overdue`: still not done). */
export interface DueQuery extends DatedQuery {
  readonly status?: string;
}

/** The rows of `status`, or every row when none is asked for. */
const ofStatus =
  (status: string | undefined) =>
  <V extends { readonly status: string }>(view: V | undefined): V | undefined =>
    view === undefined || status === undefined || view.status === status ? view : undefined;

/** A retrieval trail view: by case, by reader, or both. */
export interface TrailQuery extends SupervisionQuery {
  readonly caseId?: string;
  readonly sub?: string;
}

/**
 * The agencies a supervision view covers: the principal's own and those it supervises, or only `agency` when that
 * is one of them (`403 forbidden` otherwise).
 */
export function supervisedScope(principal: Principal, agency: string | undefined): string[] {
  const scope = [...new Set([principal.agency, ...principal.supervises])];
  if (agency === undefined) return scope;
  if (!scope.includes(agency)) {
    throw new RuleViolation('forbidden', 403, `agency ${agency} is not one this token supervises`);
  }
  return [agency];
}

/**
 * The supervision views (监督): supervisors' reads over the read models, each scoped to the supervisor's agencies
 * ({@link supervisedScope}), each waiting for `consistentWith` before it reads. A view as of a day takes today in
 * the viewed agency's local time (the clock and the agency's configured offset) when no day is given. The views
 * name cases, acts, officers and reviewers but never a party: a supervisor who wants the case reads its file, and
 * that read is recorded. A view that lists cases is recorded too, before it is returned, on the supervisor's own
 * trail (`list_supervision` with the view's name, naming each case it shows).
 */
export class SupervisionReads {
  constructor(private readonly deps: SupervisionReadsDependencies) {}

  /** Decisions not published in time by `asOf` (or published late), soonest due first. */
  async overdueDisclosures(query: DueQuery, paging: Paging) {
    const only = ofStatus(query.status);
    const { scope, asOf } = await this.dated(query);
    const page = filledPage(
      this.deps.readModels,
      CASES,
      {
        where: { agency: scope, 'audit.decided': true },
        // the last days as stored: those counted on weekdays only may come earlier once counted again (the view filters)
        range: {
          member: 'decision.disclosureDueBy',
          to: addDays(asOf, this.deps.calendar ? SETTLING_MARGIN_DAYS : -1),
        },
        orderBy: 'decision.disclosureDueBy',
        direction: 'asc',
      },
      (doc: CaseSummaryDoc) => {
        const view = only(overdueView(withSettledDueBy(doc, this.deps.calendar), asOf));
        return view && this.#attested(view);
      },
      paging,
    );
    await recordSupervisionListing(this.deps.access, query, 'overdue-disclosures', page.items);
    return { asOf, ...page };
  }

  /**
   * Requests for legal review not completed by their time limit (审核时限) by `asOf`, or completed late, soonest due
   * first: a row per request, so a case whose review was late and was then asked for again is listed for both.
   */
  async overdueReviews(query: DueQuery, paging: Paging) {
    const only = ofStatus(query.status);
    const { scope, asOf } = await this.dated(query);
    const page = filledPage(
      this.deps.readModels,
      REVIEW_LIMITS,
      {
        where: { agency: scope },
        // the last days as stored: those counted on weekdays only may come earlier once counted again (the view filters)
        range: { member: 'dueBy', to: addDays(asOf, this.deps.calendar ? SETTLING_MARGIN_DAYS : -1) },
        orderBy: 'dueBy',
        direction: 'asc',
      },
      (doc: ReviewLimitDoc) => only(overdueReviewView(withSettledReviewLimit(doc, this.deps.calendar), asOf)),
      paging,
    );
    await recordSupervisionListing(this.deps.access, query, 'overdue-reviews', page.items);
    return { asOf, ...page };
  }

  /** Closed cases past their retention (保管期限) on `asOf` whose personal data is not erased, longest past first. */
  async dueForErasure(query: DatedQuery, paging: Paging) {
    const { scope, asOf } = await this.dated(query);
    const page = dueForErasurePage(this.deps.readModels, scope, asOf, paging);
    await recordSupervisionListing(this.deps.access, query, 'due-for-erasure', page.items);
    return { asOf, ...page };
  }

  /**
   * The erasures of personal data, of cases and of applications that opened none (which, when, by whom, legal
   * ground; no personal data), latest first.
   */
  async erasures(query: SupervisionQuery, paging: Paging) {
    const scope = await this.scope(query);
    const page = filledPage(
      this.deps.readModels,
      ERASURES,
      { where: { agency: scope }, orderBy: 'erasedAt', direction: 'desc' },
      (doc: ErasureDoc) => ({
        ...(doc.kind === 'case'
          ? { kind: doc.kind, caseId: doc.caseId }
          : { kind: doc.kind, applicationId: doc.applicationId }),
        agency: doc.agency,
        erasedAt: doc.erasedAt,
        by: doc.by,
        ground: doc.ground,
        eventId: doc.eventId,
      }),
      paging,
    );
    await recordSupervisionListing(this.deps.access, query, 'erasures', page.items);
    return page;
  }

  /** Drawn inspection targets whose outcome is overdue on `asOf` (the plan's period over, none recorded). */
  async overdueInspections(query: DatedQuery, paging: Paging) {
    const { scope, asOf } = await this.dated(query);
    return { asOf, ...overdueInspectionsPage(this.deps.readModels, scope, asOf, paging) };
  }

  /** Cases whose acts lack the recording their duties require (the recording list, its floors), latest activity first. */
  async missingRecordings(query: SupervisionQuery, paging: Paging) {
    const scope = await this.scope(query);
    const page = filledPage(
      this.deps.readModels,
      CASES,
      { where: { agency: scope, 'audit.missingRecordings': true }, orderBy: 'lastActivityOn', direction: 'desc' },
      missingRecordingsView,
      paging,
    );
    await recordSupervisionListing(this.deps.access, query, 'missing-recordings', page.items);
    return page;
  }

  /** Major decisions beside their reviews, latest first; `matched` keeps those whose review does (not) clear them. */
  async majorDecisions(query: SupervisionQuery & { readonly matched?: boolean }, paging: Paging) {
    const scope = await this.scope(query);
    const page = filledPage(
      this.deps.readModels,
      CASES,
      {
        where: { agency: scope, major: true, 'audit.decided': true },
        orderBy: 'decision.decidedOn',
        direction: 'desc',
      },
      (doc: CaseSummaryDoc) => {
        const view = majorDecisionView(doc);
        return view && (query.matched === undefined || view.matchedApprovedReview === query.matched)
          ? this.#attested(view)
          : undefined;
      },
      paging,
    );
    await recordSupervisionListing(this.deps.access, query, 'major-decisions', page.items);
    return page;
  }

  /** Granted retrievals of the cases of the supervisor's agencies, latest first. */
  async access(query: TrailQuery, paging: Paging) {
    return this.trailPage(ACCESS, 'caseAgency', accessView, query, paging);
  }

  /** Refused retrievals, from the readers' own trails: those of readers of the supervisor's agencies. */
  async deniedAccess(query: TrailQuery, paging: Paging) {
    return this.trailPage(DENIED_ACCESS, 'agency', deniedView, query, paging);
  }

  /** Certificates: acts outside their validity, and those expiring or expired on `asOf`. */
  async certificates(query: DatedQuery) {
    const { scope, asOf } = await this.dated(query);
    const view = certificatesView(this.deps.readModels, scope, asOf);
    await recordSupervisionListing(
      this.deps.access,
      query,
      'certificates',
      view.actsOutsideValidity.flatMap((officer) => officer.acts),
    );
    return view;
  }

  /** Reviewers against the enforcement staff, per agency, counting the certificates valid on `asOf`. */
  async reviewerRatio(query: DatedQuery) {
    const { scope, asOf } = await this.dated(query);
    return reviewerRatioView(this.deps.readModels, scope, asOf);
  }

  /**
   * One agency's yearly statistics (`agency`, or the supervisor's own) as of `asOf`, with when they are due to be
   * published and whether that day has passed.
   */
  async statistics(query: DatedQuery & { readonly year: number }) {
    const { scope, asOf } = await this.dated(query);
    const agency = query.agency === undefined ? query.principal.agency : scope[0]!;
    const cases = this.casesOfYear(agency, query.year).map((doc) =>
      caseFacts(assembleCaseFile(doc, caseActs(this.deps.readModels, caseKey(doc.agency, doc.caseId)))),
    );
    const evaluations = evaluationsOfYear(this.deps.readModels, agency, query.year);
    const utcOffsetMinutes = this.deps.utcOffsetOf(agency);
    const statistics = yearlyStatistics({
      agency,
      year: query.year,
      cases,
      asOf,
      evaluations,
      utcOffsetMinutes,
      ...(this.deps.calendar ? { calendar: this.deps.calendar } : {}),
    });
    const published = await this.deps.statisticsPublication?.(agency, query.year);
    const known = published !== undefined && published.publishedOn <= asOf && published.recordedOn <= asOf;
    return {
      ...statistics,
      publication: {
        deadline: publicationDeadline(query.year),
        status: publicationStatus({ year: query.year, asOf, ...(published ?? {}) }),
        // as the ledger stood on `asOf`: a publication recorded on a later day is not shown
        ...(known ? { publishedOn: published.publishedOn, recordedOn: published.recordedOn } : {}),
      },
    };
  }

  /**
   * The supervisor's agencies' (or `agency`'s) figures of a year month by month, for the dashboard's charts: cases
   * opened (by `openedOn`), decisions made (by `decidedOn`), and decisions whose publication was due that month and
   * was missed or late as of `asOf` (as {@link overdueDisclosures} judges them, by `dueBy`).
   */
  async monthly(query: DatedQuery & { readonly year: number }) {
    const { scope, asOf } = await this.dated(query);
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `${String(query.year).padStart(4, '0')}-${String(i + 1).padStart(2, '0')}`,
      opened: 0,
      decided: 0,
      overdue: 0,
    }));
    const monthOf = (date: string | undefined) =>
      date !== undefined && Number(date.slice(0, 4)) === query.year ? months[Number(date.slice(5, 7)) - 1] : undefined;
    for (const doc of scope.flatMap((agency) => this.casesOfYear(agency, query.year))) {
      const opened = monthOf(doc.openedOn);
      if (opened) opened.opened += 1;
      const decided = monthOf(doc.decision?.decidedOn);
      if (decided) decided.decided += 1;
      const settled = withSettledDueBy(doc, this.deps.calendar);
      const due = overdueView(settled, asOf) ? monthOf(settled.decision?.disclosureDueBy) : undefined;
      if (due) due.overdue += 1;
    }
    return { year: query.year, asOf, agencies: scope, months };
  }

  /** The cases of `agency` active in `year`: opened by its end and with an act in it or after. */
  private casesOfYear(agency: string, year: number): CaseSummaryDoc[] {
    const y = String(year).padStart(4, '0');
    return readAll<CaseSummaryDoc>(this.deps.readModels, CASES, {
      where: { agency },
      range: { member: 'lastActivityOn', from: `${y}-01-01` },
    }).filter((doc) => doc.openedOn <= `${y}-12-31`);
  }

  /** Events of the supervisor's agencies that a projection (`projection`, or any) could not apply, oldest first. */
  async quarantine(query: SupervisionQuery & { readonly projection?: string }, paging: Paging) {
    const { projection } = query;
    const names = this.deps.projectionNames;
    // refused before any wait: no projection of that name could ever have quarantined anything
    if (projection !== undefined && names !== undefined && !names.includes(projection)) {
      throw new InvalidQuery(`projection must be the name of a projection the service runs: ${names.join(', ')}`);
    }
    const scope = await this.scope(query);
    const page = pageOf(() =>
      this.deps.readModels.query<QuarantineDoc>(QUARANTINE, {
        where: { agency: scope, ...(projection === undefined ? {} : { projection }) },
        orderBy: 'position',
        direction: 'asc',
        limit: paging.limit,
        ...(paging.after === undefined ? {} : { after: paging.after }),
      }),
    );
    return { items: page.items.map(quarantineView), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** A view of a case's decision, with what the time-stamps show of its publication when there is something to show. */
  #attested<V extends { readonly agency: string; readonly caseId: string }>(
    view: V,
  ): V & { attestation?: DisclosureAttestation } {
    const disclosure = this.deps.readModels.get<DisclosureDoc>(DISCLOSURES, caseKey(view.agency, view.caseId));
    return { ...view, ...attestationOf(this.deps.attestations, disclosure) };
  }

  /** The view's scope, once the read models have applied `consistentWith`. */
  private async scope(query: SupervisionQuery): Promise<string[]> {
    const scope = supervisedScope(query.principal, query.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    return scope;
  }

  /** The scope and the day of a dated view. */
  private async dated(query: DatedQuery): Promise<{ scope: string[]; asOf: string }> {
    const scope = supervisedScope(query.principal, query.agency);
    const asOf = query.asOf ?? this.today(query.agency ?? query.principal.agency);
    await caughtUp(this.deps.runner, query.consistentWith);
    return { scope, asOf };
  }

  /** Today where `agency` is: the clock's instant at the agency's configured offset. */
  private today(agency: string): string {
    return dateAtOffset(this.deps.clock.now(), this.deps.utcOffsetOf(agency));
  }

  /** A page of a retrieval trail: its agency member within the scope, the case and reader asked about. */
  private async trailPage<D extends Doc, T>(
    collection: string,
    agencyMember: string,
    view: (doc: D) => T,
    query: TrailQuery,
    paging: Paging,
  ) {
    const { caseId, sub } = query;
    const where: Record<string, string | string[]> = { [agencyMember]: await this.scope(query) };
    if (caseId !== undefined) where.caseId = caseId;
    if (sub !== undefined) where.sub = sub;
    return filledPage(this.deps.readModels, collection, { where, orderBy: 'at', direction: 'desc' }, view, paging);
  }
}
