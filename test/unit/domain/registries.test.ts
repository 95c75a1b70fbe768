import type { Actor } from '../../../src/domain/actor.js';
import { fold } from '../../../src/domain/decider.js';
import type { ItemCommand, ItemEvent, ItemProfile } from '../../../src/domain/registry/items.js';
import { isMajorDecision } from '../../../src/domain/case/rules.js';
import { itemDecider } from '../../../src/domain/registry/items.js';
import type {
  OfficerCommand,
  OfficerEvent,
  OfficerProfile,
  OfficerState,
} from '../../../src/domain/registry/officers.js';
import { certificateValidOn, officerDecider } from '../../../src/domain/registry/officers.js';
import { specification } from '../../support/decider-spec.js';
import { actors } from '../../support/domain.js';

const admin = actors.head;
const otherAdmin: Actor = { sub: 'boss', agency: 'city-market', roles: ['admin'] };
/** when …, then code (status): given these events, this command. */
type Rejection<E, C> = readonly [string, string, number, readonly E[], C];

describe('the officer registry (执法人员名单, 持证上岗)', () => {
  const spec = specification(officerDecider);
  const profile: OfficerProfile = {
    officerId: 'alice',
    name: '张三',
    agency: 'county-justice',
    certificateNo: 'CERT-0001',
    validFrom: '2019-01-01',
    validTo: '2023-12-31',
    roles: ['officer'],
  };
  const register = (changes: Partial<OfficerProfile> = {}, actor = admin): OfficerCommand => ({
    actor,
    type: 'RegisterOfficer',
    profile: { ...profile, ...changes },
  });
  type Changes = Extract<OfficerCommand, { type: 'AmendOfficer' }>['changes'];
  const amend = (changes: Changes, actor = admin): OfficerCommand => ({
    actor,
    type: 'AmendOfficer',
    changes,
    reason: '证件换发',
  });
  type StatusChange = 'SuspendOfficer' | 'ReinstateOfficer' | 'RetireOfficer';
  const change = (type: StatusChange, actor = admin): OfficerCommand => ({ actor, type, reason: '依规处理' });
  const registered: OfficerEvent[] = [{ type: 'OfficerRegistered', data: profile }];
  const suspended: OfficerEvent[] = [...registered, { type: 'OfficerSuspended', data: { reason: 'x' } }];
  const retired: OfficerEvent[] = [...registered, { type: 'OfficerRetired', data: { reason: 'x' } }];
  const EVENT_OF = {
    RegisterOfficer: 'OfficerRegistered',
    AmendOfficer: 'OfficerAmended',
    SuspendOfficer: 'OfficerSuspended',
    ReinstateOfficer: 'OfficerReinstated',
    RetireOfficer: 'OfficerRetired',
    RegisterOfficerKey: 'OfficerKeyRegistered',
    RevokeOfficerKey: 'OfficerKeyRevoked',
  } as const;
  const everyLaterCommand = [
    amend({ name: '李四' }),
    change('SuspendOfficer'),
    change('ReinstateOfficer'),
    change('RetireOfficer'),
  ];

  it('when another officer of the agency in service is listed under the certificate number, then 409 certificate_taken naming them; a number the officer holds already stays theirs', () => {
    const heldByBob = (command: OfficerCommand) => ({ ...command, certificateHeldBy: 'bob' }) as OfficerCommand;
    const refused = spec.given([]).when(heldByBob(register())).thenFails('certificate_taken', 409);
    expect(refused.details).toEqual({ member: 'certificateNo', heldBy: 'bob' });
    spec
      .given(registered)
      .when(heldByBob(amend({ certificateNo: 'CERT-0002' })))
      .thenFails('certificate_taken', 409);
    // the holder found is the officer itself (a retry), or the number is the officer's own written otherwise
    spec
      .given([])
      .when({ ...register(), certificateHeldBy: 'alice' } as OfficerCommand)
      .then([{ type: 'OfficerRegistered' }]);
    spec
      .given(registered)
      .when(heldByBob(amend({ certificateNo: 'cert-０００１', name: '张三丰' })))
      .then([{ type: 'OfficerAmended' }]);
    spec
      .given(registered)
      .when(heldByBob(amend({ name: '张三丰' })))
      .then([{ type: 'OfficerAmended' }]);
  });

  it('when an amendment says what the officer record says already, then 409 version_unchanged and nothing is recorded', () => {
    spec
      .given(registered)
      .when(amend({ name: profile.name, roles: [...profile.roles] }))
      .thenFails('version_unchanged', 409);
  });

  it.each<readonly [string, readonly OfficerEvent[], OfficerCommand, Partial<OfficerState>]>([
    ['an admin of the agency registers an officer', [], register(), profile],
    ['the certificate is valid for a single day', [], register({ validTo: '2019-01-01' }), { validTo: '2019-01-01' }],
    [
      'an admin amends name, end date and roles',
      registered,
      amend({ name: '张三丰', validTo: '2025-12-31', roles: ['officer', 'reviewer'] }),
      { name: '张三丰', validFrom: '2019-01-01', validTo: '2025-12-31', roles: ['officer', 'reviewer'] },
    ],
    [
      'an amendment moves both dates together',
      registered,
      amend({ validFrom: '2024-01-01', validTo: '2028-12-31' }),
      { validFrom: '2024-01-01', validTo: '2028-12-31', certificateNo: 'CERT-0001' },
    ],
    ['an active officer is suspended', registered, change('SuspendOfficer'), { status: 'suspended' }],
    ['a suspended officer is reinstated', suspended, change('ReinstateOfficer'), { status: 'active' }],
    ['a suspended officer retires', suspended, change('RetireOfficer'), { status: 'retired' }],
  ])('when %s, then it is recorded and evolve applies it', (_, given, command, state) => {
    const [event] = spec
      .given(given)
      .when(command)
      .then([{ type: EVENT_OF[command.type] }]);
    expect(fold(officerDecider, [...given, event!])).toMatchObject({ exists: true, status: 'active', ...state });
  });

  it.each<Rejection<OfficerEvent, OfficerCommand>>([
    ['the officer is registered already', 'officer_exists', 409, registered, register()],
    ['a retired officer is registered again', 'officer_exists', 409, retired, register()],
    ['the certificate ends before it starts', 'validity_invalid', 422, [], register({ validTo: '2018-12-31' })],
    ['the officer has no role', 'roles_required', 422, [], register({ roles: [] })],
    ['a non-admin registers', 'forbidden', 403, [], register({}, actors.alice)],
    ['an admin of another agency registers', 'forbidden', 403, [], register({}, otherAdmin)],
    ['an admin of another agency amends', 'forbidden', 403, registered, amend({ name: 'x' }, otherAdmin)],
    ['a non-admin suspends', 'forbidden', 403, registered, change('SuspendOfficer', actors.alice)],
    ['the new end precedes the recorded start', 'validity_invalid', 422, registered, amend({ validTo: '2018-06-30' })],
    ['the new start follows the recorded end', 'validity_invalid', 422, registered, amend({ validFrom: '2024-01-01' })],
    ['an amendment removes every role', 'roles_required', 422, registered, amend({ roles: [] })],
    [
      "the officer is given a system's role",
      'role_not_for_officer',
      422,
      [],
      register({ roles: ['officer', 'integration'] }),
    ],
    ["an amendment gives a system's role", 'role_not_for_officer', 422, registered, amend({ roles: ['integration'] })],
    ['a suspended officer is suspended', 'officer_suspended', 409, suspended, change('SuspendOfficer')],
    ['an active officer is reinstated', 'officer_not_suspended', 409, registered, change('ReinstateOfficer')],
    ...everyLaterCommand.map((c) => [`${c.type} follows retirement`, 'officer_retired', 409, retired, c] as const),
    ...everyLaterCommand.map((c) => [`${c.type} names an unregistered officer`, 'not_found', 404, [], c] as const),
  ])('when %s, then %s (%d)', (_, code, status, given, command) => {
    spec.given(given).when(command).thenFails(code, status);
  });
});

