import { assembleCaseFile, caseActs } from '../../projections/case-file-read.js';
import { CASES, caseKey, type CaseFileDoc, type CaseSummaryDoc } from '../../projections/case-files.js';
import { CASE_TEXTS, caseText, type CaseTextDoc } from '../../projections/case-texts.js';
import { RuleViolation } from '../domain/errors.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { Principal } from './auth.js';
import type { WorkingDayCalendar } from '../domain/calendar/working-days.js';
import type { ListingRequest } from './access-log.js';
import { recordListing } from './listing-record.js';
import { readableAgencies, type CaseReads, type Retrieval } from './case-reads.js';
import {
  disclosureDeadlineView,
  reviewDeadlineView,
  withSettledDueBy,
  type DisclosureDeadline,
  type ReviewDeadline,
} from './case-file-views.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { filledPage, pageOf, type Paging } from './read-pages.js';
import { similarCases, type SimilarCase } from './similar-cases.js';
import type { PersonalReads } from './personal-reads.js';

export interface CaseFileReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  readonly reads: CaseReads;
  /** Today's date where an agency is: the day a case file's review time limit is judged on. */
  readonly today: (agency: string) => string;
  /** Opens the sealed personal fields of the files served (`[erased]` once erased); without it they stay sealed. */
  readonly personal?: PersonalReads;
  /** The calendar a decision's last day to publish counted on weekdays only is counted again on (`withSettledDueBy`). */
  readonly calendar?: WorkingDayCalendar;
}

/**
 * The case file as it is served: the case's row and its acts, assembled (`assembleCaseFile`), with where the time
 * limits of its latest legal review (`reviewDeadlineView`) and of its decision's publication
 * (`disclosureDeadlineView`) stand today. A decision past its last day unpublished is `missing` from the file's
 * checklist, as the overdue view says of it; before that day it is `pending`.
 */
export type CaseFile = CaseFileDoc & {
  readonly reviewDeadline?: ReviewDeadline;
  readonly disclosureDeadline?: DisclosureDeadline;
};

/** A retrieval of a case file, once the read models have applied `consistentWith` (a write's position). */
export interface CaseFileRetrieval extends Retrieval {
  readonly consistentWith?: Position;
}

/** `GET /v1/cases`: which cases, newest opened first; the request's id and purpose go on the listing's record. */
export interface CaseListQuery extends ListingRequest {
  readonly principal: Principal;
  /** One of the agencies the principal may read (`403 forbidden` otherwise); all of them when absent. */
  readonly agency?: string;
  readonly status?: string;
  readonly itemCode?: string;
  /** Opening dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly consistentWith?: Position;
}

/**
 * Reads of case files (the `case-files` projection): the file of one case, retrieved through {@link CaseReads}
 * (which agency's case the id means, scope, the access record, `404`/`409`); the cases similar to it; and the
 * list of the cases the principal may read. Each waits for `consistentWith` before it reads.
 */
export class CaseFileReads {
  constructor(private readonly deps: CaseFileReadsDependencies) {}

  /** The case file, its retrieval recorded (`read_case`). */
  async file(retrieval: CaseFileRetrieval): Promise<CaseFile> {
    const file = await this.retrieve(retrieval, (agency) => {
      const key = caseKey(agency, retrieval.caseId);
      const stored = this.deps.readModels.get<CaseSummaryDoc>(CASES, key);
      if (!stored) return undefined;
      const summary = withSettledDueBy(stored, this.deps.calendar);
      const file = assembleCaseFile(summary, caseActs(this.deps.readModels, key));
      const today = this.deps.today(agency);
      const review = reviewDeadlineView(summary, today);
      const disclosure = disclosureDeadlineView(summary, today);
      return {
        ...file,
        ...(disclosure?.status === 'overdue'
          ? { completeness: { ...file.completeness, disclosure: { status: 'missing' } } }
          : {}),
        ...(review ? { reviewDeadline: review } : {}),
        ...(disclosure ? { disclosureDeadline: disclosure } : {}),
      } satisfies CaseFile;
    });
    return this.deps.personal ? this.deps.personal.openCaseFile(file) : file;
  }

