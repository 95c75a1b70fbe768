import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { applicationKey } from './applications.js';
import { caseKey, caseOf } from './case-files.js';
import { APPLICATION_DATA_ERASED, CASE_DATA_ERASED } from './retention.js';

/**
 * One erasure of personal data: a case's (`CaseDataErased`) or an online application's that opened no case
 * (`ApplicationDataErased`), when it was recorded, by whom and on what legal ground. No personal data: the reason's
 * free text is left out too. Key: the case's {@link caseKey} or the application's {@link applicationKey}.
 */
export type ErasureDoc = Doc & {
  agency: string;
  eventId: string;
  erasedAt: string;
  /** The admin who erased (the event's actor). */
  by: string;
  ground: string;
} & ({ kind: 'case'; caseId: string } | { kind: 'application'; applicationId: string });

export const ERASURES = 'erasures';

/** The erasures of personal data, for supervision's list of them (`GET /v1/audit/erasures`). */
export const erasuresProjection: Projection = {
  name: 'erasures',
  version: 2,
  collections: [{ name: ERASURES, indexes: ['agency', 'erasedAt'] }],
  apply({ event }): Change[] {
    const recorded = {
      eventId: event.id,
      erasedAt: event.recordedAt,
      by: event.actor.sub,
      ground: String((event.data as { ground?: unknown }).ground),
    };
    if (event.type === CASE_DATA_ERASED) {
      const ofCase = caseOf(event.stream);
      if (!ofCase) return [];
      const doc: ErasureDoc = { kind: 'case', caseId: ofCase.caseId, agency: ofCase.agency, ...recorded };
      return [{ collection: ERASURES, key: caseKey(ofCase.agency, ofCase.caseId), doc }];
    }
    if (event.type === APPLICATION_DATA_ERASED) {
      const stream = parseAgencyStream(event.stream);
      if (stream?.category !== 'application') return [];
      const doc: ErasureDoc = { kind: 'application', applicationId: stream.id, agency: stream.agency, ...recorded };
      return [{ collection: ERASURES, key: applicationKey(stream.agency, stream.id), doc }];
    }
    return [];
  },
};
