import { caseDecider } from '../../../src/domain/case/decider.js';
import { counselOpinionRequired } from '../../../src/domain/case/rules.js';
import { specification } from '../../support/decider-spec.js';
import { act, actors, CHECKS_PASSED, opened, photo, record } from '../../support/domain.js';

const spec = specification(caseDecider);
const requested = act('LegalReviewRequested', { proposed: { decisionType: 'warning', legalBasis: 'b' } });
const marked = act('CaseMarkedComplex', { reason: '法律适用争议较大' });
const opinion = (counsel = 'liu', givenOn = '2019-09-19') =>
  act('CounselOpinionRecorded', { counsel, opinion: '建议从轻处罚', givenOn }, { media: [photo] });
const review = () =>
  act('LegalReviewCompleted', { outcome: 'approved', opinion: 'o', checks: CHECKS_PASSED }, { actor: actors.rita });

describe('opinions of legal advisers and public-sector lawyers (法律顾问、公职律师) on major, complex or difficult cases', () => {
  it('when a case is marked major, complex or difficult and no opinion is recorded, then its review is refused with adviser_opinion_required', () => {
    spec
      .given(record(opened(), marked, requested))
      .when(review())
      .thenFails('adviser_opinion_required', 409);
  });

  it('when a registered counsel has given an opinion, then the review of the marked case is recorded', () => {
    spec
      .given(record(opened(), marked, requested, opinion()))
      .when(review())
      .then([{ type: 'LegalReviewCompleted', data: { outcome: 'approved' } }]);
  });

  it('when an opinion is recorded, then the event keeps the counsel, the day, the text, the medium and the role as registered', () => {
    spec
      .given(record(opened(), marked))
      .when(opinion())
      .then([
        {
          type: 'CounselOpinionRecorded',
          data: { counsel: 'liu', givenOn: '2019-09-19', opinion: '建议从轻处罚', counselRole: 'public_lawyer' },
          media: [photo],
        },
      ]);
  });

  it('when an unmarked case is reviewed without any opinion, then the review is recorded as before', () => {
    spec
      .given(record(opened(), requested))
      .when(review())
      .then([{ type: 'LegalReviewCompleted' }]);
  });

  it('when the opinion names someone not registered as counsel of the agency, then counsel_unknown', () => {
    for (const who of ['alice', 'nobody', 'olga']) {
      spec.given(record(opened(), marked)).when(opinion(who)).thenFails('counsel_unknown', 422);
    }
  });

  it('when the opinion is dated after it is recorded or before the case was opened, then date_invalid', () => {
    spec.given(record(opened(), marked)).when(opinion('liu', '2019-09-30')).thenFails('date_invalid', 422);
    spec.given(record(opened(), marked)).when(opinion('liu', '2019-08-01')).thenFails('date_invalid', 422);
  });

  it('when a reviewer or an officer marks the case, then only the officer (or the head) may', () => {
    spec
      .given(record(opened()))
      .when({ ...marked, act: { ...marked.act, actor: actors.rita } })
      .thenFails('forbidden', 403);
    spec
      .given(record(opened()))
      .when(act('CaseMarkedComplex', { reason: 'r' }, { actor: actors.head }))
      .then([{ type: 'CaseMarkedComplex', data: { reason: 'r' } }]);
  });

  it('when the rule is asked, then only a marked case without an opinion waits', () => {
    expect(counselOpinionRequired({ markedComplex: true, counselOpinions: 0 })).toBe(true);
    expect(counselOpinionRequired({ markedComplex: true, counselOpinions: 1 })).toBe(false);
    expect(counselOpinionRequired({ markedComplex: false, counselOpinions: 0 })).toBe(false);
  });
});