  /**
   * The decided cases most like the case, from the agencies the principal may read, its retrieval recorded
   * (`read_similar`, granted or denied, like any read of a case).
   */
  async similar(retrieval: CaseFileRetrieval, limit: number): Promise<SimilarCase[]> {
    const doc = await this.retrieve(retrieval, (agency) =>
      this.deps.readModels.get<CaseSummaryDoc>(CASES, caseKey(agency, retrieval.caseId)),
    );
    const scope = readableAgencies(retrieval.principal);
    const text = this.deps.readModels.get<CaseTextDoc>(CASE_TEXTS, caseKey(doc.agency, doc.caseId));
    const source = { caseId: doc.caseId, agency: doc.agency, title: doc.title, findings: text?.findings ?? [] };
    const found = similarCases(this.deps.readModels, source, {
      scope,
      limit,
      ...(text ? { text: caseText(text) } : {}),
    });
    await recordListing(this.deps.reads, retrieval, 'list_similar', found);
    return found;
  }

  /**
   * Summaries of the cases the principal may read, newest opened first. A page is recorded on the reader's own
   * trail (`list_cases`, naming each case shown) before it is returned; opening a file is a retrieval of its own.
   */
  async list(query: CaseListQuery, paging: Paging) {
    const scope = readableAgencies(query.principal);
    const { agency, status, itemCode, from, to } = query;
    if (agency !== undefined && !scope.includes(agency)) {
      throw new RuleViolation('forbidden', 403, `agency ${agency} is not one this token may read`);
    }
    await caughtUp(this.deps.runner, query.consistentWith);
    const where: Record<string, string | string[]> = { agency: agency ?? scope };
    if (status !== undefined) where.status = status;
    if (itemCode !== undefined) where.itemCode = itemCode;
    const page = pageOf(() =>
      this.deps.readModels.query<CaseSummaryDoc>(CASES, {
        where,
        ...(from !== undefined || to !== undefined
          ? { range: { member: 'openedOn', ...(from ? { from } : {}), ...(to ? { to } : {}) } }
          : {}),
        orderBy: 'openedOn',
        direction: 'desc',
        limit: paging.limit,
        ...(paging.after === undefined ? {} : { after: paging.after }),
      }),
    );
    const items = page.items.map(summaryOf);
    await recordListing(this.deps.reads, query, 'list_cases', items);
    return { items, ...(page.next ? { next: page.next } : {}) };
  }

  /**
   * The reviewer's queue: the open cases of the reviewer's agency whose legal review is requested and not yet
   * given (as the rules' fold says), latest activity first, each with the proposal to review. A page is recorded on
   * the reader's own trail (`list_reviews`); opening a case is a retrieval of its own.
   */
  async pendingReviews(
    query: ListingRequest & { readonly principal: Principal; readonly consistentWith?: Position },
    paging: Paging,
  ) {
    await caughtUp(this.deps.runner, query.consistentWith);
    const today = this.deps.today(query.principal.agency);
    const page = filledPage<
      CaseSummaryDoc,
      ReturnType<typeof summaryOf> & { proposal?: CaseSummaryDoc['state']['proposal']; reviewDeadline?: ReviewDeadline }
    >(
      this.deps.readModels,
      CASES,
      { where: { agency: query.principal.agency, status: 'open' }, orderBy: 'lastActivityOn', direction: 'desc' },
      (doc) => {
        if (!doc.state.reviewPending) return undefined;
        // the review's last day, as the case file shows it (counted again on the calendar as it is now)
        const deadline = reviewDeadlineView(withSettledDueBy(doc, this.deps.calendar), today);
        return {
          ...summaryOf(doc),
          ...(doc.state.proposal ? { proposal: doc.state.proposal } : {}),
          ...(deadline ? { reviewDeadline: deadline } : {}),
        };
      },
      paging,
    );
    await recordListing(this.deps.reads, query, 'list_reviews', page.items);
    return page;
  }

  /** What `find` reads of the case, once the read models caught up, the retrieval recorded. */
  private async retrieve<T>(retrieval: CaseFileRetrieval, find: (agency: string) => T | undefined): Promise<T> {
    await caughtUp(this.deps.runner, retrieval.consistentWith);
    const { found } = await this.deps.reads.retrieve(retrieval, find);
    return found;
  }
}

/** A case as a list shows it. */
function summaryOf(doc: CaseSummaryDoc) {
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    title: doc.title,
    status: doc.status,
    major: doc.major,
    openedOn: doc.openedOn,
    revision: doc.revision,
    updatedAt: doc.updatedAt,
    ...(doc.decision
      ? { decision: { decisionType: doc.decision.decisionType, decidedOn: doc.decision.decidedOn } }
      : {}),
  };
}
