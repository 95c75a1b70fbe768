import fc from 'fast-check';
import type { RecordAct, RecordedCaseEvent } from '../../../src/domain/case/acts.js';
import { caseDecider } from '../../../src/domain/case/decider.js';
import { RuleViolation } from '../../../src/domain/errors.js';
import { act, actors, CHECKS_PASSED, items, opened, photo, video } from '../../support/domain.js';

type Command = ReturnType<typeof act>;

const decisionType = fc.constantFrom('fine', 'warning', 'business_suspension', 'confiscation') as fc.Arbitrary<'fine'>;
const fineFen = fc.constantFrom(0, 50_000, 999_999, 1_000_000, 2_000_000);
const media = fc.constantFrom([], [photo], [video], [photo, video]);
const reviewer = fc.constantFrom(actors.rita, actors.ruth, { ...actors.alice, roles: ['reviewer'] });
const checks = fc.record({
  ...Object.fromEntries(Object.keys(CHECKS_PASSED).map((k) => [k, fc.boolean()])),
}) as fc.Arbitrary<typeof CHECKS_PASSED>;

/** Any act a user might attempt, lawful or not. */
const command: fc.Arbitrary<Command> = fc.oneof(
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
    .constantFrom(['alice'], ['alice', 'bob'], ['alice', 'olga'], ['alice', 'dave'])
    .map((officers) => act('EvidenceCollected', { description: 'd' }, { officers })),
  fc.constant(act('DecisionDisclosed', { publishedOn: '2019-10-10' })),
  fc.constant(act('CaseClosed', { closedOn: '2019-10-11' })),
);

/** Applies every command the rules accept, skipping refused ones; returns the recorded events. */
function run(commands: readonly Command[]): RecordedCaseEvent[] {
  const events: RecordedCaseEvent[] = [];
  let state = caseDecider.initialState();
  for (const c of [opened(), ...commands]) {
    try {
      for (const event of caseDecider.decide(c as { act: RecordAct } & Command, state)) {
        events.push(event);
        state = caseDecider.evolve(state, event);
      }
    } catch (err) {
      if (!(err instanceof RuleViolation)) throw err;
    }
  }
  return events;
}

/** Independent of the decider: is a (type, amount) major for the test item P-001? */
function majorByItem(type: string, fen = 0): boolean {
  const criteria = items['P-001']!.major!;
  return (criteria.decisionTypes as readonly string[]).includes(type) || fen >= criteria.fineFenAtLeast!;
}

describe('properties of any sequence of acts', () => {
  it('when any acts are attempted, then no major decision is recorded without a passed review of exactly that decision', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        const events = run(commands);
        events.forEach((event, i) => {
          if (event.type !== 'DecisionIssued') return;
          const before = events.slice(0, i);
          const requests = before.filter((e) => e.type === 'LegalReviewRequested');
          const lastProposal = requests.at(-1);
          const major =
            majorByItem(event.data.decisionType, event.data.fineFen) ||
            (lastProposal?.type === 'LegalReviewRequested' &&
              majorByItem(lastProposal.data.proposed.decisionType, lastProposal.data.proposed.fineFen));
          expect(event.data.major).toBe(major);
          if (!major) return;
          const reviewIndex = before.findLastIndex((e) => e.type === 'LegalReviewCompleted');
          expect(reviewIndex).toBeGreaterThanOrEqual(0);
          const review = before[reviewIndex]!;
          if (review.type !== 'LegalReviewCompleted') throw new Error('unreachable');
          const after = before.slice(reviewIndex + 1);
          expect(after.some((e) => e.type === 'LegalReviewRequested')).toBe(false);
          const upheld = after.some(
            (e) => e.type === 'ReviewDisagreementResolved' && e.data.outcome === 'proposal_upheld',
          );
          expect(review.data.outcome === 'approved' || upheld).toBe(true);
          expect(review.data.proposal.decisionType).toBe(event.data.decisionType);
          expect(review.data.proposal.fineFen ?? 0).toBe(event.data.fineFen ?? 0);
          expect(review.data.reviewer).not.toBe('alice');
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('when any acts are attempted, then every seizure and demolition recorded carries an audio or video recording', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        for (const event of run(commands)) {
          if (event.type === 'PropertySeized' || event.type === 'ForcedDemolition') {
            expect(event.media.some((m) => /^(audio|video)\//.test(m.contentType))).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('when any acts are attempted, then on-site acts always name at least two distinct certified officers of the agency', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        for (const event of run(commands)) {
          if (event.type === 'EvidenceCollected') {
            const named = new Set(event.officers ?? ['alice', 'bob']);
            expect([...named].filter((id) => id === 'alice' || id === 'bob').length).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
