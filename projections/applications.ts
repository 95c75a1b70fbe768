import { applicationStream, type FiledData } from '../src/domain/application/application.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { SealedValue } from '../src/ledger/sealed-field.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/** Where an application stands, as its applicant sees it: filed → accepted → decided → disclosed, or rejected. */
export type ApplicationProgress = 'filed' | 'accepted' | 'rejected' | 'decided' | 'disclosed';

/**
 * An online application (网上受理) and its case's progress. Key: {@link applicationKey}. The applicant's name is
 * for the agency's officers only (the queue); the public progress view never shows it.
 */
export interface ApplicationDoc extends Doc {
  applicationId: string;
  agency: string;
  itemCode: string;
  applicantKind: 'person' | 'organization';
  /** Sealed under the application's data key in filings recorded since sealing (opened by the reads). */
  applicantName: string | SealedValue;
  attachments: number;
  filedAt: string;
  filedOn: string;
  acceptBy: string;
  status: ApplicationProgress;
  /** True while neither accepted nor rejected: what the acceptance deadline applies to. */
  pending: boolean;
  /** The queue's order ({@link queueOrder}): the waiting first, soonest due first, then the rest, latest first. */
  queue: string;
  lookupHash: string;
  /** The `ApplicationFiled` event: the receipt's proof of the filing time. */
  eventId: string;
  eventHash: string;
  caseId?: string;
  acceptedOn?: string;
  rejection?: { reason: string; legalBasis: string; rejectedOn: string };
  /** Whether the acceptance or rejection came within the deadline. */
  onTime?: boolean;
  decision?: { decisionType: string; decidedOn: string };
  disclosedOn?: string;
  /** Whether the applicant's personal data was erased (`ApplicationDataErased`), and when that was recorded. */
  erased?: boolean;
  erasedAt?: string;
  updatedAt: string;
}

export const APPLICATIONS = 'applications';

/**
 * Where an application stands in its agency's queue, as a text that sorts so: a waiting one by its last day to accept
 * (then by when filed), before every decided one, those by when filed, latest first (each digit of the time taken
 * from 9, so that the later sorts first; the service writes every time in one length, `toISOString`).
 */
export function queueOrder(doc: Pick<ApplicationDoc, 'pending' | 'acceptBy' | 'filedAt'>): string {
  if (doc.pending) return `0 ${doc.acceptBy} ${doc.filedAt}`;
  return `1 ${doc.filedAt.replace(/\d/g, (d) => String(9 - Number(d)))}`;
}
export const applicationKey = (agency: string, applicationId: string): string =>
  applicationStream(agency, applicationId);

/**
 * The applications, from the `application-<agency>:<id>` streams, and the decision and publication of the case each
 * accepted application opened (its case id is the application's id, so the case's events find it by key).
 */
export const applicationsProjection: Projection = {
  name: 'applications',
  version: 3,
  collections: [{ name: APPLICATIONS, indexes: ['agency', 'status', 'pending', 'acceptBy', 'filedAt', 'queue'] }],
  apply({ event }, docs): Change[] {
    const stream = parseAgencyStream(event.stream);
    if (!stream || (stream.category !== 'application' && stream.category !== 'case')) return [];
    const key = applicationKey(stream.agency, stream.id);
    const at = event.recordedAt;
    if (event.type === 'ApplicationFiled') {
      const data = event.data as unknown as FiledData;
      const doc: ApplicationDoc = {
        applicationId: stream.id,
        agency: stream.agency,
        itemCode: data.itemCode,
        applicantKind: data.applicant.kind,
        applicantName: data.applicant.name,
        attachments: data.attachments.length,
        filedAt: at,
        filedOn: data.filedOn,
        acceptBy: data.acceptBy,
        status: 'filed',
        pending: true,
        queue: queueOrder({ pending: true, acceptBy: data.acceptBy, filedAt: at }),
        lookupHash: data.lookupHash,
        eventId: event.id,
        eventHash: event.hash,
        updatedAt: at,
      };
      return [{ collection: APPLICATIONS, key, doc }];
    }
    const current = docs.get<ApplicationDoc>(APPLICATIONS, key);
    if (!current) return [];
    const data = event.data as Record<string, unknown>;
    const change = (patch: Partial<ApplicationDoc>): Change[] => {
      const doc = { ...current, ...patch, updatedAt: at };
      return [{ collection: APPLICATIONS, key, doc: { ...doc, queue: queueOrder(doc) } }];
    };
    if (stream.category === 'application') {
      if (event.type === 'ApplicationAccepted')
        return change({
          status: 'accepted',
          pending: false,
          caseId: data.caseId as string,
          acceptedOn: data.acceptedOn as string,
          onTime: data.onTime as boolean,
        });
      if (event.type === 'ApplicationRejected') {
        const { reason, legalBasis, rejectedOn } = data as { reason: string; legalBasis: string; rejectedOn: string };
        return change({
          status: 'rejected',
          pending: false,
          rejection: { reason, legalBasis, rejectedOn },
          onTime: data.onTime as boolean,
        });
      }
      if (event.type === 'ApplicationDataErased') return change({ erased: true, erasedAt: at });
      return [];
    }
    // the case's events: only of the case this application opened
    if (current.caseId !== stream.id) return [];
    switch (event.type) {
      case 'DecisionIssued':
        return change({
          status: 'decided',
          decision: { decisionType: data.decisionType as string, decidedOn: data.decidedOn as string },
        });
      case 'DecisionDisclosed':
        return change({ status: 'disclosed', disclosedOn: data.publishedOn as string });
      case 'DisclosureWithdrawn':
        return change({ status: 'decided' });
    }
    return [];
  },
};
