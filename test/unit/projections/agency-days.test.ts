import { caseKey, type CaseSummaryDoc } from '../../../projections/case-files.js';
import { PROJECTIONS, projectionsFor } from '../../../projections/index.js';
import { OFFICER_DAYS, officerDaysKey, type OfficerDaysDoc } from '../../../projections/officer-acts.js';
import { disclosureDeadlineView, reviewDeadlineView } from '../../../src/app/case-file-views.js';
import { CHINA_STANDARD_TIME, type UtcOffsets } from '../../../src/domain/actor.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import type { Projection } from '../../../src/ports/read-models.js';
import { act, actors, CHECKS_PASSED, context, items, opened, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const AGENCY = 'county-justice';
const BASIS = '《律师法》第五十条';

// 2019-09-24 17:30 UTC is 2019-09-25 01:30 in the county (UTC+8): the acts below are written in UTC, as another
// government system may send them, on the evening before the county's day
const LATE_UTC = '2019-09-24T17:30:00Z';
const AS_OF = '2019-10-31';

function registry(writer: StreamWriter): EventEnvelope[] {
  const officer = (officerId: string) =>
    writer.registry(`officer-${AGENCY}:${officerId}`, 'OfficerRegistered', {
      officerId,
      name: officerId,
      agency: AGENCY,
      certificateNo: `1405-${officerId}`,
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    });
  return [
    ...officer('alice'),
    ...officer('bob'),
    ...writer.registry(`item-${AGENCY}:P-001`, 'ItemRegistered', { ...items['P-001'] }),
  ];
}

/** A case whose review is requested and completed, and whose decision is exempted from publication, in UTC. */
function history() {
  const county = { ...context, utcOffsetMinutes: 8 * 60 };
  const request = act(
    'LegalReviewRequested',
    { proposed: { decisionType: 'warning', legalBasis: BASIS } },
    { occurredAt: '2019-09-23T17:30:00Z', officers: ['alice', 'bob'] },
  );
  const review = act(
    'LegalReviewCompleted',
    { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
    { actor: actors.rita, occurredAt: LATE_UTC },
  );
  const decision = act('DecisionIssued', {
    decisionType: 'warning',
    legalBasis: BASIS,
    documentNo: '县司告〔2019〕1号',
    decidedOn: '2019-09-26',
  });
  const exemption = act(
    'DisclosureExempted',
    { ground: 'state_secret', legalBasis: '《保守国家秘密法》第二十八条', reason: '涉及国家秘密' },
    { actor: actors.head, occurredAt: '2019-09-26T16:10:00Z' },
  );
  return record(
    opened(),
    { ...request, context: county },
    { ...review, context: county },
    { ...decision, context: county },
    { ...exemption, context: county },
  );
}

function caseFile(projections: readonly Projection[]) {
  // recorded after the acts and before AS_OF: the views of AS_OF hold them
  const writer = new StreamWriter(undefined, '2019-09-30T02:00:00.000Z');
  const events = history();
  const docs = project(projections, [...registry(writer), ...writer.caseEvents('2019-042', events)]);
  return {
    file: docs.file(AGENCY, '2019-042')!,
    row: docs.get<CaseSummaryDoc>('cases', caseKey(AGENCY, '2019-042'))!,
    docs,
    events,
  };
}

describe('read models date acts by the agency’s day, as the rules do', () => {
  it('when a review is requested in UTC the evening before the county’s day, then the file counts it from the day its last day was counted from', () => {
    const { row, events } = caseFile(PROJECTIONS);
    const request = events.find((e) => e.type === 'LegalReviewRequested')!;
    // the decider counted the review's last day from the county's 2019-09-24
    const recordedDueBy = (request.data as { reviewDueBy?: string }).reviewDueBy;
    expect(recordedDueBy).toBeDefined();
    expect(reviewDeadlineView(row, AS_OF)).toMatchObject({ requestedOn: '2019-09-24', dueBy: recordedDueBy });
    expect(reviewDeadlineView(row, AS_OF)).toMatchObject({ completedOn: '2019-09-25' });
  });

  it('when a decision is exempted in UTC after the county’s midnight, then its exemption and the case’s last activity are of the county’s day', () => {
    const { file, row } = caseFile(PROJECTIONS);
    expect(file.decision!.exemption).toMatchObject({ occurredAt: '2019-09-26T16:10:00Z', exemptedOn: '2019-09-27' });
    expect(disclosureDeadlineView(row, AS_OF)).toMatchObject({ status: 'exempted', exemptedOn: '2019-09-27' });
    expect(row.lastActivityOn).toBe('2019-09-27');
  });

  it('when an agency keeps UTC (AGENCY_UTC_OFFSETS), then the same acts are of the UTC days', () => {
    const utc: UtcOffsets = { defaultMinutes: 8 * 60, agencies: new Map([[AGENCY, 0]]) };
    const { file, row } = caseFile(projectionsFor(utc));
    expect(reviewDeadlineView(row, AS_OF)).toMatchObject({ requestedOn: '2019-09-23', completedOn: '2019-09-24' });
    expect(file.decision!.exemption).toMatchObject({ exemptedOn: '2019-09-26' });
    expect(row.lastActivityOn).toBe('2019-09-26');
  });

  it('when an officer acts in UTC the evening before the county’s day, then the officer’s day is the county’s', () => {
    const { docs } = caseFile(PROJECTIONS);
    const days = docs.get<OfficerDaysDoc>(OFFICER_DAYS, officerDaysKey(AGENCY, 'alice', '2019'))!.days;
    expect(days).toContain('2019-09-24'); // the request, 2019-09-23T17:30Z
    expect(days).not.toContain('2019-09-23');
  });
});

describe('the projections for the agencies’ offsets', () => {
  const offsetsVersion = (projections: readonly Projection[]) =>
    projections.find((p) => p.name === 'agency-offsets')!.version;

  it('given other offsets, then the read models are outdated (another agency-offsets version); given the same, they are not', () => {
    const a: UtcOffsets = {
      defaultMinutes: 480,
      agencies: new Map([
        ['harbour', 0],
        ['county-a', 300],
      ]),
    };
    const sameInOtherOrder: UtcOffsets = {
      defaultMinutes: 480,
      agencies: new Map([
        ['county-a', 300],
        ['harbour', 0],
      ]),
    };
    const other: UtcOffsets = {
      defaultMinutes: 480,
      agencies: new Map([
        ['harbour', 60],
        ['county-a', 300],
      ]),
    };
    expect(offsetsVersion(projectionsFor(a))).toBe(offsetsVersion(projectionsFor(sameInOtherOrder)));
    expect(offsetsVersion(projectionsFor(a))).not.toBe(offsetsVersion(projectionsFor(other)));
    expect(offsetsVersion(projectionsFor(CHINA_STANDARD_TIME))).not.toBe(offsetsVersion(projectionsFor(a)));
    expect(Number.isSafeInteger(offsetsVersion(projectionsFor(a)))).toBe(true);
  });

  it('given the default offsets, then PROJECTIONS is that list, and agency-offsets writes nothing', () => {
    const listed = projectionsFor(CHINA_STANDARD_TIME);
    expect(PROJECTIONS.map((p) => [p.name, p.version])).toEqual(listed.map((p) => [p.name, p.version]));
    const offsets = PROJECTIONS.find((p) => p.name === 'agency-offsets')!;
    expect(offsets.collections).toEqual([]);
  });
});
