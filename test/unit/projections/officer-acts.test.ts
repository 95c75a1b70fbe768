import { PROJECTIONS } from '../../../projections/index.js';
import {
  agencyActsOn,
  OFFICER_ACTS,
  OFFICER_DAYS,
  officerActKey,
  officerActsProjection,
  officerDaysKey,
  officerYears,
  type OfficerActDoc,
  type OfficerDaysDoc,
} from '../../../projections/officer-acts.js';
import { act, actors, CHECKS_PASSED, opened, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const evidence = act(
  'EvidenceCollected',
  { description: '现场照片' },
  { officers: ['alice', 'chen'], occurredAt: '2019-09-21T23:30:00+08:00' },
);
const propose = act(
  'LegalReviewRequested',
  { proposed: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: '《律师法》第五十条' } },
  { occurredAt: '2019-09-24T10:00:00+08:00' },
);
const review = act(
  'LegalReviewCompleted',
  { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
  { actor: actors.rita, occurredAt: '2019-09-25T10:00:00+08:00' },
);

describe('the officer-acts projection', () => {
  it('is applied after the case files and keys acts by agency, date and id, and days by officer and year, with no other index', () => {
    const names = PROJECTIONS.map((p) => p.name);
    expect(names.indexOf('officer-acts')).toBeGreaterThan(names.indexOf('case-files'));
    expect(officerActsProjection.collections).toEqual([{ name: OFFICER_ACTS }, { name: OFFICER_DAYS }]);
    const key = officerActKey('county-justice', '2019-09-21', 'e-1');
    expect(key.startsWith(agencyActsOn('county-justice', '2019-09-21'))).toBe(true);
    expect(key.startsWith(agencyActsOn('county-justice', '2019-09-2'))).toBe(false); // no date's prefix of another's
    expect(key.startsWith(agencyActsOn('county', '2019-09-21'))).toBe(false);
    expect(officerDaysKey('county-justice', 'chen', '2019').startsWith(officerYears('county-justice', 'chen'))).toBe(
      true,
    );
    expect(officerDaysKey('county-justice', 'chen', '2019').startsWith(officerYears('county-justice', 'che'))).toBe(
      false,
    ); // no officer's prefix of another's
  });

  it('when acts name officers, then each act is kept once with the officers named and the recorder, on its local date, and each officer has the days', () => {
    const writer = new StreamWriter();
    const events = record(opened(), evidence, propose, review);
    const sealed = writer.caseEvents('2019-042', events);
    const docs = project(PROJECTIONS, sealed);
    const acts = docs.all<OfficerActDoc>(OFFICER_ACTS).map((d) => [d.type, d.on, d.officers]);
    // the opening names alice and bob, on the opening date; alice recorded it, counted once
    expect(acts).toEqual([
      ['CaseOpened', '2019-09-02', ['alice', 'bob']],
      ['EvidenceCollected', '2019-09-21', ['alice', 'chen']],
      ['LegalReviewRequested', '2019-09-24', ['alice']],
      ['LegalReviewCompleted', '2019-09-25', ['rita']],
    ]);
    expect(docs.get<OfficerActDoc>(OFFICER_ACTS, officerActKey('county-justice', '2019-09-21', sealed[1]!.id))).toEqual(
      {
        agency: 'county-justice',
        caseId: '2019-042',
        eventId: sealed[1]!.id,
        type: 'EvidenceCollected',
        on: '2019-09-21',
        officers: ['alice', 'chen'],
      },
    );
    const days = (officerId: string) =>
      docs.get<OfficerDaysDoc>(OFFICER_DAYS, officerDaysKey('county-justice', officerId, '2019'))?.days;
    expect(days('alice')).toEqual(['2019-09-02', '2019-09-21', '2019-09-24']);
    expect(days('bob')).toEqual(['2019-09-02']);
    expect(days('chen')).toEqual(['2019-09-21']);
    expect(docs.get(OFFICER_DAYS, officerDaysKey('county-justice', 'rita', '2019'))).toEqual({
      officerId: 'rita',
      agency: 'county-justice',
      year: '2019',
      days: ['2019-09-25'],
    });
  });

  it('when acts come out of the order of their dates, then each officer has every day once, in order, by year', () => {
    const writer = new StreamWriter();
    const on = (occurredAt: string) =>
      act('EvidenceCollected', { description: '笔录' }, { officers: ['alice', 'chen'], occurredAt });
    const events = record(
      opened(),
      on('2020-01-03T10:00:00+08:00'),
      on('2019-12-30T10:00:00+08:00'),
      on('2020-01-03T11:00:00+08:00'),
      on('2019-12-31T10:00:00+08:00'),
      on('2019-12-30T09:00:00+08:00'),
    );
    const docs = project(PROJECTIONS, writer.caseEvents('2019-043', events));
    const days = (year: string) =>
      docs.get<OfficerDaysDoc>(OFFICER_DAYS, officerDaysKey('county-justice', 'chen', year))?.days;
    expect(days('2019')).toEqual(['2019-12-30', '2019-12-31']);
    expect(days('2020')).toEqual(['2020-01-03']);
  });

  it('when an act comes for a case never opened, then it records nothing', () => {
    const writer = new StreamWriter();
    const [, evidenceEvent] = record(opened(), evidence);
    const docs = project(PROJECTIONS, writer.caseEvents('no-opening', [evidenceEvent!]));
    expect(docs.all(OFFICER_ACTS)).toEqual([]);
    expect(docs.all(OFFICER_DAYS)).toEqual([]);
  });

  it('when other streams pass, then they make no entries', () => {
    const writer = new StreamWriter();
    const officer = writer.registry('officer-county-justice:alice', 'OfficerRegistered', {
      officerId: 'alice',
      name: '李执法',
      agency: 'county-justice',
      certificateNo: '1405-alice',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    });
    const docs = project(PROJECTIONS, officer);
    expect(docs.all(OFFICER_ACTS)).toEqual([]);
    expect(docs.all(OFFICER_DAYS)).toEqual([]);
  });
});
