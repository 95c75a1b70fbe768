import { timingSafeEqual } from 'node:crypto';
import { APPLICATIONS, applicationKey, type ApplicationDoc } from '../../projections/applications.js';
import { dateAtOffset } from '../domain/actor.js';
import { acceptanceOverdue } from '../domain/application/application.js';
import { notFound } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { Position } from '../ports/event-store.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { AccessLog, ListingRequest } from './access-log.js';
import type { Principal } from './auth.js';
import { addDays, daysBetween } from './days.js';
import { lookupHash } from './application-service.js';
import { holdsSealed, openData, type CaseKey } from './personal-data.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { recordListing } from './listing-record.js';
import { filledPage, pageOf, type Paging } from './read-pages.js';
import { supervisedScope } from './supervision-reads.js';

export interface ApplicationReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  readonly clock: Clock;
  readonly utcOffsetOf: (agency: string) => number;
  /** The applications' data keys, to open the applicant's name for the queue. */
  readonly dataKeys?: DataKeyStore;
  /** Where a page of the queue is recorded before it is answered (it shows applicants' names). */
  readonly access: Pick<AccessLog, 'listed'>;
}

/** What the applicant sees with the lookup code: where the application stands, nothing about who filed it. */
export function progressView(doc: ApplicationDoc) {
  return {
    applicationId: doc.applicationId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    filedOn: doc.filedOn,
    acceptBy: doc.acceptBy,
    status: doc.status,
    eventId: doc.eventId,
    eventHash: doc.eventHash,
    ...(doc.caseId === undefined ? {} : { caseId: doc.caseId }),
    ...(doc.acceptedOn === undefined ? {} : { acceptedOn: doc.acceptedOn }),
    ...(doc.rejection === undefined ? {} : { rejection: doc.rejection }),
    ...(doc.decision === undefined ? {} : { decision: doc.decision }),
    ...(doc.disclosedOn === undefined ? {} : { disclosedOn: doc.disclosedOn }),
    ...(doc.erasedAt === undefined ? {} : { dataErasedAt: doc.erasedAt }),
  };
}
export type ProgressView = ReturnType<typeof progressView>;

/**
 * An application in the agency's queue, for its officers: with the applicant's name and kind, the name opened with
 * the application's key (`[erased]` once it was destroyed, `[sealed]` when this service lacks it).
 */
export function queueView(doc: ApplicationDoc, asOf: string, key?: CaseKey) {
  return {
    ...progressView(doc),
    applicantKind: doc.applicantKind,
    applicantName: String(openData(doc.applicantName, doc.eventId, key, '/applicant/name')),
    attachments: doc.attachments,
    overdue: doc.pending && acceptanceOverdue(doc.acceptBy, asOf),
  };
}
export type QueueView = ReturnType<typeof queueView>;

/** An application past its acceptance deadline, as supervision sees it: no applicant data. */
export const overdueView = (doc: ApplicationDoc, asOf: string) => ({
  applicationId: doc.applicationId,
  agency: doc.agency,
  itemCode: doc.itemCode,
  filedOn: doc.filedOn,
  acceptBy: doc.acceptBy,
  daysOverdue: daysBetween(doc.acceptBy, asOf),
});

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Reads of online applications: the applicant's progress (by id and lookup code), the agency's queue (its
 * officers), and the applications not accepted or refused in time (supervision).
 */
export class ApplicationReads {
  constructor(private readonly deps: ApplicationReadsDependencies) {}

  private today(agency: string): string {
    return dateAtOffset(this.deps.clock.now(), this.deps.utcOffsetOf(agency));
  }

  /**
   * Waits until the read models have applied `consistentWith` (a write's position), as {@link progress} does: what a
   * lookup reads before it, such as the agency a name typed on the form names, is then read as of that write too.
   */
  async caughtUpWith(consistentWith: Position | undefined): Promise<void> {
    await caughtUp(this.deps.runner, consistentWith);
  }

  /**
   * The progress of application `applicationId` of `agency`, to whoever holds its lookup code; an unknown id and
   * a wrong code are the same `404`, so neither reveals whether the other exists.
   */
  async progress(q: {
    agency: string;
    applicationId: string;
    code: string;
    consistentWith?: Position;
  }): Promise<ProgressView> {
    await caughtUp(this.deps.runner, q.consistentWith);
    const doc = this.deps.readModels.get<ApplicationDoc>(APPLICATIONS, applicationKey(q.agency, q.applicationId));
    if (!doc || !sameHash(lookupHash(q.code), doc.lookupHash)) throw notFound('no such application, or not that code');
    return progressView(doc);
  }

  /**
   * The applications of the officer's agency, those waiting first, soonest due first; then the rest, latest first.
   * A page shows applicants' names in clear, so it is recorded on the reader's own trail (`list_applications`,
   * naming each application by its id) before it is returned; opening one is a retrieval of its own.
   */
  async queue(
    q: ListingRequest & { principal: Principal; pending?: boolean; consistentWith?: Position },
    paging: Paging,
  ): Promise<{ asOf: string; items: QueueView[]; next?: string }> {
    await caughtUp(this.deps.runner, q.consistentWith);
    const agency = q.principal.agency;
    const asOf = this.today(agency);
    const page = pageOf(() =>
      this.deps.readModels.query<ApplicationDoc>(APPLICATIONS, {
        where: { agency, ...(q.pending === undefined ? {} : { pending: q.pending }) },
        // the waiting ones soonest due first, the decided ones latest first, and both so without ?pending=
        orderBy: q.pending === false ? 'filedAt' : q.pending === true ? 'acceptBy' : 'queue',
        direction: q.pending === false ? 'desc' : 'asc',
        limit: paging.limit,
        ...(paging.after === undefined ? {} : { after: paging.after }),
      }),
    );
    const items = await Promise.all(page.items.map(async (d) => queueView(d, asOf, await this.keyOf(d))));
    const shown = items.map((item) => ({ agency: item.agency, caseId: item.applicationId }));
    await recordListing(this.deps.access, q, 'list_applications', shown);
    return { asOf, items, ...(page.next ? { next: page.next } : {}) };
  }

  /** The application's data key, for a doc whose applicant was sealed; none for one recorded in clear. */
  private async keyOf(doc: ApplicationDoc): Promise<CaseKey | undefined> {
    const { dataKeys } = this.deps;
    if (!dataKeys || !holdsSealed(doc.applicantName)) return undefined;
    const scope = applicationKey(doc.agency, doc.applicationId);
    const key = await dataKeys.get(scope);
    return { key, erased: key === undefined && (await dataKeys.destroyed(scope)) };
  }

  /** Applications neither accepted nor refused by their deadline as of `asOf` (default today), most overdue first. */
  async overdue(
    q: { principal: Principal; agency?: string; asOf?: string; consistentWith?: Position },
    paging: Paging,
  ) {
    const scope = supervisedScope(q.principal, q.agency);
    const asOf = q.asOf ?? this.today(q.agency ?? q.principal.agency);
    await caughtUp(this.deps.runner, q.consistentWith);
    const page = filledPage(
      this.deps.readModels,
      APPLICATIONS,
      {
        where: { agency: scope, pending: true },
        range: { member: 'acceptBy', to: addDays(asOf, -1) },
        orderBy: 'acceptBy',
        direction: 'asc',
      },
      (doc: ApplicationDoc) => overdueView(doc, asOf),
      paging,
    );
    return { asOf, ...page };
  }
}
