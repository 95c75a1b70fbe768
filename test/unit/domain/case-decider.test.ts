import type { RecordAct } from '../../../src/domain/case/acts.js';
import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import { specification } from '../../support/decider-spec.js';
import { act, actors, CHECKS_PASSED, context, opened, photo, record, video } from '../../support/domain.js';

const spec = specification(caseDecider);
const open = () => record(opened());
const inspection = {
  location: '城关镇人民路 18 号',
  findings: '未公示执业信息',
  credentialsShown: true,
  partyNotified: true,
};
const proposeFine = (fineFen: number) =>
  act('LegalReviewRequested', { proposed: { decisionType: 'fine', fineFen, legalBasis: '《律师法》第五十条' } });
const review = (outcome: 'approved' | 'rejected' | 'returned', checks = CHECKS_PASSED) =>
  act('LegalReviewCompleted', { outcome, opinion: '审核意见', checks }, { actor: actors.rita });
/** The agency head settles a disagreement in favour of the proposal (协调决策). */
const proposalUpheld = (extra: { occurredAt?: string } = {}) =>
  act(
    'ReviewDisagreementResolved',
    { outcome: 'proposal_upheld', reasoning: '集体讨论决定' },
    { actor: actors.head, ...extra },
  );
const decideFine = (fineFen: number, decidedOn = '2019-09-27') =>
  act('DecisionIssued', {
    decisionType: 'fine',
    fineFen,
    legalBasis: '《律师法》第五十条',
    documentNo: '县司罚〔2019〕42号',
    decidedOn,
  });

