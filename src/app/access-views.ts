import type { AccessDoc, DeniedAccessDoc } from '../../projections/access.js';
import type { QuarantineDoc } from '../ports/read-models.js';

/** What the supervision views show of a granted retrieval. */
export function accessView(doc: AccessDoc) {
  return {
    sub: doc.sub,
    agency: doc.agency,
    at: doc.at,
    caseId: doc.caseId,
    caseAgency: doc.caseAgency,
    action: doc.action,
    outcome: doc.outcome,
    ...(doc.purpose === undefined ? {} : { purpose: doc.purpose }),
    ...(doc.media === undefined ? {} : { media: doc.media }),
    ...(doc.view === undefined ? {} : { view: doc.view }),
    requestId: doc.requestId,
  };
}

/** What the supervision views show of a refused retrieval, from the reader's own trail. */
export function deniedView(doc: DeniedAccessDoc) {
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

/** A quarantined event as supervisors see it: the event, the projection and the error, never the event's data. */
export function quarantineView(d: QuarantineDoc) {
  return {
    projection: d.projection,
    position: d.position,
    eventId: d.eventId,
    stream: d.stream,
    type: d.type,
    agency: d.agency,
    recordedAt: d.recordedAt,
    reason: d.reason,
  };
}
