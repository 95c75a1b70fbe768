import { searchFold } from '../src/domain/search-fold.js';
import { publicFine, redactPublic, type PublicParty } from '../src/domain/redaction.js';
import type { Change, CollectionSpec, Doc, Projection } from '../src/ports/read-models.js';
import { ERASED, isSealed, type SealedValue } from '../src/ledger/sealed-field.js';
import {
  CASE_ACTS,
  CASES,
  caseActKey,
  caseKey,
  caseOf,
  type CaseActDoc,
  type CaseFileDoc,
  type CaseSummaryDoc,
} from './case-files.js';
import { withOpenedText } from './opened-text.js';

/** A withdrawn publication (撤销): when and why. */
export interface Withdrawal {
  /** When the withdrawal was recorded as done (the act's `occurredAt`). */
  withdrawnAt: string;
  reason: string;
}

/**
 * The public entry of a disclosed decision (行政执法决定公示), as `GET /v1/disclosures` and the Atom feed show it.
 * Every member has passed through {@link redactPublic}: persons' names are masked, identifiers are scrubbed and
 * nothing but `kind` and `name` of a party is kept.
 *
 * A withdrawn decision keeps only a notice: `caseId`, `agency`, `itemCode`, `category`, `decisionType`,
 * `documentNo`, `publishedOn` (the filters of the feed and the list, so a filtered feed carries the tombstone of a
 * decision it showed), `withdrawal`, `status`, `updatedAt` and `position`. The public view of a notice names no
 * decision type (`withdrawalView`); only the filter reads it.
 */
export interface DisclosureDoc extends Doc {
  caseId: string;
  agency: string;
  itemCode: string;
  itemName?: string;
  /** The enforcement item's category (penalty, licensing, ...). */
  category?: string;
  decisionType?: string;
  /** The fine in fen; absent when the decision carries no fine. */
  fineFen?: number;
  legalBasis?: string;
  documentNo: string;
  decidedOn?: string;
  /** The date the decision was first published. */
  publishedOn: string;
  /** When the entry last changed: the recording time of its last disclosure act (RFC 3339). */
  updatedAt: string;
  parties?: PublicParty[];
  status: 'published' | 'withdrawn';
  withdrawal?: Withdrawal;
  /** Global log position of the act that last changed the entry. */
  position: number;
  /** The id of that act's event (its publication, last update or withdrawal): what a reader checks in the ledger. */
  eventId: string;
  /** That event's hash (lowercase hex): binds a proof of inclusion to the event. */
  eventHash?: string;
  /** The id of the decision's `DecisionDisclosed` event: what its provable timeliness is of (integrity.md §15.5). */
  disclosedEventId?: string;
  /** The last day the decision was due to be published (its item's 7 or 20 working days). */
  dueBy?: string;
  /** Whether it was published by then. */
  onTime?: boolean;
  /** The updates of the publication (更新), oldest first: when each was recorded done, and why. */
  updates?: { updatedAt: string; reason: string }[];
  /**
   * The persons' names the entry shows masked that the case's `CaseOpened` event holds sealed: where each is (its
   * party's index in `parties`, its JSON Pointer in the event's data) and the sealed value. Reads open each, mask it
   * and show `[erased]` once the key is destroyed; the public sees the event id, the pointer and the commitment.
   */
  sealedNames?: { eventId: string; fields: { party: number; path: string; sealed: SealedValue }[] };
  /**
   * The latest correction of the case's opening (`RecordCorrected` of `CaseOpened`), its corrected members as
   * recorded (sealed whole): where they hold `parties`, a read shows those, redacted, instead of the opening's (a
   * person recorded as an organization is masked once corrected); where they cannot be opened, it shows no name.
   * Taken when the entry is rendered: at its publication, or at a `DisclosureUpdated` after the correction.
   */
  partiesCorrection?: { eventId: string; data: unknown };
}

export const DISCLOSURES = 'disclosures';

