import type { Actor } from '../../../src/domain/actor.js';
import { caseDecider } from '../../../src/domain/case/decider.js';
import { recordingDuties, recordingRequirement, RECORDING_FLOORS } from '../../../src/domain/case/rules.js';
import { deviceDecider, type DeviceCommand, type DeviceEvent } from '../../../src/domain/registry/devices.js';
import {
  recordingListDecider,
  type RecordingListCommand,
  type RecordingListEntry,
} from '../../../src/domain/registry/recording-list.js';
import type { ItemState } from '../../../src/domain/registry/items.js';
import { specification } from '../../support/decider-spec.js';
import { act, actors, context, officers, opened, photo, record, video } from '../../support/domain.js';

const AGENCY = 'county-justice';
const admin: Actor = { sub: 'head', agency: AGENCY, roles: ['admin'] };

const entry = (
  e: Partial<RecordingListEntry> & Pick<RecordingListEntry, 'entryId' | 'actType'>,
): RecordingListEntry => ({
  method: 'audio_video',
  content: '全过程',
  keyStages: ['告知', '签字'],
  place: '现场',
  ...e,
});
const FLOORS = [
  entry({ entryId: 'seizure', actType: 'PropertySeized' }),
  entry({ entryId: 'demolition', actType: 'ForcedDemolition' }),
];
const HEARING = entry({ entryId: 'hearing', actType: 'HearingHeld', itemCodes: ['P-001'], method: 'any_medium' });

describe('the recording list (音像记录事项清单)', () => {
  const spec = specification(recordingListDecider);
  const publish = (entries: RecordingListEntry[], actor = admin): RecordingListCommand => ({
    type: 'PublishRecordingList',
    actor,
    agency: AGENCY,
    entries,
    reason: '年度调整',
    items: new Map<string, ItemState>([
      ['P-001', { exists: true, retired: false }],
      ['P-002', { exists: true, retired: true }],
    ]),
  });

  it('when an admin publishes a list that keeps the floors, then RecordingListPublished and the version counts up', () => {
    const [event] = spec
      .given([])
      .when(publish([...FLOORS, HEARING]))
      .then([{ type: 'RecordingListPublished' }]);
    expect(recordingListDecider.evolve({ version: 0 }, event!)).toEqual({ version: 1, entries: [...FLOORS, HEARING] });
  });
  it.each([
    ['leaves out seizure', [FLOORS[1]!, HEARING], ['PropertySeized']],
    ['is empty', [], ['PropertySeized', 'ForcedDemolition']],
    [
      'records demolition on any medium',
      [FLOORS[0]!, { ...FLOORS[1]!, method: 'any_medium' as const }],
      ['ForcedDemolition'],
    ],
    ['records seizure on some items only', [{ ...FLOORS[0]!, itemCodes: ['P-001'] }, FLOORS[1]!], ['PropertySeized']],
  ])('when a list %s, then recording_floor_mandatory names the floor', (_, entries, missing) => {
    const error = spec.given([]).when(publish(entries)).thenFails('recording_floor_mandatory', 422);
    expect(error.details).toEqual({ missing });
  });
  it('when two entries share an id, or service methods are given for another act, then recording_entry_invalid', () => {
    spec
      .given([])
      .when(publish([...FLOORS, HEARING, HEARING]))
      .thenFails('recording_entry_invalid', 422);
    const odd = entry({ entryId: 'odd', actType: 'HearingHeld', serviceMethods: ['left'] });
    spec
      .given([])
      .when(publish([...FLOORS, odd]))
      .thenFails('recording_entry_invalid', 422);
  });
  it('when the list in force is published again (another reason alone), then 409 version_unchanged; a changed entry is a new version', () => {
    const [event] = spec
      .given([])
      .when(publish([...FLOORS, HEARING]))
      .then([{ type: 'RecordingListPublished' }]);
    spec
      .given([event!])
      .when({ ...publish([...FLOORS, { ...HEARING }]), reason: '重复提交' })
      .thenFails('version_unchanged', 409);
    spec
      .given([event!])
      .when(publish([...FLOORS, { ...HEARING, place: '询问室' }]))
      .then([{ type: 'RecordingListPublished' }]);
  });
  it('when an entry names an item the agency does not have, or one retired, then item_unknown names it', () => {
    for (const itemCode of ['P-404', 'P-002']) {
      const narrowed = entry({ entryId: 'hearing', actType: 'HearingHeld', itemCodes: ['P-001', itemCode] });
      const error = spec
        .given([])
        .when(publish([...FLOORS, narrowed]))
        .thenFails('item_unknown', 422);
      expect(error.details).toEqual({ entryId: 'hearing', itemCode });
    }
  });
  it('when an officer publishes, then forbidden; an admin of another agency, forbidden', () => {
    spec.given([]).when(publish(FLOORS, actors.alice)).thenFails('forbidden', 403);
    spec
      .given([])
      .when(publish(FLOORS, { ...admin, agency: 'city-market' }))
      .thenFails('forbidden', 403);
  });
});