describe('certificateValidOn (持证执法)', () => {
  const officer = fold(officerDecider, [
    {
      type: 'OfficerRegistered',
      data: {
        officerId: 'bob',
        name: '王五',
        agency: 'county-justice',
        certificateNo: 'CERT-0002',
        validFrom: '2019-03-01',
        validTo: '2021-02-28',
        roles: ['officer'],
      },
    },
  ]);
  it.each(['2019-03-01', '2020-06-15', '2021-02-28'])('when the day is %s, then valid (both ends inclusive)', (day) => {
    expect(certificateValidOn(officer, day)).toBe(true);
  });
  it('when the day is before validity starts or after it ends, then not valid', () => {
    expect(certificateValidOn(officer, '2019-02-28')).toBe(false);
    expect(certificateValidOn(officer, '2021-03-01')).toBe(false);
  });
  it('when the officer is suspended or retired, then not valid on any day', () => {
    expect(certificateValidOn({ ...officer, status: 'suspended' }, '2020-06-15')).toBe(false);
    expect(certificateValidOn({ ...officer, status: 'retired' }, '2020-06-15')).toBe(false);
  });
  it('when the officer is unknown or not registered, then not valid', () => {
    expect(certificateValidOn(undefined, '2020-06-15')).toBe(false);
    expect(certificateValidOn(officerDecider.initialState(), '2020-06-15')).toBe(false);
  });
});

