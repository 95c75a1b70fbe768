import {
  ACCEPTANCE_WORKING_DAYS,
  applicationDecider,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationRequest,
} from '../../../src/domain/application/application.js';
import type { ItemState } from '../../../src/domain/registry/items.js';
import { specification } from '../../support/decider-spec.js';
import { caseDecider } from '../../../src/domain/case/decider.js';
import { fold } from '../../../src/domain/decider.js';
import { act, actors, calendar, items, record } from '../../support/domain.js';

const spec = specification(applicationDecider);
const AGENCY = 'county-justice';
const ID = '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e60';
const licensing: ItemState = {
  exists: true,
  retired: false,
  code: 'L-001',
  agency: AGENCY,
  name: '律师执业许可',
  category: 'licensing',
  legalBasis: '《律师法》第六条',
};
const pdf = { sha256: 'd'.repeat(64), size: 20_000, contentType: 'application/pdf', name: '申请书.pdf' };
const request: ApplicationRequest = {
  itemCode: 'L-001',
  applicant: { kind: 'person', name: '王小明', phone: '13800000000' },
  request: '申请律师执业证',
  attachments: [pdf],
};

/** Filed on Monday 2026-11-30: five working days later is Monday 2026-12-07. */
const file = (over: Partial<Extract<ApplicationCommand, { type: 'FileApplication' }>> = {}): ApplicationCommand => ({
  type: 'FileApplication',
  applicationId: ID,
  agency: AGENCY,
  application: request,
  filedOn: '2026-11-30',
  lookupHash: 'a'.repeat(64),
  item: licensing,
  calendar,
  ...over,
});
const filed = (): ApplicationEvent[] => applicationDecider.decide(file(), applicationDecider.initialState());
const accept = (acceptedOn: string, actor = actors.alice): ApplicationCommand => ({
  type: 'AcceptApplication',
  actor,
  caseId: ID,
  acceptedOn,
});
const reject = (rejectedOn: string): ApplicationCommand => ({
  type: 'RejectApplication',
  actor: actors.alice,
  reason: '材料不齐全且逾期未补正',
  legalBasis: '《行政许可法》第三十二条',
  rejectedOn,
});

describe('online applications (三(一) 网上受理)', () => {
  it('when an application for a current licensing item is filed, then ApplicationFiled carries its acceptance deadline in working days', () => {
    spec
      .given([])
      .when(file())
      .then([
        {
          type: 'ApplicationFiled',
          data: {
            applicationId: ID,
            agency: AGENCY,
            itemCode: 'L-001',
            attachments: [pdf],
            filedOn: '2026-11-30',
            acceptanceWorkingDays: ACCEPTANCE_WORKING_DAYS,
            acceptBy: '2026-12-07',
            calendarBasis: 'official_schedule',
            lookupHash: 'a'.repeat(64),
          },
        },
      ]);
  });

  it('when the deadline spans a public holiday, then the holiday is not counted', () => {
    // filed Friday 2026-09-25: the National Day holiday (1–7 October) is skipped
    const [event] = applicationDecider.decide(file({ filedOn: '2026-09-25' }), applicationDecider.initialState());
    expect(event).toMatchObject({
      type: 'ApplicationFiled',
      data: { acceptBy: calendar.addWorkingDays('2026-09-25', 5).date },
    });
    expect((event!.data as { acceptBy: string }).acceptBy > '2026-10-07').toBe(true);
  });

  it.each([
    ['a penalty item', items['P-001']],
    ['an item of another agency', { ...licensing, agency: 'city-market' }],
    ['a retired item', { ...licensing, retired: true }],
    ['an unknown item', undefined],
  ])('when the application names %s, then it is refused as item_not_licensing', (_what, item) => {
    spec.given([]).when(file({ item })).thenFails('item_not_licensing', 422);
  });

  it('when an attachment is not a PDF, JPEG or PNG, or there are too many, then it is refused as attachments_invalid', () => {
    const exe = { ...pdf, contentType: 'application/x-msdownload' };
    spec
      .given([])
      .when(file({ application: { ...request, attachments: [exe] } }))
      .thenFails('attachments_invalid', 422);
    const six = Array.from({ length: 6 }, (_, i) => ({ ...pdf, sha256: String(i).repeat(64) }));
    spec
      .given([])
      .when(file({ application: { ...request, attachments: six } }))
      .thenFails('attachments_invalid', 422);
  });

  it('when the same application is filed twice, then the second is refused as application_exists', () => {
    spec.given(filed()).when(file()).thenFails('application_exists', 409);
  });

  it('when an officer accepts within the deadline, then ApplicationAccepted names the case, on time', () => {
    spec
      .given(filed())
      .when(accept('2026-12-07'))
      .then([{ type: 'ApplicationAccepted', data: { caseId: ID, acceptedOn: '2026-12-07', onTime: true } }]);
  });

  it('when an officer refuses after the deadline, then ApplicationRejected records the reason, basis and lateness', () => {
    spec
      .given(filed())
      .when(reject('2026-12-08'))
      .then([
        {
          type: 'ApplicationRejected',
          data: { legalBasis: '《行政许可法》第三十二条', rejectedOn: '2026-12-08', onTime: false },
        },
      ]);
  });

  it('when a case was opened from a filed application whose acceptance is not recorded yet, then a refusal is application_decided', () => {
    spec
      .given(filed())
      .when({ ...reject('2026-12-01'), caseOpened: true } as ApplicationCommand)
      .thenFails('application_decided', 409);
    spec
      .given(filed())
      .when({ ...reject('2026-12-01'), caseOpened: false } as ApplicationCommand)
      .then([{ type: 'ApplicationRejected' }]);
  });
  it('when an accepted application is accepted or refused again, then it is refused as application_decided', () => {
    const accepted = [...filed(), ...applicationDecider.decide(accept('2026-12-01'), stateAfter(filed()))];
    spec.given(accepted).when(reject('2026-12-02')).thenFails('application_decided', 409);
    spec.given(accepted).when(accept('2026-12-02')).thenFails('application_decided', 409);
  });

  it('when someone without the officer role, or of another agency, decides it, then it is refused', () => {
    spec.given(filed()).when(accept('2026-12-01', actors.rita)).thenFails('forbidden', 403);
    spec.given(filed()).when(accept('2026-12-01', actors.olga)).thenFails('forbidden', 403);
  });

  it('when no application was filed, then accepting it is not_found; deciding before the filing day is date_invalid', () => {
    spec.given([]).when(accept('2026-12-01')).thenFails('not_found', 404);
    spec.given(filed()).when(accept('2026-11-29')).thenFails('date_invalid', 422);
  });
});