describe('the recording duties of a case (recordingDuties, recordingRequirement)', () => {
  it('when no list is published, then the duties are the floors and service by leaving or public notice', () => {
    const duties = recordingDuties(undefined, 'P-001');
    expect(recordingRequirement({ type: 'PropertySeized' }, duties)).toBe('audio_video');
    expect(recordingRequirement({ type: 'DocumentServed', data: { method: 'left' } }, duties)).toBe('any_medium');
    expect(recordingRequirement({ type: 'DocumentServed', data: { method: 'mail' } }, duties)).toBeUndefined();
    expect(recordingRequirement({ type: 'HearingHeld' }, duties)).toBeUndefined();
  });
  it('when a list scopes an entry to some items, then only cases of those items have it, and the floors always', () => {
    expect(recordingRequirement({ type: 'HearingHeld' }, recordingDuties([HEARING], 'P-001'))).toBe('any_medium');
    const other = recordingDuties([HEARING], 'I-001');
    expect(recordingRequirement({ type: 'HearingHeld' }, other)).toBeUndefined();
    // even a list that somehow lacks the floors (none the registry accepts) leaves them in the duties
    expect(other).toEqual(RECORDING_FLOORS);
    expect(recordingRequirement({ type: 'DocumentServed', data: { method: 'left' } }, other)).toBeUndefined();
  });
  it('when two entries name the same act, then the stronger recording is required', () => {
    const weak = entry({ entryId: 'a', actType: 'DocumentServed', method: 'any_medium' });
    const strong = entry({ entryId: 'b', actType: 'DocumentServed', serviceMethods: ['public_notice'] });
    const duties = recordingDuties([...FLOORS, weak, strong], 'P-001');
    expect(recordingRequirement({ type: 'DocumentServed', data: { method: 'public_notice' } }, duties)).toBe(
      'audio_video',
    );
    expect(recordingRequirement({ type: 'DocumentServed', data: { method: 'mail' } }, duties)).toBe('any_medium');
  });
});

describe('the case decider under a recording list', () => {
  const spec = specification(caseDecider);
  const withList = { ...context, recordingList: [...FLOORS, entry({ entryId: 'ev', actType: 'EvidenceCollected' })] };
  const openWith = () => {
    const command = opened();
    return { ...command, context: withList };
  };

  it('when a case is opened, then CaseOpened records the duties of its item under the list in force', () => {
    const [event] = spec
      .given([])
      .when(openWith())
      .then([{ type: 'CaseOpened' }]);
    expect(event!.type === 'CaseOpened' && event!.data.recordingDuties).toEqual([
      { actType: 'PropertySeized', method: 'audio_video' },
      { actType: 'ForcedDemolition', method: 'audio_video' },
      { actType: 'EvidenceCollected', method: 'audio_video' },
    ]);
  });
  it('when evidence is collected in a case opened under the list without a video, then recording_required; with one, recorded', () => {
    const given = spec.given(caseDecider.decide(openWith(), caseDecider.initialState()));
    given
      .when(act('EvidenceCollected', { description: '取证' }, { media: [photo] }))
      .thenFails('recording_required', 422);
    given
      .when(act('EvidenceCollected', { description: '取证' }, { media: [video] }))
      .then([{ type: 'EvidenceCollected' }]);
  });
  it('when a case was opened before lists existed (no duties recorded), then the default duties apply to it', () => {
    const legacy = record(opened()).map((e) => {
      const { recordingDuties: _dropped, ...data } = e.data as Record<string, unknown>;
      return { ...e, data } as typeof e;
    });
    const given = spec.given(legacy);
    given.when(act('EvidenceCollected', { description: '取证' })).then([{ type: 'EvidenceCollected' }]);
    given.when(act('DocumentServed', { document: '决定书', method: 'left' })).thenFails('recording_required', 422);
    given
      .when(act('PropertySeized', { items: 'x', legalBasis: 'y' }, { media: [photo] }))
      .thenFails('recording_required');
  });
});

