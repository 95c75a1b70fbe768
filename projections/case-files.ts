import { localDate } from '../src/domain/actor.js';
import {
  caseStream,
  type DecisionType,
  type ExemptionGround,
  type MediaRef,
  type Proposal,
  type RecordedCaseEvent,
} from '../src/domain/case/acts.js';
import { caseEventOf } from '../src/domain/case/envelope.js';
import { evolveCase, initialCaseState, type CaseReview, type CaseState } from '../src/domain/case/state.js';
import { isMajorCase } from '../src/domain/case/rules.js';
import type { Party } from '../src/domain/redaction.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, DocReader, Projection } from '../src/ports/read-models.js';
import { completeness, type Completeness } from './case-checks.js';
import { itemKey, officerKey, type ItemDoc, type OfficerDoc } from './registry.js';

export type { CheckStatus, Completeness } from './case-checks.js';

/** One recorded act of the case, in order. */
export interface TimelineEntry {
  eventId: string;
  revision: number;
  position: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  hash: string;
  /** Who recorded it (the token's subject). */
  recordedBy: string;
  /** The officers the act names (for `CaseOpened`, the handling officers). */
  officers?: string[];
  /** The act's data as recorded, with what the rules derived. */
  data: Record<string, unknown>;
  /** SHA-256 of the media the act references. */
  media: string[];
  /** For a `RecordCorrected`: the act it corrects. */
  corrects?: string;
  /** The corrections later recorded for this act, beside it: the record is amended, never rewritten. */
  corrections?: { eventId: string; occurredAt: string; reason: string; data: Record<string, unknown> }[];
}

export interface ReviewEntry {
  eventId: string;
  occurredAt: string;
  reviewer: string;
  outcome: CaseReview['outcome'];
  opinion: string;
  proposal: Proposal;
  checks: Record<string, boolean>;
  resolution?: 'proposal_upheld' | 'review_upheld';
  resolvedBy?: string;
}

export interface DecisionEntry {
  eventId: string;
  decisionType: DecisionType;
  fineFen: number;
  legalBasis: string;
  documentNo: string;
  decidedOn: string;
  major: boolean;
  disclosureDueBy: string;
  disclosureWorkingDays: number;
  disclosedOn?: string;
  disclosedOnTime?: boolean;
  /** When the publication was withdrawn (撤销), and why. */
  withdrawn?: { eventId: string; occurredAt: string; reason: string };
  /** Updates of the publication (更新), oldest first. */
  updates: { eventId: string; occurredAt: string; reason: string }[];
  /** The decision's exemption from publication (不予公开): its ground, legal basis and reason, and who recorded it. */
  exemption?: {
    eventId: string;
    occurredAt: string;
    recordedBy: string;
    ground: ExemptionGround;
    legalBasis: string;
    reason: string;
  };
}

/** The case file (案卷) as `GET /v1/cases/{caseId}` returns it. */
export interface CaseFileDoc extends Doc {
  caseId: string;
  agency: string;
  itemCode: string;
  itemName?: string;
  itemCategory?: string;
  title: string;
  openedOn: string;
  status: CaseState['status'];
  major: boolean;
  revision: number;
  /** Global position of the case's last event. */
  position: number;
  updatedAt: string;
  /** Local date of the latest act (statistics of a year look at cases active in it). */
  lastActivityOn: string;
  parties: Party[];
  officers: string[];
  handlingOfficers: { officerId: string; name?: string; certificateNo?: string }[];
  timeline: TimelineEntry[];
  media: (MediaRef & { eventIds: string[] })[];
  evidence: { eventId: string; type: string; occurredAt: string; description: string; media: string[] }[];
  reviews: ReviewEntry[];
  decision?: DecisionEntry;
  closedOn?: string;
  completeness: Completeness;
  /** Flags the supervision views filter on. */
  audit: { missingRecordings: boolean; decided: boolean; disclosed: boolean };
  /** The fold of the case's rules, kept to evolve the status exactly as the domain does. */
  state: {
    proposal?: Proposal;
    reviewPending: boolean;
    review?: CaseReview;
    decision?: CaseState['decision'];
    disclosedOn?: string;
  };
}

export const CASES = 'cases';

/** The key of a case file: case ids are unique within an agency only, so it is the case's stream name. */
export const caseKey = (agency: string, caseId: string): string => caseStream(agency, caseId);

/**
 * The case of an event of a `case-<agency>:<caseId>` stream (as `parseAgencyStream` reads the name), or undefined
 * for an event of another stream.
 */
export function caseOf(stream: string): { readonly agency: string; readonly caseId: string } | undefined {
  const parsed = parseAgencyStream(stream);
  return parsed?.category === 'case' ? { agency: parsed.agency, caseId: parsed.id } : undefined;
}

/**
 * Case files, from the `case-<agency>:<caseId>` streams, keyed by {@link caseKey}; reads the registry's officers
 * and items (of the case's agency) for names and criteria.
 */
