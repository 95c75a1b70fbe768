import { PROJECTIONS } from '../../../projections/index.js';
import {
  OFFICER_ACTS,
  officerActKey,
  officerActsFrom,
  officerActsProjection,
  type OfficerActDoc,
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
  it('is applied after the case files and keys each act by officer, then date, with no other index', () => {
    const names = PROJECTIONS.map((p) => p.name);
    expect(names.indexOf('officer-acts')).toBeGreaterThan(names.indexOf('case-files'));
    expect(officerActsProjection.collections).toEqual([{ name: OFFICER_ACTS }]);
    const key = officerActKey('county-justice', 'chen', '2019-09-21', 'e-1');
    expect(key.startsWith(officerActsFrom('county-justice', 'chen', ''))).toBe(true);
    expect(key >= officerActsFrom('county-justice', 'chen', '2019-09-21')).toBe(true);
    expect(key < officerActsFrom('county-justice', 'chen', '2019-09-22')).toBe(true);
    expect(key.startsWith(officerActsFrom('county-justice', 'che', ''))).toBe(false); // no officer's prefix of another's
  });

  it('when acts name officers, then each officer named and the recorder have one entry per act, on its local date', () => {
    const writer = new StreamWriter();
    const events = record(opened(), evidence, propose, review);
    const sealed = writer.caseEvents('2019-042', events);
    const docs = project(PROJECTIONS, sealed);
    const byOfficer = (officerId: string) =>
      docs
        .all<OfficerActDoc>(OFFICER_ACTS)
        .filter((d) => d.officerId === officerId)
        .map((d) => [d.type, d.on]);
    // the opening names alice and bob, on the opening date; alice recorded it, counted once
    expect(byOfficer('alice')).toEqual([
      ['CaseOpened', '2019-09-02'],
      ['EvidenceCollected', '2019-09-21'],
      ['LegalReviewRequested', '2019-09-24'],
    ]);
    expect(byOfficer('bob')).toEqual([['CaseOpened', '2019-09-02']]);
    expect(byOfficer('chen')).toEqual([['EvidenceCollected', '2019-09-21']]);
    expect(byOfficer('rita')).toEqual([['LegalReviewCompleted', '2019-09-25']]);
    expect(
      docs.get<OfficerActDoc>(OFFICER_ACTS, officerActKey('county-justice', 'chen', '2019-09-21', sealed[1]!.id)),
    ).toEqual({
      officerId: 'chen',
      agency: 'county-justice',
      caseId: '2019-042',
      eventId: sealed[1]!.id,
      type: 'EvidenceCollected',
      on: '2019-09-21',
    });
  });

  it('when an act comes for a case never opened, then it records nothing', () => {
    const writer = new StreamWriter();
    const [, evidenceEvent] = record(opened(), evidence);
    const docs = project(PROJECTIONS, writer.caseEvents('no-opening', [evidenceEvent!]));
    expect(docs.all(OFFICER_ACTS)).toEqual([]);
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
    expect(project(PROJECTIONS, officer).all(OFFICER_ACTS)).toEqual([]);
  });
});
