import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { caseKey, caseOf } from './case-files.js';
import { CASE_DATA_ERASED } from './retention.js';

/**
 * One erasure of a case's personal data (`CaseDataErased`): which case, when it was recorded, by whom and on what
 * legal ground. No personal data: the reason's free text is left out too. Key: the case's {@link caseKey}.
 */
export interface ErasureDoc extends Doc {
  caseId: string;
  agency: string;
  eventId: string;
  erasedAt: string;
  /** The admin who erased (the event's actor). */
  by: string;
  ground: string;
}

export const ERASURES = 'erasures';

/** The erasures of cases' personal data, for supervision's list of them (`GET /v1/audit/erasures`). */
export const erasuresProjection: Projection = {
  name: 'erasures',
  version: 1,
  collections: [{ name: ERASURES, indexes: ['agency', 'erasedAt'] }],
  apply({ event }): Change[] {
    if (event.type !== CASE_DATA_ERASED) return [];
    const ofCase = caseOf(event.stream);
    if (!ofCase) return [];
    const doc: ErasureDoc = {
      caseId: ofCase.caseId,
      agency: ofCase.agency,
      eventId: event.id,
      erasedAt: event.recordedAt,
      by: event.actor.sub,
      ground: String((event.data as { ground?: unknown }).ground),
    };
    return [{ collection: ERASURES, key: caseKey(ofCase.agency, ofCase.caseId), doc }];
  },
};
