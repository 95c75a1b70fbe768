import { caseDecider, type CaseContext } from '../../../src/domain/case/decider.js';
import { REVIEW_WORKING_DAYS, reviewTimeliness } from '../../../src/domain/case/review-limits.js';
import { missingReviewMaterials } from '../../../src/domain/case/rules.js';
import { itemDecider } from '../../../src/domain/registry/items.js';
import { reviewSettingsDecider } from '../../../src/domain/registry/review-settings.js';
import { countStaff, reviewerRatio } from '../../../src/domain/statistics.js';
import { specification } from '../../support/decider-spec.js';
import { act, actors, context, items, opened, record } from '../../support/domain.js';

const spec = specification(caseDecider);
const MATERIALS = ['调查终结报告', '拟处理意见', '证据材料'];
/** P-001 with its submission materials (送审材料) listed. */
const withMaterials: CaseContext = {
  ...context,
  item: (code) => (code === 'P-001' ? { ...items['P-001']!, reviewMaterials: MATERIALS } : items[code]),
};
const request = (materials?: string[]) => {
  const command = act('LegalReviewRequested', {
    proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' },
    ...(materials ? { materials } : {}),
  });
  return { ...command, context: withMaterials };
};

describe('submission materials of a legal review (明确送审材料)', () => {
  it('when the request names every material the item requires, then it is recorded with them', () => {
    spec
      .given(record(opened()))
      .when(request([...MATERIALS, '听证笔录']))
      .then([{ type: 'LegalReviewRequested', data: { materials: [...MATERIALS, '听证笔录'] } }]);
  });

  it('when the request lacks materials the item requires, then review_materials_missing names them', () => {
    const error = spec
      .given(record(opened()))
      .when(request(['拟处理意见']))
      .thenFails('review_materials_missing', 422);
    expect(error.details).toEqual({ missing: ['调查终结报告', '证据材料'] });
    spec.given(record(opened())).when(request()).thenFails('review_materials_missing', 422);
  });

  it('when the item lists no materials, then a request without any is recorded as before', () => {
    spec
      .given(record(opened()))
      .when({ ...request(), context })
      .then([{ type: 'LegalReviewRequested' }]);
  });

  it('when materials are compared, then the missing ones keep the order of the item list', () => {
    expect(missingReviewMaterials(MATERIALS, ['证据材料'])).toEqual(['调查终结报告', '拟处理意见']);
    expect(missingReviewMaterials(undefined, undefined)).toEqual([]);
  });
});

describe('the review time limit (审核时限)', () => {
  it('when a review is requested, then its last day is 5 working days on, counted on the calendar', () => {
    // Friday 2019-09-20: five working days end on Friday 2019-09-27
    expect(REVIEW_WORKING_DAYS).toBe(5);
    spec
      .given(record(opened()))
      .when({ ...request(), context })
      .then([{ type: 'LegalReviewRequested', data: { reviewWorkingDays: 5, reviewDueBy: '2019-09-27' } }]);
  });

  it("when the item sets its own limit, then the request's last day follows it", () => {
    const own: CaseContext = { ...context, item: (code) => ({ ...items[code]!, reviewWorkingDays: 1 }) };
    spec
      .given(record(opened()))
      .when({ ...request(), context: own })
      .then([{ type: 'LegalReviewRequested', data: { reviewWorkingDays: 1, reviewDueBy: '2019-09-23' } }]);
  });

  it("when the agency sets its own limit, then requests follow it unless the item sets one; the item's own wins", () => {
    const agency: CaseContext = { ...context, reviewWorkingDays: 10 };
    // from Friday 2019-09-20: five days to 09-27, Sunday 09-29 (a make-up working day), 09-30, then 10-08 to 10-10
    spec
      .given(record(opened()))
      .when({ ...request(), context: agency })
      .then([{ type: 'LegalReviewRequested', data: { reviewWorkingDays: 10, reviewDueBy: '2019-10-10' } }]);
    const both: CaseContext = { ...agency, item: (code) => ({ ...items[code]!, reviewWorkingDays: 1 }) };
    spec
      .given(record(opened()))
      .when({ ...request(), context: both })
      .then([{ type: 'LegalReviewRequested', data: { reviewWorkingDays: 1, reviewDueBy: '2019-09-23' } }]);
  });

  it('when an agency sets a limit outside 1 to 60 whole working days, or for another agency, then it is refused', () => {
    const settings = specification(reviewSettingsDecider);
    const set = (reviewWorkingDays: number, agency = 'county-justice') =>
      ({ type: 'SetReviewSettings', actor: actors.head, agency, reviewWorkingDays, reason: 'r' }) as const;
    for (const days of [0, 61, 1.5]) settings.given([]).when(set(days)).thenFails('review_deadline_invalid', 422);
    settings.given([]).when(set(10, 'city-market')).thenFails('forbidden', 403);
    settings
      .given([])
      .when({ ...set(10), actor: actors.alice })
      .thenFails('forbidden', 403);
    settings
      .given([])
      .when(set(10))
      .then([{ type: 'ReviewSettingsSet', data: { reviewWorkingDays: 10 } }]);
  });

  it('when a review is judged on a day, then completed by its last day is on time, after it late, open past it overdue', () => {
    const dueBy = '2019-09-27';
    expect(reviewTimeliness({ dueBy }, '2019-09-27')).toBe('pending');
    expect(reviewTimeliness({ dueBy }, '2019-09-28')).toBe('overdue');
    expect(reviewTimeliness({ dueBy, completedOn: '2019-09-27' }, '2019-10-10')).toBe('onTime');
    expect(reviewTimeliness({ dueBy, completedOn: '2019-09-30' }, '2019-10-10')).toBe('late');
    // a completion after the day judged on had not happened yet then
    expect(reviewTimeliness({ dueBy, completedOn: '2019-09-30' }, '2019-09-29')).toBe('overdue');
  });

  it('when a completion stated by the last day was recorded after it, then it is late, and before its recording it was not there', () => {
    const dueBy = '2019-09-27';
    const review = { dueBy, completedOn: '2019-09-26', recordedOn: '2019-10-08' };
    expect(reviewTimeliness(review, '2019-10-10')).toBe('late');
    expect(reviewTimeliness(review, '2019-10-07')).toBe('overdue');
    expect(reviewTimeliness({ ...review, recordedOn: '2019-09-27' }, '2019-10-10')).toBe('onTime');
  });
});