export const caseFilesProjection: Projection = {
  name: 'case-files',
  version: 4,
  collections: [
    {
      name: CASES,
      indexes: [
        'agency',
        'status',
        'itemCode',
        'openedOn',
        'lastActivityOn',
        'major',
        'decision.decidedOn',
        'decision.disclosureDueBy',
        'audit.missingRecordings',
        'audit.decided',
      ],
      text: caseText,
    },
  ],
  apply(recorded, docs): Change[] {
    const envelope = recorded.event;
    const ofCase = caseOf(envelope.stream);
    if (!ofCase) return [];
    const key = caseKey(ofCase.agency, ofCase.caseId);
    const event = caseEventOf(envelope);
    const current = docs.get<CaseFileDoc>(CASES, key);
    if (!current && event.type !== 'CaseOpened') return [];
    const base = current ?? opening(event as Extract<RecordedCaseEvent, { type: 'CaseOpened' }>, docs);
    const entry: TimelineEntry = {
      eventId: envelope.id,
      revision: envelope.revision,
      position: recorded.position,
      type: envelope.type,
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      hash: envelope.hash,
      recordedBy: envelope.actor.sub,
      ...(event.type === 'CaseOpened'
        ? { officers: [...event.data.officers] }
        : event.officers
          ? { officers: [...event.officers] }
          : {}),
      data: event.data as Record<string, unknown>,
      media: event.media.map((m) => m.sha256),
      ...(event.type === 'RecordCorrected' ? { corrects: event.data.corrects } : {}),
    };
    const doc = evolveFile(base, event, entry, docs);
    return [{ collection: CASES, key, doc }];
  },
};

function opening(event: Extract<RecordedCaseEvent, { type: 'CaseOpened' }>, docs: DocReader): CaseFileDoc {
  const { caseId, itemCode, title, openedOn, officers, parties } = event.data;
  const agency = event.actor.agency;
  const item = docs.get<ItemDoc>('items', itemKey(agency, itemCode));
  return {
    caseId,
    agency,
    itemCode,
    ...(item ? { itemName: item.name, itemCategory: item.category } : {}),
    title,
    openedOn,
    status: 'none',
    major: false,
    revision: -1,
    position: 0,
    updatedAt: event.occurredAt,
    lastActivityOn: openedOn,
    parties: parties.map((p) => ({ ...p })),
    officers: [...officers],
    handlingOfficers: officers.map((officerId) => {
      const officer = docs.get<OfficerDoc>('officers', officerKey(agency, officerId));
      return { officerId, ...(officer ? { name: officer.name, certificateNo: officer.certificateNo } : {}) };
    }),
    timeline: [],
    media: [],
    evidence: [],
    reviews: [],
    completeness: {
      recordings: { status: 'not_applicable', missing: [] },
      legalReview: { status: 'not_applicable' },
      disclosure: { status: 'not_applicable' },
      service: { status: 'not_applicable' },
    },
    audit: { missingRecordings: false, decided: false, disclosed: false },
    state: { reviewPending: false },
  };
}

function domainState(doc: CaseFileDoc): CaseState {
  const { proposal, review, decision, disclosedOn, reviewPending } = doc.state;
  return {
    ...initialCaseState(),
    status: doc.status,
    caseId: doc.caseId,
    agency: doc.agency,
    itemCode: doc.itemCode,
    openedOn: doc.openedOn,
    officers: doc.officers,
    parties: doc.parties,
    reviewPending,
    ...(proposal ? { proposal } : {}),
    ...(review ? { review } : {}),
    ...(decision ? { decision } : {}),
    ...(disclosedOn ? { disclosedOn } : {}),
  };
}