describe('the case decider', () => {
  describe('opening a case', () => {
    it('when an officer opens a case of a listed item with two certified officers, then CaseOpened is recorded', () => {
      spec
        .given([])
        .when(opened())
        .then([{ type: 'CaseOpened', data: { caseId: '2019-042', itemCode: 'P-001' } }]);
    });
    it('when the case exists already, then case_exists', () => {
      spec.given(open()).when(opened()).thenFails('case_exists', 409);
    });
    it('when the item is not on the agency list, then item_unknown', () => {
      spec.given([]).when(opened('X-999')).thenFails('item_unknown', 422);
    });
    it('when only one officer handles it, then two_officers_required', () => {
      const one = opened();
      const refused = spec
        .given([])
        .when({
          ...one,
          act: { ...one.act, data: { ...(one.act.data as object), officers: ['alice', 'alice'] } } as never,
        })
        .thenFails('two_officers_required');
      // said of the case's handling officers, not of officers on site
      expect(refused.details).toMatchObject({ officers: ['alice'], handling: true });
    });
    it('when an officer of another agency acts on the case, then not_found (the case is not revealed)', () => {
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { actor: actors.olga }))
        .thenFails('not_found', 404);
    });
  });

  describe('on-site acts: two officers with valid certificates (两人执法, 持证上岗)', () => {
    it('when two certified officers of the agency inspect, then the inspection is recorded', () => {
      spec
        .given(open())
        .when(act('OnSiteInspectionRecorded', inspection, { officers: ['alice', 'chen'] }))
        .then([{ type: 'OnSiteInspectionRecorded', officers: ['alice', 'chen'] }]);
    });
    it('when the act names no officers, then the handling officers count, and the event records them as on site', () => {
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: '现场照片' }))
        .then([{ type: 'EvidenceCollected', officers: ['alice', 'bob'] }]);
      // an act that is not on site names none unless it says so
      spec
        .given(open())
        .when(act('LegalReviewRequested', { proposed: { decisionType: 'warning', legalBasis: '第五十条' } }))
        .then([{ type: 'LegalReviewRequested' }]);
      const [requested] = caseDecider.decide(
        act('LegalReviewRequested', { proposed: { decisionType: 'warning', legalBasis: '第五十条' } }),
        open().reduce(caseDecider.evolve, caseDecider.initialState()),
      );
      expect(requested).not.toHaveProperty('officers');
    });
    it('when one officer acts alone, then two_officers_required', () => {
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice'] }))
        .thenFails('two_officers_required', 422);
    });
    it('when an on-site act names one officer of the agency and one of another, then two_officers_required naming the other', () => {
      const error = spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'olga'] }))
        .thenFails('two_officers_required', 422);
      expect(error.details).toEqual({ officers: ['alice'], notOfAgency: ['olga'] });
    });
    it('when an on-site act names a registrant who only reviews, then they are not one of the two, and named beside two officers they are officer_role_required', () => {
      const error = spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'rita'] }))
        .thenFails('two_officers_required', 422);
      expect(error.details).toEqual({ officers: ['alice'], notEnforcing: ['rita'] });
      const named = spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'bob', 'rita'] }))
        .thenFails('officer_role_required', 422);
      expect(named.details).toEqual({ officerId: 'rita', roles: ['reviewer'] });
      // one who is a reviewer and an enforcement officer both is one of the two
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'ruth'] }))
        .then([{ type: 'EvidenceCollected' }]);
      // nor does a reviewer handle a case from its opening
      const one = opened();
      spec
        .given([])
        .when({
          ...one,
          act: { ...one.act, data: { ...(one.act.data as object), officers: ['alice', 'bob', 'rita'] } } as never,
        })
        .thenFails('officer_role_required', 422);
    });
    it('when an on-site act names two officers of the agency and one of another, then officer_unknown, as for one never registered', () => {
      const error = spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'bob', 'olga'] }))
        .thenFails('officer_unknown', 422);
      expect(error.details).toEqual({ officerId: 'olga' });
    });
    it('when an officer certificate has expired by the day of the act, then certificate_invalid', () => {
      const error = spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'dave'] }))
        .thenFails('certificate_invalid', 422);
      expect(error.details).toMatchObject({ officerId: 'dave', date: '2019-09-20' });
    });
    /** The case opened in June 2019, when dave's certificate (valid to 2019-06-30) still held. */
    const openedInJune = () => {
      const early = opened();
      return record({
        ...early,
        act: { ...early.act, data: { ...early.act.data, openedOn: '2019-06-03' } },
      } as typeof early);
    };
    /** Evidence collected by alice and dave at `occurredAt`, with the agency's offset when given. */
    const withDave = (occurredAt: string, utcOffsetMinutes?: number) => {
      const command = act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'dave'], occurredAt });
      return utcOffsetMinutes === undefined
        ? command
        : { ...command, context: { ...command.context, utcOffsetMinutes } };
    };
    it('when the certificate was still valid on the day of the act, then it counts', () => {
      spec
        .given(openedInJune())
        .when(withDave('2019-06-30T23:00:00+08:00'))
        .then([{ type: 'EvidenceCollected' }]);
    });
    it("when the agency's offset is known, then a certificate is judged on the agency's day of the act, however its time is written", () => {
      // 2019-06-30T16:30Z is 2019-07-01 00:30 in China: dave's certificate ended the day before
      const error = spec
        .given(openedInJune())
        .when(withDave('2019-06-30T16:30:00Z', 480))
        .thenFails('certificate_invalid', 422);
      expect(error.details).toMatchObject({ officerId: 'dave', date: '2019-07-01' });
      // the same instant written at +08:00 is refused the same way
      spec.given(openedInJune()).when(withDave('2019-07-01T00:30:00+08:00')).thenFails('certificate_invalid', 422);
    });
    it('when the recorder of a field act is suspended, or not registered in the agency, then refused, whoever the act names (持证上岗)', () => {
      const byEve = spec
        .given(open())
        .when(
          act(
            'EvidenceCollected',
            { description: 'x' },
            { officers: ['alice', 'bob'], actor: { sub: 'eve', agency: 'county-justice', roles: ['officer'] } },
          ),
        )
        .thenFails('certificate_invalid', 422);
      expect(byEve.details).toMatchObject({ officerId: 'eve' });
      spec
        .given(open())
        .when(
          act(
            'EvidenceCollected',
            { description: 'x' },
            { officers: ['alice', 'bob'], actor: { sub: 'nobody', agency: 'county-justice', roles: ['officer'] } },
          ),
        )
        .thenFails('officer_unknown', 422);
      // the head is not held to it
      spec
        .given(open())
        .when(act('CaseMarkedComplex', { reason: '案情复杂' }, { actor: actors.head }))
        .then([{ type: 'CaseMarkedComplex' }]);
    });
    it('when a suspended officer records, as an officer, an act the head may record too, then certificate_invalid; with the head’s role besides, the act is the head’s and recorded', () => {
      const eve = { sub: 'eve', agency: 'county-justice', roles: ['officer'] };
      for (const [type, data] of [
        ['CaseMarkedComplex', { reason: '案情复杂' }],
        ['CounselOpinionRecorded', { counsel: 'alice', opinion: '意见', givenOn: '2019-09-20' }],
      ] as const) {
        const error = spec
          .given(open())
          .when(act(type, data as never, { actor: eve }))
          .thenFails('certificate_invalid', 422);
        expect(error.details).toMatchObject({ officerId: 'eve' });
      }
      spec
        .given(open())
        .when(act('CaseMarkedComplex', { reason: '案情复杂' }, { actor: { ...eve, roles: ['officer', 'admin'] } }))
        .then([{ type: 'CaseMarkedComplex' }]);
    });
    it('when an officer is suspended, then certificate_invalid', () => {
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'eve'] }))
        .thenFails('certificate_invalid');
    });
    it('when an officer is not registered, then officer_unknown; on an on-site act with one other, two_officers_required', () => {
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'bob', 'nobody'] }))
        .thenFails('officer_unknown');
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'nobody'] }))
        .thenFails('two_officers_required');
    });
    it('when credentials were not shown on an inspection, then credentials_not_shown', () => {
      spec
        .given(open())
        .when(act('OnSiteInspectionRecorded', { ...inspection, credentialsShown: false }))
        .thenFails('credentials_not_shown');
    });
    it('when the party was not told the grounds and rights, then party_not_notified', () => {
      spec
        .given(open())
        .when(act('OnSiteInspectionRecorded', { ...inspection, partyNotified: false }))
        .thenFails('party_not_notified');
    });
  });

  describe('whole-process recording', () => {
    const recordedActData = {
      PropertySeized: { items: '设备两台', legalBasis: '第二十条' },
      ForcedDemolition: { target: '违章棚屋', legalBasis: '第四十四条' },
    };
    it.each(['PropertySeized', 'ForcedDemolition'] as const)(
      'when %s has a video recording, then it is recorded',
      (type) => {
        const data = recordedActData[type];
        spec
          .given(open())
          .when(act(type, data as never, { media: [video] }))
          .then([{ type, media: [video] }]);
      },
    );
    it.each(['PropertySeized', 'ForcedDemolition'] as const)(
      'when %s has only photos, then recording_required',
      (type) => {
        const data = recordedActData[type];
        spec
          .given(open())
          .when(act(type, data as never, { media: [photo] }))
          .thenFails('recording_required', 422);
      },
    );
    it('when an audio recording is attached to a seizure, then it counts as a recording', () => {
      const audio = { ...video, contentType: 'audio/mpeg' };
      spec
        .given(open())
        .when(act('PropertySeized', { items: 'x', legalBasis: 'y' }, { media: [audio] }))
        .then([{ type: 'PropertySeized' }]);
    });
    it.each(['left', 'public_notice'] as const)(
      'when a document is served by %s without any evidence, then recording_required',
      (method) => {
        spec
          .given(open())
          .when(act('DocumentServed', { document: '处罚告知书', method }))
          .thenFails('recording_required');
      },
    );
    it('when a document is served by leaving it with a photo, then it is recorded; direct service needs none', () => {
      spec
        .given(open())
        .when(act('DocumentServed', { document: '处罚告知书', method: 'left' }, { media: [photo] }))
        .then([{ type: 'DocumentServed' }]);
      spec
        .given(open())
        .when(act('DocumentServed', { document: '处罚告知书', method: 'direct' }))
        .then([{ type: 'DocumentServed' }]);
    });
  });

  describe('legal review of major decisions (无审核不决定)', () => {
    it('when a major fine is decided after an approved review of the same amount, then the decision is recorded as major', () => {
      const given = record(opened(), proposeFine(2_000_000), review('approved'));
      spec
        .given(given)
        .when(decideFine(2_000_000))
        .then([{ type: 'DecisionIssued', data: { major: true, fineFen: 2_000_000 } }]);
    });
    it('when a major decision is dated before the review that cleared it, by its time or its day, then date_invalid', () => {
      const late = (occurredAt: string) =>
        act(
          'LegalReviewCompleted',
          { outcome: 'approved', opinion: '审核意见', checks: CHECKS_PASSED },
          {
            actor: actors.rita,
            occurredAt,
          },
        );
      // decided 2019-09-27, issued that day at 09:30: a review completed at 10:00 the same day came after it
      const sameDay = record(opened(), proposeFine(2_000_000), late('2019-09-27T10:00:00+08:00'));
      spec.given(sameDay).when(decideFine(2_000_000)).thenFails('date_invalid', 422);
      // issued after the review, but stating a day of decision before it
      const dayAfter = record(opened(), proposeFine(2_000_000), late('2019-09-28T08:00:00+08:00'));
      const backDated = act(
        'DecisionIssued',
        { decisionType: 'fine', fineFen: 2_000_000, legalBasis: 'b', documentNo: 'n', decidedOn: '2019-09-27' },
        { occurredAt: '2019-09-28T09:00:00+08:00' },
      );
      spec.given(dayAfter).when(backDated).thenFails('date_invalid', 422);
      // at or after the review, it follows
      const before = record(opened(), proposeFine(2_000_000), late('2019-09-27T09:30:00+08:00'));
      spec
        .given(before)
        .when(decideFine(2_000_000))
        .then([{ type: 'DecisionIssued', data: { major: true } }]);
    });
    it('when a resolution upheld the proposal, then the decision comes after the resolution', () => {
      const given = record(
        opened(),
        proposeFine(2_000_000),
        review('rejected'),
        proposalUpheld({ occurredAt: '2019-09-30T09:00:00+08:00' }),
      );
      spec.given(given).when(decideFine(2_000_000)).thenFails('date_invalid', 422);
      spec
        .given(given)
        .when(decideFine(2_000_000, '2019-09-30'))
        .then([{ type: 'DecisionIssued' }]);
    });
    it('when a decision states a day of decision after the day it is issued, then date_invalid', () => {
      const later = act(
        'DecisionIssued',
        { decisionType: 'warning', legalBasis: 'b', documentNo: 'n', decidedOn: '2019-09-27' },
        { occurredAt: '2019-09-20T09:30:00+08:00' },
      );
      spec.given(open()).when(later).thenFails('date_invalid', 422);
    });
    it("when the agency's offset is known, then a decision written in UTC is issued on the agency's day: its day of decision may be that day", () => {
      // 2019-09-20T23:00Z is 2019-09-21 07:00 in China
      const issued = act(
        'DecisionIssued',
        { decisionType: 'warning', legalBasis: 'b', documentNo: 'n', decidedOn: '2019-09-21' },
        { occurredAt: '2019-09-20T23:00:00Z' },
      );
      spec
        .given(open())
        .when({ ...issued, context: { ...issued.context, utcOffsetMinutes: 480, recordedAt: '2019-09-21T00:00:00Z' } })
        .then([{ type: 'DecisionIssued' }]);
      spec.given(open()).when(issued).thenFails('date_invalid', 422);
    });
    it('when a major fine is decided with no review, then legal_review_required', () => {
      spec.given(open()).when(decideFine(2_000_000)).thenFails('legal_review_required', 409);
    });
    it('when the approved amount differs from the decision, then legal_review_required', () => {
      spec
        .given(record(opened(), proposeFine(2_000_000), review('approved')))
        .when(decideFine(2_500_000))
        .thenFails('legal_review_required');
    });
    it('when the proposal changed after the approval, then a new review is needed', () => {
      const given = record(opened(), proposeFine(2_000_000), review('approved'), proposeFine(3_000_000));
      spec.given(given).when(decideFine(3_000_000)).thenFails('legal_review_required');
    });
    it.each(['rejected', 'returned'] as const)('when the review was %s, then the decision is blocked', (outcome) => {
      spec
        .given(record(opened(), proposeFine(2_000_000), review(outcome)))
        .when(decideFine(2_000_000))
        .thenFails('legal_review_required');
    });
    it('when the agency head resolves a disagreement in favour of the proposal, then the decision may follow it', () => {
      const given = record(opened(), proposeFine(2_000_000), review('rejected'), proposalUpheld());
      spec
        .given(given)
        .when(decideFine(2_000_000))
        .then([{ type: 'DecisionIssued' }]);
    });
    it('when the review returned the file for supplement, then no coordination settles it: the file is reviewed again', () => {
      const returned = record(opened(), proposeFine(2_000_000), review('returned'));
      const refused = spec.given(returned).when(proposalUpheld()).thenFails('no_disagreement', 409);
      expect(refused.message).toContain('退回补充');
      // supplemented and requested again, the new review decides
      spec
        .given(record(opened(), proposeFine(2_000_000), review('returned'), proposeFine(2_000_000), review('approved')))
        .when(decideFine(2_000_000))
        .then([{ type: 'DecisionIssued' }]);
    });
    it('when the head upholds the review opinion, then the decision stays blocked', () => {
      const given = record(
        opened(),
        proposeFine(2_000_000),
        review('rejected'),
        act(
          'ReviewDisagreementResolved',
          { outcome: 'review_upheld', reasoning: '采纳审核意见' },
          { actor: actors.head },
        ),
      );
      spec.given(given).when(decideFine(2_000_000)).thenFails('legal_review_required');
    });
    it.each(['proposal_upheld', 'review_upheld'] as const)(
      'when a disagreement resolved with %s is resolved again, then no_disagreement; a new request opens a new one',
      (first) => {
        const resolve = (outcome: 'proposal_upheld' | 'review_upheld') =>
          act('ReviewDisagreementResolved', { outcome, reasoning: '集体讨论决定' }, { actor: actors.head });
        const resolved = record(opened(), proposeFine(2_000_000), review('rejected'), resolve(first));
        spec.given(resolved).when(resolve('proposal_upheld')).thenFails('no_disagreement', 409);
        spec.given(resolved).when(resolve('review_upheld')).thenFails('no_disagreement', 409);
        spec
          .given(
            record(
              opened(),
              proposeFine(2_000_000),
              review('rejected'),
              resolve(first),
              proposeFine(1_500_000),
              review('rejected'),
            ),
          )
          .when(resolve('proposal_upheld'))
          .then([{ type: 'ReviewDisagreementResolved' }]);
      },
    );
    it('when whoever handled the case or gave the opinion in dispute settles it, then coordinator_not_independent', () => {
      const rejected = record(opened(), proposeFine(2_000_000), review('rejected'));
      const settle = (sub: string) =>
        act(
          'ReviewDisagreementResolved',
          { outcome: 'proposal_upheld', reasoning: '集体讨论决定' },
          { actor: { ...actors.head, sub } },
        );
      // alice opened the case and asked for the review; rita gave the opinion: neither settles the disagreement
      const byHandler = spec.given(rejected).when(settle('alice')).thenFails('coordinator_not_independent', 422);
      expect(byHandler.message).toContain('handled this case');
      const byReviewer = spec.given(rejected).when(settle('rita')).thenFails('coordinator_not_independent', 422);
      expect(byReviewer.message).toContain('review opinion in dispute');
      spec
        .given(rejected)
        .when(settle('head'))
        .then([{ type: 'ReviewDisagreementResolved' }]);
    });
    it('when there is no disagreement to resolve, then no_disagreement; only the head (admin) may resolve', () => {
      spec
        .given(record(opened(), proposeFine(2_000_000), review('approved')))
        .when(act('ReviewDisagreementResolved', { outcome: 'proposal_upheld', reasoning: 'x' }, { actor: actors.head }))
        .thenFails('no_disagreement', 409);
      spec
        .given(record(opened(), proposeFine(2_000_000), review('rejected')))
        .when(act('ReviewDisagreementResolved', { outcome: 'proposal_upheld', reasoning: 'x' }))
        .thenFails('forbidden', 403);
    });
    it('when the decision type alone is major (business suspension), then a review is required whatever the amount', () => {
      spec
        .given(open())
        .when(
          act('DecisionIssued', {
            decisionType: 'business_suspension',
            legalBasis: 'x',
            documentNo: 'n',
            decidedOn: '2019-09-27',
          }),
        )
        .thenFails('legal_review_required');
    });
    it('when the decision is not major, then no review is needed and major is false', () => {
      spec
        .given(open())
        .when(decideFine(50_000))
        .then([{ type: 'DecisionIssued', data: { major: false } }]);
    });
    it('when the proposal reviewed was major, then a smaller decision still needs that review to match', () => {
      spec
        .given(record(opened(), proposeFine(2_000_000)))
        .when(decideFine(50_000))
        .thenFails('legal_review_required');
    });
    it('when the reviewer handles the case, then reviewer_not_independent', () => {
      const given = record(opened(), proposeFine(2_000_000));
      const byHandler = {
        ...review('approved'),
        context: {
          ...context,
          officer: (id: string) =>
            id === 'alice'
              ? { ...context.officer('alice')!, roles: ['officer', 'reviewer'] as const }
              : context.officer(id),
        },
      };
      spec
        .given(given)
        .when({ ...byHandler, act: { ...byHandler.act, actor: { ...actors.alice, roles: ['reviewer'] } } })
        .thenFails('reviewer_not_independent', 422);
    });
    describe('a reviewer who handled the case in any way is not independent (审核人员不得审核自己承办的案件)', () => {
      const byRuth = (outcome: 'approved' | 'returned' = 'approved') => {
        const r = review(outcome);
        return { ...r, act: { ...r.act, actor: actors.ruth } };
      };
      it.each([
        [
          'named on an on-site inspection',
          act('OnSiteInspectionRecorded', inspection, { officers: ['alice', 'ruth'] }),
        ],
        ['the officer who recorded evidence', act('EvidenceCollected', { description: 'x' }, { actor: actors.ruth })],
        [
          'the officer who served a document',
          act(
            'DocumentServed',
            { document: '告知书', method: 'direct' },
            {
              actor: actors.ruth,
              media: [photo],
            },
          ),
        ],
      ])('when the reviewer was %s, then reviewer_not_independent', (_what, handled) => {
        spec
          .given(record(opened(), handled, proposeFine(2_000_000)))
          .when(byRuth())
          .thenFails('reviewer_not_independent', 422);
      });
      it('when the reviewer requested the review, then reviewer_not_independent', () => {
        const requested = proposeFine(2_000_000);
        spec
          .given(record(opened(), { ...requested, act: { ...requested.act, actor: actors.ruth } }))
          .when(byRuth())
          .thenFails('reviewer_not_independent', 422);
      });
      it('when the reviewer only reviewed the case before, then a review of a changed proposal is hers to make', () => {
        spec
          .given(record(opened(), proposeFine(2_000_000), byRuth('returned'), proposeFine(1_500_000)))
          .when(byRuth())
          .then([{ type: 'LegalReviewCompleted', data: { reviewer: 'ruth' } }]);
      });
    });
    it('when the reviewer is not a registered reviewer of the agency, then reviewer_not_qualified', () => {
      const given = record(opened(), proposeFine(2_000_000));
      spec
        .given(given)
        .when({
          ...review('approved'),
          act: { ...review('approved').act, actor: { sub: 'chen', agency: 'county-justice', roles: ['reviewer'] } },
        })
        .thenFails('reviewer_not_qualified');
    });
    it('when someone without the reviewer role completes a review, then forbidden', () => {
      spec
        .given(record(opened(), proposeFine(2_000_000)))
        .when({ ...review('approved'), act: { ...review('approved').act, actor: actors.alice } })
        .thenFails('forbidden', 403);
    });
    it('when approved while a check failed, then review_inconsistent', () => {
      spec
        .given(record(opened(), proposeFine(2_000_000)))
        .when(review('approved', { ...CHECKS_PASSED, evidenceSufficient: false }))
        .thenFails('review_inconsistent', 422);
    });
    it('when approved while a criminal referral is needed, then review_inconsistent naming it', () => {
      const error = spec
        .given(record(opened(), proposeFine(2_000_000)))
        .when(review('approved', { ...CHECKS_PASSED, criminalReferralNeeded: true }))
        .thenFails('review_inconsistent');
      expect(error.details.failed).toEqual(['criminalReferralNeeded']);
    });
    it('when a review is pending, then another request is review_pending; once returned, a revised one is taken', () => {
      const pending = record(opened(), proposeFine(2_000_000));
      spec.given(pending).when(proposeFine(2_100_000)).thenFails('review_pending', 409);
      spec
        .given(record(opened(), proposeFine(2_000_000), review('returned')))
        .when(proposeFine(2_100_000))
        .then([{ type: 'LegalReviewRequested' }]);
    });
    it('when no review was requested, then review_not_requested', () => {
      spec.given(open()).when(review('approved')).thenFails('review_not_requested', 409);
    });
    it('when the review finds a suspected crime, then the case is referred and takes no decision', () => {
      const given = record(
        opened(),
        proposeFine(2_000_000),
        review('rejected', { ...CHECKS_PASSED, criminalReferralNeeded: true }),
      );
      spec.given(given).when(decideFine(2_000_000)).thenFails('act_out_of_order', 409);
      spec
        .given(given)
        .when(act('CaseClosed', { closedOn: '2019-10-08' }))
        .then([{ type: 'CaseClosed' }]);
      // closed with no decision: nothing to exempt from publication
      const closed = [
        ...given,
        ...caseDecider.decide(
          act('CaseClosed', { closedOn: '2019-10-08' }),
          given.reduce(caseDecider.evolve, caseDecider.initialState()),
        ),
      ];
      spec
        .given(closed)
        .when(
          act(
            'DisclosureExempted',
            { ground: 'trade_secret', legalBasis: '《政府信息公开条例》第十五条', reason: '涉及商业秘密' },
            { occurredAt: '2019-10-09T10:00:00+08:00', actor: actors.head },
          ),
        )
        .thenFails('decision_missing', 409);
    });
    it('when a review is recorded, then it carries the reviewer and the proposal it reviewed', () => {
      spec
        .given(record(opened(), proposeFine(2_000_000)))
        .when(review('approved'))
        .then([{ data: { reviewer: 'rita', proposal: { decisionType: 'fine', fineFen: 2_000_000 } } }]);
    });
  });

  describe('disclosure deadlines (7 / 20 working days)', () => {
    it('when a penalty is decided on Friday 2019-09-27, then it is due 7 working days later on 2019-10-12', () => {
      spec
        .given(open())
        .when(decideFine(50_000, '2019-09-27'))
        .then([
          { data: { disclosureWorkingDays: 7, disclosureDueBy: '2019-10-12', calendarBasis: 'official_schedule' } },
        ]);
    });
    it('when an inspection-category decision that is neither a penalty nor a licence is made, then 20 working days apply', () => {
      spec
        .given(record(opened('I-001')))
        .when(
          act('DecisionIssued', { decisionType: 'other', legalBasis: 'x', documentNo: 'n', decidedOn: '2019-09-20' }),
        )
        .then([{ data: { disclosureWorkingDays: 20, disclosureDueBy: '2019-10-23' } }]);
    });
    it('when a penalty or licensing decision is made under an item of another category, then 7 working days apply', () => {
      for (const decisionType of ['warning', 'license_denied'] as const) {
        spec
          .given(record(opened('I-001')))
          .when(act('DecisionIssued', { decisionType, legalBasis: 'x', documentNo: 'n', decidedOn: '2019-09-20' }))
          .then([{ data: { disclosureWorkingDays: 7, disclosureDueBy: '2019-09-30' } }]); // Sunday 29 September a working day
      }
      spec
        .given(record(opened('I-001')))
        .when(
          act('DecisionIssued', {
            decisionType: 'coercive_measure',
            legalBasis: 'x',
            documentNo: 'n',
            decidedOn: '2019-09-20',
          }),
        )
        .then([{ data: { disclosureWorkingDays: 20 } }]);
    });
    it("when the item's legal basis sets its own deadline, then that applies", () => {
      spec
        .given(record(opened('L-002')))
        .when(
          act('DecisionIssued', {
            decisionType: 'license_granted',
            legalBasis: 'x',
            documentNo: 'n',
            decidedOn: '2019-09-27',
          }),
        )
        .then([{ data: { disclosureWorkingDays: 10, disclosureDueBy: '2019-10-16' } }]);
    });
    it('when published by the due date, then on time; after it, late', () => {
      const given = record(opened(), decideFine(50_000, '2019-09-27'));
      spec
        .given(given)
        .when(act('DecisionDisclosed', { publishedOn: '2019-10-12' }))
        .then([{ data: { onTime: true, dueBy: '2019-10-12' } }]);
      spec
        .given(given)
        .when(act('DecisionDisclosed', { publishedOn: '2019-10-14' }))
        .then([{ data: { onTime: false } }]);
    });
    it.each([1.5, -100, Number.MAX_SAFE_INTEGER + 2])(
      'when a fine of %p fen is decided or proposed, then amount_invalid',
      (fen) => {
        spec.given(open()).when(decideFine(fen)).thenFails('amount_invalid', 422);
        spec.given(open()).when(proposeFine(fen)).thenFails('amount_invalid', 422);
      },
    );
    it('when a fine is decided or proposed with no amount, then fine_amount_required', () => {
      spec.given(open()).when(decideFine(0)).thenFails('fine_amount_required', 422);
      spec.given(open()).when(proposeFine(0)).thenFails('fine_amount_required', 422);
      const unpriced = act('LegalReviewRequested', {
        proposed: { decisionType: 'fine', legalBasis: '《律师法》第五十条' },
      });
      spec.given(open()).when(unpriced).thenFails('fine_amount_required', 422);
    });
    it.each(['warning', 'coercive_measure'] as const)(
      'when a %s is decided or proposed with an amount, then amount_not_applicable; with 0 or none, it is recorded',
      (decisionType) => {
        const terms = { decisionType, legalBasis: '《律师法》第五十条' };
        const decided = (fineFen?: number) =>
          act('DecisionIssued', {
            ...terms,
            ...(fineFen === undefined ? {} : { fineFen }),
            documentNo: '县司告〔2019〕1号',
            decidedOn: '2019-09-27',
          });
        const proposed = (fineFen?: number) =>
          act('LegalReviewRequested', { proposed: { ...terms, ...(fineFen === undefined ? {} : { fineFen }) } });
        spec.given(open()).when(decided(50_000)).thenFails('amount_not_applicable', 422);
        spec.given(open()).when(proposed(50_000)).thenFails('amount_not_applicable', 422);
        spec
          .given(open())
          .when(decided())
          .then([{ type: 'DecisionIssued' }]);
        spec
          .given(open())
          .when(decided(0))
          .then([{ type: 'DecisionIssued' }]);
        spec
          .given(open())
          .when(proposed())
          .then([{ type: 'LegalReviewRequested' }]);
      },
    );
    it('when a confiscation or another decision names an amount, then it is recorded', () => {
      for (const decisionType of ['confiscation', 'other'] as const) {
        const decided = act('DecisionIssued', {
          decisionType,
          fineFen: 120_000,
          legalBasis: '《律师法》第五十条',
          documentNo: '县司罚〔2019〕2号',
          decidedOn: '2019-09-27',
        });
        spec
          .given(open())
          .when(decided)
          .then([{ type: 'DecisionIssued', data: { fineFen: 120_000 } }]);
      }
    });
    it('when a decision names an issued document that is not among its media, then decision_document_not_attached; among them, it is recorded', () => {
      const issued = (media: (typeof photo)[]) =>
        act(
          'DecisionIssued',
          {
            decisionType: 'warning',
            legalBasis: '《律师法》第五十条',
            documentNo: '县司罚〔2019〕42号',
            decidedOn: '2019-09-27',
            documentSha256: photo.sha256,
          },
          { media },
        );
      spec.given(open()).when(issued([])).thenFails('decision_document_not_attached', 422);
      spec
        .given(open())
        .when(issued([video]))
        .thenFails('decision_document_not_attached', 422);
      spec
        .given(open())
        .when(issued([photo]))
        .then([{ type: 'DecisionIssued', data: { documentSha256: photo.sha256 } }]);
    });
  });

  describe('status machine', () => {
    const disclosed = () =>
      record(opened(), decideFine(50_000), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
    it('when disclosing before any decision, then decision_missing', () => {
      spec
        .given(open())
        .when(act('DecisionDisclosed', { publishedOn: '2019-10-08' }))
        .thenFails('decision_missing', 409);
    });
    it('when deciding twice, then act_out_of_order', () => {
      spec
        .given(record(opened(), decideFine(50_000)))
        .when(decideFine(50_000))
        .thenFails('act_out_of_order');
    });
    it('when closing before the decision is published, then case_not_closable', () => {
      spec
        .given(record(opened(), decideFine(50_000)))
        .when(act('CaseClosed', { closedOn: '2019-10-08' }))
        .thenFails('case_not_closable', 409);
    });
    it('when a closed case gets a new act, then case_closed; corrections and disclosure changes are still accepted', () => {
      const events = disclosed();
      const closedCase = [
        ...events,
        ...caseDecider.decide(
          act('CaseClosed', { closedOn: '2019-10-09' }),
          events.reduce(caseDecider.evolve, caseDecider.initialState()),
        ),
      ];
      spec
        .given(closedCase)
        .when(act('EvidenceCollected', { description: 'x' }))
        .thenFails('case_closed', 409);
      spec
        .given(closedCase)
        .when(
          act('RecordCorrected', {
            corrects: events[1]!.id,
            reason: '文书编号笔误',
            data: { documentNo: '县司罚〔2019〕43号' },
          }),
        )
        .then([{ type: 'RecordCorrected' }]);
      spec
        .given(closedCase)
        .when(act('DisclosureWithdrawn', { reason: '复议撤销' }))
        .then([{ type: 'DisclosureWithdrawn' }]);
      spec
        .given(closedCase)
        .when(act('DisclosureUpdated', { reason: '诉讼变更' }))
        .then([{ type: 'DisclosureUpdated' }]);
    });
    it('when a published member names a person party, then personal_data_published, as the act is refused; the masked name or another word passes', () => {
      const named = (command: { act: RecordAct; context: CaseContext }, names = [' 张三 ', 'John Smith', '李']) => ({
        ...command,
        context: { ...command.context, persons: names.map((name) => ({ name })) },
      });
      const withBasis = (legalBasis: string, documentNo = '县司罚〔2019〕42号') =>
        named(
          act('DecisionIssued', {
            decisionType: 'fine',
            fineFen: 50_000,
            legalBasis,
            documentNo,
            decidedOn: '2019-09-27',
          }),
        );
      spec.given(open()).when(withBasis('《律师法》第五十条；当事人张三')).thenFails('personal_data_published', 422);
      spec
        .given(open())
        .when(withBasis('《律师法》第五十条', '县司罚〔2019〕张三2号'))
        .thenFails('personal_data_published');
      // Latin letters in any case; a one-character name is not looked for
      spec.given(open()).when(withBasis('per JOHN SMITH')).thenFails('personal_data_published');
      spec
        .given(open())
        .when(withBasis('《律师法》第五十条；当事人张*，李某'))
        .then([{ type: 'DecisionIssued' }]);
      const events = disclosed();
      spec
        .given(events)
        .when(named(act('DisclosureWithdrawn', { reason: '张三申请撤销' })))
        .thenFails('personal_data_published');
      spec
        .given(events)
        .when(named(act('DisclosureUpdated', { reason: '更正张三的地址' })))
        .thenFails('personal_data_published');
      spec
        .given(events)
        .when(named(act('DisclosureUpdated', { reason: '当事人申请更正' })))
        .then([{ type: 'DisclosureUpdated' }]);
      // acts the disclosure does not print, and no names to look for (an erased case), are not checked
      spec
        .given(open())
        .when(named(act('EvidenceCollected', { description: '张三的询问笔录' })))
        .then([{ type: 'EvidenceCollected' }]);
      spec
        .given(events)
        .when(named(act('DisclosureWithdrawn', { reason: '张三申请撤销' }), []))
        .then([{ type: 'DisclosureWithdrawn' }]);
    });
    it("when a published member holds a person party's passport number, phone or address as recorded, then personal_data_published; values of fewer than four characters are not looked for", () => {
      const person = {
        name: '约翰',
        idNumber: 'E12345678',
        phone: '0351-7654321',
        address: '太原市小店区某某路18号',
      };
      const withPersons = (command: { act: RecordAct; context: CaseContext }, persons: object[] = [person]) => ({
        ...command,
        context: { ...command.context, persons },
      });
      const events = disclosed();
      // as recorded; written apart, with dashes, in full-width digits; the address by its street and number alone
      for (const reason of [
        '护照号e12345678有误',
        '地址 太原市小店区某某路18号 已变更',
        '联系电话0351-7654321',
        '约 翰申请更正',
        '护照号 E-1234-5678',
        '电话０３５１７６５４３２１',
        '某某路 18 号的住所',
      ]) {
        spec
          .given(events)
          .when(withPersons(act('DisclosureUpdated', { reason })))
          .thenFails('personal_data_published', 422);
      }
      spec
        .given(events)
        .when(withPersons(act('DisclosureUpdated', { reason: '当事人申请更正住址' })))
        .then([{ type: 'DisclosureUpdated' }]);
      spec
        .given(events)
        .when(withPersons(act('DisclosureUpdated', { reason: '某村A12更正' }), [{ address: '某村', idNumber: 'A12' }]))
        .then([{ type: 'DisclosureUpdated' }]);
      // an address without a number names a place, not a home: a regulation of the district is not refused
      spec
        .given(events)
        .when(
          withPersons(act('DisclosureUpdated', { reason: '依据《太原市小店区市容管理规定》更正' }), [
            { name: '约翰', address: '太原市小店区' },
          ]),
        )
        .then([{ type: 'DisclosureUpdated' }]);
    });
    it('when withdrawing a disclosure that never happened, then not_disclosed', () => {
      spec
        .given(record(opened(), decideFine(50_000)))
        .when(act('DisclosureWithdrawn', { reason: 'x' }))
        .thenFails('not_disclosed', 409);
    });
    it('when a correction would change what the rules decided on, then correction_not_allowed; members the act lacks are correction_mismatch; what no rule reads is corrected', () => {
      const events = record(opened(), proposeFine(50_000), review('rejected'), decideFine(50_000));
      const [opening, , rejection, decision] = events;
      const correct = (corrects: string, data: Record<string, unknown>) =>
        act('RecordCorrected', { corrects, reason: '更正', data });
      for (const [target, data, members] of [
        [decision!, { fineFen: 5_000_000 }, ['/data/data/fineFen']],
        [decision!, { decisionType: 'license_revocation', documentNo: 'x' }, ['/data/data/decisionType']],
        [decision!, { decidedOn: '2019-09-01' }, ['/data/data/decidedOn']],
        [rejection!, { outcome: 'approved' }, ['/data/data/outcome']],
        [opening!, { officers: ['alice'], itemCode: 'P-002' }, ['/data/data/itemCode', '/data/data/officers']],
      ] as const) {
        const refused = spec.given(events).when(correct(target.id, data)).thenFails('correction_not_allowed', 422);
        expect(refused.details.members).toEqual(members);
      }
      // a decision has no officers in its data, a review no title
      const foreign = spec
        .given(events)
        .when(correct(decision!.id, { officers: ['alice'] }))
        .thenFails('correction_mismatch', 422);
      expect(foreign.details.members).toEqual(['/data/data/officers']);
      spec
        .given(events)
        .when(correct(rejection!.id, { title: 'x' }))
        .thenFails('correction_mismatch', 422);
      for (const [target, data] of [
        [decision!, { documentNo: '县司罚〔2019〕43号', legalBasis: '《律师法》第五十条第一款' }],
        [rejection!, { opinion: '审核意见（更正）' }],
        [opening!, { title: '某律所未公示执业信息案（更正）' }],
      ] as const) {
        spec
          .given(events)
          .when(correct(target.id, data))
          .then([{ type: 'RecordCorrected' }]);
      }
    });
    it('when a correction names an event outside the case, then correction_target_unknown', () => {
      spec
        .given(open())
        .when(act('RecordCorrected', { corrects: 'ffffffff-0000-7000-8000-000000000000', reason: 'x', data: {} }))
        .thenFails('correction_target_unknown', 422);
    });
    it('when acting on a case that does not exist, then not_found', () => {
      spec
        .given([])
        .when(act('EvidenceCollected', { description: 'x' }))
        .thenFails('not_found', 404);
    });
    it('when publishing before the decision date, then date_invalid', () => {
      spec
        .given(record(opened(), decideFine(50_000, '2019-09-27')))
        .when(act('DecisionDisclosed', { publishedOn: '2019-09-26' }))
        .thenFails('date_invalid');
    });
  });

  describe('acts in their order of time: none before the act it answers or follows, none naming a later day than its own', () => {
    const at = <C extends { act: RecordAct; context: CaseContext }>(command: C, occurredAt: string) =>
      ({ ...command, act: { ...command.act, occurredAt } }) as C;
    it('when a legal review is stated before its request, then date_invalid; at the same time or later, it is recorded', () => {
      const requested = record(opened(), at(proposeFine(50_000), '2019-09-20T09:30:00+08:00'));
      const refused = spec
        .given(requested)
        .when(at(review('approved'), '2019-09-20T09:29:59+08:00'))
        .thenFails('date_invalid', 422);
      expect(refused.details).toMatchObject({ member: 'occurredAt', requestedAt: '2019-09-20T09:30:00+08:00' });
      spec
        .given(requested)
        .when(at(review('approved'), '2019-09-20T01:30:00Z'))
        .then([{ type: 'LegalReviewCompleted' }]);
    });
    it('when a disagreement is resolved before the review opinion it settles, then date_invalid', () => {
      const disagreed = record(
        opened(),
        at(proposeFine(50_000), '2019-09-20T09:30:00+08:00'),
        at(review('rejected'), '2019-09-23T09:30:00+08:00'),
      );
      spec
        .given(disagreed)
        .when(proposalUpheld({ occurredAt: '2019-09-22T09:30:00+08:00' }))
        .thenFails('date_invalid', 422);
      spec
        .given(disagreed)
        .when(proposalUpheld({ occurredAt: '2019-09-23T10:00:00+08:00' }))
        .then([{ type: 'ReviewDisagreementResolved' }]);
    });
    it('when a publication is withdrawn or updated on a day before it was published, then date_invalid', () => {
      const published = record(opened(), decideFine(50_000), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
      for (const type of ['DisclosureWithdrawn', 'DisclosureUpdated'] as const) {
        spec
          .given(published)
          .when(act(type, { reason: '复议撤销' }, { occurredAt: '2019-10-07T18:00:00+08:00' }))
          .thenFails('date_invalid', 422);
        spec
          .given(published)
          .when(act(type, { reason: '复议撤销' }, { occurredAt: '2019-10-08T18:00:00+08:00' }))
          .then([{ type }]);
      }
    });
    it('when a case is closed on a day before its decision was published, then date_invalid', () => {
      const published = record(opened(), decideFine(50_000), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
      const close = (closedOn: string) => act('CaseClosed', { closedOn }, { occurredAt: '2019-10-20T09:30:00+08:00' });
      expect(spec.given(published).when(close('2019-09-02')).thenFails('date_invalid', 422).details).toMatchObject({
        member: 'closedOn',
        decidedOn: '2019-09-27',
      });
      expect(spec.given(published).when(close('2019-10-07')).thenFails('date_invalid', 422).details).toMatchObject({
        member: 'closedOn',
        publishedOn: '2019-10-08',
      });
      spec
        .given(published)
        .when(close('2019-10-08'))
        .then([{ type: 'CaseClosed' }]);
    });
    it('when an act names a day later than its own (a hearing held, a publication made after the act stating it), then date_invalid', () => {
      spec
        .given(open())
        .when(act('HearingHeld', { heldOn: '2019-09-21' }, { occurredAt: '2019-09-20T23:30:00+08:00' }))
        .thenFails('date_invalid', 422);
      spec
        .given(record(opened(), decideFine(50_000)))
        .when(act('DecisionDisclosed', { publishedOn: '2019-10-20' }, { occurredAt: '2019-10-05T10:00:00+08:00' }))
        .thenFails('date_invalid', 422);
      spec
        .given(open())
        .when(at(decideFine(50_000), '2019-09-26T10:00:00+08:00'))
        .thenFails('date_invalid', 422);
    });
  });

  describe('dates: nothing of a case before it was opened, no case opened in the future', () => {
    const openedOn = (date: string, occurredAt = '2019-09-20T09:30:00+08:00') => {
      const command = opened();
      return {
        ...command,
        act: { ...command.act, occurredAt, data: { ...(command.act.data as object), openedOn: date } },
      } as typeof command;
    };
    it('when an act happens (local date) before the case was opened, then date_invalid; on the opening day it is recorded', () => {
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { occurredAt: '2019-09-01T23:59:00+08:00' }))
        .thenFails('date_invalid', 422);
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { occurredAt: '2019-09-02T00:00:00+08:00' }))
        .then([{ type: 'EvidenceCollected' }]);
    });
    it('when the local date is read from the act, then its own offset counts, not UTC', () => {
      // 2019-09-01T17:00Z is already 2019-09-02 in China
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { occurredAt: '2019-09-02T01:00:00+08:00' }))
        .then([{ type: 'EvidenceCollected' }]);
      spec
        .given(open())
        .when(act('EvidenceCollected', { description: 'x' }, { occurredAt: '2019-09-01T20:00:00-05:00' }))
        .thenFails('date_invalid');
    });
    it("when the agency's offset is known, then an act's day is read on the agency's clock, however its time is written", () => {
      // 2019-09-01T17:00Z is 2019-09-02 01:00 in China, the day the case was opened there
      const atCounty = (occurredAt: string) => ({
        ...act('EvidenceCollected', { description: 'x' }, { occurredAt }),
        context: { ...context, utcOffsetMinutes: 480 },
      });
      spec
        .given(open())
        .when(atCounty('2019-09-01T17:00:00Z'))
        .then([{ type: 'EvidenceCollected' }]);
      spec.given(open()).when(atCounty('2019-09-01T15:59:00Z')).thenFails('date_invalid', 422);
    });
    it('when an act, or a day its data names, falls on a day that has begun nowhere when the service records it, then date_invalid, as is an act stated later than it is recorded; a date on the last day begun somewhere is recorded', () => {
      // 2019-09-20T12:00Z: the day has begun up to 2019-09-21 somewhere (UTC+14), not 2019-09-22 anywhere
      const at = <C extends { act: RecordAct; context: CaseContext }>(
        command: C,
        recordedAt = '2019-09-20T12:00:00Z',
      ) => ({ ...command, context: { ...command.context, recordedAt } }) as C;
      const evidenceOn = (occurredAt: string) => at(act('EvidenceCollected', { description: 'x' }, { occurredAt }));
      spec.given(open()).when(evidenceOn('2019-09-22T00:30:00+08:00')).thenFails('date_invalid', 422);
      // the act's own time is an instant: later than the recording, beyond a few minutes of clock drift, it is refused
      spec.given(open()).when(evidenceOn('2019-09-21T23:30:00+08:00')).thenFails('date_invalid', 422);
      spec.given(open()).when(evidenceOn('2019-09-20T20:06:00+08:00')).thenFails('date_invalid', 422);
      spec
        .given(open())
        .when(evidenceOn('2019-09-20T20:04:59+08:00'))
        .then([{ type: 'EvidenceCollected' }]);
      spec
        .given(open())
        .when(at(act('HearingHeld', { heldOn: '2019-09-22' }, { occurredAt: '2019-09-21T01:00:00+14:00' })))
        .thenFails('date_invalid');
      // stated at 01:00 on the 21st at UTC+14 (11:00 UTC, before it is recorded): held on its own day
      spec
        .given(open())
        .when(at(act('HearingHeld', { heldOn: '2019-09-21' }, { occurredAt: '2019-09-21T01:00:00+14:00' })))
        .then([{ type: 'HearingHeld' }]);
      // without the recording time (a replay, a rule checked alone) only the opening bounds the dates
      spec
        .given(open())
        .when(act('HearingHeld', { heldOn: '2019-09-22' }, { occurredAt: '2019-09-22T09:30:00+08:00' }))
        .then([{ type: 'HearingHeld' }]);
    });
    it("when the agency's offset is known, then a day its data names, or the opening, is bounded by the agency's own date, not by the date at UTC+14", () => {
      // 2019-09-20T12:00Z is 20:00 in China (UTC+8): 2019-09-21 has begun at UTC+14, not yet for a county in China
      const inChina = <C extends { act: RecordAct; context: CaseContext }>(
        command: C,
        recordedAt = '2019-09-20T12:00:00Z',
      ) => ({ ...command, context: { ...command.context, recordedAt, utcOffsetMinutes: 480 } }) as C;
      spec
        .given(open())
        .when(inChina(act('HearingHeld', { heldOn: '2019-09-21' }, { occurredAt: '2019-09-21T01:00:00+14:00' })))
        .thenFails('date_invalid', 422);
      spec
        .given(open())
        .when(inChina(act('HearingHeld', { heldOn: '2019-09-20' }, { occurredAt: '2019-09-20T19:00:00+08:00' })))
        .then([{ type: 'HearingHeld' }]);
      // from 16:00Z the county's 21st has begun
      spec
        .given(open())
        .when(
          inChina(
            act('HearingHeld', { heldOn: '2019-09-21' }, { occurredAt: '2019-09-21T00:00:30+08:00' }),
            '2019-09-20T16:00:00Z',
          ),
        )
        .then([{ type: 'HearingHeld' }]);
      // the act's own time is an instant, whatever its offset: stated at 20:00 in China, written at UTC+14, it is past
      spec
        .given(open())
        .when(inChina(act('EvidenceCollected', { description: 'x' }, { occurredAt: '2019-09-21T02:00:00+14:00' })))
        .then([{ type: 'EvidenceCollected' }]);
      spec
        .given([])
        .when(inChina(openedOn('2019-09-21', '2019-09-20T12:00:00.000Z')))
        .thenFails('date_invalid', 422);
      spec
        .given([])
        .when(inChina(openedOn('2019-09-20', '2019-09-20T12:00:00.000Z')))
        .then([{ type: 'CaseOpened' }]);
    });
    it('when a decision, hearing or closing names a day before the opening, then date_invalid', () => {
      spec.given(open()).when(decideFine(50_000, '2019-09-01')).thenFails('date_invalid');
      spec
        .given(open())
        .when(act('HearingHeld', { heldOn: '2019-08-30' }))
        .thenFails('date_invalid');
    });
    it('when a case is opened on the day it is recorded or earlier, then CaseOpened keeps both: openedOn and the recording time', () => {
      spec
        .given([])
        .when(openedOn('2019-09-20', '2019-09-20T01:30:00.000Z'))
        .then([{ type: 'CaseOpened', occurredAt: '2019-09-20T01:30:00.000Z', data: { openedOn: '2019-09-20' } }]);
    });
    it('when openedOn is after the date of the recording everywhere on Earth, then date_invalid', () => {
      // recorded 2019-09-20T12:00Z: 2019-09-21 has begun at UTC+14 (and in China from 16:00Z), 2019-09-22 nowhere
      spec
        .given([])
        .when(openedOn('2019-09-21', '2019-09-20T12:00:00.000Z'))
        .then([{ type: 'CaseOpened' }]);
      spec.given([]).when(openedOn('2019-09-22', '2019-09-20T12:00:00.000Z')).thenFails('date_invalid', 422);
      spec.given([]).when(openedOn('2019-09-21', '2019-09-20T09:59:59.999Z')).thenFails('date_invalid', 422);
    });
  });

  describe('document numbers (文书号): one names one decision of the agency', () => {
    const holding = (holders: Record<string, string>) => (command: { act: RecordAct; context: CaseContext }) => ({
      ...command,
      context: { ...command.context, documentNumberHolder: (documentNo: string) => holders[documentNo] },
    });
    it('when a decision gives a number another case bears, then document_number_taken naming it; its own or a free one is issued', () => {
      const taken = spec
        .given(record(opened()))
        .when(holding({ '县司罚〔2019〕42号': '2019-041' })(decideFine(50_000)))
        .thenFails('document_number_taken', 409);
      expect(taken.details).toEqual({ heldBy: '2019-041' });
      expect(taken.message).toContain('2019-041');
      const ownOrFree: Record<string, string>[] = [
        { '县司罚〔2019〕42号': '2019-042' },
        { '县司罚〔2019〕41号': '2019-041' },
      ];
      for (const holders of ownOrFree) {
        spec
          .given(record(opened()))
          .when(holding(holders)(decideFine(50_000)))
          .then([{ type: 'DecisionIssued', data: { documentNo: '县司罚〔2019〕42号' } }]);
      }
    });
    it("when a correction gives the decision a number another case bears, then document_number_taken; a number in another act's correction is not read", () => {
      const events = record(opened(), decideFine(50_000));
      const [opening, decision] = events;
      const correct = (corrects: string, data: Record<string, unknown>) =>
        holding({ '县司罚〔2019〕7号': '2019-007' })(act('RecordCorrected', { corrects, reason: '文书号笔误', data }));
      const taken = spec
        .given(events)
        .when(correct(decision!.id, { documentNo: '县司罚〔2019〕7号' }))
        .thenFails('document_number_taken', 409);
      expect(taken.details).toEqual({ heldBy: '2019-007' });
      spec
        .given(events)
        .when(correct(decision!.id, { documentNo: '县司罚〔2019〕8号' }))
        .then([{ type: 'RecordCorrected' }]);
      // an opening has no document number: its correction naming one is refused for that, not for the number
      spec
        .given(events)
        .when(correct(opening!.id, { documentNo: '县司罚〔2019〕7号' }))
        .thenFails('correction_mismatch', 422);
    });
  });

  describe('exemption from publication (国家秘密、商业秘密、个人隐私)', () => {
    const exempt = (occurredAt = '2019-09-30T10:00:00+08:00', actor = actors.head) =>
      act(
        'DisclosureExempted',
        { ground: 'trade_secret', legalBasis: '《政府信息公开条例》第十五条', reason: '涉及当事人商业秘密' },
        { occurredAt, actor },
      );
    const decided = () => record(opened(), decideFine(50_000));
    const recordOn = (events: ReturnType<typeof record>, command: ReturnType<typeof act>) => [
      ...events,
      ...caseDecider.decide(command, events.reduce(caseDecider.evolve, caseDecider.initialState())),
    ];
    it('when the agency head exempts an issued decision, then DisclosureExempted is recorded and the case may close', () => {
      const exempted = spec
        .given(decided())
        .when(exempt())
        .then([{ type: 'DisclosureExempted' }]);
      spec
        .given([...decided(), ...exempted])
        .when(act('CaseClosed', { closedOn: '2019-10-08' }))
        .then([{ type: 'CaseClosed' }]);
    });
    it('when an exempted decision is then disclosed, then act_out_of_order: it is not published', () => {
      const events = recordOn(decided(), exempt());
      spec
        .given(events)
        .when(act('DecisionDisclosed', { publishedOn: '2019-10-08' }))
        .thenFails('act_out_of_order', 409);
      spec.given(events).when(exempt()).thenFails('act_out_of_order', 409);
    });
    it('when no decision is issued yet, then decision_missing', () => {
      spec.given(open()).when(exempt()).thenFails('decision_missing', 409);
    });
    it('when the decision is published, then act_out_of_order; once the publication is withdrawn, it may be exempted', () => {
      const published = recordOn(decided(), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
      spec.given(published).when(exempt()).thenFails('act_out_of_order', 409);
      const withdrawn = recordOn(published, act('DisclosureWithdrawn', { reason: '误公开涉密信息' }));
      spec
        .given(withdrawn)
        .when(exempt())
        .then([{ type: 'DisclosureExempted' }]);
    });
    it('when an officer (not the head) exempts a decision, then forbidden', () => {
      spec.given(decided()).when(exempt(undefined, actors.alice)).thenFails('forbidden', 403);
    });
    it('when the exemption is dated before the decision was made, then date_invalid', () => {
      spec.given(decided()).when(exempt('2019-09-26T10:00:00+08:00')).thenFails('date_invalid', 422);
    });
    /** Neither an update nor another withdrawal of the publication is recorded on `history`: 409 not_disclosed. */
    const neitherUpdatedNorWithdrawn = (history: Parameters<typeof spec.given>[0]) => {
      for (const type of ['DisclosureUpdated', 'DisclosureWithdrawn'] as const) {
        spec
          .given(history)
          .when(act(type, { reason: 'x' }))
          .thenFails('not_disclosed', 409);
      }
    };
    it('when a closed exempted case gets a withdrawal or update of a publication that never was, then not_disclosed', () => {
      const closed = recordOn(recordOn(decided(), exempt()), act('CaseClosed', { closedOn: '2019-10-08' }));
      neitherUpdatedNorWithdrawn(closed);
    });
    it('when a publication withdrawn before the exemption is updated or withdrawn after closing, then not_disclosed', () => {
      const published = recordOn(decided(), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
      const withdrawn = recordOn(published, act('DisclosureWithdrawn', { reason: '误公开涉密信息' }));
      const closed = recordOn(recordOn(withdrawn, exempt()), act('CaseClosed', { closedOn: '2019-10-09' }));
      neitherUpdatedNorWithdrawn(closed);
    });
    it("when a closed case's publication is withdrawn, then its decision may be exempted once, and the case stays closed", () => {
      const published = recordOn(decided(), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
      const closed = recordOn(published, act('CaseClosed', { closedOn: '2019-10-09' }));
      // published and standing: withdraw first
      spec.given(closed).when(exempt('2019-10-10T10:00:00+08:00')).thenFails('act_out_of_order', 409);
      expect(() =>
        caseDecider.decide(
          exempt('2019-10-10T10:00:00+08:00'),
          closed.reduce(caseDecider.evolve, caseDecider.initialState()),
        ),
      ).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ withdrawFirst: 'DisclosureWithdrawn' }) }),
      );
      const withdrawn = recordOn(closed, act('DisclosureWithdrawn', { reason: '误公开涉密信息' }));
      const exempted = recordOn(withdrawn, exempt('2019-10-11T10:00:00+08:00'));
      expect(exempted.at(-1)).toMatchObject({ type: 'DisclosureExempted' });
      const state = exempted.reduce(caseDecider.evolve, caseDecider.initialState());
      expect(state).toMatchObject({ status: 'closed', exempted: true, closedOn: '2019-10-09' });
      // once
      spec.given(exempted).when(exempt('2019-10-12T10:00:00+08:00')).thenFails('act_out_of_order', 409);
      // still closed: nothing but corrections and disclosure changes
      spec
        .given(exempted)
        .when(act('EvidenceCollected', { description: '补充证据' }, { occurredAt: '2019-10-12T10:00:00+08:00' }))
        .thenFails('case_closed', 409);
    });
    it('when a case exempted, then closed, is exempted again, then act_out_of_order', () => {
      const closed = recordOn(recordOn(decided(), exempt()), act('CaseClosed', { closedOn: '2019-10-08' }));
      spec.given(closed).when(exempt('2019-10-09T10:00:00+08:00')).thenFails('act_out_of_order', 409);
    });
    it('when a publication withdrawn on a closed case is updated or withdrawn again, then not_disclosed', () => {
      const published = recordOn(decided(), act('DecisionDisclosed', { publishedOn: '2019-10-08' }));
      const closed = recordOn(published, act('CaseClosed', { closedOn: '2019-10-09' }));
      const withdrawn = recordOn(closed, act('DisclosureWithdrawn', { reason: '复议撤销' }));
      neitherUpdatedNorWithdrawn(withdrawn);
    });
  });
});
