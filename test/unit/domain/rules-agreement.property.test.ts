import fc from 'fast-check';
import { disclosureStandingOf } from '../../../projections/case-checks.js';
import { PROJECTIONS } from '../../../projections/index.js';
import type { RecordAct, RecordedCaseEvent } from '../../../src/domain/case/acts.js';
import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import type { CaseState } from '../../../src/domain/case/state.js';
import { RuleViolation } from '../../../src/domain/errors.js';
import type { ItemState } from '../../../src/domain/registry/items.js';
import type { CatalogueEntry, CatalogueVersion } from '../../../src/domain/registry/review-catalogue.js';
import { yearlyStatistics } from '../../../src/domain/statistics.js';
import {
  catalogueEntry,
  history,
  itemCode,
  recordingList,
  reviewCatalogue,
  runSteps,
  type Command,
  type Step,
} from '../../support/case-acts.js';
import { act, actors, CHECKS_PASSED, context, items, photo } from '../../support/domain.js';
import { MemoryDocs, StreamWriter } from '../../support/projection-spec.js';

/**
 * The decider enforces the case rules; the case file (and the statistics) report them. Fed the same random
 * histories (only the acts the decider accepts, as the service records them), they must agree at every step on each
 * rule's outcome. The decider's side is read from its behaviour: what it records, and whether it would accept a
 * probe act in the state it has reached.
 */

const AGENCY = 'county-justice';
const CASE_ID = '2019-042';
const DECIDED_ON = '2019-09-27';
/** Days around the deadlines of the test items for decisions of 2019-09-27 (7, 10 and 20 working days). */
const asOfDate = fc.constantFrom('2019-09-27', '2019-10-11', '2019-10-12', '2019-10-14', '2019-10-25', '2019-11-30');

/** The fields (所属领域) of the test items, which the catalogue's entries may name. */
const FIELDS: Record<string, string> = { 'P-001': '司法行政', 'L-002': '食品安全' };
const withField = (code: string): ItemState | undefined => {
  const item = items[code];
  const field = FIELDS[code];
  return item && field !== undefined ? { ...item, field } : item;
};

/** The registry facts beside the recording list: the items with their fields, and the review catalogue if any. */
const factsOf = (catalogue: CatalogueVersion[] | undefined): Partial<CaseContext> => ({
  item: withField,
  ...(catalogue ? { reviewCatalogue: catalogue } : {}),
});

type Verdict = { accepted: RecordedCaseEvent[] } | { refused: string };

function probe(c: Command, state: CaseState): Verdict {
  try {
    return { accepted: caseDecider.decide(c as { act: RecordAct } & Command, state) };
  } catch (err) {
    if (err instanceof RuleViolation) return { refused: err.code };
    throw err;
  }
}

/**
 * Would the decider issue this decision now? `cleared` by the review gate, and `major` as it found the case;
 * undefined when it refuses for another reason.
 */
function gateVerdict(state: CaseState, decisionType: 'fine', fineFen: number | undefined, facts: Partial<CaseContext>) {
  const issued = act('DecisionIssued', {
    decisionType,
    ...(fineFen === undefined ? {} : { fineFen }),
    legalBasis: 'b',
    documentNo: 'probe',
    decidedOn: DECIDED_ON,
  });
  const verdict = probe({ ...issued, context: { ...context, ...facts } }, state);
  if ('accepted' in verdict) {
    const event = verdict.accepted[0]!;
    return { cleared: true, major: event.type === 'DecisionIssued' && event.data.major };
  }
  return verdict.refused === 'legal_review_required' ? { cleared: false, major: true } : undefined;
}

/**
 * Does the decider hold a requested review back for want of a counsel's opinion? Read from a probe review by a
 * qualified reviewer: undefined when no review is awaited (the probe is refused for that first).
 */
function awaitsCounsel(state: CaseState): boolean | undefined {
  if (state.status !== 'open' || !state.reviewPending) return undefined;
  const verdict = probe(
    act(
      'LegalReviewCompleted',
      { outcome: 'returned', opinion: 'probe', checks: CHECKS_PASSED },
      { actor: actors.rita },
    ),
    state,
  );
  return 'refused' in verdict && verdict.refused === 'adviser_opinion_required';
}

