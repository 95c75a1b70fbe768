import { isMajorCase } from '../src/domain/case/rules.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Change, Doc, DocReader } from '../src/ports/read-models.js';
import type { EventEnvelope } from '../src/ledger/envelope.js';
import { completeness } from './case-checks.js';
import type { CaseSummaryDoc } from './case-files.js';
import { reviewCatalogueOf } from './review-catalogues.js';
import { itemKey, type ItemDoc } from './registry.js';

/**
 * Some of the cases of an agency whose proposed decision awaits its decision (collection {@link PROPOSED_CASES}):
 * their case keys, each with its item's code. Only these cases are judged major by their proposal under the
 * registry as it stands, so only these are judged again when the registry changes. An agency's cases are spread
 * over {@link PROPOSED_BUCKETS} rows by their key ({@link proposedCasesKey}), so a case joining or leaving rewrites
 * one small row rather than the agency's whole list; a row left empty is deleted.
 */
export interface ProposedCasesDoc extends Doc {
  agency: string;
  cases: Record<string, string>;
}

export const PROPOSED_CASES = 'proposed_cases';

/** How many rows an agency's cases awaiting a decision are spread over. */
export const PROPOSED_BUCKETS = 256;

/** `<agency>/<bucket>`: the row of the agency's cases awaiting a decision whose keys fall in `bucket`. */
export const proposedCasesKey = (agency: string, bucket: number): string => `${agency}/${bucket}`;

/** The bucket of a case's key: its 32-bit FNV-1a hash, modulo {@link PROPOSED_BUCKETS}. Never to change. */
export function proposedBucket(caseKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseKey.length; i++) hash = Math.imul(hash ^ caseKey.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % PROPOSED_BUCKETS;
}

/** The registry events that can change what makes a decision major: an item's own criteria, the catalogue. */
const MAJOR_CRITERIA_EVENTS = new Set(['ItemAmended', 'ReviewCatalogueAdjusted']);

/**
 * Is the case major before its decision: would a decision recorded now on its current proposal be (`isMajorCase`
 * in `src/domain/case/rules.ts`, the decider's predicate), under its item's criteria and the catalogue's latest
 * version as the registry holds them now. Not major without a proposal.
 */
export function proposedMajor(doc: CaseSummaryDoc, docs: DocReader): boolean {
  const proposal = doc.state.proposal;
  if (!proposal) return false;
  const item = docs.get<ItemDoc>('items', itemKey(doc.agency, doc.itemCode));
  return isMajorCase(item, reviewCatalogueOf(docs, doc.agency), { proposal });
}

/** Whether the case's row awaits a decision on a proposal, and so is judged again when the registry changes. */
const awaitsDecision = (doc: CaseSummaryDoc): boolean =>
  doc.state.proposal !== undefined && doc.decision === undefined && doc.status !== 'closed';

/** The acts that can put a case on its agency's list or take it off: a proposal, the decision, the closing. */
const LISTING_ACTS = new Set(['LegalReviewRequested', 'DecisionIssued', 'CaseClosed']);

/**
 * The change to the agency's list of cases awaiting a decision after the act `type` made `doc` of the case `key`:
 * the case is added by its first proposal and removed by its decision (or its closing); other acts change nothing.
 */
export function proposedCasesChange(
  type: string,
  key: string,
  doc: CaseSummaryDoc,
  docs: DocReader,
): Change | undefined {
  if (!LISTING_ACTS.has(type)) return undefined;
  const row = proposedCasesKey(doc.agency, proposedBucket(key));
  const list = docs.get<ProposedCasesDoc>(PROPOSED_CASES, row);
  const listed = list?.cases[key] !== undefined;
  if (awaitsDecision(doc) === listed) return undefined;
  const cases = { ...list?.cases };
  if (listed) delete cases[key];
  else cases[key] = doc.itemCode;
  const empty = Object.keys(cases).length === 0;
  return { collection: PROPOSED_CASES, key: row, doc: empty ? null : { agency: doc.agency, cases } };
}

/**
 * After a registry event that can change what makes a decision major (an item amended, the catalogue adjusted),
 * the rows of the cases awaiting a decision that it concerns (of that item, or of any item of that agency) whose
 * `major` flag it changes, judged again with {@link proposedMajor}, with their completeness checklist; `row` reads
 * a case's row by its key. A decided case keeps what the decider found when it was decided.
 */
export function rejudgedCases(
  envelope: Pick<EventEnvelope, 'type' | 'stream'>,
  docs: DocReader,
  row: (key: string) => CaseSummaryDoc | undefined,
): { key: string; doc: CaseSummaryDoc }[] {
  if (!MAJOR_CRITERIA_EVENTS.has(envelope.type)) return [];
  const stream = parseAgencyStream(envelope.stream);
  const ofItem = stream?.category === 'item';
  if (!stream || (!ofItem && stream.category !== 'reviewcatalogue')) return [];
  const listed: [string, string][] = [];
  for (let bucket = 0; bucket < PROPOSED_BUCKETS; bucket++) {
    const list = docs.get<ProposedCasesDoc>(PROPOSED_CASES, proposedCasesKey(stream.agency, bucket));
    if (list) listed.push(...Object.entries(list.cases));
  }
  return listed.flatMap(([key, itemCode]) => {
    if (ofItem && itemCode !== stream.id) return [];
    const doc = row(key);
    if (!doc || !awaitsDecision(doc)) return [];
    const major = proposedMajor(doc, docs);
    if (major === doc.major) return [];
    const judged = { ...doc, major };
    return [{ key, doc: { ...judged, completeness: completeness(judged, doc.state) } }];
  });
}
