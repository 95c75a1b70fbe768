import { applicationKey, applicationsProjection } from '../../../projections/applications.js';
import { caseFilesProjection, caseKey } from '../../../projections/case-files.js';
import { registryProjection } from '../../../projections/registry.js';
import { RETENTION, retentionProjection, type RetentionDoc } from '../../../projections/retention.js';
import { dueForErasureView } from '../../../src/app/retention-views.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import { act, actors, CHECKS_PASSED, items, opened, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const AGENCY = 'county-justice';
const BASIS = '《律师法》第五十条';
const PROJECTIONS = [registryProjection, caseFilesProjection, retentionProjection, applicationsProjection];

const disclosed = act('DecisionDisclosed', { publishedOn: '2019-09-27' });
const closed = (closedOn: string) => act('CaseClosed', { closedOn }, { occurredAt: `${closedOn}T10:00:00+08:00` });
const warning = act('DecisionIssued', {
  decisionType: 'warning',
  legalBasis: BASIS,
  documentNo: '县司告〔2019〕1号',
  decidedOn: '2019-09-26',
});

function itemEvents(writer: StreamWriter, more: object = {}): EventEnvelope[] {
  return writer.registry(`item-${AGENCY}:P-001`, 'ItemRegistered', { ...items['P-001'], ...more });
}

/** An erasure by its type name only, as the erasure event will be recorded: on the case's stream, or on another. */
function erasure(writer: StreamWriter, stream: string, data: Record<string, unknown>): EventEnvelope[] {
  return writer.seal(stream, [
    {
      id: `erase-${stream}`,
      type: 'CaseDataErased',
      schemaVersion: 1,
      occurredAt: '2050-01-05T10:00:00+08:00',
      actor: { sub: 'head', agency: AGENCY, roles: ['admin'] },
      data,
      media: [],
    },
  ]);
}

const retentionOfCase = (envelopes: EventEnvelope[]) =>
  project(PROJECTIONS, envelopes).get<RetentionDoc>(RETENTION, caseKey(AGENCY, '2019-042'));

