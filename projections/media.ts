import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, caseKey, caseOf, type CaseFileDoc } from './case-files.js';

/** Which cases reference a medium (key: its SHA-256), in the order they first did, with each case's agency. */
export interface MediaRefsDoc extends Doc {
  sha256: string;
  cases: { caseId: string; agency: string }[];
}

export const MEDIA_REFS = 'media_refs';

/**
 * Media references, from the `case-<agency>:<caseId>` streams: whoever may read one of the cases may fetch the
 * medium. An act of a case never opened is skipped, as the case files skip it.
 */
export const mediaProjection: Projection = {
  name: 'media',
  version: 2,
  collections: [{ name: MEDIA_REFS }],
  apply({ event }, docs): Change[] {
    const ofCase = caseOf(event.stream);
    if (!ofCase || event.media.length === 0) return [];
    const { agency, caseId } = ofCase;
    if (!docs.get<CaseFileDoc>(CASES, caseKey(agency, caseId))) return [];
    const changes: Change[] = [];
    for (const { sha256 } of event.media) {
      const known = docs.get<MediaRefsDoc>(MEDIA_REFS, sha256);
      if (known?.cases.some((c) => c.caseId === caseId && c.agency === agency)) continue;
      const cases = [...(known?.cases ?? []), { caseId, agency }];
      changes.push({ collection: MEDIA_REFS, key: sha256, doc: { sha256, cases } });
    }
    return changes;
  },
};