/**
 * What the public search matches (`?q=`): the document number, the item's code and name and the parties' names, all
 * as published (redacted), so a search can find nothing that the entry does not show. A withdrawal notice keeps
 * its document number and item code.
 */
export function disclosureText(doc: Doc): string {
  const d = doc as DisclosureDoc;
  const text = [d.documentNo, d.itemCode, d.itemName ?? '', ...(d.parties ?? []).map((p) => p.name)]
    .filter(Boolean)
    .join('\n');
  return searchFold(text);
}

export const DISCLOSURES_SPEC: CollectionSpec = {
  name: DISCLOSURES,
  indexes: ['agency', 'category', 'decisionType', 'itemCode', 'publishedOn', 'updatedAt', 'status'],
  text: disclosureText,
};

const DISCLOSURE_ACTS = new Set(['DecisionDisclosed', 'DisclosureUpdated', 'DisclosureWithdrawn']);

/**
 * The public disclosure feed, from the `case-<agency>:<caseId>` streams (keyed like the case files): reads the case file as the case-files projection left it
 * after the same event (so it must be listed after that projection) and renders the public entry of its decision.
 * `DecisionDisclosed` creates the entry, `DisclosureUpdated` re-renders it from the current file (new `updatedAt`),
 * as does a `RecordCorrected` of the case's opening while the entry is published (the parties as corrected), or
 * of its decision's document number (the number as corrected),
 * `DisclosureWithdrawn` replaces it with a withdrawal notice. A decision never published has no entry, nor has one
 * exempted from publication (`DisclosureExempted`): the exemption itself is never public.
 */
export const disclosuresProjection: Projection = {
  name: 'disclosures',
  version: 16, // 16: a correction of the decision's document number renders a published entry again; 15: no name of the opening kept once its parties were corrected, the correction forgotten on erasure; 14: a correction of the opening renders a published entry again; 13: the opening's latest correction of the parties read with the entry; 12: withdrawal notices name the item; 11: the searched text in its search fold; 10: identifiers scrubbed
  collections: [DISCLOSURES_SPEC],
  apply({ event, position, opened }, docs): Change[] {
    const ofCase = caseOf(event.stream);
    const corrects = event.type === 'RecordCorrected';
    if (ofCase && event.type === 'CaseDataErased') {
      // the entry forgets the correction it holds (one recorded in clear, before sealing, would still read)
      const key = caseKey(ofCase.agency, ofCase.caseId);
      const stored = docs.get<DisclosureDoc>(DISCLOSURES, key);
      if (!stored?.partiesCorrection) return [];
      const doc = { ...stored, partiesCorrection: { ...stored.partiesCorrection, data: ERASED } };
      return [{ collection: DISCLOSURES, key, doc }];
    }
    if (!ofCase || (!corrects && !DISCLOSURE_ACTS.has(event.type))) return [];
    const key = caseKey(ofCase.agency, ofCase.caseId);
    const opening = docs.get<CaseActDoc>(CASE_ACTS, caseActKey(key, 0));
    const file = docs.get<CaseFileDoc>(CASES, key);
    // a correction of the opening's parties (the case file's latest) takes effect on a published entry at once,
    // rendered again as an update would render it: a person recorded as an organization must not stay unmasked
    // until the next update; so does a correction of the decision's document number, which frees the old number
    // for another decision
    if (corrects) {
      const published = docs.get<DisclosureDoc>(DISCLOSURES, key);
      const ofOpening = (file as Partial<CaseSummaryDoc> | undefined)?.openingCorrection?.eventId === event.id;
      const { corrects: target, data: members } = withOpenedText(event.type, event.data, opened) as {
        corrects?: unknown;
        data?: unknown;
      };
      const renumbered =
        file?.decision !== undefined &&
        target === file.decision.eventId &&
        typeof members === 'object' &&
        members !== null &&
        typeof (members as { documentNo?: unknown }).documentNo === 'string';
      if (published?.status !== 'published' || !(ofOpening || renumbered)) return [];
    }
    const change = {
      updatedAt: event.recordedAt,
      position,
      eventId: event.id,
      eventHash: event.hash,
      ...(opening ? { openingEventId: opening.eventId } : {}),
    };
    const entry = file ? publicEntry(file, change) : undefined;
    const disclosedEventId =
      event.type === 'DecisionDisclosed' ? event.id : docs.get<DisclosureDoc>(DISCLOSURES, key)?.disclosedEventId;
    const doc =
      entry?.status === 'published' && disclosedEventId !== undefined ? { ...entry, disclosedEventId } : entry;
    return doc ? [{ collection: DISCLOSURES, key, doc }] : [];
  },
};