function evolveFile(base: CaseFileDoc, event: RecordedCaseEvent, entry: TimelineEntry, docs: DocReader): CaseFileDoc {
  const next = evolveCase(domainState(base), event);
  const doc: CaseFileDoc = {
    ...base,
    status: next.status,
    revision: entry.revision,
    position: entry.position,
    updatedAt: entry.recordedAt,
    lastActivityOn: maxDate(base.lastActivityOn, localDate(entry.occurredAt)),
    timeline: [...base.timeline, entry],
    state: {
      reviewPending: next.reviewPending,
      ...(next.proposal ? { proposal: next.proposal } : {}),
      ...(next.review ? { review: next.review } : {}),
      ...(next.decision ? { decision: next.decision } : {}),
      ...(next.disclosedOn ? { disclosedOn: next.disclosedOn } : {}),
    },
  };
  if (event.media.length > 0) doc.media = mergeMedia(base.media, event.media, entry.eventId);
  switch (event.type) {
    case 'EvidenceCollected':
    case 'RecordingAttached':
      doc.evidence = [
        ...base.evidence,
        {
          eventId: entry.eventId,
          type: event.type,
          occurredAt: event.occurredAt,
          description: event.data.description,
          media: entry.media,
        },
      ];
      break;
    case 'LegalReviewCompleted': {
      const { outcome, opinion, checks, reviewer, proposal } = event.data;
      const review: ReviewEntry = {
        eventId: entry.eventId,
        occurredAt: event.occurredAt,
        reviewer,
        outcome,
        opinion,
        proposal,
        checks: { ...checks },
      };
      doc.reviews = [...base.reviews, review];
      break;
    }
    case 'ReviewDisagreementResolved': {
      const last = base.reviews.at(-1);
      if (last) {
        const resolved = { ...last, resolution: event.data.outcome, resolvedBy: entry.eventId };
        doc.reviews = [...base.reviews.slice(0, -1), resolved];
      }
      break;
    }
    case 'DecisionIssued': {
      const d = event.data;
      doc.decision = {
        eventId: entry.eventId,
        decisionType: d.decisionType,
        fineFen: d.fineFen ?? 0,
        legalBasis: d.legalBasis,
        documentNo: d.documentNo,
        decidedOn: d.decidedOn,
        major: d.major,
        disclosureDueBy: d.disclosureDueBy,
        disclosureWorkingDays: d.disclosureWorkingDays,
        updates: [],
      };
      break;
    }
    case 'DecisionDisclosed':
      if (base.decision) {
        const { withdrawn: _withdrawn, ...decision } = base.decision;
        doc.decision = { ...decision, disclosedOn: event.data.publishedOn, disclosedOnTime: event.data.onTime };
      }
      break;
    case 'DisclosureWithdrawn':
      if (base.decision) {
        const withdrawn = { eventId: entry.eventId, occurredAt: event.occurredAt, reason: event.data.reason };
        doc.decision = { ...base.decision, withdrawn };
      }
      break;
    case 'DisclosureExempted':
      if (base.decision) {
        const { ground, legalBasis, reason } = event.data;
        const exemption = { eventId: entry.eventId, occurredAt: event.occurredAt, recordedBy: entry.recordedBy };
        doc.decision = { ...base.decision, exemption: { ...exemption, ground, legalBasis, reason } };
      }
      break;
    case 'DisclosureUpdated':
      if (base.decision) {
        const update = { eventId: entry.eventId, occurredAt: event.occurredAt, reason: event.data.reason };
        doc.decision = { ...base.decision, updates: [...base.decision.updates, update] };
      }
      break;
    case 'RecordCorrected': {
      const { corrects, reason, data } = event.data;
      const correction = { eventId: entry.eventId, occurredAt: event.occurredAt, reason, data };
      doc.timeline = doc.timeline.map((t) =>
        t.eventId === corrects ? { ...t, corrections: [...(t.corrections ?? []), correction] } : t,
      );
      break;
    }
    case 'CaseClosed':
      doc.closedOn = event.data.closedOn;
      break;
  }
  // once decided, the case is as major as the decider found it then (an item's criteria may be amended later)
  doc.major = next.decision?.major ?? proposedMajor(doc, next.proposal, docs);
  doc.completeness = completeness(doc, next);
  doc.audit = {
    missingRecordings: doc.completeness.recordings.status === 'missing',
    decided: doc.decision !== undefined,
    disclosed: doc.decision?.disclosedOn !== undefined && doc.decision.withdrawn === undefined,
  };
  return doc;
}

function proposedMajor(doc: CaseFileDoc, proposal: Proposal | undefined, docs: DocReader): boolean {
  if (!proposal) return false;
  const item = docs.get<ItemDoc>('items', itemKey(doc.agency, doc.itemCode));
  return isMajorCase(item?.major, { proposal });
}

function mergeMedia(known: CaseFileDoc['media'], added: readonly MediaRef[], eventId: string): CaseFileDoc['media'] {
  const media = known.map((m) => ({ ...m, eventIds: [...m.eventIds] }));
  for (const m of added) {
    const existing = media.find((k) => k.sha256 === m.sha256);
    if (existing) {
      if (!existing.eventIds.includes(eventId)) existing.eventIds.push(eventId);
    } else media.push({ sha256: m.sha256, size: m.size, contentType: m.contentType, eventIds: [eventId] });
  }
  return media;
}

function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** What the similar-case search matches: the title, item, findings, evidence and the decision's legal basis. */
export function caseText(doc: Doc): string {
  const file = doc as CaseFileDoc;
  const parts: string[] = [file.title, file.itemName ?? '', file.itemCode];
  for (const t of file.timeline) {
    const d = t.data;
    for (const member of ['findings', 'description', 'items', 'target', 'legalBasis', 'location']) {
      if (typeof d[member] === 'string') parts.push(d[member] as string);
    }
    const proposed = d.proposed as { legalBasis?: string } | undefined;
    if (proposed?.legalBasis) parts.push(proposed.legalBasis);
  }
  return parts.filter(Boolean).join('\n');
}
