import fc from 'fast-check';
import type { RecordAct, RecordedCaseEvent } from '../../src/domain/case/acts.js';
import { caseDecider, type CaseContext } from '../../src/domain/case/decider.js';
import type { CaseState } from '../../src/domain/case/state.js';
import { RuleViolation } from '../../src/domain/errors.js';
import type { RecordingListEntry } from '../../src/domain/registry/recording-list.js';
import type { CatalogueEntry, CatalogueVersion } from '../../src/domain/registry/review-catalogue.js';
import { act, actors, audio, CHECKS_PASSED, opened, photo, video } from './domain.js';

/** Random act sequences for property tests of the case rules: any act a user might attempt, lawful or not. */

export type Command = ReturnType<typeof act>;

const decisionType = fc.constantFrom('fine', 'warning', 'business_suspension', 'confiscation') as fc.Arbitrary<'fine'>;
const fineFen = fc.constantFrom(0, 50_000, 999_999, 1_000_000, 2_000_000);
const media = fc.constantFrom([], [photo], [video], [audio], [photo, video]);
const reviewer = fc.constantFrom(actors.rita, actors.ruth, { ...actors.alice, roles: ['reviewer'] });
const checks = fc.record({
  ...Object.fromEntries(Object.keys(CHECKS_PASSED).map((k) => [k, fc.boolean()])),
}) as fc.Arbitrary<typeof CHECKS_PASSED>;

export const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ decisionType, fineFen }).map((p) => act('LegalReviewRequested', { proposed: { ...p, legalBasis: 'b' } })),
  fc
    .record({
      outcome: fc.constantFrom('approved', 'rejected', 'returned'),
      checks: fc.oneof(fc.constant(CHECKS_PASSED), checks),
      actor: reviewer,
    })
    .map(({ outcome, checks: c, actor }) =>
      act('LegalReviewCompleted', { outcome: outcome as 'approved', opinion: 'o', checks: c }, { actor }),
    ),
  fc
    .constantFrom('proposal_upheld', 'review_upheld')
    .map((outcome) =>
      act(
        'ReviewDisagreementResolved',
        { outcome: outcome as 'proposal_upheld', reasoning: 'r' },
        { actor: actors.head },
      ),
    ),
  fc
    .record({ decisionType, fineFen })
    .map((d) => act('DecisionIssued', { ...d, legalBasis: 'b', documentNo: 'n', decidedOn: '2019-09-27' })),
  media.map((m) => act('PropertySeized', { items: 'i', legalBasis: 'b' }, { media: m })),
  media.map((m) => act('ForcedDemolition', { target: 't', legalBasis: 'b' }, { media: m })),
  fc
    .record({ method: fc.constantFrom('direct', 'left', 'public_notice', 'mail', 'electronic'), m: media })
    .map(({ method, m }) => act('DocumentServed', { document: 'd', method: method as 'left' }, { media: m })),
  fc
    .constantFrom(['alice'], ['alice', 'bob'], ['alice', 'olga'], ['alice', 'dave'])
    .map((officers) => act('EvidenceCollected', { description: 'd' }, { officers })),
  // acts an agency's recording list may name (see `recordingList`)
  media.map((m) => act('EvidenceCollected', { description: 'd' }, { media: m })),
  media.map((m) => act('HearingHeld', { heldOn: '2019-09-20' }, { media: m })),
  media.map((m) =>
    act(
      'OnSiteInspectionRecorded',
      { location: 'l', findings: 'f', credentialsShown: true, partyNotified: true },
      { media: m },
    ),
  ),
  fc
    .constantFrom('2019-10-08', '2019-10-10', '2019-10-31')
    .map((publishedOn) => act('DecisionDisclosed', { publishedOn })),
  // each attempt a fresh act (its own id), as a mapped arbitrary makes it
  fc
    .constant(null)
    .map(() =>
      act(
        'DisclosureExempted',
        { ground: 'trade_secret', legalBasis: 'b', reason: 'r' },
        { actor: actors.head, occurredAt: '2019-10-09T10:00:00+08:00' },
      ),
    ),
  fc.constant(null).map(() => act('CaseClosed', { closedOn: '2019-10-11' })),
  // a case marked major, complex or difficult waits for a counsel's opinion before its review (liu is counsel)
  fc.constant(null).map(() => act('CaseMarkedComplex', { reason: 'r' })),
  fc
    .constantFrom('liu', 'alice')
    .map((counsel) => act('CounselOpinionRecorded', { counsel, opinion: 'o', givenOn: '2019-09-19' })),
);

/**
 * A round of legal review as it usually goes: a proposal, a review of it by a qualified reviewer, and sometimes the
 * head's resolution of a disagreement. Random single acts rarely line these up.
 */
export const reviewRound: fc.Arbitrary<Command[]> = fc
  .record({
    proposed: fc.record({ decisionType, fineFen }),
    outcome: fc.constantFrom('approved', 'rejected', 'returned'),
    checks: fc.oneof(fc.constant(CHECKS_PASSED), checks),
    actor: fc.constantFrom(actors.rita, actors.ruth),
    resolution: fc.constantFrom(undefined, 'proposal_upheld', 'review_upheld'),
  })
  .map(({ proposed, outcome, checks: c, actor, resolution }) => [
    act('LegalReviewRequested', { proposed: { ...proposed, legalBasis: 'b' } }),
    act('LegalReviewCompleted', { outcome: outcome as 'approved', opinion: 'o', checks: c }, { actor }),
    ...(resolution === undefined
      ? []
      : [
          act(
            'ReviewDisagreementResolved',
            { outcome: resolution as 'proposal_upheld', reasoning: 'r' },
            { actor: actors.head },
          ),
        ]),
  ]);

