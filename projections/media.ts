import type { Change, Doc, Projection } from '../src/ports/read-models.js';
import { CASES, type CaseFileDoc } from './case-files.js';

/** Which cases reference a medium (key: its SHA-256), in the order they first did, with each case's agency. */
export interface MediaRefsDoc extends Doc {
  sha256: string;
  cases: { caseId: string; agency: string }[];
}

export const MEDIA_REFS = 'media_refs';

/**
 * Media references, from the `case-*` streams: whoever may read one of the cases may fetch the medium. Reads the
 * case file (applied before it) for the case's agency.
 */
export const mediaProjection: Projection = {
  name: 'media',
  version: 1,
  collections: [{ name: MEDIA_REFS }],
  apply({ event }, docs): Change[] {
    if (!event.stream.startsWith('case-') || event.media.length === 0) return [];
    const caseId = event.stream.slice('case-'.length);
    const file = docs.get<CaseFileDoc>(CASES, caseId);
    if (!file) return [];
    const changes: Change[] = [];
    for (const { sha256 } of event.media) {
      const known = docs.get<MediaRefsDoc>(MEDIA_REFS, sha256);
      if (known?.cases.some((c) => c.caseId === caseId)) continue;
      const cases = [...(known?.cases ?? []), { caseId, agency: file.agency }];
      changes.push({ collection: MEDIA_REFS, key: sha256, doc: { sha256, cases } });
    }
    return changes;
  },
};
