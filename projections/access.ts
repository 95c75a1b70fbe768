import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, type CaseFileDoc } from './case-files.js';

/** One retrieval of a case (调阅), granted or denied, as the access log's supervision view lists it. */
export interface AccessDoc extends Doc {
  /** Who read (the token's subject) and the agency they read for. */
  sub: string;
  agency: string;
  /** The agency of the case read, from its case file; absent when the case file was not known. */
  caseAgency?: string;
  /** When the retrieval was recorded (the server clock). */
  at: string;
  caseId: string;
  action: string;
  outcome: 'granted' | 'denied';
  /** Why, as the reader said (`x-purpose`). */
  purpose?: string;
  requestId: string;
  /** The medium read, for `read_media`. */
  media?: string;
}

export const ACCESS = 'access';

/**
 * The access log (调阅记录), from the `CaseAccessed` events of the `access-*` streams: one document per retrieval,
 * keyed by the event id. Reads the case file (applied before it) for the agency of the case, which is what a
 * supervisor's scope is checked against.
 */
export const accessProjection: Projection = {
  name: 'access',
  version: 1,
  collections: [{ name: ACCESS, indexes: ['caseId', 'sub', 'at', 'caseAgency'] }],
  apply({ event }, docs): Change[] {
    if (event.type !== 'CaseAccessed' || !event.stream.startsWith('access-')) return [];
    const data = event.data as Record<string, unknown>;
    const caseId = typeof data.caseId === 'string' ? data.caseId : event.stream.slice('access-'.length);
    const caseAgency = docs.get<CaseFileDoc>(CASES, caseId)?.agency;
    const doc: AccessDoc = {
      sub: event.actor.sub,
      agency: event.actor.agency,
      ...(caseAgency === undefined ? {} : { caseAgency }),
      at: event.recordedAt,
      caseId,
      action: String(data.action),
      outcome: data.outcome === 'granted' ? 'granted' : 'denied',
      ...(typeof data.purpose === 'string' ? { purpose: data.purpose } : {}),
      requestId: String(data.requestId ?? ''),
      ...(typeof data.media === 'string' ? { media: data.media } : {}),
    };
    return [{ collection: ACCESS, key: event.id, doc }];
  },
};
