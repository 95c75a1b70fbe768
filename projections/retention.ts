import { erasableFrom, retentionOf, type Retention } from '../src/domain/registry/retention.js';
import type { EventEnvelope } from '../src/ledger/envelope.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, caseKey, caseOf, type CaseSummaryDoc } from './case-files.js';
import { itemKey, type ItemDoc } from './registry.js';

/**
 * A closed case's retention (保管期限) as fixed when it closed (归档时划定): its period, where it came from, and the
 * first day past it; and whether the case's personal data has been erased since. Key: the case's {@link caseKey}.
 */
export interface RetentionDoc extends Doc {
  caseId: string;
  agency: string;
  itemCode: string;
  itemName?: string;
  closedOn: string;
  major: boolean;
  retention: Retention;
  /** The first day past the retention; absent when permanent. */
  erasableFrom?: string;
  erased: boolean;
  /** The erasure event (`CaseDataErased`), once recorded. */
  erasure?: { eventId: string; recordedAt: string };
}

export const RETENTION = 'retention';

/** The erasure of a case's personal data: the event's type name, the only thing this projection knows of it. */
export const CASE_DATA_ERASED = 'CaseDataErased';

/** The case an erasure names: its own stream's case, else `data.caseId` of `data.agency` (or the actor's agency). */
function erasedCase(event: EventEnvelope): { agency: string; caseId: string } | undefined {
  const ofStream = caseOf(event.stream);
  if (ofStream) return ofStream;
  const data = event.data as { caseId?: unknown; agency?: unknown };
  if (typeof data.caseId !== 'string') return undefined;
  const agency = typeof data.agency === 'string' ? data.agency : event.actor.agency;
  return { agency, caseId: data.caseId };
}

/**
 * Retention of closed case files, for the supervision view of files due for erasure: `CaseClosed` fixes the period
 * from the item as the registry holds it then (`retentionOf`: the item's own, permanent for a major case, else the
 * category's) and the case's row as the case files projection left it; `CaseDataErased` marks the case erased. A
 * period amended on the item later applies to cases closed after the amendment.
 */
export const retentionProjection: Projection = {
  name: 'retention',
  version: 1,
  collections: [{ name: RETENTION, indexes: ['agency', 'erased', 'erasableFrom', 'closedOn'] }],
  apply({ event }, docs): Change[] {
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
      caseId: ofCase.caseId,
      agency: ofCase.agency,
      itemCode: summary.itemCode,
      ...(summary.itemName === undefined ? {} : { itemName: summary.itemName }),
      closedOn,
      major: summary.major,
      retention,
      ...(from === undefined ? {} : { erasableFrom: from }),
      erased: false,
    };
    return [{ collection: RETENTION, key, doc }];
  },
};
