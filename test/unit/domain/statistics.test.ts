import type { DecisionType } from '../../../src/domain/case/acts.js';
import type { CaseContext } from '../../../src/domain/case/decider.js';
import type { ItemState } from '../../../src/domain/registry/items.js';
import type { OfficerState } from '../../../src/domain/registry/officers.js';
import type { CaseFacts } from '../../../src/domain/statistics.js';
import {
  countStaff,
  publicationDeadline,
  publicationStatus,
  reviewerRatio,
  yearlyStatistics,
} from '../../../src/domain/statistics.js';
import { act, actors, CHECKS_PASSED, context, items, officers, photo, record, video } from '../../support/domain.js';

type Command = ReturnType<typeof act>;
const AGENCY = 'county-justice';
const BASIS = '《律师法》第五十条';
/** 20,000 yuan: at or above item P-001's major-decision threshold of 1,000,000 fen. */
const MAJOR_FINE = 2_000_000;

const open = (caseId: string, openedOn = '2019-09-02', itemCode = 'P-001', handling = ['alice', 'bob']) =>
  act(
    'CaseOpened',
    {
      caseId,
      itemCode,
      title: `案件 ${caseId}`,
      openedOn,
      officers: handling,
      parties: [{ kind: 'organization', name: '某某公司' }],
    },
    { occurredAt: `${openedOn}T09:00:00+08:00` },
  );
/** Each act recorded on the day it names. */
const decide = (decisionType: DecisionType, decidedOn: string, fineFen?: number) =>
  act(
    'DecisionIssued',
    { decisionType, fineFen, legalBasis: BASIS, documentNo: '县司罚〔2019〕1号', decidedOn },
    { occurredAt: `${decidedOn}T10:00:00+08:00` },
  );
const disclose = (publishedOn: string) =>
  act('DecisionDisclosed', { publishedOn }, { occurredAt: `${publishedOn}T10:00:00+08:00` });
const propose = (fineFen: number, occurredAt = '2019-09-20T09:30:00+08:00') =>
  act('LegalReviewRequested', { proposed: { decisionType: 'fine', fineFen, legalBasis: BASIS } }, { occurredAt });
const review = (outcome: 'approved' | 'rejected' | 'returned', occurredAt = '2019-09-25T10:00:00+08:00') =>
  act('LegalReviewCompleted', { outcome, opinion: '意见', checks: CHECKS_PASSED }, { actor: actors.rita, occurredAt });
const seize = (occurredAt = '2019-09-20T09:30:00+08:00') =>
  act('PropertySeized', { items: '设备两台', legalBasis: '第二十条' }, { media: [video], occurredAt });

/** A case of the county justice bureau, recorded through the real decider. */
function caseOf(caseId: string, opening: Command, ...later: Command[]): CaseFacts {
  const events = record(opening, ...later);
  const itemCode = (opening.act.data as { itemCode: string }).itemCode;
  return { caseId, agency: AGENCY, itemCategory: items[itemCode]!.category!, events };
}

/** A fine of 100 fen by another agency (the city market bureau), with its own item list and officers. */
function marketCase(): CaseFacts {
  const item: ItemState = { exists: true, retired: false, code: 'M-001', agency: 'city-market', category: 'penalty' };
  const market: CaseContext = {
    ...context,
    item: (code) => (code === 'M-001' ? item : undefined),
    officer: (id) => (['olga', 'oscar'].includes(id) ? { ...officers.olga!, officerId: id } : undefined),
  };
  const inMarket = (command: Command): Command => ({ act: { ...command.act, actor: actors.olga }, context: market });
  const opening = open('M-1', '2019-05-06', 'M-001', ['olga', 'oscar']);
  const events = record(inMarket(opening), inMarket(decide('fine', '2019-05-20', 100)));
  return { caseId: 'M-1', agency: 'city-market', itemCategory: 'penalty', events };
}

const stats = (cases: CaseFacts[], asOf = '2020-01-20', year = 2019) =>
  yearlyStatistics({ agency: AGENCY, year, cases, asOf });

