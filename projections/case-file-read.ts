import type { MediaRef } from '../src/domain/case/acts.js';
import type { Doc, Page, Query } from '../src/ports/read-models.js';
import {
  CASE_ACTS,
  CASES,
  caseKey,
  type CaseActDoc,
  type CaseFileDoc,
  type CaseMedium,
  type CaseSummaryDoc,
  type TimelineEntry,
} from './case-files.js';

/** What reading a case file needs of a read-model store (or of documents held in memory). */
export interface CaseFileSource {
  get<D extends Doc = Doc>(collection: string, key: string): D | undefined;
  query<D extends Doc = Doc>(collection: string, query: Query): Page<D>;
}

/** Acts read per query while a case file is assembled. */
const ACTS_PER_READ = 500;

/** The acts of a case in order (its `case_acts` rows). */
export function caseActs(source: CaseFileSource, key: string): CaseActDoc[] {
  const acts: CaseActDoc[] = [];
  let after: string | undefined;
  for (;;) {
    const page = source.query<CaseActDoc>(CASE_ACTS, {
      keyPrefix: `${key}/`,
      limit: ACTS_PER_READ,
      ...(after === undefined ? {} : { after }),
    });
    acts.push(...page.items);
    if (page.next === undefined) return acts;
    after = page.next;
  }
}

/** The case file of a case of an agency, assembled from its row and its acts; undefined when there is no such case. */
export function readCaseFile(source: CaseFileSource, agency: string, caseId: string): CaseFileDoc | undefined {
  const key = caseKey(agency, caseId);
  const summary = source.get<CaseSummaryDoc>(CASES, key);
  return summary ? assembleCaseFile(summary, caseActs(source, key)) : undefined;
}

/**
 * The case file from a case's row and its acts in order: the timeline, with each correction (`RecordCorrected`)
 * beside the act it corrects; the media with the acts that reference each; the evidence (evidence collected and
 * recordings attached). The row's working state (the rules' fold, the checklist's gaps, how much text is searched) is not
 * part of the file.
 */
export function assembleCaseFile(summary: CaseSummaryDoc, acts: readonly CaseActDoc[]): CaseFileDoc {
  const {
    state: _state,
    checks: _checks,
    searchChars: _searchChars,
    reviewLimit: _limit,
    openingCorrection: _correction,
    ...core
  } = summary;
  const timeline: TimelineEntry[] = acts.map(({ mediaRefs: _refs, ...act }) => act);
  const byId = new Map(timeline.map((t) => [t.eventId, t]));
  const media: CaseMedium[] = [];
  const bySha = new Map<string, CaseMedium>();
  const evidence: CaseFileDoc['evidence'] = [];
  timeline.forEach((t, i) => {
    for (const sha256 of t.media) {
      const known = bySha.get(sha256);
      if (known) {
        if (!known.eventIds.includes(t.eventId)) known.eventIds.push(t.eventId);
        continue;
      }
      const medium: CaseMedium = { ...mediumOf(acts[i]!, sha256), eventIds: [t.eventId] };
      bySha.set(sha256, medium);
      media.push(medium);
    }
    if (t.type === 'EvidenceCollected' || t.type === 'RecordingAttached') {
      evidence.push({
        eventId: t.eventId,
        type: t.type,
        occurredAt: t.occurredAt,
        // a sealed description stays sealed: the read opens it (src/app/personal-reads.ts)
        description: t.data.description as string,
        media: t.media,
      });
    }
    if (t.type === 'RecordCorrected' && t.corrects !== undefined) {
      const corrected = byId.get(t.corrects);
      const { reason, data } = t.data as { reason: string; data: Record<string, unknown> };
      if (corrected) {
        const correction = { eventId: t.eventId, occurredAt: t.occurredAt, reason, data };
        corrected.corrections = [...(corrected.corrections ?? []), correction];
      }
    }
  });
  return { ...core, timeline, media, evidence };
}

function mediumOf(t: CaseActDoc, sha256: string): MediaRef {
  const ref = t.mediaRefs?.find((m) => m.sha256 === sha256);
  return { sha256, size: ref?.size ?? 0, contentType: ref?.contentType ?? '' };
}