/** Does the decider refuse this accepted act once its media are replaced (none, or a photo only)? */
function refusedWith(step: Step, media: readonly (typeof photo)[]): boolean {
  const verdict = probe({ ...step.command, act: { ...step.command.act, media } as RecordAct }, step.before);
  return 'refused' in verdict && verdict.refused === 'recording_required';
}

/** The decider's side of every rule outcome after a step, and what the statistics of its events say. */
function deciderOutcomes(
  state: CaseState,
  accepted: readonly Step[],
  events: RecordedCaseEvent[],
  asOf: string,
  facts: Partial<CaseContext>,
) {
  let major: boolean | undefined;
  let reviewCleared: boolean | undefined;
  if (state.decision) {
    major = state.decision.major;
    // a major decision the decider recorded is one whose review cleared it
    reviewCleared = major ? true : undefined;
  } else if (state.proposal) {
    // the gate refuses only a major decision; an accepted one records whether it was major (by the proposal or itself)
    const proposed = gateVerdict(state, state.proposal.decisionType as 'fine', state.proposal.fineFen, facts);
    major = proposed?.major;
    if (major) reviewCleared = proposed?.cleared;
  } else {
    // nothing proposed: a warning the decider accepts says the case is not major; one a catalogue entry makes major on
    // its own says nothing of the case (the case file calls a case major by what is proposed or decided)
    const warning = gateVerdict(state, 'warning' as 'fine', undefined, facts);
    major = warning?.cleared ? warning.major : undefined;
  }
  const needing = accepted.filter((s) => refusedWith(s, []));
  const needingAudioVideo = accepted.filter((s) => refusedWith(s, [photo]));
  const statistics = yearlyStatistics({
    agency: AGENCY,
    year: 2019,
    cases: [{ caseId: CASE_ID, agency: AGENCY, itemCategory: 'penalty', events }],
    asOf,
  });
  const standings = Object.entries(statistics.disclosures).filter(([, n]) => n > 0);
  return {
    major,
    reviewCleared,
    awaitsCounsel: awaitsCounsel(state),
    recordings: needing.length === 0 ? 'not_applicable' : 'complete',
    audioVideoActs: needingAudioVideo.length,
    statistics,
    standing: standings.length === 0 ? undefined : standings.map(([s]) => s),
  };
}

function registry(writer: StreamWriter, catalogue: CatalogueVersion[] | undefined) {
  return [
    ...['P-001', 'I-001', 'L-002'].flatMap((code) =>
      writer.registry(`item-${AGENCY}:${code}`, 'ItemRegistered', { ...withField(code) }),
    ),
    ...(catalogue ?? []).flatMap(({ level, entries, reason, inForceFrom }) =>
      writer.registry(`reviewcatalogue-${AGENCY}:current`, 'ReviewCatalogueAdjusted', {
        level,
        entries,
        reason,
        inForceFrom,
      }),
    ),
  ];
}