describe("an item's review time limit", () => {
  const items_ = specification(itemDecider);
  const profile = {
    code: 'P-009',
    agency: 'county-justice',
    name: '事项',
    category: 'penalty',
    legalBasis: '依据',
  } as const;
  it('when an item sets a limit outside 1 to 60 whole working days, then review_deadline_invalid', () => {
    for (const reviewWorkingDays of [0, 61, 2.5]) {
      items_
        .given([])
        .when({ actor: actors.head, type: 'RegisterItem', profile: { ...profile, reviewWorkingDays } })
        .thenFails('review_deadline_invalid', 422);
    }
    items_
      .given([])
      .when({ actor: actors.head, type: 'RegisterItem', profile: { ...profile, reviewWorkingDays: 60 } })
      .then([{ type: 'ItemRegistered', data: { reviewWorkingDays: 60 } }]);
  });
});

describe('reviewers at least 5% of enforcement staff, counting qualified reviewers only (法律职业资格)', () => {
  const officer = (officerId: string, roles: ('officer' | 'reviewer')[], qualified = false) => ({
    exists: true,
    status: 'active' as const,
    officerId,
    agency: 'county-justice',
    validFrom: '2018-01-01',
    validTo: '2030-12-31',
    roles,
    ...(qualified ? { legalQualification: { certificateNo: `A-${officerId}`, grantedOn: '2017-09-01' } } : {}),
  });
  it('when a reviewer has no recorded legal qualification, then the ratio counts them, apart from the qualified', () => {
    const staff = Array.from({ length: 19 }, (_, i) => officer(`o${i}`, ['officer']));
    const unqualified = [...staff, officer('rita', ['reviewer'])];
    // 法制审核人员 are those who review (they may clear major decisions): the 5% is of them, qualified or not
    expect(countStaff(unqualified, 'county-justice', '2026-06-30')).toEqual({
      activeOfficers: 20,
      reviewers: 1,
      qualifiedReviewers: 0,
    });
    expect(reviewerRatio(countStaff(unqualified, 'county-justice', '2026-06-30')).meets).toBe(true);
    const qualified = [...staff, officer('rita', ['reviewer'], true)];
    expect(countStaff(qualified, 'county-justice', '2026-06-30')).toEqual({
      activeOfficers: 20,
      reviewers: 1,
      qualifiedReviewers: 1,
    });
    const none = [...staff, officer('o19', ['officer'])];
    expect(reviewerRatio(countStaff(none, 'county-justice', '2026-06-30')).meets).toBe(false);
  });
  it('when a reviewer is qualified after the day asked, then that day counts them among the reviewers, not the qualified', () => {
    const staff = Array.from({ length: 19 }, (_, i) => officer(`o${i}`, ['officer']));
    const rita = officer('rita', ['reviewer'], true);
    const later = { ...rita, legalQualification: { certificateNo: 'A-rita', grantedOn: '2026-07-01' } };
    expect(countStaff([...staff, later], 'county-justice', '2026-06-30')).toEqual({
      activeOfficers: 20,
      reviewers: 1,
      qualifiedReviewers: 0,
    });
    expect(countStaff([...staff, later], 'county-justice', '2026-07-01')).toEqual({
      activeOfficers: 20,
      reviewers: 1,
      qualifiedReviewers: 1,
    });
  });
});