describe("erasing an applicant's personal data (个人信息保护法 第四十七条)", () => {
  const erase = (
    over: Partial<Extract<ApplicationCommand, { type: 'EraseApplication' }>> = {},
  ): ApplicationCommand => ({
    type: 'EraseApplication',
    actor: actors.head,
    caseOpened: false,
    ground: 'consent_withdrawn',
    reason: '申请人撤回同意',
    ...over,
  });
  const refused = () => [...filed(), ...applicationDecider.decide(reject('2026-12-01'), stateAfter(filed()))];
  const erased = () => [...refused(), ...applicationDecider.decide(erase(), stateAfter(refused()))];

  it('when an admin erases a refused application, then ApplicationDataErased names the ground and reason', () => {
    spec
      .given(refused())
      .when(erase())
      .then([{ type: 'ApplicationDataErased', data: { ground: 'consent_withdrawn', reason: '申请人撤回同意' } }]);
  });

  it('when it was erased already, or opened a case (recorded as accepted or not), then it is refused', () => {
    spec.given(erased()).when(erase()).thenFails('application_erased', 409);
    spec
      .given(filed())
      .when(erase({ caseOpened: true }))
      .thenFails('application_became_case', 409);
    const accepted = [...filed(), ...applicationDecider.decide(accept('2026-12-01'), stateAfter(filed()))];
    spec.given(accepted).when(erase()).thenFails('application_became_case', 409);
  });

  it('when an officer, another agency or no application, then it is refused', () => {
    spec
      .given(refused())
      .when(erase({ actor: actors.alice }))
      .thenFails('forbidden', 403);
    spec
      .given(refused())
      .when(erase({ actor: { ...actors.head, agency: 'city-market' } }))
      .thenFails('forbidden', 403);
    spec.given([]).when(erase()).thenFails('not_found', 404);
  });

  it('when a pending application was erased, then it can be refused but not accepted', () => {
    const pendingErased = [...filed(), ...applicationDecider.decide(erase(), stateAfter(filed()))];
    spec.given(pendingErased).when(accept('2026-12-01')).thenFails('application_erased', 409);
    spec
      .given(pendingErased)
      .when(reject('2026-12-01'))
      .then([{ type: 'ApplicationRejected' }]);
  });
});

describe('a case opened from an application (受理 → 准予/不予行政许可)', () => {
  const fromApplication = () =>
    act('CaseOpened', {
      caseId: ID,
      itemCode: 'L-002',
      title: '律师执业许可（网上申请）',
      openedOn: '2019-09-02',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'person', name: '王小明' }],
      application: ID,
    });
  const decision = (decisionType: 'license_granted' | 'fine') =>
    act('DecisionIssued', {
      decisionType,
      ...(decisionType === 'fine' ? { fineFen: 100_000 } : {}),
      legalBasis: '《律师法》第六条',
      documentNo: '许〔2019〕1号',
      decidedOn: '2019-09-20',
    });

  it('when its decision grants or denies the licence, then it is issued', () => {
    const events = record(fromApplication(), decision('license_granted'));
    expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'DecisionIssued']);
  });

  it('when its decision is anything else, then it is refused as decision_type_invalid', () => {
    const state = fold(caseDecider, record(fromApplication()));
    expect(() => caseDecider.decide(decision('fine'), state)).toThrow(
      expect.objectContaining({ code: 'decision_type_invalid' }),
    );
  });

  it('when a case was not opened from an application, then any decision type remains allowed', () => {
    const { application: _, ...plain } = fromApplication().act.data as { application?: string };
    const events = record(act('CaseOpened', plain as never), decision('fine'));
    expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'DecisionIssued']);
  });
});

function stateAfter(events: ApplicationEvent[]) {
  return events.reduce(applicationDecider.evolve, applicationDecider.initialState());
}
