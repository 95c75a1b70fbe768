import fc from 'fast-check';
import { command, run } from '../../support/case-acts.js';
import { items } from '../../support/domain.js';

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