describe('the decider and the case file agree on every rule', () => {
  it('when any acts are attempted under any recording list and any review catalogue, then at every step the case file and the statistics report what the decider enforced: major, review cleared, a review awaiting a counsel opinion, recordings, disclosure standing', () => {
    fc.assert(
      fc.property(
        history,
        itemCode,
        asOfDate,
        recordingList,
        reviewCatalogue,
        (commands, item, asOf, list, catalogue) => {
          const facts = factsOf(catalogue);
          const steps = runSteps(commands, item, list, facts);
          const writer = new StreamWriter();
          const docs = new MemoryDocs(PROJECTIONS).apply(registry(writer, catalogue));
          const accepted: Step[] = [];
          const events: RecordedCaseEvent[] = [];
          let state = caseDecider.initialState();
          for (const step of steps) {
            if (step.recorded.length === 0) continue;
            accepted.push(step);
            // recorded by the service when the act is sent, at its stated time: what the case file and the
            // statistics read of the recording (a publication recorded after its last day is late) is the same
            const recordedAt = new Date(step.recorded[0]!.occurredAt).toISOString();
            events.push(...step.recorded.map((e) => ({ ...e, recordedAt })));
            for (const event of step.recorded) state = caseDecider.evolve(state, event);
            docs.apply(writer.caseEvents(CASE_ID, step.recorded, AGENCY, recordedAt));
            const file = docs.file(AGENCY, CASE_ID)!;
            const decider = deciderOutcomes(state, accepted, events, asOf, facts);

            expect(file.status).toBe(state.status);
            if (decider.major !== undefined) expect(file.major).toBe(decider.major);
            if (!state.proposal && !state.decision) expect(file.major).toBe(false);
            const review = file.completeness.legalReview.status;
            if (!file.major) expect(review).toBe('not_applicable');
            if (decider.reviewCleared !== undefined) expect(review === 'complete').toBe(decider.reviewCleared);
            expect(review).not.toBe('missing');

            const opinions = events.filter((e) => e.type === 'CounselOpinionRecorded').length;
            expect(file.counsel?.opinions.length ?? 0).toBe(opinions);
            expect(file.counsel?.markings.length ?? 0).toBe(
              events.filter((e) => e.type === 'CaseMarkedComplex').length,
            );
            if (decider.awaitsCounsel !== undefined)
              expect(file.counsel?.opinionRequired ?? false).toBe(decider.awaitsCounsel);

            expect(file.completeness.recordings).toEqual({ status: decider.recordings, missing: [] });
            expect(file.audit.missingRecordings).toBe(false);
            expect(decider.statistics.mandatoryRecordings).toEqual({
              acts: decider.audioVideoActs,
              recorded: decider.audioVideoActs,
            });

            const standing = disclosureStandingOf(file, asOf);
            expect(standing === undefined ? undefined : [standing]).toEqual(decider.standing);
            expect(decider.statistics.decisions.major).toBe(state.decision?.major ? 1 : 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when the catalogue is adjusted between two acts, then from that moment the case file reports the case major as the decider would find it, without waiting for an act', () => {
    const adjustment = fc.record({
      level: fc.constantFrom('county', 'city') as fc.Arbitrary<'county'>,
      entries: fc.array(catalogueEntry, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        history,
        itemCode,
        reviewCatalogue,
        adjustment,
        fc.nat(),
        (commands, item, catalogue, { level, entries }, at) => {
          const before = catalogue ?? [];
          // recorded after the earlier versions and before the acts (2019-09-20): the decider finds it in force
          const adopted: CatalogueVersion = {
            version: before.length + 1,
            inForceFrom: '2019-08-31T00:00:00.000Z',
            level,
            entries: entries.map(
              (factors, n) => ({ entryId: `RX-${n}`, description: 'd', ...factors }) as CatalogueEntry,
            ),
            reason: 'r',
          };
          const facts = factsOf([...before, adopted]);
          const steps = runSteps(commands, item, undefined, facts).filter((s) => s.recorded.length > 0);
          const writer = new StreamWriter();
          const docs = new MemoryDocs(PROJECTIONS).apply(registry(writer, catalogue));
          const adjustAfter = at % steps.length;
          let state = caseDecider.initialState();
          steps.forEach((step, i) => {
            for (const event of step.recorded) state = caseDecider.evolve(state, event);
            docs.apply(writer.caseEvents(CASE_ID, step.recorded));
            if (i < adjustAfter) return;
            if (i === adjustAfter) {
              const { level: l, entries: e, reason, inForceFrom } = adopted;
              const data = { level: l, entries: e, reason, inForceFrom };
              docs.apply(writer.registry(`reviewcatalogue-${AGENCY}:current`, 'ReviewCatalogueAdjusted', data));
            }
            const file = docs.file(AGENCY, CASE_ID)!;
            const decider = deciderOutcomes(state, [], [], DECIDED_ON, facts);
            if (decider.major !== undefined) expect(file.major).toBe(decider.major);
            if (!file.major) expect(file.completeness.legalReview.status).toBe('not_applicable');
            if (decider.reviewCleared !== undefined)
              expect(file.completeness.legalReview.status === 'complete').toBe(decider.reviewCleared);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