describe('recording devices (执法记录仪)', () => {
  const spec = specification(deviceDecider);
  const profile = { deviceId: 'cam-01', agency: AGENCY, holder: 'alice', model: 'DSJ-V1' };
  const register = (holder = 'alice'): DeviceCommand => ({
    type: 'RegisterDevice',
    actor: admin,
    profile: { ...profile, holder },
    holderState: officers[holder],
  });
  const registered: DeviceEvent[] = [{ type: 'DeviceRegistered', data: profile }];
  const status = (s: 'active' | 'lost' | 'retired'): DeviceCommand => ({
    type: 'ChangeDeviceStatus',
    actor: admin,
    status: s,
    reason: 'r',
  });

  it('when an admin registers a device held by an officer of the agency, then DeviceRegistered', () => {
    spec
      .given([])
      .when(register())
      .then([{ type: 'DeviceRegistered', data: profile }]);
  });
  it('when the holder is of another agency or unknown, then officer_unknown; a second registration is device_exists', () => {
    spec.given([]).when(register('olga')).thenFails('officer_unknown', 422);
    spec.given([]).when(register('nobody')).thenFails('officer_unknown', 422);
    spec.given(registered).when(register()).thenFails('device_exists', 409);
  });
  it('when a device is lost, found and retired, then each change is recorded and nothing follows retirement', () => {
    const lost = spec
      .given(registered)
      .when(status('lost'))
      .then([{ type: 'DeviceStatusChanged', data: { status: 'lost' } }]);
    const found = spec
      .given([...registered, ...lost])
      .when(status('active'))
      .then([{ type: 'DeviceStatusChanged' }]);
    spec
      .given([...registered, ...lost, ...found])
      .when(status('active'))
      .thenFails('device_status_unchanged', 409);
    const retired = spec
      .given(registered)
      .when(status('retired'))
      .then([{ type: 'DeviceStatusChanged' }]);
    const reassign: DeviceCommand = {
      type: 'ReassignDevice',
      actor: admin,
      holder: 'bob',
      holderState: officers.bob,
      reason: 'r',
    };
    spec
      .given([...registered, ...retired])
      .when(reassign)
      .thenFails('device_retired', 409);
    const reassigned = spec
      .given(registered)
      .when(reassign)
      .then([{ type: 'DeviceReassigned', data: { holder: 'bob' } }]);
    // handing it to the officer who holds it already changes nothing
    spec
      .given([...registered, ...reassigned])
      .when(reassign)
      .thenFails('device_holder_unchanged', 409);
  });

  describe('a recording naming its device', () => {
    const caseSpec = specification(caseDecider);
    const device = (state: Partial<{ status: 'active' | 'lost' | 'retired'; agency: string }>) => ({
      ...context,
      device: (id: string) =>
        id === 'cam-01'
          ? { exists: true, deviceId: id, holder: 'alice', agency: AGENCY, status: 'active' as const, ...state }
          : undefined,
    });
    const attach = (deviceId: string, ctx = device({})) => ({
      ...act('RecordingAttached', { description: '执法记录仪视频', deviceId }, { media: [video] }),
      context: ctx,
    });
    it('when the device is registered and active, then RecordingAttached names it', () => {
      caseSpec
        .given(record(opened()))
        .when(attach('cam-01'))
        .then([{ type: 'RecordingAttached', data: { deviceId: 'cam-01' } }]);
    });
    it.each([
      ['unknown', attach('cam-99'), 'device_unknown', 422],
      ['of another agency', attach('cam-01', device({ agency: 'city-market' })), 'device_unknown', 422],
      ['lost', attach('cam-01', device({ status: 'lost' })), 'device_lost', 409],
      ['retired', attach('cam-01', device({ status: 'retired' })), 'device_retired', 409],
    ])('when the device is %s, then it is refused', (_, command, code, status) => {
      caseSpec.given(record(opened())).when(command).thenFails(code, status);
    });
  });

  describe('a recording naming its device, judged at the time it was made', () => {
    const caseSpec = specification(caseDecider);
    // registered at 09:00, reported lost at 12:00, found at 15:00, retired at 18:00 (China time, written in UTC)
    const history = deviceDecider.evolve(
      deviceDecider.evolve(
        deviceDecider.evolve(
          deviceDecider.evolve(
            deviceDecider.initialState(),
            withTime(
              { type: 'DeviceRegistered', data: { deviceId: 'cam-01', agency: AGENCY, holder: 'alice' } },
              '2019-09-20T01:00:00Z',
            ),
          ),
          withTime({ type: 'DeviceStatusChanged', data: { status: 'lost', reason: '遗失' } }, '2019-09-20T04:00:00Z'),
        ),
        withTime({ type: 'DeviceStatusChanged', data: { status: 'active', reason: '找回' } }, '2019-09-20T07:00:00Z'),
      ),
      withTime({ type: 'DeviceStatusChanged', data: { status: 'retired', reason: '报废' } }, '2019-09-20T10:00:00Z'),
    );
    const attachAt = (occurredAt: string) => ({
      ...act(
        'RecordingAttached',
        { description: '执法记录仪视频', deviceId: 'cam-01' },
        { media: [video], occurredAt },
      ),
      context: { ...context, device: (id: string) => (id === 'cam-01' ? history : undefined) },
    });

    it('when the fold is given the recording times, then it dates each status', () => {
      expect(history.statuses).toEqual([
        { status: 'active', from: '2019-09-20T01:00:00Z' },
        { status: 'lost', from: '2019-09-20T04:00:00Z' },
        { status: 'active', from: '2019-09-20T07:00:00Z' },
        { status: 'retired', from: '2019-09-20T10:00:00Z' },
      ]);
      expect(history.status).toBe('retired');
    });

    it.each([
      ['before it was registered', '2019-09-20T08:30:00+08:00', 'device_unknown', 422],
      ['while it was reported lost', '2019-09-20T13:00:00+08:00', 'device_lost', 409],
      ['after it was retired', '2019-09-20T18:30:00+08:00', 'device_retired', 409],
    ])('when the recording was made %s, then it is refused', (_, occurredAt, code, status) => {
      caseSpec.given(record(opened())).when(attachAt(occurredAt)).thenFails(code, status);
    });

    it.each([
      ['after registration, before the loss', '2019-09-20T10:00:00+08:00'],
      ['after it was found, before it was retired (though it is retired now)', '2019-09-20T16:00:00+08:00'],
    ])('when the recording was made %s, then it is recorded with the device', (_, occurredAt) => {
      caseSpec
        .given(record(opened()))
        .when(attachAt(occurredAt))
        .then([{ type: 'RecordingAttached', data: { deviceId: 'cam-01' } }]);
    });
  });

  describe('a recording attached later', () => {
    const caseSpec = specification(caseDecider);
    const attach = (data: Record<string, unknown>, media = [video]) => ({
      ...act('RecordingAttached', { description: '执法记录仪视频', ...data }, { media }),
      context,
    });
    it('when it names an act of the case, then it is recorded for it', () => {
      const opening = record(opened());
      const openingId = opening[0]!.id;
      expect(openingId).toMatch(/\S/);
      caseSpec
        .given(opening)
        .when(attach({ relatesTo: openingId }))
        .then([{ type: 'RecordingAttached', data: { relatesTo: openingId } }]);
    });
    it.each([
      ['names no recording', attach({}, []), 'recording_required'],
      ['names an act the case does not have', attach({ relatesTo: 'no-such-event' }), 'recording_target_unknown'],
    ])('when it %s, then 422 and nothing is recorded', (_, command, code) => {
      caseSpec.given(record(opened())).when(command).thenFails(code, 422);
    });
  });
});

/** A device event as the registry reader hands it to the fold: with the time it was recorded. */
function withTime(event: DeviceEvent, recordedAt: string): DeviceEvent {
  return { ...event, recordedAt } as unknown as DeviceEvent;
}