describe('yearlyStatistics (公示: 每年1月20日公开上年度执法数据)', () => {
  it('when there are no cases, then every counter is zero and every category and decision type is listed', () => {
    const result = stats([]);
    expect(result).toEqual({
      agency: AGENCY,
      year: 2019,
      asOf: '2020-01-20',
      casesOpened: {
        total: 0,
        byCategory: { penalty: 0, licensing: 0, coercive: 0, inspection: 0, levy: 0, other: 0 },
      },
      decisions: {
        total: 0,
        byType: expect.objectContaining({ warning: 0, fine: 0, license_granted: 0, other: 0 }),
        major: 0,
        overFailedReview: 0,
        fineFen: 0,
      },
      disclosures: { onTime: 0, late: 0, exempted: 0, missing: 0, pending: 0 },
      exemptions: {
        total: 0,
        byGround: { state_secret: 0, trade_secret: 0, personal_privacy: 0, other_law: 0 },
      },
      legalReviews: { approved: 0, rejected: 0, returned: 0 },
      mandatoryRecordings: { acts: 0, recorded: 0 },
      hearingsHeld: 0,
      caseFileEvaluations: {
        evaluations: 0,
        cases: 0,
        byRule: expect.objectContaining({ factsClear: { points: 0, maxPoints: 0, deductions: 0 } }),
        byItem: {},
      },
    });
    expect(Object.keys(result.decisions.byType)).toHaveLength(10);
    expect(Object.keys(result.caseFileEvaluations.byRule)).toHaveLength(9);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('when cases are opened in the year, then they count by the category of their item', () => {
    const result = stats([
      caseOf('A', open('A')),
      caseOf('B', open('B', '2019-01-02')),
      caseOf('C', open('C', '2019-12-31', 'I-001')),
      caseOf('D', open('D', '2019-06-03', 'L-002')),
    ]);
    expect(result.casesOpened).toEqual({
      total: 4,
      byCategory: { penalty: 2, licensing: 1, coercive: 0, inspection: 1, levy: 0, other: 0 },
    });
  });

  it('when a case was opened in another year or belongs to another agency, then it is not counted', () => {
    const result = stats([
      caseOf('A', open('A', '2018-12-31')),
      caseOf('B', open('B', '2020-01-01')),
      marketCase(),
      caseOf('C', open('C')),
    ]);
    expect(result.casesOpened.total).toBe(1);
    expect(result.decisions.total).toBe(0);
    expect(
      yearlyStatistics({ agency: 'city-market', year: 2019, cases: [marketCase()], asOf: '2020-01-20' }),
    ).toMatchObject({ casesOpened: { total: 1 }, decisions: { total: 1, fineFen: 100 } });
  });

  it('when decisions are made in the year, then they count by type, whatever year their case was opened', () => {
    const result = stats([
      caseOf('A', open('A', '2018-12-10'), decide('warning', '2019-01-08')),
      caseOf('B', open('B'), decide('fine', '2019-09-27', 50_000)),
      caseOf('C', open('C'), decide('confiscation', '2019-10-08')),
      caseOf('D', open('D', '2019-12-02'), decide('fine', '2020-01-03', 70_000)),
    ]);
    expect(result.casesOpened.total).toBe(3);
    expect(result.decisions).toMatchObject({
      total: 3,
      byType: { warning: 1, fine: 1, confiscation: 1, business_suspension: 0 },
    });
    expect(
      stats([caseOf('D', open('D', '2019-12-02'), decide('fine', '2020-01-03', 7))], '2021-01-20', 2020).decisions,
    ).toMatchObject({ total: 1, fineFen: 7 });
  });

  it('when fines of 1 and 2 fen are decided, then the fines total exactly 3 fen; other decisions add nothing', () => {
    const result = stats([
      caseOf('A', open('A'), decide('fine', '2019-09-27', 1)),
      caseOf('B', open('B'), decide('fine', '2019-09-27', 2)),
      caseOf('C', open('C'), decide('warning', '2019-09-27')),
    ]);
    expect(result.decisions.fineFen).toBe(3);
    expect(Number.isInteger(result.decisions.fineFen)).toBe(true);
    expect(stats([caseOf('C', open('C'), decide('warning', '2019-09-27'))]).decisions.fineFen).toBe(0);
  });

  it('when a major fine is decided after an approved review, then it counts as major; a small fine does not', () => {
    const major = caseOf(
      'A',
      open('A'),
      propose(MAJOR_FINE),
      review('approved'),
      decide('fine', '2019-09-27', MAJOR_FINE),
    );
    const minor = caseOf('B', open('B'), decide('fine', '2019-09-27', 50_000));
    expect(stats([major, minor]).decisions).toMatchObject({ total: 2, major: 1, fineFen: 2_050_000 });
    expect(stats([minor]).decisions.major).toBe(0);
  });
});

describe('yearlyStatistics: publication of decisions', () => {
  const decided = (caseId: string, ...after: Command[]) =>
    caseOf(caseId, open(caseId), decide('fine', '2019-09-27', 50_000), ...after);

  it('when a decision is published by its due date, then on time; after it, late', () => {
    const result = stats([decided('A', disclose('2019-10-12')), decided('B', disclose('2019-10-14'))]);
    expect(result.disclosures).toEqual({ onTime: 1, late: 1, exempted: 0, missing: 0, pending: 0 });
  });

  it('when an unpublished decision was due before asOf, then missing; when not yet due, then pending', () => {
    // due 2019-12-31 (7 working days after 2019-12-20); an inspection warning of 2019-12-30 is due 2020-02-04
    const overdue = caseOf('C', open('C'), decide('fine', '2019-12-20', 50_000));
    const notYetDue = caseOf('D', open('D', '2019-12-02', 'I-001'), decide('other', '2019-12-30'));
    expect(stats([overdue, notYetDue]).disclosures).toEqual({
      onTime: 0,
      late: 0,
      exempted: 0,
      missing: 1,
      pending: 1,
    });
    expect(stats([overdue], '2019-12-31').disclosures).toMatchObject({ missing: 0, pending: 1 });
    expect(stats([overdue], '2020-01-01').disclosures).toMatchObject({ missing: 1, pending: 0 });
  });

  it('when asOf falls within the year, then only the cases, decisions, reviews and hearings done by then count', () => {
    const spring = caseOf(
      'G',
      open('G', '2019-03-04'),
      propose(50_000, '2019-03-05T09:30:00+08:00'),
      review('approved', '2019-03-08T10:00:00+08:00'),
    );
    const springDecided = caseOf('G2', open('G2', '2019-03-04'), decide('fine', '2019-03-11', 50_000));
    const autumn = caseOf('H', open('H', '2019-09-02'), decide('fine', '2019-10-08', 70_000));
    const hearing = act('HearingHeld', { heldOn: '2019-09-20' });
    const heard = caseOf('K', open('K', '2019-03-04'), hearing);
    const cases = [spring, springDecided, autumn, heard];
    const mid = stats(cases, '2019-06-30');
    expect(mid.casesOpened.total).toBe(3);
    expect(mid.decisions).toMatchObject({ total: 1, fineFen: 50_000 });
    expect(mid.legalReviews.approved).toBe(1);
    expect(mid.hearingsHeld).toBe(0);
    const whole = stats(cases, '2020-01-20');
    expect(whole.casesOpened.total).toBe(4);
    expect(whole.decisions).toMatchObject({ total: 2, fineFen: 120_000 });
    expect(whole.hearingsHeld).toBe(1);
  });

  it('when a decision is published after asOf, then as of asOf it is not published yet', () => {
    const late = caseOf('C', open('C'), decide('fine', '2019-12-20', 50_000), disclose('2020-02-03'));
    expect(stats([late], '2020-01-20').disclosures).toMatchObject({ late: 0, missing: 1 });
    expect(stats([late], '2020-03-02').disclosures).toMatchObject({ late: 1, missing: 0 });
  });

  it('when an unpublished decision is exempted from publication, then it is exempted (not missing) and counted by ground', () => {
    const exempt = (ground: 'state_secret' | 'personal_privacy', on: string) =>
      act(
        'DisclosureExempted',
        { ground, legalBasis: '《政府信息公开条例》第十四条', reason: '不予公开' },
        { actor: actors.head, occurredAt: `${on}T10:00:00+08:00` },
      );
    const secret = caseOf('E', open('E'), decide('fine', '2019-12-20', 50_000), exempt('state_secret', '2019-12-23'));
    const privacy = caseOf(
      'F',
      open('F'),
      decide('fine', '2019-12-20', 50_000),
      exempt('personal_privacy', '2020-01-06'),
    );
    const result = stats([secret, privacy]);
    expect(result.disclosures).toEqual({ onTime: 0, late: 0, exempted: 2, missing: 0, pending: 0 });
    // exemptions count in the year of the exemption; as of a day before it, the decision is not exempted yet
    expect(result.exemptions).toEqual({
      total: 1,
      byGround: { state_secret: 1, trade_secret: 0, personal_privacy: 0, other_law: 0 },
    });
    expect(stats([privacy], '2020-01-03').disclosures).toMatchObject({ exempted: 0, missing: 1 });
    expect(stats([privacy], '2020-01-20', 2020).exemptions.byGround.personal_privacy).toBe(1);
  });

  it('when a published decision is withdrawn and then exempted from publication, then from the exemption it counts as exempted, before it as published', () => {
    const withdrawn = caseOf(
      'G',
      open('G'),
      decide('fine', '2019-09-27', 50_000),
      disclose('2019-10-12'),
      act('DisclosureWithdrawn', { reason: '涉及国家秘密，撤回公示' }, { occurredAt: '2019-11-04T10:00:00+08:00' }),
      act(
        'DisclosureExempted',
        { ground: 'state_secret', legalBasis: '《保守国家秘密法》第二十八条', reason: '不予公开' },
        { actor: actors.head, occurredAt: '2019-11-05T10:00:00+08:00' },
      ),
    );
    expect(stats([withdrawn]).disclosures).toEqual({ onTime: 0, late: 0, exempted: 1, missing: 0, pending: 0 });
    expect(stats([withdrawn], '2019-11-04').disclosures).toMatchObject({ onTime: 1, exempted: 0 });
  });
});

describe('yearlyStatistics: reviews, recordings, hearings', () => {
  it('when reviews are completed in the year, then they count by outcome; one completed the next year does not', () => {
    const rounds = [
      review('returned'),
      review('rejected'),
      review('approved'),
      review('approved', '2020-01-06T09:00+08:00'),
    ];
    const reviewed = caseOf('A', open('A'), ...rounds.flatMap((r) => [propose(MAJOR_FINE), r]));
    expect(stats([reviewed]).legalReviews).toEqual({ approved: 1, rejected: 1, returned: 1 });
    expect(stats([caseOf('B', open('B'))]).legalReviews).toEqual({ approved: 0, rejected: 0, returned: 0 });
  });

  it("when a review's time is written in UTC, then it counts in the year of the agency's day, as the same instant written at +08:00 does", () => {
    // 2019-12-31T17:00Z is 2020-01-01 01:00 in China
    const inUtc = caseOf('A', open('A'), propose(MAJOR_FINE), review('approved', '2019-12-31T17:00:00Z'));
    const inCounty = caseOf('B', open('B'), propose(MAJOR_FINE), review('approved', '2020-01-01T01:00:00+08:00'));
    const at = (year: number) =>
      yearlyStatistics({ agency: AGENCY, year, cases: [inUtc, inCounty], asOf: '2020-01-20', utcOffsetMinutes: 480 })
        .legalReviews.approved;
    expect([at(2019), at(2020)]).toEqual([0, 2]);
  });

  it('when a seizure and a demolition carry video or audio, then both count as recorded', () => {
    const audio = { ...video, contentType: 'audio/mpeg' };
    const demolish = act('ForcedDemolition', { target: '棚屋', legalBasis: '第四十四条' }, { media: [audio, photo] });
    const evidence = act('EvidenceCollected', { description: '现场录像' }, { media: [video] });
    const result = stats([caseOf('A', open('A'), seize(), demolish, evidence)]);
    expect(result.mandatoryRecordings).toEqual({ acts: 2, recorded: 2 });
  });

  it('when an imported seizure lacks a recording, then it counts as an act without one', () => {
    const events = caseOf('A', open('A'), seize()).events.map((e) =>
      e.type === 'PropertySeized' ? { ...e, media: [photo] } : e,
    );
    expect(stats([{ caseId: 'A', agency: AGENCY, itemCategory: 'penalty', events }]).mandatoryRecordings).toEqual({
      acts: 1,
      recorded: 0,
    });
  });

  it('when a seizure happens the next year, then it counts in that year', () => {
    const facts = caseOf('A', open('A', '2019-12-30'), seize('2020-01-03T10:00:00+08:00'));
    expect(stats([facts]).mandatoryRecordings).toEqual({ acts: 0, recorded: 0 });
    expect(stats([facts], '2021-01-20', 2020).mandatoryRecordings).toEqual({ acts: 1, recorded: 1 });
  });

  it('when hearings are held, then those held in the year count', () => {
    const facts = caseOf(
      'A',
      open('A'),
      act('HearingHeld', { heldOn: '2019-10-10' }),
      act('HearingHeld', { heldOn: '2020-01-06' }),
    );
    expect(stats([facts]).hearingsHeld).toBe(1);
    expect(stats([caseOf('B', open('B'))]).hearingsHeld).toBe(0);
  });

  it('when a decision is corrected, then the counts do not change', () => {
    const decision = decide('fine', '2019-09-27', 50_000);
    // what a correction may change of a decision: what no rule reads (its type and sum are not among them)
    const correction = act('RecordCorrected', {
      corrects: decision.act.id,
      reason: '文书编号笔误',
      data: { documentNo: '县司罚〔2019〕43号' },
    });
    const before = stats([caseOf('A', open('A'), decision)]);
    const after = stats([caseOf('A', open('A'), decision, correction)]);
    expect(after).toEqual(before);
    expect(after.decisions).toMatchObject({ total: 1, byType: { fine: 1, warning: 0 }, fineFen: 50_000 });
  });
});

describe('publication of the yearly statistics (by 20 January)', () => {
  it('when the year is 2019, then the deadline is 2020-01-20', () => {
    expect(publicationDeadline(2019)).toBe('2020-01-20');
    expect(publicationDeadline(2024)).toBe('2025-01-20');
  });

  it.each([
    ['2020-01-20', '2020-02-01', 'published_on_time'],
    ['2020-01-21', '2020-02-01', 'published_late'],
    [undefined, '2020-01-02', 'due'],
    [undefined, '2020-01-20', 'due'],
    [undefined, '2020-01-20T23:59:00+08:00', 'due'],
    [undefined, '2020-01-21', 'overdue'],
    ['2020-01-15', '2020-01-10', 'due'],
    ['2020-01-25', '2020-01-22', 'overdue'],
  ])('when the 2019 figures are published on %s and it is %s, then %s', (publishedOn, asOf, status) => {
    expect(publicationStatus({ year: 2019, publishedOn, asOf })).toBe(status);
  });
});

describe('reviewers at least 5% of enforcement staff (法制审核人员不少于5%)', () => {
  it.each([
    [20, 1, 1, true],
    [20, 0, 1, false],
    [21, 1, 2, false],
    [21, 2, 2, true],
    [60, 3, 3, true], // 0.05 × 60 is 3.0000000000000004 in floating point: ⌈⌉ of that would demand 4
    [1, 0, 1, false],
    [0, 0, 0, true],
  ])('when the agency has %d officers and %d reviewers, then %d are required (meets: %s)', (n, r, required, meets) => {
    expect(reviewerRatio({ activeOfficers: n, reviewers: r })).toEqual({ ratio: n ? r / n : 0, required, meets });
  });

  it('when counting staff, then only active officers of the agency count, reviewers among them', () => {
    const retired: OfficerState = { ...officers.ruth!, officerId: 'rex', status: 'retired' };
    const unregistered: OfficerState = { exists: false, status: 'active' };
    const qualification = { certificateNo: 'A-1', grantedOn: '2017-09-01' };
    const qualified = Object.values(officers).map((o) =>
      o.roles?.includes('reviewer') ? { ...o, legalQualification: qualification } : o,
    );
    const registry = [...qualified, { ...retired, legalQualification: qualification }, unregistered];
    // alice, bob, chen, rita, ruth, dave and liu (an officer who is also the agency's public-sector lawyer) are
    // active here; eve is suspended, olga works for the market bureau
    const on = '2019-03-01';
    expect(countStaff(registry, AGENCY, on)).toEqual({ activeOfficers: 7, reviewers: 2, qualifiedReviewers: 2 });
    expect(countStaff(registry, 'city-market', on)).toEqual({ activeOfficers: 1, reviewers: 0, qualifiedReviewers: 0 });
    expect(countStaff(registry, 'nowhere', on)).toEqual({ activeOfficers: 0, reviewers: 0, qualifiedReviewers: 0 });
    expect(reviewerRatio(countStaff(registry, AGENCY, on))).toEqual({ ratio: 2 / 7, required: 1, meets: true });
  });

  it('when a certified registrant neither enforces nor reviews (a head, a supervisor, a counsel), then they are not enforcement staff', () => {
    const on = '2019-03-01';
    const base = countStaff(Object.values(officers), AGENCY, on);
    const only = (
      officerId: string,
      roles: OfficerState['roles'],
      extra: Partial<OfficerState> = {},
    ): OfficerState => ({
      ...officers.alice!,
      officerId,
      roles,
      ...extra,
    });
    const registry = [
      ...Object.values(officers),
      only('head', ['admin']),
      only('sam', ['supervisor']),
      only('law1', ['supervisor'], { counsel: 'legal_adviser' } as Partial<OfficerState>),
    ];
    expect(countStaff(registry, AGENCY, on)).toEqual(base);
  });

  it('when a certificate has expired or is not yet valid on the day, then its holder counts neither as staff nor as reviewer', () => {
    const qualification = { certificateNo: 'A-1', grantedOn: '2017-09-01' };
    const reviewer = (officerId: string, validFrom: string, validTo: string): OfficerState => ({
      ...officers.rita!,
      officerId,
      validFrom,
      validTo,
      legalQualification: qualification,
    });
    const staff = Array.from({ length: 19 }, (_, i): OfficerState => ({ ...officers.alice!, officerId: `o${i}` }));
    // one reviewer whose certificate ran to the end of 2020, one whose certificate starts in 2021
    const registry = [
      ...staff,
      reviewer('rex', '2018-01-01', '2020-12-31'),
      reviewer('rae', '2021-01-01', '2030-12-31'),
    ];
    expect(countStaff(registry, AGENCY, '2020-12-31')).toEqual({
      activeOfficers: 20,
      reviewers: 1,
      qualifiedReviewers: 1,
    });
    expect(countStaff(registry, AGENCY, '2021-01-01')).toEqual({
      activeOfficers: 20,
      reviewers: 1,
      qualifiedReviewers: 1,
    });
    expect(countStaff(registry, AGENCY, '2017-12-31')).toEqual({
      activeOfficers: 0,
      reviewers: 0,
      qualifiedReviewers: 0,
    });
    // dave's certificate expired on 30 June 2019: from the next day he is not enforcement staff
    expect(countStaff(Object.values(officers), AGENCY, '2019-06-30').activeOfficers).toBe(7);
    expect(countStaff(Object.values(officers), AGENCY, '2019-07-01').activeOfficers).toBe(6);
    const lapsed = [...staff, reviewer('rex', '2018-01-01', '2020-12-31')];
    expect(reviewerRatio(countStaff(lapsed, AGENCY, '2020-12-31')).meets).toBe(true);
    expect(reviewerRatio(countStaff(lapsed, AGENCY, '2021-01-01'))).toEqual({ ratio: 0, required: 1, meets: false });
  });
});