describe('the retention projection (保管期限)', () => {
  it('given a case closed under an item that sets no period, then the penalty category gives 30 years from the closing', () => {
    const writer = new StreamWriter();
    const events = record(opened(), warning, disclosed, closed('2019-09-30'));
    const doc = retentionOfCase([...itemEvents(writer), ...writer.caseEvents('2019-042', events)]);
    expect(doc).toMatchObject({
      caseId: '2019-042',
      agency: AGENCY,
      itemCode: 'P-001',
      closedOn: '2019-09-30',
      major: false,
      retention: { period: 30, source: 'category' },
      erasableFrom: '2049-09-30',
      erased: false,
    });
  });

  it('given a case that is not closed, then nothing is kept for it', () => {
    const writer = new StreamWriter();
    const events = record(opened(), warning, disclosed);
    expect(retentionOfCase([...itemEvents(writer), ...writer.caseEvents('2019-042', events)])).toBeUndefined();
  });

  it('given a major case, then it is kept permanently and has no day it becomes erasable', () => {
    const writer = new StreamWriter();
    const fine = { decisionType: 'fine' as const, fineFen: 2_000_000, legalBasis: BASIS };
    const events = record(
      opened(),
      act('LegalReviewRequested', { proposed: fine }),
      act(
        'LegalReviewCompleted',
        { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
        { actor: actors.rita, occurredAt: '2019-09-25T10:00:00+08:00' },
      ),
      act('DecisionIssued', { ...fine, documentNo: '县司罚〔2019〕7号', decidedOn: '2019-09-26' }),
      disclosed,
      closed('2019-09-30'),
    );
    const doc = retentionOfCase([...itemEvents(writer), ...writer.caseEvents('2019-042', events)]);
    expect(doc).toMatchObject({ major: true, retention: { period: 'permanent', source: 'major' }, erased: false });
    expect(doc?.erasableFrom).toBeUndefined();
  });

  it("given the item's own period, then it is the case's, and an amendment after the closing does not change it", () => {
    const writer = new StreamWriter();
    const events = record(opened(), warning, disclosed, closed('2019-09-30'));
    const amended = writer.registry(`item-${AGENCY}:P-001`, 'ItemAmended', {
      changes: { retention: 'permanent' },
      reason: '档案鉴定',
    });
    const doc = retentionOfCase([
      ...itemEvents(writer, { retention: 10 }),
      ...writer.caseEvents('2019-042', events),
      ...amended,
    ]);
    expect(doc).toMatchObject({ retention: { period: 10, source: 'item' }, erasableFrom: '2029-09-30' });
  });

  it('given a CaseDataErased on the case stream, then the case is marked erased with the event', () => {
    const writer = new StreamWriter();
    const events = writer.caseEvents('2019-042', record(opened(), warning, disclosed, closed('2019-09-30')));
    const erased = erasure(writer, events[0]!.stream, { reason: '保管期限届满' });
    const doc = retentionOfCase([...itemEvents(writer), ...events, ...erased]);
    expect(doc).toMatchObject({ erased: true, erasure: { eventId: erased[0]!.id } });
  });

  it('given a case erased before it closed, then its file is erased from the closing on and never due for erasure', () => {
    const writer = new StreamWriter();
    const recorded = record(opened(), warning, disclosed, closed('2019-09-30'));
    const before = writer.caseEvents('2019-042', recorded.slice(0, 3));
    const erased = erasure(writer, before[0]!.stream, { ground: 'consent_withdrawn', reason: '撤回同意' });
    const after = writer.caseEvents('2019-042', recorded.slice(3));
    const doc = retentionOfCase([...itemEvents(writer), ...before, ...erased, ...after]);
    expect(doc).toMatchObject({ closedOn: '2019-09-30', erased: true, erasure: { eventId: erased[0]!.id } });
    expect(dueForErasureView(doc!, '2060-01-01')).toBeUndefined();
  });

  it('given a CaseDataErased on another stream naming the case in its data, then the case is marked erased; one naming another case changes nothing', () => {
    const writer = new StreamWriter();
    const events = writer.caseEvents('2019-042', record(opened(), warning, disclosed, closed('2019-09-30')));
    const other = erasure(writer, `erasure-${AGENCY}:x`, { caseId: '2019-999', reason: '保管期限届满' });
    const before = retentionOfCase([...itemEvents(writer), ...events, ...other]);
    expect(before?.erased).toBe(false);
    const writer2 = new StreamWriter();
    const again = writer2.caseEvents('2019-042', record(opened(), warning, disclosed, closed('2019-09-30')));
    const named = erasure(writer2, `erasure-${AGENCY}:y`, { caseId: '2019-042', agency: AGENCY, reason: '期满' });
    expect(retentionOfCase([...itemEvents(writer2), ...again, ...named])?.erased).toBe(true);
  });

  describe('refused online applications', () => {
    const APPLICATION = '0193a1c2-0000-7000-8000-000000000001';
    const stream = `application-${AGENCY}:${APPLICATION}`;
    const filed = {
      applicationId: APPLICATION,
      agency: AGENCY,
      itemCode: 'P-001',
      applicant: { kind: 'person', name: 'sealed elsewhere' },
      request: '申请',
      attachments: [],
      filedOn: '2020-02-27',
      acceptanceWorkingDays: 5,
      acceptBy: '2020-03-05',
      calendarBasis: 'weekdays',
      lookupHash: 'a'.repeat(64),
    };
    const events: Record<string, Record<string, unknown>> = {
      ApplicationFiled: filed,
      ApplicationRejected: { reason: '材料不齐全', legalBasis: BASIS, rejectedOn: '2020-02-29', onTime: true },
      ApplicationDataErased: { ground: 'retention_expired', reason: '保管期限届满' },
    };
    const applicationEvents = (writer: StreamWriter, types: string[]) =>
      writer.seal(
        stream,
        types.map((type, n) => ({
          id: `app-${n}`,
          type,
          schemaVersion: 1,
          occurredAt: '2020-02-29T10:00:00+08:00',
          actor: { sub: type === 'ApplicationDataErased' ? 'head' : 'alice', agency: AGENCY, roles: ['officer'] },
          data: events[type]!,
          media: [],
        })),
      );
    const retentionOfApplication = (envelopes: EventEnvelope[]) =>
      project(PROJECTIONS, envelopes).get<RetentionDoc>(RETENTION, applicationKey(AGENCY, APPLICATION));

    it('given an application refused on 29 February, then it is kept 10 years from the refusal, to 1 March of a common year', () => {
      const writer = new StreamWriter();
      const envelopes = [
        ...itemEvents(writer),
        ...applicationEvents(writer, ['ApplicationFiled', 'ApplicationRejected']),
      ];
      expect(retentionOfApplication(envelopes)).toEqual({
        kind: 'application',
        applicationId: APPLICATION,
        agency: AGENCY,
        itemCode: 'P-001',
        itemName: items['P-001']!.name,
        closedOn: '2020-02-29',
        major: false,
        retention: { period: 10, source: 'refused_application' },
        erasableFrom: '2030-03-01',
        erased: false,
      });
    });

    it('given an application not decided, then nothing is kept for it; erased after the refusal, then it is marked erased', () => {
      const writer = new StreamWriter();
      const first = applicationEvents(writer, ['ApplicationFiled']);
      expect(retentionOfApplication(first)).toBeUndefined();
      const later = applicationEvents(writer, ['ApplicationRejected', 'ApplicationDataErased']);
      const doc = retentionOfApplication([...first, ...later]);
      expect([doc?.erased, doc?.erasure?.eventId]).toEqual([true, later[1]!.id]);
    });

    it('given an application erased while pending and refused afterwards, then it is erased from the start', () => {
      const writer = new StreamWriter();
      const envelopes = applicationEvents(writer, ['ApplicationFiled', 'ApplicationDataErased', 'ApplicationRejected']);
      expect(retentionOfApplication(envelopes)).toMatchObject({ erased: true, erasableFrom: '2030-03-01' });
    });
  });
});
