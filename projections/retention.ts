import {
  erasableFrom,
  REFUSED_APPLICATION_RETENTION,
  retentionOf,
  type Retention,
} from '../src/domain/registry/retention.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { EventEnvelope } from '../src/ledger/envelope.js';
import type { Change, Doc, DocReader, Projection } from '../src/ports/read-models.js';
import { APPLICATIONS, applicationKey, type ApplicationDoc } from './applications.js';
import { CASES, caseKey, caseOf, type CaseSummaryDoc } from './case-files.js';
import { itemKey, type ItemDoc } from './registry.js';

/**
 * A closed file's retention (保管期限) as fixed when it closed (归档时划定): its period, where it came from, and the
 * first day past it; and whether its personal data has been erased since. A file is a closed case (key: its
 * {@link caseKey}) or an online application refused without opening a case (key: its {@link applicationKey}; its
 * `closedOn` is the refusal date).
 */
export interface RetentionDoc extends Doc {
  kind: 'case' | 'application';
  /** The case, for a case's file. */
  caseId?: string;
  /** The application, for a refused application's file. */
  applicationId?: string;
  agency: string;
  itemCode: string;
  itemName?: string;
  closedOn: string;
  major: boolean;
  retention: Retention;
  /** The first day past the retention; absent when permanent. */
  erasableFrom?: string;
  erased: boolean;
  /**
   * The erasure event (`CaseDataErased`), once recorded; for a case erased before it closed, `recordedAt` is the
   * erasure's `occurredAt` as the case's row keeps it (the service's clock when it erased).
   */
  erasure?: { eventId: string; recordedAt: string };
}

export const RETENTION = 'retention';

/** The erasure of a case's personal data: the event's type name, the only thing this projection knows of it. */
export const CASE_DATA_ERASED = 'CaseDataErased';

/** The erasure of a refused application's applicant, recorded on the application's stream. */
export const APPLICATION_DATA_ERASED = 'ApplicationDataErased';

/** The case an erasure names: its own stream's case, else `data.caseId` of `data.agency` (or the actor's agency). */
function erasedCase(event: EventEnvelope): { agency: string; caseId: string } | undefined {
  const ofStream = caseOf(event.stream);
  if (ofStream) return ofStream;
  const data = event.data as { caseId?: unknown; agency?: unknown };
  if (typeof data.caseId !== 'string') return undefined;
  const agency = typeof data.agency === 'string' ? data.agency : event.actor.agency;
  return { agency, caseId: data.caseId };
}

/** A refused application's file: `ApplicationRejected` fixes {@link REFUSED_APPLICATION_RETENTION} from `rejectedOn`. */
function applicationChanges(event: EventEnvelope, docs: DocReader): Change[] {
  const stream = parseAgencyStream(event.stream);
  if (stream?.category !== 'application') return [];
  const key = applicationKey(stream.agency, stream.id);
  const before = docs.get<RetentionDoc>(RETENTION, key);
  if (event.type === APPLICATION_DATA_ERASED) {
    if (!before || before.erased) return [];
    const erasure = { eventId: event.id, recordedAt: event.recordedAt };
    return [{ collection: RETENTION, key, doc: { ...before, erased: true, erasure } }];
  }
  const application = docs.get<ApplicationDoc>(APPLICATIONS, key);
  if (!application || before) return [];
  const closedOn = (event.data as { rejectedOn: string }).rejectedOn;
  const retention = REFUSED_APPLICATION_RETENTION;
  const from = erasableFrom(closedOn, retention.period);
  const item = docs.get<ItemDoc>('items', itemKey(stream.agency, application.itemCode));
  const doc: RetentionDoc = {
    kind: 'application',
    applicationId: stream.id,
    agency: stream.agency,
    itemCode: application.itemCode,
    ...(item?.name === undefined ? {} : { itemName: item.name }),
    closedOn,
    major: false,
    retention,
    ...(from === undefined ? {} : { erasableFrom: from }),
    // erased while pending, then refused: nothing left to erase
    erased: application.erased === true,
  };
  return [{ collection: RETENTION, key, doc }];
}

/**
 * Retention of closed files, for the supervision view of files due for erasure: `CaseClosed` fixes the period
 * from the item as the registry holds it then (`retentionOf`: the item's own, permanent for a major case, else the
 * category's) and the case's row as the case files projection left it (a case erased while open closes erased);
 * `CaseDataErased` marks the case erased. A
 * period amended on the item later applies to cases closed after the amendment. `ApplicationRejected` fixes a
 * refused application's ({@link REFUSED_APPLICATION_RETENTION}, from the refusal date); `ApplicationDataErased` marks
 * it erased.
 */
export const retentionProjection: Projection = {
  name: 'retention',
  version: 3,
  collections: [{ name: RETENTION, indexes: ['agency', 'erased', 'erasableFrom', 'closedOn'] }],
  apply({ event }, docs): Change[] {
    if (event.type === 'ApplicationRejected' || event.type === APPLICATION_DATA_ERASED)
      return applicationChanges(event, docs);
    if (event.type === CASE_DATA_ERASED) {
      const target = erasedCase(event);
      if (!target) return [];
      const key = caseKey(target.agency, target.caseId);
      const before = docs.get<RetentionDoc>(RETENTION, key);
      if (!before || before.erased) return [];
      const erasure = { eventId: event.id, recordedAt: event.recordedAt };
      return [{ collection: RETENTION, key, doc: { ...before, erased: true, erasure } }];
    }
    if (event.type !== 'CaseClosed') return [];
    const ofCase = caseOf(event.stream);
    if (!ofCase) return [];
    const key = caseKey(ofCase.agency, ofCase.caseId);
    const summary = docs.get<CaseSummaryDoc>(CASES, key);
    if (!summary || docs.get<RetentionDoc>(RETENTION, key)) return [];
    const closedOn = (event.data as { closedOn: string }).closedOn;
    const item = docs.get<ItemDoc>('items', itemKey(ofCase.agency, summary.itemCode));
    const retention = retentionOf(item, summary.major);
    const from = erasableFrom(closedOn, retention.period);
    const doc: RetentionDoc = {
      kind: 'case',
      caseId: ofCase.caseId,
      agency: ofCase.agency,
      itemCode: summary.itemCode,
      ...(summary.itemName === undefined ? {} : { itemName: summary.itemName }),
      closedOn,
      major: summary.major,
      retention,
      ...(from === undefined ? {} : { erasableFrom: from }),
      // erased while still open (consent withdrawn, say): nothing is left to erase when it closes
      ...(summary.erased
        ? { erased: true, erasure: { eventId: summary.erased.eventId, recordedAt: summary.erased.erasedAt } }
        : { erased: false }),
    };
    return [{ collection: RETENTION, key, doc }];
  },
};
