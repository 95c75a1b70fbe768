import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, Projection } from '../src/ports/read-models.js';

/** One granted retrieval of a case (调阅), as the access log's supervision view lists it. */
export interface AccessDoc extends Doc {
  /** Who read (the token's subject) and the agency they read for. */
  sub: string;
  agency: string;
  /** The agency of the case read: the agency of its access trail. */
  caseAgency: string;
  /** When the retrieval was recorded (the server clock). */
  at: string;
  caseId: string;
  action: string;
  outcome: 'granted';
  /** Why, as the reader said (`x-purpose`). */
  purpose?: string;
  requestId: string;
  /** The medium read, for `read_media`. */
  media?: string;
  /** The supervision view that listed the case, for `list_supervision`. */
  view?: string;
}

/**
 * One refused retrieval, from the reader's own trail: who asked (`sub`, `agency`: the reader's) for what (the case
 * id or medium as asked for). It says nothing of whether any agency holds such a case: the reader was answered
 * `404` either way, and so the record cannot tell the reader's supervisors more than that.
 */
export interface DeniedAccessDoc extends Doc {
  sub: string;
  agency: string;
  at: string;
  action: string;
  caseId?: string;
  media?: string;
  purpose?: string;
  requestId: string;
}

export const ACCESS = 'access';
export const DENIED_ACCESS = 'denied_access';

/**
 * The access log (调阅记录): one document per retrieval, keyed by the event id. Granted retrievals come from the
 * `CaseAccessed` events of the cases' `access-<agency>:<caseId>` trails, the case's agency and id from the stream
 * name; listings (reads that showed several cases at once) from the `CasesListed` events of the readers'
 * `reads-<agency>:<sub>` trails, one document per case named (keyed by the event id and the case's place in it);
 * refused ones from the `CaseAccessDenied` events of the readers' `denied-<agency>:<sub>` trails.
 */
export const accessProjection: Projection = {
  name: 'access',
  version: 3, // 3: listings (`CasesListed` of `reads-*` trails), a document per case named
  collections: [
    { name: ACCESS, indexes: ['caseId', 'sub', 'at', 'caseAgency'] },
    { name: DENIED_ACCESS, indexes: ['agency', 'sub', 'at', 'caseId'] },
  ],
  apply({ event }): Change[] {
    const stream = parseAgencyStream(event.stream);
    const data = event.data as Record<string, unknown>;
    const optional = {
      ...(typeof data.purpose === 'string' ? { purpose: data.purpose } : {}),
      ...(typeof data.media === 'string' ? { media: data.media } : {}),
    };
    if (event.type === 'CaseAccessed' && stream?.category === 'access') {
      const doc: AccessDoc = {
        sub: event.actor.sub,
        agency: event.actor.agency,
        caseAgency: stream.agency,
        at: event.recordedAt,
        caseId: stream.id,
        action: String(data.action),
        outcome: 'granted',
        requestId: String(data.requestId ?? ''),
        ...optional,
      };
      return [{ collection: ACCESS, key: event.id, doc }];
    }
    if (event.type === 'CasesListed' && stream?.category === 'reads' && Array.isArray(data.cases)) {
      const changes: Change[] = [];
      const view = typeof data.view === 'string' ? { view: data.view } : {};
      data.cases.forEach((listed: unknown, i) => {
        const { agency, caseId } = (listed ?? {}) as Record<string, unknown>;
        if (typeof agency !== 'string' || typeof caseId !== 'string') return;
        const doc: AccessDoc = {
          sub: event.actor.sub,
          agency: event.actor.agency,
          caseAgency: agency,
          at: event.recordedAt,
          caseId,
          action: String(data.action),
          outcome: 'granted',
          requestId: String(data.requestId ?? ''),
          ...optional,
          ...view,
        };
        changes.push({ collection: ACCESS, key: `${event.id}/${i}`, doc });
      });
      return changes;
    }
    if (event.type === 'CaseAccessDenied' && stream?.category === 'denied') {
      const doc: DeniedAccessDoc = {
        sub: event.actor.sub,
        agency: stream.agency,
        at: event.recordedAt,
        action: String(data.action),
        ...(typeof data.caseId === 'string' ? { caseId: data.caseId } : {}),
        requestId: String(data.requestId ?? ''),
        ...optional,
      };
      return [{ collection: DENIED_ACCESS, key: event.id, doc }];
    }
    return [];
  },
};