/**
 * The public entry of a case file's decision, or nothing when the decision was never published. Built from an
 * explicit list of members, then passed whole through the domain's redaction.
 */
export function publicEntry(
  file: CaseFileDoc,
  change: {
    readonly updatedAt: string;
    readonly position: number;
    readonly eventId: string;
    readonly eventHash: string;
    /** The id of the case's `CaseOpened` event, where sealed parties' names are. */
    readonly openingEventId?: string;
  },
): DisclosureDoc | undefined {
  const { updatedAt, position } = change;
  const decision = file.decision;
  if (!decision?.disclosedOn) return undefined;
  // an exemption follows only a withdrawal, whose notice stays; nothing of an exempted decision is ever rendered
  if (decision.exemption && !decision.withdrawn) return undefined;
  const correction = decision.withdrawn ? undefined : (file as Partial<CaseSummaryDoc>).openingCorrection;
  const common = {
    caseId: file.caseId,
    agency: file.agency,
    itemCode: file.itemCode,
    ...(file.itemCategory === undefined ? {} : { category: file.itemCategory }),
    // a filter by decision type keeps the decision's withdrawal notice as well as its entry
    decisionType: decision.decisionType,
    documentNo: decision.documentNo,
    publishedOn: decision.disclosedOn,
    updatedAt,
    position,
  };
  const entry = decision.withdrawn
    ? {
        ...common,
        status: 'withdrawn',
        ...(file.itemName === undefined ? {} : { itemName: file.itemName }),
        withdrawal: { withdrawnAt: decision.withdrawn.occurredAt, reason: decision.withdrawn.reason },
      }
    : {
        ...common,
        ...(file.itemName === undefined ? {} : { itemName: file.itemName }),
        ...publicFine(decision.fineFen),
        legalBasis: decision.legalBasis,
        decidedOn: decision.decidedOn,
        dueBy: decision.disclosureDueBy,
        ...(decision.disclosedOnTime === undefined ? {} : { onTime: decision.disclosedOnTime }),
        ...(decision.updates.length === 0
          ? {}
          : { updates: decision.updates.map((u) => ({ updatedAt: u.occurredAt, reason: u.reason })) }),
        // a sealed name is opened and masked on read (src/app/personal-reads.ts); the entry holds it apart. Once
        // the opening's parties were corrected, no name of the opening is kept (nor searched): the correction, opened
        // and redacted on read, names them, and a person recorded as an organization has a name in clear here
        parties: file.parties.map((p) => (isSealed(p.name) || correction ? { ...p, name: '' } : p)),
        status: 'published',
      };
  const fields = decision.withdrawn
    ? []
    : file.parties.flatMap((p, party) =>
        isSealed(p.name) && p.kind !== 'organization'
          ? [{ party, path: `/parties/${party}/name`, sealed: p.name }]
          : [],
      );
  // the event's id and hash are added after redaction: no personal data, and a scrub of their digits would break them;
  // the correction is opened and redacted on read, as the sealed names are
  return {
    ...(redactPublic(entry) as DisclosureDoc),
    eventId: change.eventId,
    eventHash: change.eventHash,
    ...(fields.length > 0 && change.openingEventId ? { sealedNames: { eventId: change.openingEventId, fields } } : {}),
    ...(correction ? { partiesCorrection: correction } : {}),
  };
}