/** Attempted acts, with whole review rounds among them. */
export const history: fc.Arbitrary<Command[]> = fc
  .array(fc.oneof({ arbitrary: command.map((c) => [c]), weight: 4 }, { arbitrary: reviewRound, weight: 1 }), {
    maxLength: 16,
  })
  .map((groups) => groups.flat());

const listEntry = (actType: RecordingListEntry['actType'], more: Partial<RecordingListEntry> = {}) =>
  ({ entryId: actType, actType, method: 'audio_video', content: 'c', keyStages: [], place: 'p', ...more }) as const;
/** The floors, as every published list holds them. */
const FLOOR_ENTRIES: RecordingListEntry[] = [listEntry('PropertySeized'), listEntry('ForcedDemolition')];

/**
 * An agency's recording list in force when the case is opened: none (the default duties), or the floors and any
 * of some entries, scoped to items and service methods, on audio-video or any medium.
 */
export const recordingList: fc.Arbitrary<RecordingListEntry[] | undefined> = fc.option(
  fc
    .record({
      method: fc.constantFrom('audio_video', 'any_medium'),
      items: fc.constantFrom(undefined, ['P-001'], ['I-001', 'L-002']),
      serviceMethods: fc.constantFrom(undefined, ['left'], ['public_notice', 'mail']),
      entries: fc.subarray(['EvidenceCollected', 'HearingHeld', 'OnSiteInspectionRecorded', 'DocumentServed'] as const),
    })
    .map(({ method, items, serviceMethods, entries }) => [
      ...FLOOR_ENTRIES,
      ...entries.map((actType, i) =>
        listEntry(actType, {
          method: (i % 2 === 0 ? method : 'audio_video') as 'audio_video',
          ...(items && i % 2 === 1 ? { itemCodes: items } : {}),
          ...(serviceMethods && actType === 'DocumentServed' ? { serviceMethods: [...serviceMethods] } : {}),
        }),
      ),
    ]),
  { nil: undefined },
);

/** One entry of a review catalogue: any of its factors, at least one. */
export const catalogueEntry = fc
  .record({
    decisionTypes: fc.constantFrom(undefined, ['fine'], ['warning', 'business_suspension']),
    itemCategories: fc.constantFrom(undefined, ['penalty'], ['licensing', 'inspection']),
    levels: fc.constantFrom(undefined, ['county'], ['city', 'province']),
    fields: fc.constantFrom(undefined, ['司法行政'], ['食品安全']),
    amountFenAtLeast: fc.constantFrom(undefined, 0, 50_000, 1_000_000, 2_000_001),
  })
  .map((factors) => Object.fromEntries(Object.entries(factors).filter(([, v]) => v !== undefined)))
  .filter((factors) => Object.keys(factors).length > 0);

/**
 * The versions of an agency's review catalogue (重大执法决定法制审核目录清单): none, or one or two versions adopted
 * before the acts of `history` (which happen on 2019-09-20), each of a level and up to three entries, any factors.
 */
export const reviewCatalogue: fc.Arbitrary<CatalogueVersion[] | undefined> = fc.option(
  fc
    .array(
      fc.record({
        level: fc.constantFrom('county', 'city') as fc.Arbitrary<'county'>,
        entries: fc.array(catalogueEntry, { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 2 },
    )
    .map((versions) =>
      versions.map(({ level, entries }, i) => ({
        version: i + 1,
        inForceFrom: `2019-0${i + 1}-01T00:00:00.000Z`,
        level,
        entries: entries.map((factors, n) => ({ entryId: `RC-${n}`, description: 'd', ...factors }) as CatalogueEntry),
        reason: 'r',
      })),
    ),
  { nil: undefined },
);

/** Case items of the test registry: P-001 has major criteria, I-001 (inspection) and L-002 (licensing) have none. */
export const itemCode = fc.constantFrom('P-001', 'I-001', 'L-002');

/** One step of a run: the command, the state it met, and the events it recorded (none when refused). */
export interface Step {
  readonly command: Command;
  readonly before: CaseState;
  readonly recorded: readonly RecordedCaseEvent[];
}

/** Applies every command the rules accept after opening a case of `item`, skipping refused ones, as the service does. */
export function runSteps(
  commands: readonly Command[],
  item = 'P-001',
  list?: readonly RecordingListEntry[],
  /** Registry facts every command meets beside the test registry's (items with a field, the review catalogue). */
  facts: Partial<CaseContext> = {},
): Step[] {
  const steps: Step[] = [];
  let state = caseDecider.initialState();
  const opening = opened(item);
  const open = list === undefined ? opening : { ...opening, context: { ...opening.context, recordingList: list } };
  for (const given of [open, ...commands]) {
    const c = { ...given, context: { ...given.context, ...facts } };
    const before = state;
    let recorded: RecordedCaseEvent[] = [];
    try {
      recorded = caseDecider.decide(c as { act: RecordAct } & Command, state);
      for (const event of recorded) state = caseDecider.evolve(state, event);
    } catch (err) {
      if (!(err instanceof RuleViolation)) throw err;
    }
    steps.push({ command: c, before, recorded });
  }
  return steps;
}

/** The events the rules accept from a sequence of attempted acts. */
export function run(commands: readonly Command[], item = 'P-001'): RecordedCaseEvent[] {
  return runSteps(commands, item).flatMap((s) => s.recorded);
}