describe('the enforcement-item list (执法事项清单)', () => {
  const spec = specification(itemDecider);
  const profile: ItemProfile = {
    code: 'P-001',
    agency: 'county-justice',
    name: '未按规定公示执业信息',
    category: 'penalty',
    legalBasis: '《律师法》第五十条',
    major: { fineFenAtLeast: 1_000_000, decisionTypes: ['license_revocation'] },
  };
  const register = (changes: Partial<ItemProfile> = {}, actor = admin): ItemCommand => ({
    actor,
    type: 'RegisterItem',
    profile: { ...profile, ...changes },
  });
  type Changes = Extract<ItemCommand, { type: 'AmendItem' }>['changes'];
  const amend = (changes: Changes, actor = admin): ItemCommand => ({
    actor,
    type: 'AmendItem',
    changes,
    reason: '修订',
  });
  const retire: ItemCommand = { actor: admin, type: 'RetireItem', reason: '事项取消' };
  const registered: ItemEvent[] = [{ type: 'ItemRegistered', data: profile }];
  const retired: ItemEvent[] = [...registered, { type: 'ItemRetired', data: { reason: 'x' } }];

  it('when an admin of the agency registers an item (1 working day, threshold 0 fen), then ItemRegistered', () => {
    const [event] = spec
      .given([])
      .when(register({ disclosureWorkingDays: 1, major: { fineFenAtLeast: 0 } }))
      .then([{ type: 'ItemRegistered', data: { code: 'P-001', disclosureWorkingDays: 1 } }]);
    expect(fold(itemDecider, [event!])).toMatchObject({ exists: true, retired: false, disclosureWorkingDays: 1 });
  });
  it('when an admin amends the item, then ItemAmended and evolve applies the changes', () => {
    const [event] = spec
      .given(registered)
      .when(amend({ disclosureWorkingDays: 10, name: '新名称' }))
      .then([{ type: 'ItemAmended', data: { changes: { disclosureWorkingDays: 10 }, reason: '修订' } }]);
    const state = fold(itemDecider, [...registered, event!]);
    expect(state).toMatchObject({
      name: '新名称',
      disclosureWorkingDays: 10,
      category: 'penalty',
      major: profile.major,
    });
  });
  it('when an amendment says what the item says already, member for member, then 409 version_unchanged; one member changed is enough', () => {
    spec
      .given(registered)
      .when(amend({ name: profile.name, major: { decisionTypes: ['license_revocation'], fineFenAtLeast: 1_000_000 } }))
      .thenFails('version_unchanged', 409);
    spec
      .given(registered)
      .when(amend({ name: profile.name, disclosureWorkingDays: 9 }))
      .then([{ type: 'ItemAmended', data: { changes: { disclosureWorkingDays: 9 } } }]);
  });
  it('when an admin lists the duties and powers of an item (职责、权限), then the item holds them and an amendment replaces them', () => {
    const duties = '对律师事务所未按规定公示执业信息的行为进行查处';
    const [event] = spec
      .given([])
      .when(register({ duties, powers: '警告、罚款' }))
      .then([{ type: 'ItemRegistered', data: { duties, powers: '警告、罚款' } }]);
    const [amended] = spec
      .given([event!])
      .when(amend({ powers: '警告、罚款、停业整顿' }))
      .then([{ type: 'ItemAmended', data: { changes: { powers: '警告、罚款、停业整顿' } } }]);
    expect(fold(itemDecider, [event!, amended!])).toMatchObject({ duties, powers: '警告、罚款、停业整顿' });
  });
  it('when the item is retired, then ItemRetired and the state says so', () => {
    const [event] = spec
      .given(registered)
      .when(retire)
      .then([{ type: 'ItemRetired', data: { reason: '事项取消' } }]);
    expect(fold(itemDecider, [...registered, event!]).retired).toBe(true);
  });

  const invalidDays = [0, 1.5, -3, 366].flatMap((days) => [
    [`registering ${days} disclosure days`, [], register({ disclosureWorkingDays: days })] as const,
    [`amending to ${days} disclosure days`, registered, amend({ disclosureWorkingDays: days })] as const,
  ]);
  const invalidFen = [-1, 0.5, 1_000_000.5, 2 ** 53].flatMap((fen) => [
    [`registering a ${fen} fen threshold`, [], register({ major: { fineFenAtLeast: fen } })] as const,
    [`amending to a ${fen} fen threshold`, registered, amend({ major: { fineFenAtLeast: fen } })] as const,
  ]);
  it.each<Rejection<ItemEvent, ItemCommand>>([
    ...invalidDays.map(([when, given, c]) => [when, 'disclosure_deadline_invalid', 422, given, c] as const),
    ...invalidFen.map(([when, given, c]) => [when, 'amount_invalid', 422, given, c] as const),
    ['the item is registered already', 'item_exists', 409, registered, register()],
    ['a non-admin registers', 'forbidden', 403, [], register({}, actors.alice)],
    ['an admin of another agency registers', 'forbidden', 403, [], register({}, otherAdmin)],
    ['an admin of another agency amends', 'forbidden', 403, registered, amend({}, otherAdmin)],
    ['a retired item is amended', 'item_retired', 409, retired, amend({ name: 'x' })],
    ['a retired item is retired', 'item_retired', 409, retired, retire],
    ['an unregistered item is amended', 'not_found', 404, [], amend({ name: 'x' })],
    ['an unregistered item is retired', 'not_found', 404, [], retire],
  ])('when %s, then %s (%d)', (_, code, status, given, command) => {
    spec.given(given).when(command).thenFails(code, status);
  });
});

describe('isMajorDecision (重大执法决定目录)', () => {
  const criteria = { fineFenAtLeast: 1_000_000, decisionTypes: ['license_revocation'] as const };
  it('when a fine reaches the threshold exactly, then major; one fen below, not', () => {
    expect(isMajorDecision(criteria, 'fine', 1_000_000)).toBe(true);
    expect(isMajorDecision(criteria, 'fine', 999_999)).toBe(false);
  });
  it('when the decision type is listed, then major whatever the amount; an unlisted type is not', () => {
    expect(isMajorDecision(criteria, 'license_revocation')).toBe(true);
    expect(isMajorDecision(criteria, 'warning')).toBe(false);
  });
  it('when the item has no criteria, then no decision is major', () => {
    expect(isMajorDecision(undefined, 'fine', 99_000_000)).toBe(false);
    expect(isMajorDecision({}, 'license_revocation', 99_000_000)).toBe(false);
  });
  it('when only a type list is given, then amounts do not make a decision major', () => {
    expect(isMajorDecision({ decisionTypes: ['business_suspension'] }, 'fine', 99_000_000)).toBe(false);
  });
});
